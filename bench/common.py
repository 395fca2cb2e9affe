"""Shared helpers for the benchmarks: a throw-away index, a query-embedding cache, tables, memory."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class CachedQueries:
    """Wraps an embedder so each distinct question is embedded once per run.

    Every retrieval method in one run then sees the very same query vector, and the table compares
    fusion methods rather than the embedding engine's timing noise.
    """

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._cache: dict[str, np.ndarray] = {}
        self.seconds = 0.0

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._cache.get(text)
        if vec is None:
            t0 = time.perf_counter()
            vec = self._cache[text] = self.inner.embed_query(text)
            self.seconds += time.perf_counter() - t0
        return vec

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def token_count(self, text: str) -> int:
        return self.inner.token_count(text)


def table(headers: list[str], rows: list[list], title: str = "") -> str:
    """A plain Markdown table (pastes straight into bench/README.md)."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| "
        + " | ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        + " |"
        for r in cells
    ]
    out = "\n".join([line, sep, *body])
    return f"{title}\n\n{out}\n" if title else out + "\n"


def _fmt(c) -> str:
    if isinstance(c, float):
        return f"{c:.3f}"
    return str(c)


def rss_mib() -> float:
    """Current resident set size of this process, MiB (from /proc; Linux)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dir_mib(path: Path) -> float:
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total / 2**20


def git_rev() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def percentile_ms(seconds: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(seconds) * 1000, q))
