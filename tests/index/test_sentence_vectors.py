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
