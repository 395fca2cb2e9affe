"""Answer quality and latency of the answering module.

    python bench/answers.py tydi DIR [--limit N] [--generative]   # TyDi-style: gold span in answer?
    python bench/answers.py calls [--json FILE]                   # the team's call-corpus questions

A call question may carry `history`: the earlier questions of its conversation, asked first
under one conversation id, so that the question is scored as a follow-up ("entä sen budjetti?").

The index lives in bench/out/ and is incremental: a rerun re-embeds nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import percentile_ms, table  # noqa: E402
from bot.answerer import AnswerRequest  # noqa: E402
from hakuapu.services import Services  # noqa: E402
from hakuapu.settings import Settings  # noqa: E402
from ingest.readers.tables import CELL_SEPARATOR  # noqa: E402
from ingest.text import ADJACENT, split_sentences  # noqa: E402


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def _cells(s: str) -> str:
    """A table row as plain text reads it: cells apart by spaces (see ingest/readers/tables.py),
    and a cell quoted with the cells right above it on their own lines (ingest/text.py)."""
    return s.replace(CELL_SEPARATOR, " ").replace(ADJACENT, " ")


def _gold_forms(span: str) -> set[str]:
    """A gold span as written, and with a word broken over lines joined again ("vas- tuutaho"
    is "vastuutaho" in an answer; "sosiaali- ja terveys" keeps its hyphen in the first form)."""
    span = _norm(_cells(span))
    return {span, re.sub(r"(?<=[^\W\d])- (?=[a-zåäö])", "", span)}


def _first_sentence(answer: str) -> str:
    """The lead quote: everything up to its citation marker."""
    return answer.split("[1]", 1)[0]


def _services(data: Path, corpus: Path, **kw) -> Services:
    return Services(Settings(data_dir=data, corpus_dir=corpus, **kw))


def run_tydi(
    folder: Path, limit: int | None, generative: bool, data_dir: Path | None = None
) -> dict:
    """Same corpus layout as bench/retrieval.py, so ``--data-dir`` can share its index."""
    from bench.retrieval import load_beir, write_corpus

    work = data_dir or ROOT / "bench" / "out" / "tydi"
    docs = work / "corpus"
    write_corpus(load_beir(folder).corpus, docs)
    svc = _services(work / "data", work / "no-corpus", llm="none")
    t0 = time.perf_counter()
    print(svc.ingestor().run([docs], progress=True).line(), file=sys.stderr)
    print(f"ingest {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    gold = {}
    for line in (folder / "answers.jsonl").read_text().splitlines():
        a = json.loads(line)
        gold[a["_id"]] = [x for x in a["answers"] if x.strip()]
    queries = [json.loads(x) for x in (folder / "queries.jsonl").read_text().splitlines()]
    queries = [q for q in queries if gold.get(q["_id"])][: limit or None]
    modes = [("extractive", svc.answerer)]
    if generative:
        gen_svc = _services(work / "data", work / "no-corpus", **_llm_settings())
        modes.append(("generative", gen_svc.answerer))
        print(
            f"LLM: {gen_svc.settings.llm} {gen_svc.settings.llm_model or gen_svc.settings.llm_model_path}",
            file=sys.stderr,
        )
    stats = {
        name: {"hits": 0, "first": 0, "refused": 0, "shown": 0, "times": [], "why": {}}
        for name, _ in modes
    }
    for i, q in enumerate(queries, 1):
        spans = [_norm(g) for g in gold[q["_id"]]]
        for name, answerer in modes:
            st = stats[name]
            t = time.perf_counter()
            ans = answerer.answer(AnswerRequest(q["text"]))
            st["times"].append(time.perf_counter() - t)
            lead = _lead(ans)
            st["hits"] += any(s in _norm(ans.answer) for s in spans)
            st["first"] += any(s in _norm(lead) for s in spans)
            st["refused"] += ans.refused
            st["shown"] += ans.mode == "generative"
            gen = answerer.generator
            if gen is not None and not ans.refused:
                why = (
                    "shown" if ans.mode == "generative" else (gen.last.reason if gen.last else "?")
                )
                st["why"][why] = st["why"].get(why, 0) + 1
                if generative:
                    print(
                        f"[{i}/{len(queries)}] {ans.mode} {why}: {q['text']!r} -> {lead[:160]!r}",
                        file=sys.stderr,
                    )
    n = len(queries)
    result = {"questions": n}
    rows = []
    for name, _ in modes:
        st = stats[name]
        r = {
            "contains_gold": st["hits"] / n,
            "first_sentence_gold": st["first"] / n,
            "refused": st["refused"] / n,
            "generated_shown": st["shown"] / n,
            "p50_ms": percentile_ms(st["times"], 50),
            "p95_ms": percentile_ms(st["times"], 95),
        }
        if st["why"]:
            r["generation_outcomes"] = st["why"]
        result[name] = r
        rows.append(
            [
                name,
                n,
                r["contains_gold"],
                r["first_sentence_gold"],
                r["refused"],
                r["generated_shown"],
                r["p50_ms"],
                r["p95_ms"],
            ]
        )
    # The extractive figures at the top level, as before.
    result.update({k: v for k, v in result["extractive"].items()})
    print(
        table(
            [
                "mode",
                "questions",
                "answer has gold",
                "first sentence has gold",
                "refused",
                "generated shown",
                "p50 ms",
                "p95 ms",
            ],
            rows,
            title=f"TyDi-fi answers ({folder})",
        )
    )
    if generative:
        print("Generative outcomes (answered questions):", stats["generative"]["why"])
    return result


def _lead(ans) -> str:
    """The first sentence: the lead quote of an extractive answer, the generated text's first."""
    if ans.mode == "generative":
        sentences = split_sentences(ans.answer)
        return sentences[0] if sentences else ans.answer
    return _first_sentence(ans.answer)


