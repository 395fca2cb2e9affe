"""Ingest runs: incremental by content hash, pruning, removal, and atomic generations."""

from __future__ import annotations

import pytest

from index.store import _PREFIX
from ingest.pipeline import DocumentOverride, Ingestor

ALPHA = [
    ["1. Haun tarkoitus", "Haulla tuetaan nuorten kesäleirejä saaristossa."],
    ["2. Kuka voi hakea", "Rahoitusta voivat hakea partiolippukunnat ja nuorisoseurat."],
    ["3. Aikataulu", "Haku päättyy lokakuun lopussa."],
]
BETA_MD = (
    "---\ntitle: Beeta-ohje\ntype: guide\n---\n\n"
    "# Beeta-ohje\n\nOhje kertoo, miten maksatusta haetaan EURA-järjestelmässä.\n\n"
    "## Liitteet\n\nMaksatushakemukseen liitetään kirjanpitoraportti.\n"
)
GAMMA_TXT = "1. Yleistä\nGamma-muistio käsittelee hankkeiden viestintää ja näkyvyyttä.\n"


def _fill(env, make_pdf) -> None:
    make_pdf(env.corpus / "alfa.pdf", ALPHA, title="Alfa-hakuilmoitus")
    (env.corpus / "beeta.md").write_text(BETA_MD, encoding="utf-8")
    (env.corpus / "gamma.txt").write_text(GAMMA_TXT, encoding="utf-8")


def _collections(env) -> list[str]:
    client = env.services.store.client
    names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
    return sorted(n for n in names if n.startswith(_PREFIX))


class FailingEmbedder:
    """The real embedder, interrupted (Ctrl-C) on its ``fail_on``-th batch of passages."""

    def __init__(self, inner, fail_on: int):
        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.calls = 0
        self.fail_on = fail_on

    def embed_passages(self, texts):
        self.calls += 1
        if self.calls == self.fail_on:
            raise KeyboardInterrupt
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def token_count(self, text):
        return self.inner.token_count(text)


def test_first_run_adds_everything(env, make_pdf):
    _fill(env, make_pdf)
    summary = env.ingest()
    assert summary.ok
    assert sorted(summary.added) == ["alfa", "beeta", "gamma"]
    assert summary.embedded_chunks == summary.chunks > 0
    assert summary.generation == 1
    docs = env.services.store.manifest().documents
    assert docs["alfa"]["title"] == "Alfa-hakuilmoitus"
    assert docs["alfa"]["pages"] == 3
    assert docs["beeta"]["title"] == "Beeta-ohje"
    assert docs["beeta"]["doc_type"] == "guide"
    assert docs["gamma"]["source"] == str((env.corpus / "gamma.txt").resolve())
    assert "added 3, updated 0, unchanged 0, removed 0, failed 0" in summary.line()


def test_unchanged_files_are_not_embedded_again(env, make_pdf):
    _fill(env, make_pdf)
    first = env.ingest()
    ids = env.chunk_ids()
    second = env.ingest()
    assert second.embedded_chunks == 0
    assert sorted(second.unchanged) == ["alfa", "beeta", "gamma"]
    assert second.added == second.updated == second.removed == []
    assert second.generation == first.generation
    assert second.chunks == first.chunks
    assert env.chunk_ids() == ids


def test_changed_file_replaces_only_its_chunks(env, make_pdf):
    _fill(env, make_pdf)
    env.ingest()
    alfa_before, beeta_before = env.chunk_ids("alfa"), env.chunk_ids("beeta")
    gamma_before = env.chunk_ids("gamma")

    (env.corpus / "beeta.md").write_text(
        BETA_MD.replace("kirjanpitoraportti", "tiliote ja palkkalaskelmat"), encoding="utf-8"
    )
    summary = env.ingest()
    assert summary.updated == ["beeta"]
    assert sorted(summary.unchanged) == ["alfa", "gamma"]
    assert summary.embedded_chunks == len(env.chunk_ids("beeta"))
    assert env.chunk_ids("alfa") == alfa_before
    assert env.chunk_ids("gamma") == gamma_before
    beeta_after = env.chunk_ids("beeta")
    assert beeta_after and not (beeta_after & beeta_before)
    # the old chunks are gone from the live generation, the new text is searchable
    got = env.services.store.snapshot().collection.get(ids=sorted(beeta_before))
    assert got["ids"] == []
    text = " ".join(c.text for c in env.chunks("beeta"))
    assert "palkkalaskelmat" in text and "kirjanpitoraportti" not in text
    [top] = env.search("palkkalaskelmat maksatushakemuksen liitteenä", k=1)
    assert top.doc_id == "beeta"


