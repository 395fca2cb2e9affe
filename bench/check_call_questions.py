#!/usr/bin/env python3
"""Verify bench/call_questions.jsonl against the corpus.

For every answerable question the `answer` must occur (whitespace collapsed) in the text that
pypdf extracts from `page` of `document` (for Markdown documents: anywhere in the file, page 1).
Every answerable question also has an `also` list (possibly empty) of other places that state the
same fact, each {"document", "page", "answer"}; each entry is verified the same way.
Also checks the schema and the minimum counts.  Exits non-zero on any problem.
An optional path checks another question file (e.g. the held-out set) by the same rules.
An optional `history` lists the earlier questions of the question's conversation (follow-ups).

    .venv/bin/python bench/check_call_questions.py [bench/call_questions_heldout.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QFILE = ROOT / "bench" / "call_questions.jsonl"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _check_place(doc, page, answer, pages_cache: dict[str, list[str]]) -> str | None:
    """None when `answer` occurs on `page` of corpus/`doc`, else the problem."""
    path = CORPUS / str(doc)
    if not doc or not path.is_file():
        return f"document {doc!r} not in corpus/"
    if not isinstance(page, int) or page < 1 or not isinstance(answer, str) or not answer.strip():
        return "bad page/answer"
    if path.suffix == ".pdf":
        if doc not in pages_cache:
            pages_cache[doc] = [norm(p.extract_text() or "") for p in PdfReader(path).pages]
        pages = pages_cache[doc]
        if page > len(pages):
            return f"page {page} > {len(pages)} pages in {doc}"
        text = pages[page - 1]
    else:
        if page != 1:
            return "non-PDF document must use page 1"
        text = norm(path.read_text(encoding="utf-8"))
    if norm(answer) not in text:
        found = [i + 1 for i, t in enumerate(pages_cache.get(doc, [])) if norm(answer) in t]
        return f"answer {answer!r} not on {doc} p.{page}" + (
            f" (found on p.{found})" if found else ""
        )
    return None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: check_call_questions.py [QUESTION_FILE]", file=sys.stderr)
        return 2
    qfile = Path(args[0]) if args else QFILE
    errors: list[str] = []
    items = [
        json.loads(line) for line in qfile.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    pages_cache: dict[str, list[str]] = {}
    ids: set[str] = set()
    counts = {"answerable": 0, "unanswerable": 0, "fi": 0, "sv": 0, "en": 0}
    for it in items:
        qid = it.get("id", "?")
        if qid in ids:
            errors.append(f"{qid}: duplicate id")
        ids.add(qid)
        if not isinstance(it.get("question"), str) or not it["question"].strip():
            errors.append(f"{qid}: missing question")
        history = it.get("history", [])
        if not isinstance(history, list) or not all(
            isinstance(h, str) and h.strip() for h in history
        ):
            errors.append(f"{qid}: history must be a list of earlier questions")
        lang = it.get("language")
        if lang not in ("fi", "sv", "en"):
            errors.append(f"{qid}: bad language {lang!r}")
        else:
            counts[lang] += 1
        if it.get("answerable") is True:
            counts["answerable"] += 1
            places = [(it.get("document"), it.get("page"), it.get("answer"), "")]
            also = it.get("also")
            if not isinstance(also, list):
                errors.append(f"{qid}: answerable item needs an 'also' list (may be empty)")
                also = []
            for n, alt in enumerate(also):
                if not isinstance(alt, dict) or set(alt) != {"document", "page", "answer"}:
                    errors.append(f"{qid}: also[{n}] must have exactly document, page, answer")
                    continue
                places.append((alt["document"], alt["page"], alt["answer"], f" also[{n}]"))
            for doc, page, answer, where in places:
                err = _check_place(doc, page, answer, pages_cache)
                if err:
                    errors.append(f"{qid}{where}: {err}")
        elif it.get("answerable") is False:
            counts["unanswerable"] += 1
            extra = [k for k in ("document", "page", "answer", "also") if k in it]
            if extra:
                errors.append(f"{qid}: unanswerable item has {extra}")
        else:
            errors.append(f"{qid}: answerable must be true or false")
    for key, minimum in (("answerable", 45), ("unanswerable", 12), ("sv", 8), ("en", 8)):
        if counts[key] < minimum:
            errors.append(f"only {counts[key]} {key} questions (need >= {minimum})")
    if counts["fi"] <= len(items) / 2:
        errors.append("Finnish questions must be the majority")
    for e in errors:
        print("FAIL", e)
    print(f"{len(items)} questions: {counts}; {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
