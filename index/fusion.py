"""Ways to combine the dense and keyword result lists, side by side for the benchmark.

Plain reciprocal-rank fusion throws away how *sure* each list is; on TyDi-fi it scored below dense
alone. Score-based fusion keeps that, but BM25 scores have no fixed scale, so ``convex`` and
``dbsf`` rescale each list per question. ``coverage`` (the default, see bench/README.md) avoids
per-question rescaling: it mixes the raw cosine with the share of the question's terms a chunk
contains, two scores that mean the same for every question.
"""

from __future__ import annotations

import numpy as np

Ranked = list[tuple[str, float]]


def rrf(dense: Ranked, keyword: Ranked, k: int = 60, dense_weight: float = 0.5) -> Ranked:
    """Reciprocal-rank fusion: ``w / (k + rank)`` from each list (w = 0.5 for both is plain RRF)."""
    scores: dict[str, float] = {}
    for weight, ranked in ((dense_weight, dense), (1 - dense_weight, keyword)):
        for rank, (cid, _) in enumerate(ranked):
            scores[cid] = scores.get(cid, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda x: -x[1])


def _minmax(ranked: Ranked) -> dict[str, float]:
    """The list's own best score becomes 1 and its worst 0."""
    if not ranked:
        return {}
    vals = np.array([s for _, s in ranked])
    lo, hi = float(vals.min()), float(vals.max())
    span = hi - lo
    return {cid: (s - lo) / span if span > 0 else 1.0 for cid, s in ranked}


def _dbsf(ranked: Ranked) -> dict[str, float]:
    """Distribution-based: scale by mean ± 3 standard deviations of the list's own scores."""
    if not ranked:
        return {}
    vals = np.array([s for _, s in ranked])
    mu, sd = float(vals.mean()), float(vals.std())
    if sd == 0:
        return {cid: 1.0 for cid, _ in ranked}
    lo, hi = mu - 3 * sd, mu + 3 * sd
    return {cid: (s - lo) / (hi - lo) for cid, s in ranked}


def convex(
    dense: Ranked, keyword: Ranked, dense_weight: float = 0.75, norm: str = "minmax"
) -> Ranked:
    """``w * dense + (1 - w) * keyword`` after rescaling each list on its own.

    ``norm="minmax"`` maps each list's scores to 0..1 (best 1, worst 0); ``norm="dbsf"`` maps
    mean ± 3 standard deviations of the list to 0..1. Both lists are rescaled the same way, so
    small cosine differences inside the dense list get stretched. A chunk missing from a list
    scores 0 there.
    """
    f = _dbsf if norm == "dbsf" else _minmax
    d = f(dense)
    kw = f(keyword)
    ids = set(d) | set(kw)
    fused = {
        cid: dense_weight * d.get(cid, 0.0) + (1 - dense_weight) * kw.get(cid, 0.0) for cid in ids
    }
    return sorted(fused.items(), key=lambda x: -x[1])


def cosine_coverage(
    dense: Ranked, keyword: Ranked, coverage: dict[str, float], dense_weight: float = 0.925
) -> Ranked:
    """``w * (cosine - floor) + (1 - w) * coverage`` over the chunks of both lists.

    ``dense`` holds raw cosines; ``coverage`` gives each candidate the IDF-weighted share of the
    question's terms it contains (0..1, see ``KeywordIndex.coverage``); ``keyword`` (BM25) only adds
    candidates. Neither score is rescaled per question: a cosine difference and a coverage
    difference mean the same for every question, so one weight fits all of them, keyword evidence
    moves a chunk only as far as it covers the question, and a question whose words the corpus
    lacks falls back to the dense order.

    ``floor`` is the lowest cosine in the dense list, the similarity of the weakest candidate. It
    shifts every chunk of the question equally, so it changes no ranking; it makes the score
    measure evidence above that background, so that a multiplier applied later (the closed-call
    penalty) weighs as much as it does for other methods instead of dwarfing cosine differences.
    A keyword-only candidate counts as the floor (it was not in the dense top, so its cosine is at
    most that).
    """
    cos = dict(dense)
    floor = min(cos.values()) if cos else 0.0
    ids = dict.fromkeys([cid for cid, _ in dense] + [cid for cid, _ in keyword])
    fused = {
        cid: dense_weight * (cos.get(cid, floor) - floor)
        + (1 - dense_weight) * coverage.get(cid, 0.0)
        for cid in ids
    }
    return sorted(fused.items(), key=lambda x: -x[1])


def fuse(
    method: str,
    dense: Ranked,
    keyword: Ranked,
    dense_weight: float = 0.925,
    coverage: dict[str, float] | None = None,
) -> Ranked:
    """Combine the lists with ``method``; ``coverage`` is needed (and only used) by "coverage"."""
    if method == "dense":
        return dense
    if method == "keyword":
        return keyword
    if method == "rrf":
        return rrf(dense, keyword)
    if method == "wrrf":
        return rrf(dense, keyword, dense_weight=dense_weight)
    if method == "convex":
        return convex(dense, keyword, dense_weight)
    if method == "dbsf":
        return convex(dense, keyword, dense_weight, norm="dbsf")
    if method == "coverage":
        if coverage is None:
            raise ValueError("fusion method 'coverage' needs the keyword coverage of the chunks")
        return cosine_coverage(dense, keyword, coverage, dense_weight)
    raise ValueError(f"unknown fusion method {method!r}")


METHODS = ("dense", "keyword", "rrf", "wrrf", "convex", "dbsf", "coverage")
