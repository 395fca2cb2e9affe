"""Scale-out on a real ``chroma run`` server: several processes (separate data folders) share
one index, writers on different machines take turns through a lock held in the server, and
every process follows a switch made by another one without a restart."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from admin_data import AUTH, CALLS_YAML, DEADLINE_Q, NOTICE_V1, NOTICE_V2, OHJE_MD, TALVI_MD, TOKEN
from conftest import free_port, stop, wait_http

from hakuapu.services import Services
from hakuapu.settings import Settings
from index.store import _LOCK_COLLECTION, IndexBusy, IndexStore

pytestmark = pytest.mark.slow


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "calls.yaml").write_text(CALLS_YAML, encoding="utf-8")
    (corpus / "ohje.md").write_text(OHJE_MD, encoding="utf-8")
    (corpus / "talvi.md").write_text(TALVI_MD, encoding="utf-8")
    return corpus


def _services(root: Path, corpus: Path, url: str) -> Services:
    return Services(Settings(data_dir=root, corpus_dir=corpus, chroma_url=url, today="2025-04-01"))


def _quotes(answer: dict) -> str:
    return " ".join(c["quote"] for c in answer["citations"])


def test_two_api_processes_share_one_index(tmp_path, chroma_server):
    corpus = _corpus(tmp_path)
    procs, urls = [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            env = {
                **os.environ,
                "HAKUAPU_DATA_DIR": str(tmp_path / name),
                "HAKUAPU_CORPUS_DIR": str(corpus),
                "HAKUAPU_CHROMA_URL": chroma_server,
                "HAKUAPU_ADMIN_TOKEN": TOKEN,
                "HAKUAPU_TODAY": "2025-04-01",
                "HAKUAPU_RATE_LIMIT_PER_MINUTE": "0",
            }
            log = (tmp_path / f"{name}.log").open("wb")
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "hakuapu.cli", "serve", "--port", str(port)],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url, proc in zip(urls, procs, strict=True):
            wait_http(f"{url}/health", 120, proc)
        a, b = (httpx.Client(base_url=u, timeout=120) for u in urls)

        r = a.post("/api/admin/reingest", headers=AUTH)
        assert r.status_code == 200, r.text
        assert sorted(r.json()["added"]) == ["ohje", "talvi"]
        answer = b.post("/api/ask", json={"question": "Miten maksatusta haetaan?"}).json()
        assert "ohje" in {c["document_id"] for c in answer["citations"]}

        # Upload through A: B answers from the new document, no restart.
        r = a.post(
            "/api/admin/documents",
            headers=AUTH,
            files={"files": ("purjehdus.md", NOTICE_V1.encode())},
            data={"call_id": "kesa-2025"},
        )
        assert r.status_code == 201, r.text
        generation = r.json()["generation"]
        answer = b.post("/api/ask", json={"question": DEADLINE_Q}).json()
        assert "15.5.2025" in _quotes(answer)
        assert (tmp_path / "b" / "index" / "keyword" / f"hakuapu-g{generation:06d}").is_dir()

        # Replace through B: A answers only the new version from then on.
        r = b.put(
            "/api/admin/documents/purjehdus",
            headers=AUTH,
            files={"file": ("purjehdus.md", NOTICE_V2.encode())},
        )
        assert r.status_code == 200, r.text
        for client in (a, b):
            answer = client.post("/api/ask", json={"question": DEADLINE_Q}).json()
            assert "30.9.2025" in _quotes(answer) and "15.5.2025" not in _quotes(answer)
        docs = {d["doc_id"]: d for d in a.get("/api/admin/documents", headers=AUTH).json()}
        assert docs["purjehdus"]["call_id"] == "kesa-2025"
        assert a.get("/api/admin/status", headers=AUTH).json()["generation"] == generation + 1
    finally:
        for proc in procs:
            stop(proc)


def test_writers_on_two_machines_take_turns(tmp_path, chroma_server):
    corpus = _corpus(tmp_path)
    a = _services(tmp_path / "a", corpus, chroma_server)
    b = _services(tmp_path / "b", corpus, chroma_server)  # another data folder: another machine
    with a.store.write_lock():
        with pytest.raises(IndexBusy, match="lock in the shared Chroma server held by"):
            b.ingestor().run([corpus], progress=False)
    assert b.store.manifest() is None
    assert sorted(b.ingestor().run([corpus], progress=False).added) == ["ohje", "talvi"]
    client = a.store.client
    assert _LOCK_COLLECTION not in [c.name for c in client.list_collections()]  # released

    # A lock whose holder is gone (a dead process here, or an expired one) is taken over.
    for owner, expires in [(f"{os.uname().nodename}:999999999:x", 60), ("elsewhere:1:x", -1)]:
        client.create_collection(
            _LOCK_COLLECTION, metadata={"owner": owner, "expires": time.time() + expires}
        )
        (corpus / "uusi.md").write_text(f"# Uusi\n\nVersio {owner}.\n", encoding="utf-8")
        assert a.ingestor().run([corpus], progress=False).ok
    # A live holder on another machine is respected.
    client.create_collection(
        _LOCK_COLLECTION, metadata={"owner": "elsewhere:1:x", "expires": time.time() + 60}
    )
    with pytest.raises(IndexBusy, match="elsewhere:1:x"):
        a.ingestor().run([corpus], progress=False)
    client.delete_collection(_LOCK_COLLECTION)


def test_a_writer_that_lost_its_lock_does_not_publish(tmp_path, chroma_server):
    corpus = _corpus(tmp_path)
    a = _services(tmp_path / "a", corpus, chroma_server)
    a.ingestor().run([corpus], progress=False)
    live = a.store.manifest()
    client = a.store.client
    with a.store.write_lock():
        build = a.store.begin()
        build.keep(list(live.documents))
        # another machine decided this writer was dead and took the lock over
        client.delete_collection(_LOCK_COLLECTION)
        client.create_collection(
            _LOCK_COLLECTION, metadata={"owner": "elsewhere:1:x", "expires": time.time() + 60}
        )
        with pytest.raises(IndexBusy, match="taken over"):
            build.commit()
        build.abort()
    assert a.store.manifest() == live
    names = [c.name for c in client.list_collections()]
    assert build.name in names  # may be the new holder's: not dropped by the loser
    assert _LOCK_COLLECTION in names  # the new holder's lock is left alone
    client.delete_collection(_LOCK_COLLECTION)


def test_reader_rebuilds_a_keyword_index_it_does_not_trust(tmp_path, chroma_server):
    """A folder left by a crashed build under the same collection name is not reused."""
    corpus = _corpus(tmp_path)
    writer = _services(tmp_path / "a", corpus, chroma_server)
    writer.ingestor().run([corpus], progress=False)
    live = writer.store.manifest()
    reader_root = tmp_path / "b"
    reader = _services(reader_root, corpus, chroma_server)
    assert [p.doc_id for p in reader.retriever().search("hiihtoseurat", k=1)] == ["talvi"]
    folder = reader_root / "index" / "keyword" / live.collection
    stamp = (folder / "collection.id").read_text()
    (folder / "collection.id").write_text("some-other-collection")
    fresh = IndexStore(reader_root, reader.embedder.name, reader.embedder.dim, chroma_server)
    snap = fresh.snapshot()
    assert (folder / "collection.id").read_text() == stamp
    assert sorted(snap.keyword.ids) == sorted(snap.collection.get(include=[])["ids"])


def test_a_reader_on_another_machine_reads_the_sentence_vectors_ingest_computed(
    tmp_path, chroma_server
):
    """Sentence vectors live in the Chroma server: a process with its own data folder answers
    without embedding a single quotable sentence, and a removed document's vectors go."""
    from ingest.text import quotes

    corpus = _corpus(tmp_path)
    writer = _services(tmp_path / "a", corpus, chroma_server)
    assert writer.ingestor().run([corpus], progress=False).ok
    reader = _services(tmp_path / "b", corpus, chroma_server)
    embedded: list[str] = []
    real = reader.embedder.embed_passages
    reader.embedder.embed_passages = lambda texts: embedded.extend(texts) or real(texts)
    try:
        snap = reader.store.snapshot()
        sentences = [q for text in snap.texts() for q in quotes(text)]
        assert sentences and reader.sentence_vectors.passages(sentences).shape[0] == len(sentences)
        assert embedded == []  # all read from the server
        assert not (tmp_path / "b" / "sentence-vectors.sqlite3").exists()
        # Removing a document prunes its sentences' vectors in the server too.
        (corpus / "talvi.md").unlink()
        assert writer.ingestor().run([corpus], progress=False).ok
        gone = [q for q in sentences if "hiihtoseura" in q.lower()]
        assert gone and reader.sentence_vectors._load(gone) == {}
    finally:
        reader.embedder.embed_passages = real
