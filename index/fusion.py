"""Ways to combine the dense and keyword result lists, side by side for the benchmark.

Plain reciprocal-rank fusion throws away how *sure* each list is; on TyDi-fi it scored below dense
alone. Score-based fusion keeps that: each list is normalised and the two are mixed with a weight.
"""

from __future__ import annotations

import numpy as np

Ranked = list[tuple[str, float]]


def rrf(dense: Ranked, keyword: Ranked, k: int = 60, dense_weight: float = 0.5) -> Ranked:
    scores: dict[str, float] = {}
    for weight, ranked in ((dense_weight, dense), (1 - dense_weight, keyword)):
        for rank, (cid, _) in enumerate(ranked):
            scores[cid] = scores.get(cid, 0.0) + weight / (k + rank + 1)
    return sorted(scores.items(), key=lambda x: -x[1])


def _minmax(ranked: Ranked) -> dict[str, float]:
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
    """``w * dense + (1 - w) * keyword`` after normalising each list; missing scores count as 0.

    Dense cosine scores are kept on their own scale (they are comparable across queries); the
    keyword list is divided by its best score, so it says how close a chunk is to the best match.
    """
    f = _dbsf if norm == "dbsf" else _minmax
    d = f(dense)
    kw = f(keyword)
    ids = set(d) | set(kw)
    fused = {
        cid: dense_weight * d.get(cid, 0.0) + (1 - dense_weight) * kw.get(cid, 0.0) for cid in ids
    }
    return sorted(fused.items(), key=lambda x: -x[1])


def fuse(method: str, dense: Ranked, keyword: Ranked, dense_weight: float = 0.75) -> Ranked:
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
    raise ValueError(f"unknown fusion method {method!r}")


METHODS = ("dense", "keyword", "rrf", "wrrf", "convex", "dbsf")