def test_file_removed_from_the_folder_is_pruned(env, make_pdf):
    _fill(env, make_pdf)
    env.ingest()
    (env.corpus / "gamma.txt").unlink()
    summary = env.ingest()
    assert summary.removed == ["gamma"]
    assert summary.embedded_chunks == 0
    assert "gamma" not in env.services.store.manifest().documents
    assert env.chunk_ids("gamma") == set()
    assert env.chunk_ids("alfa") and env.chunk_ids("beeta")


def test_no_prune_and_single_files_keep_other_documents(env, make_pdf):
    _fill(env, make_pdf)
    env.ingest()
    (env.corpus / "gamma.txt").unlink()
    assert env.ingest(prune=False).removed == []
    # naming one file is not a statement about the folder it is in
    summary = env.ingest([env.corpus / "alfa.pdf"])
    assert summary.removed == [] and summary.unchanged == ["alfa"]
    assert "gamma" in env.services.store.manifest().documents


def test_remove_by_document_id(env, make_pdf):
    _fill(env, make_pdf)
    env.ingest()
    summary = env.ingest([], remove=["beeta", "ei-ole"], prune=False)
    assert summary.removed == ["beeta"]
    assert summary.failed == [("ei-ole", "no such document in the index")]
    assert sorted(env.services.store.manifest().documents) == ["alfa", "gamma"]
    assert env.chunk_ids("beeta") == set()


def test_calls_yaml_and_overrides_label_documents(env, make_pdf):
    _fill(env, make_pdf)
    (env.corpus / "calls.yaml").write_text(
        "managing_authority: {name: ELY, contact: {name: A}}\n"
        "calls:\n"
        "  - {id: testihaku-2025, title: {fi: Testihaku}, funders: [OKM],"
        " managing_authority: ELY, opens: 2025-01-01, closes: 2025-12-31, budget_eur: 1000,"
        " contacts: [{name: A}], documents: [alfa.pdf, gamma.txt]}\n"
        "documents:\n"
        "  alfa.pdf: {title: Alfan virallinen nimi, type: call_notice, sample: true}\n",
        encoding="utf-8",
    )
    summary = env.services.ingestor().run(
        [env.corpus],
        overrides={"gamma.txt": DocumentOverride(call_id="", doc_type="memo", title="Gamma")},
        progress=False,
    )
    assert summary.ok
    docs = env.services.store.manifest().documents
    assert docs["alfa"]["call_id"] == "testihaku-2025"
    assert docs["alfa"]["title"] == "Alfan virallinen nimi"
    assert docs["alfa"]["doc_type"] == "call_notice"
    assert docs["alfa"]["sample"] is True
    assert docs["gamma"]["call_id"] == ""  # the admin's word wins over calls.yaml
    assert (docs["gamma"]["doc_type"], docs["gamma"]["title"]) == ("memo", "Gamma")
    assert docs["beeta"]["call_id"] == ""
    for c in env.chunks("alfa"):
        assert (c.call_id, c.doc_type, c.title) == (
            "testihaku-2025",
            "call_notice",
            "Alfan virallinen nimi",
        )
    # a metadata change alone is a change: the document is re-labelled
    (env.corpus / "calls.yaml").write_text(
        (env.corpus / "calls.yaml").read_text().replace("Alfan virallinen nimi", "Uusi nimi")
    )
    again = env.ingest()
    assert "alfa" in again.updated
    assert {c.title for c in env.chunks("alfa")} == {"Uusi nimi"}


def test_front_matter_sample_flag(env):
    (env.corpus / "esimerkki.md").write_text(
        "---\ntitle: Esimerkki\nsample: true\n---\n\nTämä on keksitty esimerkkiteksti.\n",
        encoding="utf-8",
    )
    (env.corpus / "aito.md").write_text(
        "---\ntitle: Aito\nsample: false\n---\n\nTämä on oikea teksti.\n", encoding="utf-8"
    )
    env.ingest()
    docs = env.services.store.manifest().documents
    assert docs["esimerkki"]["sample"] is True
    assert docs["aito"]["sample"] is False


