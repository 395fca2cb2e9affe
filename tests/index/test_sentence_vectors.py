"""Sentence vectors: the real model, each sentence embedded once, meaning across languages."""

from __future__ import annotations

import numpy as np

from index.embedding import SentenceVectors


class _Counting:
    """The real embedder, counting what it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.dim, self.name = inner, inner.dim, inner.name
        self.passages = 0

    def embed_passages(self, texts):
        self.passages += len(texts)
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_each_sentence_is_embedded_once_and_matches_a_direct_embedding(embedder):
    counting = _Counting(embedder)
    vectors = SentenceVectors(counting, max_items=3)
    texts = ["Haku päättyy 4.12.2023.", "Hankkeen kesto on enintään 36 kuukautta."]
    first = vectors.passages(texts)
    again = vectors.passages(list(reversed(texts)))
    assert counting.passages == 2
    assert np.allclose(first[0], again[1]) and np.allclose(
        first[0], embedder.embed_passages(texts[:1])[0]
    )
    # Bounded: the least recently used sentence makes room.
    vectors.passages(["Yksi.", "Kaksi."])
    vectors.passages([texts[1]])  # used least recently: evicted, embedded again
    assert counting.passages == 5


def test_similarity_finds_the_sentence_that_answers_across_languages(embedder):
    vectors = SentenceVectors(embedder)
    sentences = [
        "Hankkeen kesto on enintään 36 kuukautta.",
        "Hakemukset käsittelee Hämeen ELY-keskus.",
        "Julkisen tuen osuus on enintään 80 prosenttia.",
    ]
    sims = vectors.similarity("How long may the project last?", sentences)
    assert sims.shape == (3,) and int(np.argmax(sims)) == 0


def test_vectors_persist_in_the_data_folder(embedder, tmp_path):
    path = tmp_path / "sentence-vectors.sqlite3"
    texts = ["Hakuinfo pidetään Teamsissa.", "Hakemukset käsitellään kesäkuussa."]
    first = SentenceVectors(_Counting(embedder), path)
    assert first.warm(texts) == 2 and first.warm(texts) == 0
    counting = _Counting(embedder)
    second = SentenceVectors(counting, path)  # another process, same data folder
    vecs = second.passages(texts)
    assert counting.passages == 0
    assert np.allclose(vecs, embedder.embed_passages(texts), atol=1e-6)


def test_ingest_embeds_every_quotable_sentence(corpus):
    """Answering reads sentence vectors that ingest stored; it embeds nothing while users wait."""
    from ingest.text import quotes

    svc = corpus.services
    chunks = svc.store.snapshot().chunks(svc.store.snapshot().keyword.ids)
    texts = [q for c in chunks.values() for q in quotes(c.text)]
    counting = _Counting(svc.embedder)
    stored = SentenceVectors(counting, svc.sentence_vectors.path)
    assert stored.passages(texts).shape == (len(texts), svc.embedder.dim)
    assert counting.passages == 0


def test_vectors_of_removed_sentences_are_pruned_after_ingest(make_env):
    """The file holds the live index's sentences only: a removed document's leave with it."""
    import sqlite3

    env = make_env()
    (env.corpus / "a.md").write_text(
        "# Ohje\n\nHakemukset käsitellään kesäkuussa.\n\nHakuinfo pidetään Teamsissa.\n",
        encoding="utf-8",
    )
    (env.corpus / "b.md").write_text(
        "# Toinen\n\nRaportti toimitetaan vuosittain ministeriölle.\n", encoding="utf-8"
    )
    env.ingest()
    path = env.services.sentence_vectors.path

    def rows() -> int:
        with sqlite3.connect(path) as db:
            return db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    before = rows()
    assert before >= 3
    (env.corpus / "b.md").unlink()
    env.ingest()  # the folder no longer has b.md: it leaves the index
    after = rows()
    assert 0 < after < before
    counting = _Counting(env.services.embedder)
    kept = SentenceVectors(counting, path)
    kept.passages(["Hakemukset käsitellään kesäkuussa."])
    assert counting.passages == 0  # the live document's sentence is still stored
