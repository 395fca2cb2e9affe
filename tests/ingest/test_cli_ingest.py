"""``hakuapu ingest | documents | search | remove`` with settings from HAKUAPU_* variables."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hakuapu.cli import main

PAGES = [
    ["1. Haun tarkoitus", "Haulla tuetaan saaristolaisnuorten purjehdusleirejä."],
    ["2. Kuka voi hakea", "Rahoitusta voivat hakea purjehdusseurat ja nuorisoyhdistykset."],
    ["3. Aikataulu", "Haku päättyy marraskuun lopussa."],
]


@pytest.fixture
def cli_env(tmp_path, monkeypatch, make_pdf):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "purjehdus.pdf", PAGES, title="Purjehdushaku")
    (corpus / "ohje.md").write_text(
        "# Maksatusohje\n\nMaksatusta haetaan puolen vuoden välein EURA-järjestelmässä.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HAKUAPU_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HAKUAPU_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("HAKUAPU_TODAY", "2025-04-01")
    return corpus


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_ingest_documents_search_remove(cli_env, capsys):
    rc, out, err = _run(capsys, "ingest")
    assert rc == 0, err
    assert "added 2, updated 0, unchanged 0, removed 0, failed 0" in out

    rc, out, _ = _run(capsys, "documents")
    assert rc == 0
    lines = out.splitlines()
    assert any(line.startswith("purjehdus ") and "Purjehdushaku" in line for line in lines)
    assert any(line.startswith("ohje ") and "Maksatusohje" in line for line in lines)
    assert lines[-1].startswith("2 documents,") and lines[-1].endswith("generation 1")

    rc, out, _ = _run(capsys, "documents", "--json")
    docs = {d["doc_id"]: d for d in json.loads(out)}
    assert docs["purjehdus"]["pages"] == 3

    rc, out, _ = _run(capsys, "search", "Kuka voi hakea rahoitusta?", "-k", "1", "--json")
    [hit] = json.loads(out)
    assert hit["doc_id"] == "purjehdus" and 2 in hit["pages"]
    assert "purjehdusseurat" in hit["text"]

    rc, out, _ = _run(capsys, "search", "Kuka voi hakea rahoitusta?", "-k", "1")
    assert out.startswith("1. [") and "Purjehdushaku, p. " in out

    rc, out, _ = _run(capsys, "ingest")
    assert rc == 0 and "unchanged 2" in out and "(0 embedded)" in out

    rc, out, err = _run(capsys, "remove", "ohje")
    assert rc == 0 and "removed 1" in out and err == ""
    rc, out, _ = _run(capsys, "documents", "--json")
    assert [d["doc_id"] for d in json.loads(out)] == ["purjehdus"]

    rc, out, err = _run(capsys, "remove", "ei-tallaista")
    assert rc == 1
    assert err.strip() == "error: ei-tallaista: no such document in the index"


def test_bad_file_is_one_error_line_and_the_rest_goes_in(cli_env, capsys):
    (cli_env / "rikki.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (cli_env / "tyhja.pdf").write_bytes(b"")
    rc, out, err = _run(capsys, "ingest", str(cli_env), str(cli_env / "puuttuu.pdf"))
    assert rc == 1
    errors = sorted(err.strip().splitlines())
    assert len(errors) == 3, errors
    assert errors[0] == f"error: {cli_env / 'puuttuu.pdf'}: no such file or folder"
    assert re.fullmatch(r"error: rikki\.pdf: corrupt or unreadable PDF \(\w+\)", errors[1])
    assert errors[2] == "error: tyhja.pdf: file is empty"
    assert "added 2" in out and "failed 3" in out


def test_empty_index(cli_env, capsys):
    rc, out, _ = _run(capsys, "documents")
    assert rc == 0 and out.startswith("no documents in the index")
    rc, out, _ = _run(capsys, "search", "mitä tahansa")
    assert rc == 0 and out.strip() == "no passages found"


@pytest.mark.slow
def test_console_script_end_to_end(tmp_path, make_pdf):
    """The installed ``hakuapu`` command, in its own process."""
    corpus = tmp_path / "corpus"
    make_pdf(corpus / "purjehdus.pdf", PAGES)
    (corpus / "kuva.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    env = {
        **os.environ,
        "HAKUAPU_DATA_DIR": str(tmp_path / "data"),
        "HAKUAPU_CORPUS_DIR": str(corpus),
    }
    exe = Path(sys.executable).with_name("hakuapu")
    done = subprocess.run(
        [str(exe), "ingest"], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: kuva.pdf: not a PDF file (no %PDF header); check the file type"
    )
    assert "added 1" in done.stdout and "failed 1" in done.stdout
    listed = subprocess.run(
        [str(exe), "documents"], env=env, capture_output=True, text=True, timeout=300
    )
    assert listed.returncode == 0 and listed.stdout.startswith("purjehdus ")