def test_same_document_id_twice_is_reported(env, make_pdf):
    make_pdf(env.corpus / "ohje.pdf", ALPHA)
    (env.corpus / "ohje.md").write_text("# Ohje\n\nToinen ohje samalla nimellä.\n")
    summary = env.ingest()
    assert summary.added == ["ohje"]
    [(name, reason)] = summary.failed
    assert name == "ohje.pdf" and "same document id 'ohje'" in reason


def test_chunk_settings_are_part_of_the_content_hash(make_env, make_pdf):
    a = make_env("a")
    _fill(a, make_pdf)
    a.ingest()
    b = make_env("a", chunk_tokens=120)  # same data dir, other chunk size
    summary = b.ingest()
    assert sorted(summary.updated) == ["alfa", "beeta", "gamma"]
    assert summary.embedded_chunks == summary.chunks


def test_interrupted_run_leaves_the_previous_generation(make_env, make_pdf):
    # Small chunks, so the changed documents need several embedding batches and the interrupt
    # lands in the middle of the run, whatever the batching.
    env = make_env(chunk_tokens=40, chunk_overlap_tokens=0)
    _fill(env, make_pdf)
    env.ingest()
    before = env.services.store.manifest()
    hits_before = [(p.chunk_id, p.page) for p in env.search("Kuka voi hakea rahoitusta?", k=3)]
    collections_before = _collections(env)

    make_pdf(env.corpus / "alfa.pdf", [["1. Uusi", "Täysin uusi sisältö alfaan."], *ALPHA[1:]])
    (env.corpus / "delta.md").write_text(
        "# Delta\n\n"
        + " ".join(f"Delta kertoo uuden haun {i}. vaiheesta lyhyesti." for i in range(60))
        + "\n",
        encoding="utf-8",
    )
    faulty = FailingEmbedder(env.services.embedder, fail_on=2)
    ingestor = Ingestor(env.settings, env.services.store, faulty, env.services.calls())
    with pytest.raises(KeyboardInterrupt):
        ingestor.run([env.corpus], progress=False)
    assert faulty.calls == 2

    after = env.services.store.manifest()
    assert after.generation == before.generation
    assert after.documents == before.documents
    assert _collections(env) == collections_before
    assert [(p.chunk_id, p.page) for p in env.search("Kuka voi hakea rahoitusta?", k=3)] == (
        hits_before
    )
    keyword = env.services.store.root / "keyword"
    assert sorted(p.name for p in keyword.iterdir()) == collections_before

    summary = env.ingest()
    assert summary.ok
    assert summary.generation == before.generation + 1
    assert sorted(summary.added) == ["delta"] and summary.updated == ["alfa"]
    assert len(env.chunk_ids("delta")) > 16
    assert "Täysin uusi sisältö" in " ".join(c.text for c in env.chunks("alfa"))


def test_crashed_build_is_cleaned_up_by_the_next_run(env, make_env, make_pdf):
    """A build that never committed nor aborted (the process was killed) is a leftover."""
    _fill(env, make_pdf)
    env.ingest()
    before = env.services.store.manifest()
    build = env.services.store.begin()
    build.keep(["alfa"])
    assert build.name in _collections(env)
    assert env.services.store.manifest().generation == before.generation

    fresh = make_env("env")  # a new process on the same data dir
    assert fresh.services.store.manifest().generation == before.generation
    assert [p.doc_id for p in fresh.search("partiolippukunnat", k=1)] == ["alfa"]
    (fresh.corpus / "gamma.txt").write_text(GAMMA_TXT + "Lisäys muistioon.\n")
    summary = fresh.ingest()
    assert summary.updated == ["gamma"]
    assert summary.generation == before.generation + 1
    gens = _collections(fresh)
    assert gens == [f"{_PREFIX}{g:06d}" for g in (before.generation, summary.generation)]
    assert fresh.services.store.snapshot().collection.count() == summary.chunks


def test_old_generations_are_garbage_collected(env, make_pdf):
    _fill(env, make_pdf)
    env.ingest()
    for i in range(3):
        (env.corpus / "gamma.txt").write_text(GAMMA_TXT + f"Versio {'x' * (i + 1)}.\n")
        env.ingest()
    live = env.services.store.manifest()
    assert live.generation == 4
    # the live one and two before it (queries in flight finish on them); the first is gone
    gens = _collections(env)
    assert gens == [f"{_PREFIX}{g:06d}" for g in (2, 3, 4)]
    keyword_dirs = sorted(p.name for p in (env.services.store.root / "keyword").iterdir())
    assert keyword_dirs == gens