def _llm_settings() -> dict:
    """The packaged local model unless HAKUAPU_LLM* variables name another."""
    if os.environ.get("HAKUAPU_LLM", "none") not in ("", "none"):
        return {}
    return {
        "llm": "llamacpp",
        "llm_model_path": ROOT / "data" / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    }


def _ask(answerer, item: dict):
    """`item`'s answer and its time, asked after its `history` (the earlier turns, untimed)."""
    conversation = None
    if item.get("history"):
        # A fresh id each time: conversations outlive the run in the analytics database.
        conversation = f"bench-{item['id']}-{uuid.uuid4().hex[:8]}"
        for turn in item["history"]:
            answerer.answer(AnswerRequest(turn, conversation_id=conversation))
    t = time.perf_counter()
    ans = answerer.answer(AnswerRequest(item["question"], conversation_id=conversation))
    return ans, time.perf_counter() - t


def run_calls(questions: Path, repeat: int = 3, misses: bool = True) -> dict:
    work = ROOT / "bench" / "out" / "calls-answers"
    svc = _services(work / "data", ROOT / "corpus", today=None)
    print(svc.ingestor().run([ROOT / "corpus"]).line(), file=sys.stderr)
    items = [json.loads(x) for x in questions.read_text().splitlines() if x.strip()]
    answerer = svc.answerer
    rows = []
    per_lang: dict[str, list[int]] = {}
    tp = fp = fn = tn = 0
    correct = cited = led = 0
    times = []
    failures = []
    first_times = []
    for it in items:
        ans, seconds = _ask(answerer, it)
        first_times.append(seconds)
        for _ in range(repeat - 1):  # latency: repeat to get stable percentiles
            times.append(_ask(answerer, it)[1])
        if it["answerable"]:
            # Gold: the primary place plus every `also` place that states the same fact.
            golds = [it] + list(it.get("also", []))
            # Gold spans were written against plain text, where a table row's cells run on.
            got = _norm(_cells(ans.answer))
            forms = [gold for g in golds for gold in _gold_forms(g["answer"])]
            ok = not ans.refused and any(gold in got for gold in forms)
            # What the reader sees first: the lead quote holds the answer.
            lead = _norm(_cells(_lead(ans)))
            led += ok and any(gold in lead for gold in forms)
            places = {(Path(g["document"]).stem, g["page"]) for g in golds}
            cite_ok = any((c.document_id, c.page) in places for c in ans.citations)
            correct += ok
            cited += cite_ok
            fn += ans.refused
            tn += not ans.refused
            stats = per_lang.setdefault(it["language"], [0, 0, 0])
            stats[0] += 1
            stats[1] += ok
            stats[2] += cite_ok
            if not (ok and cite_ok):
                failures.append(
                    (
                        it["id"],
                        it["question"],
                        "refused"
                        if ans.refused
                        else f"got {[(c.document_id, c.page) for c in ans.citations]}",
                    )
                )
        else:
            tp += ans.refused
            fp += not ans.refused
            if not ans.refused:
                failures.append((it["id"], it["question"], "answered, should refuse"))
    answerable = sum(1 for it in items if it["answerable"])
    result = {
        "answerable": answerable,
        "unanswerable": len(items) - answerable,
        "answer_accuracy": correct / answerable,
        "lead_correct": led / answerable,
        "citation_correct": cited / answerable,
        "refusal_precision": tp / (tp + fn) if tp + fn else 1.0,
        "refusal_recall": tp / (tp + fp) if tp + fp else 1.0,
        "p50_ms": percentile_ms(times, 50) if times else 0.0,
        "p95_ms": percentile_ms(times, 95) if times else 0.0,
        # Each question's first ask: its embedding is not cached yet.
        "first_ask_p50_ms": percentile_ms(first_times, 50),
        "first_ask_p95_ms": percentile_ms(first_times, 95),
    }
    for lang, (n, ok, cite) in sorted(per_lang.items()):
        rows.append([lang, n, ok / n, cite / n])
    print(
        table(
            ["language", "answerable", "answer correct", "right doc+page cited"],
            rows,
            title="Call corpus, answerable questions",
        )
    )
    print(
        table(
            ["metric", "value"],
            [[k, v] for k, v in result.items()],
            title="Call corpus, overall (refusal precision: refusals that were right; "
            "recall: unanswerable questions refused)",
        )
    )
    if failures and misses:
        print("Misses:")
        for f in failures:
            print(f"  {f[0]} {f[1]!r}: {f[2]}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("tydi")
    p.add_argument("folder", type=Path)
    p.add_argument("--limit", type=int)
    p.add_argument("--generative", action="store_true")
    p.add_argument("--data-dir", type=Path, help="work folder to reuse (e.g. bench/retrieval.py's)")
    p.add_argument("--json", type=Path)
    p = sub.add_parser("calls")
    p.add_argument("--questions", type=Path, default=ROOT / "bench" / "call_questions.jsonl")
    p.add_argument(
        "--no-misses",
        action="store_true",
        help="print the figures only: keeps a held-out set's questions unseen (test sets)",
    )
    p.add_argument("--json", type=Path)
    args = ap.parse_args()
    if args.what == "tydi":
        result = run_tydi(args.folder, args.limit, args.generative, args.data_dir)
    else:
        result = run_calls(args.questions, misses=not args.no_misses)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
