"""The generational index on disk: manifest, pointer switch, write lock, model changes."""

from __future__ import annotations

import json

import pytest

from index.store import IndexBusy, IndexStore, Manifest
from ingest.pipeline import Ingestor

DOC = "# Ohje\n\nOhje kertoo, miten {}-hankkeen maksatusta haetaan.\n"


class Renamed:
    """The real embedder under another model name (as if the settings named another model)."""

    def __init__(self, inner, name: str, fail_on: int | None = None):
        self.inner, self.name, self.dim = inner, name, inner.dim
        self.fail_on, self.calls = fail_on, 0

    def embed_passages(self, texts):
        self.calls += 1
        if self.calls == self.fail_on:
            raise KeyboardInterrupt
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def token_count(self, text):
        return self.inner.token_count(text)


def _write(env, *names):
    for name in names:
        (env.corpus / f"{name}.md").write_text(DOC.format(name), encoding="utf-8")


def test_manifest_is_the_pointer_file(env):
    _write(env, "alfa", "beeta")
    summary = env.ingest()
    pointer = env.services.store.root / "CURRENT.json"
    on_disk = Manifest.from_json(pointer.read_text(encoding="utf-8"))
    assert on_disk == env.services.store.manifest()
    assert on_disk.generation == summary.generation == 1
    assert on_disk.collection == "hakuapu-g000001"
    assert on_disk.embed_model == env.services.embedder.name
    assert on_disk.dim == 384
    assert on_disk.chunk_count == summary.chunks == 2
    assert sorted(on_disk.documents) == ["alfa", "beeta"]
    assert json.loads(pointer.read_text())["documents"]["alfa"]["title"] == "Ohje"
    # no temporary files are left beside it
    assert not list(pointer.parent.glob(".CURRENT.json.*"))


def test_empty_data_dir_has_no_snapshot(env):
    assert env.services.store.manifest() is None
    assert env.services.store.snapshot() is None
    assert env.search("mitä tahansa") == []


def test_snapshot_follows_a_switch_made_by_another_process(make_env):
    reader = make_env("shared")
    writer = make_env("shared")
    _write(writer, "alfa")
    writer.ingest()
    assert reader.services.store.snapshot().manifest.generation == 1
    _write(writer, "beeta")
    writer.ingest()
    assert reader.services.store.snapshot().manifest.generation == 2
    assert [p.doc_id for p in reader.search("beeta-hankkeen maksatus", k=1)] == ["beeta"]


def test_second_writer_is_refused(env):
    _write(env, "alfa")
    with env.services.store.write_lock(), pytest.raises(IndexBusy, match="another ingest"):
        env.ingest()
    assert env.ingest().added == ["alfa"]  # the lock is released


def test_other_embedding_model_reembeds_everything(env):
    _write(env, "alfa", "beeta")
    env.ingest()
    other = Renamed(env.services.embedder, "test/other-model")
    store = IndexStore(env.settings.data_dir, other.name, other.dim)
    summary = Ingestor(env.settings, store, other).run([env.corpus], progress=False)
    assert sorted(summary.added) == ["alfa", "beeta"]
    assert summary.embedded_chunks == summary.chunks == 2
    assert store.manifest().embed_model == "test/other-model"


def test_interrupted_switch_to_another_model_keeps_the_old_index(env):
    """The new model's build must not take the live generation down with it."""
    _write(env, "alfa", "beeta")
    env.ingest()
    before = env.services.store.manifest()
    other = Renamed(env.services.embedder, "test/other-model", fail_on=1)
    store = IndexStore(env.settings.data_dir, other.name, other.dim)
    with pytest.raises(KeyboardInterrupt):
        Ingestor(env.settings, store, other).run([env.corpus], progress=False)

    assert env.services.store.manifest() == before
    env.services.store.client.get_collection(before.collection)  # still there
    [hit] = env.search("alfa-hankkeen maksatus", k=1)
    assert hit.doc_id == "alfa"
