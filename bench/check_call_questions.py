#!/usr/bin/env python3
"""Verify bench/call_questions.jsonl against the corpus.

For every answerable question the `answer` must occur (whitespace collapsed) in the text that
pypdf extracts from `page` of `document` (for Markdown documents: anywhere in the file, page 1).
Also checks the schema and the minimum counts.  Exits non-zero on any problem.

    .venv/bin/python bench/check_call_questions.py
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


def main() -> int:
    errors: list[str] = []
    items = [
        json.loads(line) for line in QFILE.read_text(encoding="utf-8").splitlines() if line.strip()
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
        lang = it.get("language")
        if lang not in ("fi", "sv", "en"):
            errors.append(f"{qid}: bad language {lang!r}")
        else:
            counts[lang] += 1
        if it.get("answerable") is True:
            counts["answerable"] += 1
            doc, page, answer = it.get("document"), it.get("page"), it.get("answer")
            path = CORPUS / str(doc)
            if not doc or not path.is_file():
                errors.append(f"{qid}: document {doc!r} not in corpus/")
                continue
            if (
                not isinstance(page, int)
                or page < 1
                or not isinstance(answer, str)
                or not answer.strip()
            ):
                errors.append(f"{qid}: bad page/answer")
                continue
            if path.suffix == ".pdf":
                if doc not in pages_cache:
                    pages_cache[doc] = [norm(p.extract_text() or "") for p in PdfReader(path).pages]
                pages = pages_cache[doc]
                if page > len(pages):
                    errors.append(f"{qid}: page {page} > {len(pages)} pages in {doc}")
                    continue
                text = pages[page - 1]
            else:
                if page != 1:
                    errors.append(f"{qid}: non-PDF document must use page 1")
                text = norm(path.read_text(encoding="utf-8"))
            if norm(answer) not in text:
                found = [i + 1 for i, t in enumerate(pages_cache.get(doc, [])) if norm(answer) in t]
                errors.append(
                    f"{qid}: answer {answer!r} not on {doc} p.{page}"
                    + (f" (found on p.{found})" if found else "")
                )
        elif it.get("answerable") is False:
            counts["unanswerable"] += 1
            extra = [k for k in ("document", "page", "answer") if k in it]
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
