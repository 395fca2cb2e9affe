"""Retrieval on the call corpus: is the right document (and page) in the top 1 / top 5?

    python bench/retrieval.py --calls [--data-dir DIR] [--json FILE]
    python bench/retrieval_calls.py   [--data-dir DIR] [--json FILE]

Ingests corpus/ (with corpus/calls.yaml) into a throw-away index and asks the answerable questions
of bench/call_questions.jsonl. A hit is a retrieved chunk from the gold document (doc@k) whose pages
include the gold page (page@k); any@k also accepts the other places (`also`) that state the same
fact. Keyword and dense search are the baselines for the hybrid; the previous default (convex
minmax, w=0.75) is shown too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import git_rev, table  # noqa: E402
from bench.retrieval import build_index, make_retriever  # noqa: E402

QUESTIONS = ROOT / "bench" / "call_questions.jsonl"
CUTS = (1, 5)


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if r.get("answerable")]


def score(q: dict, got: list, doc_file: dict[str, str]) -> dict:
    """Hits of one question's results: gold document, gold page, or any place stating the fact."""
    places = {(q["document"], q["page"])} | {(a["document"], a["page"]) for a in q.get("also", [])}
    row = {"language": q["language"]}
    for c in CUTS:
        top = got[:c]
        row[f"doc@{c}"] = any(doc_file.get(p.doc_id) == q["document"] for p in top)
        row[f"page@{c}"] = any(
            doc_file.get(p.doc_id) == q["document"] and q["page"] in p.pages for p in top
        )
        row[f"any@{c}"] = any((doc_file.get(p.doc_id), pg) in places for p in top for pg in p.pages)
    return row


def run_calls(data_dir: Path | None, json_out: Path | None) -> int:
    from hakuapu.settings import Settings

    questions = load_questions()
    corpus = ROOT / "corpus"
    print(f"# call corpus: {len(questions)} answerable questions; git {git_rev()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="hakuapu-bench-calls-") as tmp:
        base = data_dir or Path(tmp)
        settings, embedder, store, calls = build_index(corpus, base / "data", corpus / "calls.yaml")
        manifest = store.manifest()
        doc_file = {d: Path(info["source"]).name for d, info in manifest.documents.items()}
        default = f"{settings.fusion} w={settings.fusion_dense_weight}"
        configs = [
            ("keyword", "keyword", None),
            ("dense", "dense", None),
            (f"hybrid ({default})", settings.fusion, None),
            ("convex w=0.75 (previous default)", "convex", 0.75),
        ]
        per: dict[tuple[str, bool], list[dict]] = {}
        for penalised in (True, False):
            for name, method, weight in configs:
                r = make_retriever(
                    settings, embedder, store, calls, method, weight, None if penalised else 1.0
                )
                per[(name, penalised)] = [
                    score(q, r.search(q["question"], k=max(CUTS)), doc_file) for q in questions
                ]

    keys = [f"{k}@{c}" for k in ("doc", "page", "any") for c in CUTS]
    out_json: dict = {}
    for penalised in (True, False):
        out_rows = []
        for (name, pen), rows in per.items():
            if pen != penalised:
                continue
            for lang in ("fi", "sv", "en", "all"):
                sel = [r for r in rows if lang == "all" or r["language"] == lang]
                if not sel:
                    continue
                vals = {k: sum(r[k] for r in sel) / len(sel) for k in keys}
                out_rows.append([name, lang, len(sel), *vals.values()])
                out_json.setdefault("production" if penalised else "no_penalty", {}).setdefault(
                    name, {}
                )[lang] = vals
        title = (
            f"## call corpus, as in production (today {Settings().today_date()}; passages of "
            f"closed calls × {settings.closed_call_penalty} unless the question asks about the past)"
            if penalised
            else "## call corpus, retrieval alone (no closed-call penalty)"
        )
        print(table(["method", "lang", "n", *keys], out_rows, title))
    if json_out:
        json_out.write_text(json.dumps(out_json, indent=1) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--data-dir", type=Path, help="keep the index here (reruns re-embed nothing)")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    return run_calls(args.data_dir, args.json)


if __name__ == "__main__":
    sys.exit(main())
