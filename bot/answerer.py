"""Question -> answer with citations: the one answering path for the web API and the Slack bot.

retrieve -> select sentences -> cite -> frame, or an honest refusal that names who to ask.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from bot.conversation import SharedConversationStore, Turn
from bot.dates import full_dates
from bot.extract import (
    RARE_TOPIC_CHUNKS,
    SHOWN_CLOSE,
    Sentence,
    absent_finnish_terms,
    absent_subjects,
    absent_terms,
    asked_part_number,
    coverage,
    field_terms,
    names_a_part,
    names_in,
    of_a_part,
    only_a_part,
    part_heading,
    part_named,
    person_named,
    question_concepts,
    rank_sentences,
    select,
    shown_quotes,
    unexplained_words,
    unknown_asked_thing,
    unknown_authorities,
    unknown_kinds,
    unknown_names,
    unknown_words,
    unlisted_documents,
    with_part_number,
)
from bot.intent import (
    ALAND,
    APPLICATIONS_ASKED,
    APPLIED_SUM_ASKED,
    APPLIED_SUM_NAMED,
    CALL_NAMED,
    CHANGE_AFTER_ASKED,
    CHANGE_NAMED,
    CLOCK,
    FUNDED_NAMED,
    GRANTED_ASKED,
    GRANTED_COUNT_ASKED,
    GRANTED_NAMED,
    LANGUAGE_ASKED,
    LANGUAGE_NAMED,
    LATE_ASKED,
    LATE_NAMED,
    MEMBERS_ASKED,
    NEW_ASKED,
    OFFICE_PLACE_ASKED,
    OFFICE_PLACE_NAMED,
    ONLINE_ASKED,
    ONLINE_NAMED,
    PART_ASKED,
    PAY_CAP_ASKED,
    PAY_NAMED,
    PREVIOUS_NAMED,
    SAME_ORGANISATION,
    SERVICE_DESK,
    SIGN_UP,
    SPAN_PATTERNS,
    SPLIT_ASKED,
    Need,
    asks_call_period,
    asks_for_recipients,
    asks_previous,
    asks_start_not_end,
    bound_words,
    checks_a_figure,
    classify,
    funders_asked_about,
    is_follow_up,
    is_injection,
    is_next_call,
    naming_the_person,
    offers_a_figure,
    offers_a_start,
    person_titled,
    second_asked,
    situation_figure_need,
    without_comparisons,
    without_lead_in,
    without_pointing_back,
)
from bot.models import Answer, Citation
from bot.spelling import fix_typos, restore_letters, standard_finnish
from bot.texts import fmt_date, t
from hakuapu.calls import Call, CallsFile, Status
from index.analysis import analyze, first_reading_terms, function_words, terms
from index.embedding import SentenceVectors
from index.glossary import finnish_equivalents
from index.glossary import load as load_glossary
from index.retriever import Filters, Passage, Retriever
from ingest.language import detect_language

log = logging.getLogger(__name__)

# The terms that name a language, not the thing whose language is asked.
_LANGUAGE_TERMS = {"suomi", "ruotsi", "englanti", "kieli", "~kieli"}
# Evidence thresholds (see bench/answers.py for the numbers that set them).
MIN_COVERAGE = 0.34  # share of the question's topic terms found in the best passage
MIN_DENSE = 0.80  # cosine of the best passage (Finnish question)
MIN_DENSE_CROSS = 0.77  # same, Swedish or English question (no word overlap to lean on)
MIN_DENSE_ON_TARGET = 0.75  # the asked call's own sentence holding the asked kind of answer
MAX_UNKNOWN = 0.34  # share of topic terms that occur nowhere in the documents
MAX_UNEXPLAINED = 0.5  # same for a Swedish or English question (glossary terms are known)
RARE_TERM_CHUNKS = 3  # a field term in at most this many chunks is specific ("ohjausryhmä")

_SEASONS = {
    "autumn": {"syksy", "autumn", "höst", "hösten", "fall"},
    "winter": {"talvi", "winter", "vinter", "vintern"},
    "spring": {"kevät", "spring", "vår", "våren"},
}


_SEASON_WORDS = set().union(*_SEASONS.values())


def _season(d: dt.date) -> str:
    return {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring"}.get(
        d.month, "autumn"
    )


@dataclass
class AnswerRequest:
    question: str
    conversation_id: str | None = None
    call_id: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class _Generation:
    """What the generator rewrites: the question, the quoted passages, the status note to keep."""

    question: str
    passages: list[Passage]
    note: str


class Answerer:
    def __init__(
        self,
        retriever: Callable[[], Retriever],
        calls: Callable[[], CallsFile | None],
        conversations: SharedConversationStore,
        today: Callable[[], dt.date],
        document_url: Callable[[str, int], str],
        max_question_chars: int = 2000,
        generator=None,
        sentence_vectors: SentenceVectors | None = None,
        passages: int = 10,
    ):
        self._retriever = retriever
        self._calls = calls
        self.conversations = conversations
        self._today = today
        self._url = document_url
        self.max_question_chars = max_question_chars
        self.generator = generator
        self.sentence_vectors = sentence_vectors
        self.passages = passages
        self._names_of: tuple[CallsFile | None, set[str]] = (None, set())

    # ---- public API -----------------------------------------------------------------------
    def answer(self, req: AnswerRequest) -> Answer:
        answer, plan = self._prepare(req)
        if plan is not None:
            generated = self.generator.generate(plan.question, answer.language, plan.passages)
            if generated:
                return answer.model_copy(
                    update={"answer": generated + plan.note, "mode": "generative"}
                )
        return answer

    def stream(self, req: AnswerRequest) -> Iterator[dict]:
        """Events: meta, delta (answer pieces), citations, done (the whole answer).

        A generated answer streams as the model writes it, a checked sentence at a time; if a
        later sentence fails the check, a ``reset`` event takes back what was shown and the
        extractive answer follows.
        """
        answer, plan = self._prepare(req)
        yield {
            "event": "meta",
            "id": answer.id,
            "language": answer.language,
            "call_id": answer.call_id,
            "refused": answer.refused,
            "conversation_id": answer.conversation_id,
            # A model will write the answer: it takes seconds, a door may show that it is coming.
            "generating": plan is not None,
        }
        if plan is not None:
            shown = False
            for item in self.generator.stream(plan.question, answer.language, plan.passages):
                if isinstance(item, str):
                    shown = True
                    yield {"event": "delta", "text": item}
                elif item.text:
                    if plan.note:
                        yield {"event": "delta", "text": plan.note}
                    answer = answer.model_copy(
                        update={"answer": item.text + plan.note, "mode": "generative"}
                    )
                elif shown:
                    yield {"event": "reset"}
        if answer.mode != "generative":
            for piece in re.findall(r"\S+\s*", answer.answer):
                yield {"event": "delta", "text": piece}
        yield {"event": "citations", "citations": [c.model_dump() for c in answer.citations]}
        yield {"event": "done", "answer": answer.model_dump()}

    def _prepare(self, req: AnswerRequest) -> tuple[Answer, _Generation | None]:
        """The extractive answer (or refusal), and what a generator may rewrite it from."""
        question = req.question.strip()
        lang = req.language or detect_language(question)
        base = dict(
            id=uuid.uuid4().hex,
            question=question,
            language=lang,
            conversation_id=req.conversation_id,
        )
        if not question:
            return Answer(**base, answer=t("empty", lang), refused=True), None
        if len(question) > self.max_question_chars:
            text = t("too_long", lang, n=len(question), max=self.max_question_chars)
            return Answer(**base, answer=text, refused=True), None
        calls = self._calls()
        if is_injection(question):
            return self._refuse(base, lang, calls, None, t("injection", lang)), None

        # "milloin haku paattyy": a keyboard without ä and ö is no reason to refuse.
        vocabulary = self._vocabulary()
        question = restore_letters(question, lang, vocabulary)
        if lang == "fi":
            question = standard_finnish(question)  # "millon", "onks": spoken forms written out
        question = fix_typos(question, lang, vocabulary)
        # A call the asker did not name comes from the conversation or the quotes: the answer
        # says which ("Milloin haku päättyy?").
        told = calls.call(req.call_id or "") or match_call(question, calls) if calls else None
        question, search_query, call, reading = self._in_conversation(req, question, lang, calls)
        # "Olemme oululainen nuorisoyhdistys… Riittääkö yksi maakunta?": the situation says who
        # asks and names the call; what is asked, and the words to find, are in the question.
        asked = asked_part(question)
        need = classify(asked)
        if need in (Need.GENERAL, Need.ELIGIBILITY):
            years = {call.opens.year, call.closes.year} if call else set()
            need = situation_figure_need(question, asked, years) or need
        when = unknown_call_period(question, calls) if calls else None
        plan = None
        if when:
            known = ", ".join(c.title.get(lang) for c in calls.calls)
            text = t("unknown_call", lang, when=when, calls=known)
            answer = self._refuse(base, lang, calls, None, text)
        elif is_next_call(asked) and calls is not None and not req.call_id:
            answer = self._next_call_answer(base, lang, calls)
        elif need is Need.STATUS and calls is not None and self._other_body(asked, lang):
            # "Does the Research Council of Finland have a call open?": not these calls' status.
            answer = self._refuse(base, lang, calls, None, t("no_answer", lang))
        elif need is Need.STATUS and calls is not None:
            answer = self._status_answer(base, lang, calls, call, question)
        elif (
            need in (Need.DATE, Need.GENERAL) and call is None and calls and asks_call_period(asked)
        ):
            # "Milloin haku päättyy?" naming no call: every call's period, from calls.yaml.
            answer = self._status_answer(base, lang, calls, None, question)
        else:
            answer, plan = self._extractive(
                base,
                reading,
                need,
                search_query,
                question,
                calls,
                call,
                bool(req.call_id),
                told is None,
            )
        if req.conversation_id:
            self.conversations.add(
                req.conversation_id,
                Turn(
                    question,
                    search_query if not answer.refused else question,
                    answer.call_id,
                    answer.refused,
                    _first_person(answer.answer, calls),  # a refusal names whom to ask
                ),
            )
        return answer, plan

    def _in_conversation(
        self, req: AnswerRequest, question: str, lang: str, calls: CallsFile | None
    ) -> tuple[str, str, Call | None, str]:
        """What is asked, what to search for, of which call, and the language to read the asked
        question in, after the turns before it.

        "Entä syksyn 2023 haussa?" asks the previous question of another call, "entä alakohtaan
        2?" of another strand, and "And in the parenting call?" asks the Finnish question before
        it (read as Finnish, answered in English); "Kuka sitä rahoittaa?" and "Kuka on
        yhteyshenkilö?" ask of the call talked about. "Eri aihe: …" starts afresh.
        """
        question, new_topic = without_lead_in(question)
        named = calls.call(req.call_id or "") or match_call(question, calls) if calls else None
        prev = self.conversations.get(req.conversation_id) if req.conversation_id else None
        last = prev.last if prev is not None and not new_topic else None
        if last is None or calls is None:
            return question, question, named, lang
        if last.person:
            question = naming_the_person(question, lang, last.person)
        follow = is_follow_up(question)
        before = detect_language(last.question)
        same_language = before == lang
        part = only_a_part(question, lang, _FOLLOW_UP_WORDS)
        if named is not None and (again := asked_again(question, lang, calls, prev.turns, follow)):
            before = detect_language(again.question)
            asked = without_call_words(again.question, before, calls, again.call_id)
            return asked, f"{asked} {question}", named, before
        if part and (asked := with_part_number(last.question, part)):
            return asked, f"{asked} {question}", named or calls.call(last.call_id or ""), before
        search_query = _with_earlier(question, last.search_query) if follow else question
        if follow and (named is not None or last.call_id):
            question = without_pointing_back(question)
            earlier = part_named(last.question, before)
            if earlier and same_language and asked_part_number(question) is None:
                # "Pitääkö sen olla ilmaista?" after "alakohta 1 kiinnostaa": of strand 1.
                question = f"{question.rstrip(' ?')} ({earlier})?"
        if named is not None:
            return question, search_query, named, lang
        asked = asked_part(question)
        if not follow and (classify(asked) is Need.STATUS or is_next_call(asked)):
            return question, search_query, None, lang  # "Mitkä haut ovat auki?": every call
        # A question that names no call is about the call talked about.
        call = calls.call(last.call_id or "")
        if call is not None and not follow:
            search_query = _with_earlier(question, last.search_query)
        return question, search_query, call, lang

    # ---- answering ------------------------------------------------------------------------
    def _extractive(
        self, base, lang, need, search_query, question, calls, call, strict_call, unnamed=False
    ):
        """The quoted answer, or a refusal. The question is read in ``lang``; the answer is
        framed in the asker's language (they differ when "And in the parenting call?" asks
        the Finnish question before it), and names the call when the asker did not."""
        framing = base["language"]
        retriever = self._retriever()
        filters = None
        if call is not None:
            # The call asked about, and the documents shared by all calls.
            filters = Filters(call_ids=frozenset({call.id, ""}))
        query = search_query + bound_words(question)
        # The question's own embedding serves retrieval and sentence meaning alike.
        passages = retriever.search(
            query, k=self.passages, filters=filters, dense_query=search_query
        )
        if not passages:
            return self._refuse(base, framing, calls, call, t("no_answer", framing)), None
        # Words that only name the call ("syksyn 2023", "vanhemmuushaku") are settled by the filter;
        # the sentence must match what is asked about it.
        ignore = call_terms(call, lang) if call is not None else set()
        focus = None
        if call is not None:
            # Words that name only this call, and words that name only the others.
            funders = {f.lower() for c in calls.calls for f in c.funders}  # shared by calls
            mine = _title_terms(call) - funders
            others = set().union(*(_title_terms(c) for c in calls.calls if c.id != call.id))
            focus = (call.id, ignore - {"haku", "ja"}, mine - others, others - mine)
        meaning = None
        if self.sentence_vectors is not None:
            vectors = self.sentence_vectors
            meaning = lambda texts: vectors.similarity(question, texts)  # noqa: E731
        asked = asked_part(question)
        # The asked field terms that few chunks hold: the topic, and reasons to refuse.
        rare = self._rare_terms(asked, lang, ignore)
        rank = functools.partial(
            rank_sentences,
            question,
            lang,
            need,
            asked=asked,
            ignore=ignore,
            focus=focus,
            meaning=meaning,
            text_before=retriever.text_before,
            rare=tuple(g for g, _ in rare),
        )
        ranked = rank(passages)
        results_asked = need is Need.COUNT and GRANTED_COUNT_ASKED.search(asked)
        if (
            need in SPAN_PATTERNS
            and not (ranked and ranked[0].has_span)
            or (
                # "How many are running?": a count of results, which the notice's rules are not.
                results_asked and not any(FUNDED_NAMED.search(s.text) for s in ranked[:3])
            )
            # "Hakemuksessa valitaan yksi alakohta": "one" is as often a rule as a count.
            or (need is Need.COUNT and ranked and _ONE.search(ranked[0].text))
        ):
            # The asked kind of answer (a count, a date) may sit just below the cut. Look twice
            # as deep: in the theme's shared summary, for sentences naming the call; and in the
            # call's own notice when some sentence there has one, but not the best (when none
            # has, digging deeper in the notice mostly finds figures of other things).
            seen = {p.chunk_id for p in passages}
            # A call code is unmistakable wherever it stands in the notice.
            own = call is not None and (need is Need.CODE or any(s.has_span for s in ranked))
            deeper = [
                p
                for p in retriever.search(
                    query, k=2 * self.passages, filters=filters, dense_query=search_query
                )
                if p.chunk_id not in seen and (not p.call_id or own)
            ]
            if deeper:
                ranked = rank(passages + deeper, strict_from=len(passages))
                passages = passages + deeper
        chosen = select(ranked)
        weak = (
            self._weakness(question, lang, need, passages, chosen, ignore, call, rare)
            if chosen
            else "no sentence"
        )
        if weak:
            log.debug("refused: %s", weak)
            return self._refuse(base, framing, calls, call, t("no_answer", framing)), None
        # Whether to answer is judged on the closest sentences; beside the lead, the reader also
        # sees those nearly as close, where the right one often is.
        chosen = with_part_heading(select(ranked, close=SHOWN_CLOSE), question)
        # The call asked about, else the call of the first quote that belongs to one.
        call_id = (
            call.id
            if call
            else next((s.passage.call_id for s in chosen if s.passage.call_id), None)
        )
        cited_call = calls.call(call_id) if (calls and call_id) else None
        citations = [self._cite(s) for s in chosen]
        quotes = " ".join(f"“{q}” [{i}]" for i, q in enumerate(shown_quotes(chosen), 1))
        named = ""
        if unnamed and cited_call is not None:
            title = cited_call.title.get(framing)
            text = f"{t('according_call', framing, title=title)} {quotes}"
            named = f"\n\n{t('call_named', framing, title=title)}"  # under a generated answer
        else:
            text = f"{t('according', framing)} {quotes}"
        note = self._status_note(cited_call, framing)
        note = f"\n\n{note}" if note else ""
        answer = Answer(
            **base,
            answer=text + note,
            refused=False,
            call_id=call_id,
            citations=citations,
            call_status=self._status(cited_call),
        )
        if self.generator is None:
            return answer, None
        return answer, _Generation(question, [s.passage for s in chosen], named + note)

    def _weakness(
        self, question, lang, need, passages, chosen: list[Sentence], ignore, call, rare
    ) -> str | None:
        """Why the evidence does not answer the question, or None when it does.

        Refuse rather than quote something beside the point: the evidence must be close in
        meaning (dense score), share the question's topic words, contain every number the
        question names, and, when the question asks for an amount, date, contact, age or count,
        hold one. A question about something the documents never mention is refused outright.

        Words an applicant uses to describe their situation before asking ("Olemme oululainen
        nuorisoyhdistys…") are no topic of the question: unknown words, numbers and "who was
        chosen" are read from the asking sentence on.
        """
        asked = asked_part(question)
        lead = chosen[0]
        dense = max(p.scores.get("dense", 0.0) for p in passages)
        if MEMBERS_ASKED.search(asked) and not any(person_named(s.text) for s in chosen):
            return "asks for people by name; no sentence names anyone"
        if asks_for_recipients(asked) and not any(
            names_in(s.text, question, self._known_names()) for s in chosen
        ):
            return "asks who got funding or was chosen; no sentence names anyone"
        if need in SPAN_PATTERNS and not any(s.has_span for s in chosen):
            return f"no {need.value} in the best sentences"
        # What the question asks about must be what the sentences speak of: a language, the
        # earlier project, what was granted rather than what was on offer or received.
        said = [f"{s.context} {s.text}" for s in chosen]
        for asks, names, why in (
            (LANGUAGE_ASKED.search(asked), LANGUAGE_NAMED, "a language; no sentence names one"),
            (
                # "What must the new project do with the previous one's work?" is about the new.
                asks_previous(asked) and not NEW_ASKED.search(asked),
                PREVIOUS_NAMED,
                "an earlier project; the sentences don't",
            ),
            (
                need in (Need.AMOUNT, Need.BOUND_AMOUNT) and GRANTED_ASKED.search(asked),
                GRANTED_NAMED,
                "what was granted; the sentences say what is on offer",
            ),
            (
                need in (Need.AMOUNT, Need.BOUND_AMOUNT) and APPLIED_SUM_ASKED.search(asked),
                APPLIED_SUM_NAMED,
                "the sum applied for; the sentences say what is on offer",
            ),
            (
                need not in (Need.COUNT, Need.SHARE) and PAY_CAP_ASKED.search(asked),
                PAY_NAMED,
                "a cap on pay; the sentences bound other sums",
            ),
            (
                bool(SAME_ORGANISATION.search(asked)) and not APPLICATIONS_ASKED.search(asked),
                SAME_ORGANISATION,
                "one organisation in several projects; the sentences don't say",
            ),
            (
                bool(SERVICE_DESK.search(asked)),
                SERVICE_DESK,
                "a service desk; the sentences name none",
            ),
            (bool(SIGN_UP.search(asked)), SIGN_UP, "signing up; the sentences say nothing of it"),
            (
                bool(CHANGE_AFTER_ASKED.search(asked)),
                CHANGE_NAMED,
                "changing an application or project afterwards; the sentences don't say",
            ),
            (
                # "Käsitelläänkö myöhästynyt hakemus?" is not answered by the deadline itself.
                need is not Need.DATE and bool(LATE_ASKED.search(asked)),
                LATE_NAMED,
                "a late application; the sentences say nothing of it",
            ),
            (
                bool(OFFICE_PLACE_ASKED.search(asked)),
                OFFICE_PLACE_NAMED,
                "where an office must be; the sentences don't say",
            ),
            (bool(ONLINE_ASKED.search(asked)), ONLINE_NAMED, "being online; no sentence says"),
            # Where the asker is from counts too: "Vi är en förening på Åland. Kan vi söka?"
            (bool(ALAND.search(question)), ALAND, "Åland; the sentences never name it"),
            (
                bool(titled := person_titled(asked)),
                titled,
                "a person holding a title; no sentence names one",
            ),
            (
                need is Need.COUNT and GRANTED_COUNT_ASKED.search(asked),
                FUNDED_NAMED,
                "how many were granted; the sentences count what was received",
            ),
        ):
            if asks and not any(names.search(x) for x in said):
                return f"asks about {why}"
        if lang == "fi" and (unlisted := unlisted_documents(asked, said)):
            return f"asks about documents to attach that no sentence names: {unlisted}"
        # Only the rarest terms (``RARE_TERM_CHUNKS``) are reasons to refuse.
        rarest = [(group, using) for group, using in rare if len(using) <= RARE_TERM_CHUNKS]
        beside = _beside_the_call(rarest, call) if call is not None else []
        if beside:
            return f"terms only other calls' documents use: {beside}"
        unquoted = _rare_unquoted(rarest, chosen) if call is None else []
        if unquoted:
            return f"rare terms none of the quotes holds: {unquoted}"
        earlier = asks_previous(asked) and not NEW_ASKED.search(asked)
        if (
            earlier
            and need in SPAN_PATTERNS
            and not any(
                SPAN_PATTERNS[need].search(s.text)
                and PREVIOUS_NAMED.search(f"{s.context} {s.text}")
                # "Milloin edeltävä hanke käynnistyi?": not when it ends.
                and not (need is Need.DATE and asks_start_not_end(asked, s.text))
                for s in chosen
            )
        ):
            # "Kuinka suuri budjetti edellisellä koordinaatiohankkeella oli?" is not answered by
            # the new call's 2,1 miljoonaa € beside a sentence naming the earlier project.
            return f"asks the earlier project's {need.value}; no sentence gives one of it"
        if LANGUAGE_ASKED.search(asked) and not self._language_of_the_topic(
            asked, lang, ignore, chosen
        ):
            return "asks the language of something; the sentence naming a language is about another"
        # Figures the sentences give besides those the question states: the parts of a sum.
        parts = _figures(" ".join(said)) - _figures(asked)
        # A yes/no ("Saako kulut jakaa hankkeiden kesken?") asks for a rule, not a sum's parts.
        split = need not in (Need.COUNT, Need.ELIGIBILITY) and SPLIT_ASKED.search(asked)
        if split and len(parts) < 2:
            return "asks how a sum is split; the sentences give no parts"
        if PART_ASKED.search(asked) and not parts:
            return "asks for a part of a sum; the sentences give only the sum"
        if (
            need in (Need.AMOUNT, Need.BOUND_AMOUNT)
            and names_a_part(asked)
            and not any(s.has_span and of_a_part(s) for s in chosen)
        ):
            # "Paljonko vanhemmuushaun määrärahasta on korvamerkitty alakohdalle …?": the
            # call's whole sum ("Haettavissa 7 miljoonaa €") is no strand's.
            return "asks the sum of a part; the sentences give none"
        second = set(terms(second_asked(asked), lang)) if lang == "fi" else set()
        if second and not second & set(terms(" ".join(said), lang)):
            return f"asks for two parts; the sentences don't name the second: {sorted(second)}"
        p = lead.passage
        evidence = " ".join([*(s.text for s in chosen), p.title, p.section, p.text])
        digits = _digits(evidence)
        # A figure offered to be checked is answered by the right one ("Isn't it 200 000 €?").
        offered = (
            (lead.has_span and checks_a_figure(asked))
            or offers_a_figure(asked)
            and any(SPAN_PATTERNS[Need.BOUND_AMOUNT].search(s.text) for s in chosen)
            or offers_a_start(asked)
            and any(full_dates(s.text) for s in chosen)
        )
        checked = without_comparisons(asked)
        if CLOCK.search(evidence):
            # "Ehtiikö kello 17?" is answered by the closing hour, whatever hour was offered.
            checked = CLOCK.sub(" ", checked)
        numbers = re.findall(r"\b\d{1,3}(?:[,\s]\d{3})+\b|\b\d+(?:[.,]\d+)?\b", checked)
        for number in [] if offered else numbers:
            # "250,000" and "250 000" are the same number.
            if number not in evidence and number not in ignore and _digits(number) not in digits:
                return f"the number {number} is not in the evidence"
        # A sentence of the named call that holds what was asked for, or names it in the asker's
        # other words ("myöhästyneitä" for "sent after the deadline"), needs no word overlap.
        on_target = (
            (lead.has_span or lead.named) and call is not None and p.call_id in ("", call.id)
        )
        vocab = self._vocabulary()
        if lang != "fi":
            if vocab:
                left, _ = unexplained_words(asked, lang, vocab, ignore)
                content = unexplained_words(question, lang, vocab, ignore)[1]  # the known words too
                if len(left) >= 2 and len(left) >= MAX_UNEXPLAINED * content:
                    return f"words the documents never use: {left}"
                for check, why in (
                    (unknown_kinds, "kinds of things the documents never mention"),
                    (absent_terms, "terms of the field the documents never use"),
                    (unknown_asked_thing, "asks about a thing the documents never mention"),
                    (unknown_names, "names the documents never mention"),
                ):
                    found = check(asked, lang, vocab)
                    if found:
                        return f"{why}: {found}"
            if dense >= MIN_DENSE_CROSS or (on_target and dense >= MIN_DENSE_ON_TARGET):
                return None
            return f"dense {dense:.3f} too low"
        absent = absent_subjects(asked, vocab, ignore) if vocab else []
        if absent:
            return f"subjects the documents never mention: {absent}"
        unused = absent_finnish_terms(asked, vocab) if vocab else []
        if unused:
            return f"terms of the field the documents never use: {unused}"
        places = unknown_authorities(asked, vocab) if vocab else []
        if places:
            return f"an authority of a place the documents never name: {places}"
        if dense < MIN_DENSE:
            return f"dense {dense:.3f} too low"
        concepts = question_concepts(asked, lang, ignore)["fi"]
        if not concepts or on_target:
            return None
        passage_terms = set(terms(f"{p.title} {p.section} {p.text}", p.language))
        # The situation may name the topic ("Olemme pieni yritys. Voimmeko olla mukana?").
        found = max(
            coverage(concepts, passage_terms),
            coverage(question_concepts(question, lang, ignore)["fi"], passage_terms),
        )
        unknown = len(unknown_words(asked, vocab, ignore)) / len(concepts) if vocab else 0.0
        # Words the documents never use point at a topic they don't cover ("tuntihinta").
        if unknown >= 1.0 or (len(concepts) >= 3 and unknown > MAX_UNKNOWN):
            return f"{unknown:.0%} of the topic words are unknown"
        if found < MIN_COVERAGE:
            return f"the passage has {found:.0%} of the topic words"
        return None

    def _rare_terms(
        self,
        asked: str,
        lang: str,
        ignore: set[str] | frozenset[str] = frozenset(),
    ) -> list[tuple[frozenset[str], list[str]]]:
        """The question's field terms (glossary groups) found in at most ``RARE_TOPIC_CHUNKS``
        chunks, with the calls of those chunks; not a term that names the asked call."""
        snap = self._retriever().store.snapshot()
        if snap is None:
            return []
        out = []
        for group in field_terms(asked, lang):
            if group & ignore:
                continue  # the term names the call
            using = snap.keyword.calls_using(group)
            if 0 < len(using) <= RARE_TOPIC_CHUNKS:
                out.append((group, using))
        return out

    def _other_body(self, asked: str, lang: str) -> bool:
        """The question names a body or place the documents never mention."""
        vocab = self._vocabulary()
        if not vocab:
            return False
        # "Onko JTF-haku auki?": a fund or programme the documents never name.
        acronyms = re.findall(r"\b[A-ZÄÖÅ]{3,}\b", asked)
        if any(a.lower() not in vocab for a in acronyms):
            return True
        if lang == "fi":
            return bool(unknown_authorities(asked, vocab))
        return bool(unknown_names(asked, lang, vocab))

    @staticmethod
    def _language_of_the_topic(asked, lang, ignore, chosen: list[Sentence]) -> bool:
        """A sentence names a language and what the question asks the language of: "Hakemuksen
        voi laatia suomeksi tai ruotsiksi" says nothing of the info session's language."""
        topic = [
            c
            for c in question_concepts(asked, lang, ignore, call_named=True)["fi"]
            if not any(t in _LANGUAGE_TERMS or t.endswith("kielinen") for t in c)
        ]
        naming = [s for s in chosen if LANGUAGE_NAMED.search(f"{s.context} {s.text}")]
        return not topic or any(
            coverage(topic, set(terms(f"{s.context} {s.text}", s.passage.language))) > 0
            for s in naming
        )

    def _known_names(self) -> set[str]:
        """Words of calls.yaml (contacts, funders, authorities, titles) and of the glossary's
        terms ("SHM", "EURA", "Suomi.fi"): no funding recipient."""
        calls = self._calls()
        if calls is None:
            return set()
        if self._names_of[0] is not calls:  # calls() hands back the same object until it changes
            text = calls.model_dump_json() + " ".join(
                v for e in load_glossary() for v in (*e.fi, *itertools.chain(*e.variants.values()))
            )
            self._names_of = (calls, {w.lower() for w in re.findall(r"\w+", text)})
        return self._names_of[1]

    def _vocabulary(self):
        snap = self._retriever().store.snapshot()
        return snap.keyword.vocabulary() if snap is not None else None

    def _cite(self, s: Sentence) -> Citation:
        p: Passage = s.passage
        return Citation(
            document_id=p.doc_id,
            title=p.title,
            page=s.page,
            url=self._url(p.doc_id, s.page),
            quote=s.quote,
        )

    def _status(self, call: Call | None) -> str | None:
        return call.status(self._today()).value if call else None

    def _status_note(self, call: Call | None, lang: str) -> str:
        if call is None:
            return ""
        status = call.status(self._today())
        if status is Status.CLOSED:
            return t("closed_note", lang, closes=fmt_date(call.closes))
        if status is Status.UPCOMING:
            return t("upcoming_note", lang, opens=fmt_date(call.opens))
        return ""

    def _status_answer(self, base, lang, calls: CallsFile, call: Call | None, question: str):
        today = self._today()
        targets = [call] if call else calls.calls
        days = full_dates(question)
        # "Voiko hakemuksen vielä jättää 30.11.2023?": the answer is for that day.
        day = days[0] if call is not None and len(days) == 1 else None
        lines = []
        if call is None:
            open_calls = [c for c in calls.calls if c.status(today) is Status.OPEN]
            lines.append(t("open_list" if open_calls else "none_open", lang, today=fmt_date(today)))
        lines += [self._status_line(c, lang, day) for c in targets]
        citations = [cite for c in targets if (cite := self._date_citation(c))]
        if call is not None and citations:
            # The notice's own words give what the registry lacks: the hour ("klo 16.15").
            lines.append(f"{t('according', lang)} “{citations[0].quote}” [1]")
        if day is not None and day <= call.closes and (note := self._status_note(call, lang)):
            lines.append(note.strip())  # open on that day, closed today
        return Answer(
            **base,
            answer="\n".join(lines),
            refused=False,
            call_id=call.id if call else None,
            citations=citations,
            call_status=self._status(call),
        )

    def _status_line(self, call: Call, lang: str, day: dt.date | None = None) -> str:
        """The call's status today, or on the day the question names."""
        if day is None:
            key = f"status_{call.status(self._today()).value}"
        elif day > call.closes:
            key = "closed_on"
        else:
            key = "open_on" if day >= call.opens else "not_yet_on"
        return t(
            key,
            lang,
            date=fmt_date(day) if day else "",
            title=call.title.get(lang),
            opens=fmt_date(call.opens),
            closes=fmt_date(call.closes),
        )

    def _next_call_answer(self, base, lang, calls: CallsFile):
        """The upcoming calls from calls.yaml, or an honest "nothing is known" with a contact."""
        today = self._today()
        upcoming = [c for c in calls.calls if c.status(today) is Status.UPCOMING]
        if not upcoming:
            latest = max(calls.calls, key=lambda c: c.closes, default=None)
            closes = fmt_date(latest.closes) if latest else "–"
            text = t("no_upcoming", lang, today=fmt_date(today), closes=closes)
            return self._refuse(base, lang, calls, None, text)
        lines = [
            t(
                "status_upcoming",
                lang,
                title=c.title.get(lang),
                opens=fmt_date(c.opens),
                closes=fmt_date(c.closes),
            )
            for c in sorted(upcoming, key=lambda c: c.opens)
        ]
        citations = [cite for c in upcoming if (cite := self._date_citation(c))]
        first = min(upcoming, key=lambda c: c.opens)
        return Answer(
            **base,
            answer="\n".join(lines),
            refused=False,
            call_id=first.id if len(upcoming) == 1 else None,
            citations=citations,
            call_status=Status.UPCOMING.value if len(upcoming) == 1 else None,
        )

    def _date_citation(self, call: Call) -> Citation | None:
        """The sentence in the call's own documents that states its closing date."""
        closes = fmt_date(call.closes)
        passages = self._retriever().search(
            f"haku päättyy {closes}", k=6, filters=Filters(call_ids=frozenset({call.id}))
        )
        for p in passages:
            for s in rank_sentences(f"haku päättyy {closes}", "fi", Need.DATE, [p]):
                if closes in s.text:
                    cite = self._cite(s)
                    # A schedule is one "sentence" of list items: quote the closing one.
                    items = [i for i in cite.quote.split(" · ") if closes in i]
                    return cite.model_copy(update={"quote": items[0]}) if items else cite
        return None

    def _refuse(self, base, lang, calls: CallsFile | None, call: Call | None, reason: str):
        contact = None
        if call is not None:
            contact = call.contacts[0]
        elif calls is not None:
            contact = calls.managing_authority.contact
        text = reason
        if contact is not None:
            text += " " + t("ask_contact", lang, contact=contact.line())
        return Answer(
            **base,
            answer=text,
            refused=True,
            call_id=call.id if call else None,
            call_status=self._status(call),
        )


_FIGURE = re.compile(
    r"\d[\d\s.,]*?\s*(?:milj\w*\.?|million\w*|miljon\w*|€|euro\w*|%|prosent\w*|procent|percent)",
    re.I,
)


# "One" in the three languages: a count that may be a rule ("valitaan yksi alakohta").
_ONE = re.compile(r"\b(yksi|yhden|yhtä|one|en|ett)\b", re.I)


def _beside_the_call(rare: list[tuple[frozenset[str], list[str]]], call: Call) -> list[str]:
    """Rare field terms of the question that only other calls' documents use.

    "Does the OKM call require a steering group?": only the parenting call's notice speaks of
    one, so what the OKM documents say answers something else. A common term ("hakija") is
    left alone: a notice may say it in other words. So is a question that also names a rare
    term the call's documents do use.
    """
    beside, within = [], []
    for group, using in rare:
        (within if {call.id, ""} & set(using) else beside).append(min(group))
    # "Voiko matkoja, ostopalveluja ja vuokria laittaa budjettiin?": the call speaks of some.
    return [] if within else beside


def _rare_unquoted(
    rare: list[tuple[frozenset[str], list[str]]], chosen: list[Sentence]
) -> list[str]:
    """Rare field terms of a question naming no call that none of the quotes holds.

    "Milloin ensimmäinen maksatushakemus pitää jättää?": one notice mentions payment claims
    once, so a quote about the application ("Lähetä hakemus viimeistään …") answers
    something else. Measured only where no call is named: within a call, the call's own
    words for the same thing answer as often as not.
    """
    said: set[str] = set()
    for s in chosen:
        said |= set(terms(f"{s.context} {s.text}", "fi"))
        said |= set(terms(s.text, s.passage.language))
    return [min(group) for group, _ in rare if not group & said]


def with_part_heading(chosen: list[Sentence], question: str) -> list[Sentence]:
    """The lead quote under the heading of the part asked about: "Mikä on teeman toinen
    alateema?" is answered by the heading's name ("Alateema 2: Ammattilaisten osaamisen
    vahvistaminen"), which no sentence under it repeats."""
    number = asked_part_number(question)
    if number is None:
        return chosen
    for i, s in enumerate(chosen):
        heading = part_heading(s)
        if heading and asked_part_number(heading) == number and not s.context:
            # The part's own sentence leads the others ("Teemalla on kolme alateemaa").
            return [replace(s, context=f"{heading} · "), *chosen[:i], *chosen[i + 1 :]]
    return chosen


def _figures(text: str) -> set[str]:
    """Sums and shares in a text, digits only: the parts a split of a sum is made of."""
    return {re.sub(r"\D", "", m.group(0)) for m in _FIGURE.finditer(text)}


def _digits(text: str) -> str:
    """Thousands written together: "250,000", "250 000" and "250000" read alike."""
    return re.sub(r"(?<=\d)[,\s\u00a0](?=\d{3}\b)", "", text)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


_FIRST_PERSON = re.compile(
    r"\b(minä|minun|me|meidän|olen|olemme|i|my|we|our|jag|min|mitt|mina|vi|vår|vårt|våra)\b", re.I
)


def _tells_situation(lead: str) -> bool:
    """A short lead-in in the first person ("Opinnäytetyötäni varten:", "For our club:")."""
    if len(lead.split()) > 6:
        return False
    if _FIRST_PERSON.search(lead):
        return True
    return any(
        a.get("POSSESSIVE") in ("1s", "1p")
        for w in re.findall(r"\w+", lead)
        for a in analyze(w.lower())
    )


def asked_part(question: str) -> str:
    """The question from its first asking sentence on, without the situation told before it
    (in sentences of its own, or as a lead-in before a colon)."""
    lead, colon, rest = question.strip().partition(": ")
    if colon and rest.rstrip().endswith("?") and _tells_situation(lead):
        return asked_part(rest)
    parts = _SENTENCE_END.split(question.strip())
    if len(parts) < 2:
        return question
    for i, part in enumerate(parts):
        if part.rstrip().endswith("?"):
            return " ".join(parts[i:])
    return parts[-1]


def call_terms(call: Call, lang: str = "fi") -> set[str]:
    """Words that name the call, in Finnish and in the question's language: "barn, unga och
    familjer" is the call's title, not what a Swedish question asks about it."""
    out = set(call.id.split("-")) | {str(call.opens.year), str(call.closes.year)}
    out |= set(terms(call.title.fi, "fi")) | set(_SEASONS[_season(call.opens)])
    title = getattr(call.title, lang, None) if lang != "fi" else None
    if title:
        out |= set(terms(title, lang))
    out |= {f.lower() for f in call.funders}
    return out


# Title words every call of the theme shares, or that any funding text uses: they name no call.
_GENERIC = set(
    "haku utlysning call lapsi nuori perhe barn unga ung tuki tukea stöd support kehittää "
    "kehittäminen hanke projekt project palvelu toiminta hyvinvointi edistää teema tema tem theme "
    "young people children families familj och and ja sekä "
    # A ministry is a funder (scored as one), not a title word: "Ministry of Social Affairs".
    "ministry ministri ministeriö ministeriet".split()
)


def _title_terms(call: Call) -> set[str]:
    out: set[str] = set(call.id.split("-"))
    for lang in ("fi", "sv", "en"):
        title = getattr(call.title, lang)
        if title:
            # Not "be" of "well-being" nor "mot" ("towards"): "Does it have to be free?" names
            # no call. A season is kept, though "vår" is also "our".
            found = first_reading_terms(title) if lang == "fi" else terms(title, lang)
            out |= set(found) - (function_words(lang) - _SEASON_WORDS)
    return out - _GENERIC


_PERIOD = re.compile(r"(\w+)\s+(20\d\d)\b|\b(20\d\d)\s+(\w+)", re.IGNORECASE)


def unknown_call_period(question: str, calls: CallsFile) -> str | None:
    """A season and year the question names that no call has ("kevään 2024 haku"), as written.

    calls.yaml lists every call; an answer about a call that does not exist would quote another.
    In the situation told before the question, only a period next to a call word names a call.
    """
    asked_from = question.find(asked_part(question))
    unknown = []
    named_call = False  # a period some call has: "kevään 2025 hakemus"
    for m in _PERIOD.finditer(question):
        word, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        forms = {word.lower(), *terms(word, "fi")}
        season = next((s for s, names in _SEASONS.items() if forms & names), None)
        if season is None:
            continue
        if any(
            _season(c.opens) == season and int(year) in (c.opens.year, c.closes.year)
            for c in calls.calls
        ):
            named_call = True
        else:
            # Two words either side: "kevään 2024 harrastushausta", "utlysningen hösten 2025".
            near = question[: m.start()].split()[-2:] + question[m.end() :].split()[:2]
            unknown.append((m, bool(CALL_NAMED.search(" ".join(near)))))
    for m, beside_call in unknown:
        # "Haluaisimme jatkaa toimintaa kevääseen 2028 asti." tells a plan; so does "voiko hanke
        # alkaa syksyllä 2025" once the question has named its call.
        if beside_call or not (m.start() < asked_from or named_call):
            return m.group(0)
    return None


def match_call(question: str, calls: CallsFile) -> Call | None:
    """The call a question names, by distinctive title words, id, year, season and funder.

    A title word counts only when no other call's title has it; None when no call stands out.
    A call named only to compare with ("samma … som i föräldraskapsutlysningen") is not the one
    asked about, when the rest of the question names another.
    """
    rest = without_comparisons(question)
    if rest != question and (call := _match_call(rest, calls)) is not None:
        return call
    rest = funders_asked_about(question)
    if rest != question and (call := _match_call(rest, calls)) is not None:
        return call
    return _match_call(question, calls)


_EARLIER_WORDS = 40


def _with_earlier(question: str, earlier: str) -> str:
    """The words to search for: the question's, then the earlier turns' (newest first), up to
    a limit, so that a long chain of follow-ups does not drown the question."""
    return " ".join(f"{question} {earlier}".split()[: len(question.split()) + _EARLIER_WORDS])


def _first_person(text: str, calls: CallsFile | None) -> str | None:
    """The contact person of calls.yaml that ``text`` names first."""
    if calls is None:
        return None
    names = {c.name for call in calls.calls for c in call.contacts}
    names.add(calls.managing_authority.contact.name)
    found = [(text.find(n), n) for n in names if n and n in text]
    return min(found)[1] if found else None


def asked_again(
    question: str, lang: str, calls: CallsFile, turns: list[Turn], follow: bool
) -> Turn | None:
    """The earlier turn that a follow-up naming a call asks again of it: the last one when the
    follow-up names nothing else ("Entä syksyn 2023 haussa?", "And in the parenting call?"),
    else the latest whose question has every other word it has ("Are those shares the same in
    the coordination call?" after "What share of costs can public funding cover…?")."""
    named = set().union(*(call_terms(c, lang) for c in calls.calls)) | _GENERIC | _FOLLOW_UP_WORDS
    rest = set()
    for w in re.findall(r"[\w:.-]+", question):
        ws = set(terms(w, lang))
        seasonal = _season_names_call(w, _SEASON_WORDS)  # "vårutlysning"
        if not (ws <= named or seasonal or match_call(w, calls) is not None):
            rest |= ws
    if not rest:
        return turns[-1] if turns else None
    if not (follow or _SAMENESS & set(terms(question, lang))):
        return None  # a question of its own, though its words were asked before
    return next((t for t in reversed(turns) if rest <= set(terms(t.question, lang))), None)


# The words that make a question lean on the previous one ("entä", "what about").
_FOLLOW_UP_WORDS = set(
    "entä entäs mites ja and what about how och hur vad gäller then sitten "
    # "Onko sama myös koordinaatiohaussa?", "Is it the same in the OKM call?"
    "sama samoin myös päteä koskea same also too apply true likewise samma också även gälla".split()
)
_SAMENESS = {"sama", "samoin", "same", "likewise", "samma"}
# … as the analysis reads them in each language ("gäller": gäll, "applies": appli).
_FOLLOW_UP_WORDS |= {t for lang in ("sv", "en") for w in _FOLLOW_UP_WORDS for t in terms(w, lang)}


def without_call_words(question: str, lang: str, calls: CallsFile, call_id: str | None) -> str:
    """The question with the words that name its call left out ("Paljonko rahaa OKM:n kevään
    2025 haussa on?" → "Paljonko rahaa on?"), so that it can be asked of another call."""
    call = calls.call(call_id or "")
    if call is None:
        return question
    named = call_terms(call, lang)
    kept: list[str] = []
    for w in question.split():
        ws = set(terms(w, lang))
        seasonal = _season_names_call(w, _SEASON_WORDS)  # "vårutlysningen"
        if ws and (ws <= named or seasonal or match_call(w, calls) is call):
            while kept and not terms(kept[-1], lang):  # "…pågå i", "…apply in the"
                kept.pop()
        else:
            kept.append(w)
    while kept and not terms(kept[-1], lang):
        kept.pop()
    end = question.rstrip()[-1:]
    text = " ".join(kept).rstrip(" ,")
    return text + end if end in "?!." and not text.endswith(end) else text


def _season_names_call(question: str, seasons: set[str]) -> bool:
    """A season word joined to a call word, or a call word right after it (a year between)."""
    words = question.lower().split()
    for i, w in enumerate(words):
        if w.startswith(tuple(seasons)) and CALL_NAMED.search(" ".join(words[i : i + 3])):
            return True
    return False


def _call_phrase_terms(question: str, lang: str) -> set[str]:
    """Terms of a call word and the two words before it ("the coordination call",
    "koordinaatiohankkeen jatkohaku", "vanhemmuushaussa"), in Finnish and the asker's language."""
    out: set[str] = set()
    for m in CALL_NAMED.finditer(question):
        phrase = " ".join(question[: m.start()].split()[-2:] + [m.group(0)])
        out |= set(terms(phrase, "fi"))
        if lang != "fi":
            out |= set(terms(phrase, lang))
            out |= {t for e in finnish_equivalents(phrase, lang) for w in e for t in terms(w, "fi")}
    return out


def _match_call(question: str, calls: CallsFile) -> Call | None:
    q_words = set(re.findall(r"\w+", question.lower()))
    q_terms = set(terms(question, "fi")) | q_words
    lang = detect_language(question)
    if lang != "fi":
        q_terms |= set(terms(question, lang))
        # "parenthood support call" names vanhemmuus; "UKM:s vårutlysning" names OKM.
        finnish = " ".join(w for e in finnish_equivalents(question, lang) for w in e)
        # "children, youth and families" (the theme's name) brings the glossary's "vanhempi"
        # (and Voikko's "vanha"), parts of "vanhemmuus": they name no call.
        q_terms |= set(terms(finnish, "fi")) - {"vanha", "vanhempi"}
        q_words |= set(re.findall(r"\w+", finnish.lower()))
    titles = {c.id: _title_terms(c) for c in calls.calls}
    # Each call's own title terms: those no other call's title has.
    owns = {
        cid: t - set().union(*(o for other, o in titles.items() if other != cid))
        for cid, t in titles.items()
    }
    scored: list[tuple[float, Call]] = []
    for call in calls.calls:
        own = owns[call.id]
        score = float(len(q_terms & own))
        # "koord-haussa", "vanh.-haku": a shortened title word before a hyphen or a full stop.
        short = re.findall(r"\b(\w{4,})(?:-|\.-?)(?=\w)", question.lower())
        if not q_terms & own and any(t.startswith(w) for w in short for t in own):
            score += 1.0
        if q_words & {str(call.opens.year), str(call.closes.year)}:
            score += 1.0
        if any(w.startswith(tuple(_SEASONS[_season(call.opens)])) for w in q_words):
            score += 1.0
            if _season_names_call(question, _SEASONS[_season(call.opens)]):
                score += 1.0  # "vinterutlysningen", "syksyn 2023 haku": the call's own name
        score += 0.5 * sum(1 for f in call.funders if f.lower() in q_words)
        scored.append((score, call))
    scored.sort(key=lambda x: -x[0])
    # "…our own parenting-support service model. Is that OK in the coordination call?": a title
    # word joined to a call word names the call; the other title words are the topic.
    phrase = _call_phrase_terms(question, lang)
    by_name = [(sc, c) for sc, c in scored if phrase & owns[c.id]]
    if len(by_name) == 1 and by_name[0][0] >= 1:
        return by_name[0][1]
    if not scored or scored[0][0] < 1 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]
