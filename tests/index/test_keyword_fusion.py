"""BM25 keyword index (build, save, load, filters) and the fusion of two ranked lists."""

from __future__ import annotations

import pytest

from index.fusion import convex, fuse, rrf
from index.keyword import KeywordIndex
from ingest.models import Chunk


def _chunk(i: int, text: str, lang: str = "fi", call_id: str = "", title: str = "") -> Chunk:
    return Chunk(
        chunk_id=f"c{i}",
        doc_id=f"d{i}",
        title=title,
        text=text,
        pages=(1,),
        section=(),
        call_id=call_id,
        doc_type="document",
        language=lang,
        content_hash="h",
    )


CHUNKS = [
    _chunk(0, "Rahoitusta voivat hakea rekisteröidyt yhdistykset.", call_id="a"),
    _chunk(1, "Hakemukset lähetetään EURA-järjestelmässä.", call_id="b"),
    _chunk(2, "Hankehaku päättyy kesäkuussa.", call_id="a", title="Aikataulu"),
    _chunk(3, "Ansökningarna lämnas in i EURA-systemet.", lang="sv", call_id="b"),
]


@pytest.fixture(scope="module")
def index() -> KeywordIndex:
    return KeywordIndex.build(CHUNKS)


def test_inflected_query_matches_lemma(index):
    [(cid, score), *_] = index.search("yhdistyksen rahoitus", "fi", 5)
    assert cid == "c0" and score > 0


def test_compound_part_matches(index):
    hits = dict(index.search("milloin haku päättyy", "fi", 5))
    assert "c2" in hits  # "Hankehaku" -> hanke + haku
    assert next(iter(hits)) == "c2"


def test_calls_using_names_the_call_of_each_chunk_holding_a_term(index):
    assert sorted(index.calls_using({"hakemus"})) == ["b"]
    assert sorted(index.calls_using({"yhdistys", "hakemus"})) == ["a", "b"]
    assert index.calls_using({"ohjausryhmä"}) == []
    assert KeywordIndex.build([]).calls_using({"hakemus"}) == []


def test_titles_are_searchable(index):
    assert index.search("aikataulu", "fi", 5)[0][0] == "c2"


def test_swedish_query(index):
    assert index.search("lämnas", "sv", 5)[0][0] == "c3"


def test_swedish_query_finds_finnish_text_through_the_glossary(index):
    # "ansökningar" is stemmed to the Swedish chunk's word and translated to "hakemus".
    hits = [cid for cid, _ in index.search("ansökningar", "sv", 5)]
    assert hits[0] == "c1" and "c3" in hits


def test_no_match_no_hits(index):
    assert index.search("kvanttitietokone", "fi", 5) == []
    assert index.search("", "fi", 5) == []


def test_mask_filters(index):
    assert sorted(cid for cid, _ in index.search("EURA", "sv", 5)) == ["c1", "c3"]
    hits = index.search("EURA", "sv", 5, where={"call_id": {"b"}, "language": {"sv"}})
    assert [cid for cid, _ in hits] == ["c3"]
    assert index.search("yhdistykset", "fi", 5, where={"call_id": {"b"}}) == []


def test_save_and_load(index, tmp_path):
    index.save(tmp_path / "kw")
    loaded = KeywordIndex.load(tmp_path / "kw")
    assert loaded.ids == index.ids
    assert loaded.search("hakemuksen lähettäminen", "fi", 5) == index.search(
        "hakemuksen lähettäminen", "fi", 5
    )
    assert loaded.search("EURA", "fi", 5, where={"call_id": {"a"}}) == []


def test_empty_index(tmp_path):
    empty = KeywordIndex.build([])
    assert empty.search("haku", "fi", 5) == []
    empty.save(tmp_path / "e")
    assert KeywordIndex.load(tmp_path / "e").search("haku", "fi", 5) == []


DENSE = [("a", 0.9), ("b", 0.8), ("c", 0.5)]
KEYWORD = [("c", 12.0), ("d", 6.0)]


def test_rrf_rewards_agreement():
    fused = dict(rrf(DENSE, KEYWORD))
    assert max(fused, key=fused.get) == "c"  # in both lists
    assert set(fused) == {"a", "b", "c", "d"}


def test_convex_uses_normalised_scores():
    fused = dict(convex(DENSE, KEYWORD, dense_weight=0.75))
    assert fused["a"] == pytest.approx(0.75)  # best dense, no keyword
    assert fused["c"] == pytest.approx(0.25)  # worst dense (0), best keyword (1)
    assert fused["d"] == pytest.approx(0.0)
    assert dict(convex(DENSE, KEYWORD, dense_weight=0.0))["c"] == pytest.approx(1.0)


def test_fuse_methods():
    assert fuse("dense", DENSE, KEYWORD) == DENSE
    assert fuse("keyword", DENSE, KEYWORD) == KEYWORD
    for method in ("rrf", "wrrf", "convex", "dbsf"):
        fused = fuse(method, DENSE, KEYWORD)
        assert {cid for cid, _ in fused} == {"a", "b", "c", "d"}
        assert [s for _, s in fused] == sorted((s for _, s in fused), reverse=True)
    with pytest.raises(ValueError, match="unknown fusion method"):
        fuse("nope", DENSE, KEYWORD)
