"""Extractive answering: pick the sentences of the retrieved passages that answer the question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intent import SPAN_PATTERNS, Need, need_words
from index.analysis import STOPWORDS, terms
from index.retriever import Passage
from ingest.text import split_sentences


@dataclass
class Sentence:
    text: str
    passage: Passage
    page: int
    coverage: float  # share of the question's content terms found in the sentence
    has_span: bool
    score: float


def _page_of(passage: Passage, offset: int) -> int:
    page = passage.page
    for start, p in passage.page_spans:
        if start <= offset:
            page = p
    return page


def question_terms(question: str, lang: str) -> set[str]:
    """The question's topic terms, in the corpus's analysis (Finnish lemmas).

    Words that only name the kind of answer ("paljonko", "phone number") are left out: the answer
    is recognised by its shape instead. In Swedish or English only names, acronyms and numbers
    can match Finnish text word for word.
    """
    skip = need_words(question)
    words = [w for w in re.findall(r"[\w:+-]+", question) if w.lower() not in skip]
    if lang == "fi":
        return set(terms(" ".join(words), "fi"))
    shared = [
        w
        for i, w in enumerate(words)
        if (w[:1].isupper() and (i > 0 or w.isupper())) or any(ch.isdigit() for ch in w)
    ]
    shared = [w for w in shared if w.lower() not in STOPWORDS.get(lang, set())]
    return set(terms(" ".join(shared), "fi"))


def rank_sentences(
    question: str, lang: str, need: Need, passages: list[Passage], ignore: set[str] | None = None
) -> list[Sentence]:
    """Score every sentence of the passages by term coverage, answer-type match and passage rank."""
    q_terms = question_terms(question, lang) - (ignore or set())
    span = SPAN_PATTERNS.get(need)
    out: list[Sentence] = []
    top_score = passages[0].score if passages else 1.0
    for rank, passage in enumerate(passages):
        prior = (passage.score / top_score if top_score > 0 else 0.0) / (1 + 0.15 * rank)
        offset = 0
        for sent in (x for line in passage.text.split("\n") for x in split_sentences(line)):
            start = passage.text.find(sent, offset)
            offset = start + len(sent) if start >= 0 else offset
            if len(sent) < 12 or not re.search(r"[A-Za-zÄÖÅäöå]{3}", sent):
                continue
            s_terms = set(terms(sent, passage.language))
            coverage = len(q_terms & s_terms) / len(q_terms) if q_terms else 0.0
            has_span = bool(span and span.search(sent))
            score = 0.5 * coverage + 0.3 * prior + (0.35 if has_span else 0.0)
            # A sentence that is mostly a heading or a table row fragment quotes badly.
            if len(sent) > 400:
                score -= 0.05
            out.append(
                Sentence(sent, passage, _page_of(passage, max(start, 0)), coverage, has_span, score)
            )
    out.sort(key=lambda s: -s.score)
    return out


def select(sentences: list[Sentence], max_quotes: int = 3) -> list[Sentence]:
    """The lead sentence, then supporting ones that score close to it (no near-duplicates)."""
    if not sentences:
        return []
    top = sentences[0]
    lead = top
    # Lead with the sentence that holds what was asked for (an amount, a date...), if one is close.
    if not lead.has_span:
        lead = next(
            (s for s in sentences if s.has_span and s.coverage > 0 and s.score >= 0.6 * top.score),
            top,
        )
    chosen = [lead]
    for s in sentences:
        if len(chosen) >= max_quotes:
            break
        if s is lead or s.score < 0.75 * top.score or s.coverage == 0:
            continue
        if any(_similar(s.text, c.text) for c in chosen):
            continue
        chosen.append(s)
    return chosen


def _similar(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7
