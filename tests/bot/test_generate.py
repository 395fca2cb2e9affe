"""Generative mode: the grounding check on its own (fast), the OpenAI-compatible path against a real
local HTTP server, and the packaged local model through llama.cpp once (slow)."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from bot.answerer import AnswerRequest
from bot.generate import (
    GGUF_BYTES,
    GGUF_NAME,
    NO_ANSWER,
    Prompts,
    clean,
    make_generator,
    unsupported,
)
from bot.models import Answer
from bot.texts import t
from hakuapu.calls import load_calls
from hakuapu.cli import main
from hakuapu.services import Services
from hakuapu.settings import Settings

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "data" / "models" / GGUF_NAME

# Wording as in the call notices (corpus/), so the check sees real formats.
SOURCE = (
    "Haku päättyy 4.12.2023 klo 16.15. Haussa jaetaan yhteensä 9,3 miljoonaa € "
    "(9 300 000 euroa). Hankkeen kokonaiskustannusten on oltava vähintään 200 000 euroa ja "
    "omarahoitusosuus on vähintään 20 %. Lisätietoja antaa ylitarkastaja Antti Hieta, Hämeen "
    "ELY-keskus, puh. 0295 025 116, antti.hieta@ely-keskus.fi. OKM:n yhteyshenkilö on Merja Niemi, "
    "merja.niemi(at)gov.fi. Teemakuvaus: www.rakennerahastot.fi/teemat."
)


def kinds(answer: str, sources=(SOURCE,)) -> list[tuple[str, str]]:
    return [(f.kind, f.surface) for f in unsupported(answer, sources)]


# ---- the grounding check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "Haku päättyy 4.12.2023 klo 16.15.",  # copied
        "Haku päättyy 4. joulukuuta 2023 kello 16:15.",  # Finnish month name, colon time
        "Hakuaika päättyy 2023-12-04.",  # ISO
        "The call closes on December 4, 2023 at 16.15.",  # English
        "Ansökningstiden går ut den 4 december 2023.",  # Swedish
        "Haku päättyy 4.12. klo 16.15.",  # no year
        "Haku päättyy joulukuussa 2023.",  # month and year
    ],
)
def test_a_copied_or_reformatted_date_is_accepted(answer):
    assert kinds(answer) == []


@pytest.mark.parametrize(
    "answer, bad",
    [
        ("Haku päättyy 5.12.2023.", "5.12.2023"),
        ("Haku päättyy 4.12.2024.", "4.12.2024"),
        ("Haku päättyy 4. marraskuuta 2023.", "4. marraskuuta 2023"),
        ("The call closes on 14 December 2023.", "14 December 2023"),
        ("Haku päättyy marraskuussa.", "marraskuussa"),
    ],
)
def test_an_invented_date_is_rejected(answer, bad):
    assert ("date", bad) in kinds(answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Haussa jaetaan 9,3 miljoonaa euroa.",
        "Haussa jaetaan 9 300 000 euroa.",
        "Haussa jaetaan 9300000 euroa.",
        "Haussa jaetaan 9,3 milj. €.",
        "A total of 9.3 million euros is available.",
        "A total of EUR 9,300,000 is available.",
        "Vähintään 200 000 € ja omarahoitus vähintään 20 %.",
        "Soita numeroon 0295 025 116.",
        "Soita numeroon 0295025116.",
    ],
)
def test_an_amount_in_any_notation_is_accepted(answer):
    assert kinds(answer) == []


@pytest.mark.parametrize(
    "answer, bad",
    [
        ("Haussa jaetaan 9,5 miljoonaa euroa.", "9,5"),
        ("Haussa jaetaan 12 000 000 euroa.", "12 000 000"),
        ("Haussa jaetaan 9,3 miljardia euroa.", "9,3"),  # right digits, wrong scale
        ("Omarahoitusosuus on 25 %.", "25"),
        ("Hankkeen on oltava vähintään 250 000 euroa.", "250 000"),
        ("Soita numeroon 0295 025 117.", "0295025117"),
    ],
)
def test_an_invented_amount_is_rejected(answer, bad):
    assert ("number", bad) in kinds(answer)


def test_e_mail_addresses():
    assert kinds("Kirjoita osoitteeseen antti.hieta@ely-keskus.fi.") == []
    # The source writes merja.niemi(at)gov.fi; the model may restore the @.
    assert kinds("Merja Niemen osoite on merja.niemi@gov.fi.") == []
    assert kinds("Kirjoita osoitteeseen antti.hieta@gov.fi.") == [("email", "antti.hieta@gov.fi")]
    assert kinds("Write to info@esr.fi.") == [("email", "info@esr.fi")]


def test_web_addresses():
    assert kinds("Teemakuvaus on osoitteessa www.rakennerahastot.fi/teemat.") == []
    assert kinds("Katso https://www.rakennerahastot.fi.") == []
    assert kinds("Katso www.esr.fi/haku.") == [("url", "esr.fi/haku")]


@pytest.mark.parametrize(
    "answer",
    [
        "Lisätietoja antaa Antti Hieta.",
        "Ota yhteyttä Antti Hiedalle.",  # inflected with consonant gradation (Voikko base form)
        "Yhteyshenkilö on Merja Niemi OKM:stä.",
        "Lisätietoja saa Hämeen ELY-keskukselta.",
        "Please contact Antti Hieta at Hämeen ELY-keskus.",
        "Hakemukset käsitellään nopeasti.",  # a capital that only starts a sentence
    ],
)
def test_names_from_the_sources_are_accepted(answer):
    assert kinds(answer) == []


@pytest.mark.parametrize(
    "answer, bad",
    [
        ("Lisätietoja antaa Matti Virtanen.", "Virtanen"),
        ("Ota yhteyttä Antti Virtaselle.", "Virtaselle"),
        ("Virtanen vastaa hakemuksista.", "Virtanen"),  # sentence start, but a known surname
        ("Rahoittajat ovat OKM ja TEM.", "TEM"),
        ("Lisätietoja saa Uudenmaan ELY-keskukselta.", "Uudenmaan"),
    ],
)
def test_an_invented_name_is_rejected(answer, bad):
    assert ("name", bad) in kinds(answer)


def test_every_unsupported_fact_is_listed_and_plain_text_passes():
    got = kinds("Matti Virtanen, matti@x.fi, vastaa 1.1.2030 mennessä 42 hakemukseen.")
    assert {k for k, _ in got} == {"name", "email", "date", "number"}
    assert kinds("Yhdistys voi hakea rahoitusta.") == []
    assert kinds("Kyllä.", []) == []
    assert kinds("Haku päättyy 4.12.2023.", []) == [("date", "4.12.2023")]


def test_facts_are_looked_for_in_every_source():
    sources = ["Haku päättyy 4.12.2023.", "Yhteyshenkilö Elina Palola, STM."]
    assert kinds("Elina Palola (STM) vastaa; haku päättyy 4.12.2023.", sources) == []


def test_clean_strips_chat_tokens_labels_and_a_cut_off_sentence():
    assert clean("Vastaus: **9,3 miljoonaa euroa.**<|im_end|>junk") == "9,3 miljoonaa euroa."
    assert (
        clean("Haku päättyy 4.12.2023. Lisäksi haku", truncated=True) == "Haku päättyy 4.12.2023."
    )
    assert clean("Haku päättyy 4.12.2023 klo", truncated=True) == ""
    assert clean("9,3 milj. euroa") == "9,3 milj. euroa"
    assert clean("Vastaa: 1859.") == "1859."


def test_prompts_exist_for_every_language_and_the_system_prompt_is_english():
    prompts = Prompts.load()
    for lang, name in [("fi", "Finnish"), ("sv", "Swedish"), ("en", "English")]:
        system, user = prompts.messages("Kysymys?", lang, "[1] Otsikko\nTeksti.")
        assert "only" in system and name in system and NO_ANSWER in system
        assert "Kysymys?" in user and "[1] Otsikko\nTeksti." in user
    assert "Vastaa suomeksi" in prompts.messages("q", "fi", "c")[1]
    assert "svenska" in prompts.messages("q", "sv", "c")[1]


def test_no_llm_means_no_generator(tmp_path):
    assert make_generator(Settings(data_dir=tmp_path)) is None
    with pytest.raises(ValueError, match="llamacpp or openai"):
        make_generator(Settings(data_dir=tmp_path, llm="gpt"))


# ---- the OpenAI-compatible path: a real HTTP server ---------------------------------------------


@pytest.fixture
def openai_services(corpus, chat_server) -> Services:
    """The session's corpus index, answered through the test server."""
    chat_server.requests.clear()
    chat_server.status = 200
    chat_server.hold = None
    chat_server.held_out = False
    s = corpus.settings.model_copy(
        update={
            "llm": "openai",
            "llm_url": chat_server.url,
            "llm_model": "qwen-test",
            "llm_api_key": "secret",
        }
    )
    return Services(s)


# A question whose evidence is stable (a contact line repeated in every call notice), so these tests
# follow the generative path rather than the extractive answerer's current choices.
QUESTION = "Mikä on Antti Hiedan puhelinnumero?"
PHONE = "0295 025 116"
GROUNDED = f"Antti Hiedan puhelinnumero on {PHONE}."


@pytest.fixture
def extractive_answer(openai_services):
    """What the same index answers without an LLM: the fallback must be exactly this."""
    plain = Services(openai_services.settings.model_copy(update={"llm": "none"}))
    ans = plain.answerer.answer(AnswerRequest(QUESTION))
    assert not ans.refused and ans.mode == "extractive" and PHONE in ans.answer
    return ans


def test_a_grounded_completion_is_shown_with_the_extractive_citations(
    openai_services, chat_server, extractive_answer
):
    chat_server.reply = GROUNDED
    ans = openai_services.answerer.answer(AnswerRequest(QUESTION))

    assert ans.mode == "generative" and not ans.refused
    assert ans.answer.startswith(GROUNDED)
    assert [c.quote for c in ans.citations] == [c.quote for c in extractive_answer.citations]
    # The question names no call: the call of the quotes is named under the generated text.
    title = load_calls(openai_services.settings.calls_file).call(ans.call_id).title
    assert f"\n\nHaku: {title.fi}" in ans.answer
    # What went over the wire: the chosen model, the key, an English system prompt, the passages.
    (req,) = chat_server.requests
    assert req["path"] == "/v1/chat/completions" and req["auth"] == "Bearer secret"
    body = req["body"]
    assert body["model"] == "qwen-test" and body["max_tokens"] == 120
    system, user = body["messages"]
    assert system["role"] == "system"
    assert "Use only facts stated in the context" in system["content"]
    assert user["role"] == "user" and QUESTION in user["content"]
    assert "Vastaa suomeksi" in user["content"]
    lead = " ".join(extractive_answer.citations[0].quote.split())
    for piece in re.split(r" … | · ", lead):  # the cited passage is the context
        assert piece in user["content"]


SECOND = "Hänelle voi myös lähettää sähköpostia."


def _deltas(events: list[dict]) -> str:
    return "".join(e["text"] for e in events if e["event"] == "delta")


def test_stream_carries_the_generated_answer_a_sentence_at_a_time(openai_services, chat_server):
    chat_server.reply = f"{GROUNDED} {SECOND}"
    events = list(openai_services.answerer.stream(AnswerRequest(QUESTION)))
    done = events[-1]["answer"]

    assert chat_server.requests[0]["body"]["stream"] is True
    assert done["mode"] == "generative" and done["answer"].startswith(chat_server.reply)
    assert _deltas(events) == done["answer"]
    pieces = [e["text"] for e in events if e["event"] == "delta"]
    assert pieces[:2] == [GROUNDED, f" {SECOND}"]  # whole sentences, each checked
    assert [e["event"] for e in events][-2:] == ["citations", "done"]
    assert "reset" not in [e["event"] for e in events]


def test_a_sentence_is_shown_while_the_model_is_still_writing(openai_services, chat_server):
    chat_server.reply = f"{GROUNDED} {SECOND}"
    chat_server.hold = threading.Event()
    chat_server.hold_after = len(GROUNDED) + 10  # the first sentence and a word of the next
    events = []
    for event in openai_services.answerer.stream(AnswerRequest(QUESTION)):
        events.append(event)
        if event["event"] == "delta":
            chat_server.hold.set()  # the model may go on only once the reader has a sentence

    assert not chat_server.held_out, "no sentence came through before the model finished"
    assert events[1] == {"event": "delta", "text": GROUNDED}
    assert events[-1]["answer"]["mode"] == "generative"


@pytest.mark.parametrize(
    "second",
    [
        "Hakemukset on jätettävä 31.12.2099 mennessä.",  # an invented date after a good sentence
        "Call him in English on weekdays between nine and four.",  # the language changes
    ],
)
def test_a_later_sentence_that_fails_the_check_is_taken_back(
    openai_services, chat_server, extractive_answer, second
):
    chat_server.reply = f"{GROUNDED} {second} Kiitos."
    events = list(openai_services.answerer.stream(AnswerRequest(QUESTION)))
    names = [e["event"] for e in events]

    assert names[:3] == ["meta", "delta", "reset"] and events[1]["text"] == GROUNDED
    after = events[names.index("reset") + 1 :]
    assert _deltas(after) == extractive_answer.answer
    assert events[-1]["answer"]["mode"] == "extractive"
    assert events[-1]["answer"]["answer"] == extractive_answer.answer
    assert openai_services.generator.last.text is None


def test_a_streamed_no_answer_shows_only_the_extractive_answer(
    openai_services, chat_server, extractive_answer
):
    chat_server.reply = f"{NO_ANSWER}. Tietoa ei löydy."
    events = list(openai_services.answerer.stream(AnswerRequest(QUESTION)))

    assert "reset" not in [e["event"] for e in events]
    assert _deltas(events) == extractive_answer.answer
    assert openai_services.generator.last.reason == "model found no answer"


def test_a_failing_server_streams_the_extractive_answer(
    openai_services, chat_server, extractive_answer
):
    chat_server.status = 500
    events = list(openai_services.answerer.stream(AnswerRequest(QUESTION)))
    assert _deltas(events) == extractive_answer.answer
    assert openai_services.generator.last.reason.startswith("LLM error")


@pytest.mark.parametrize(
    "reply, reason",
    [
        ("Antti Hiedan puhelinnumero on 0295 025 117.", "unsupported facts"),  # invented digit
        ("Soita Matti Virtaselle numeroon 0295 025 116.", "unsupported facts"),  # invented name
        (NO_ANSWER, "model found no answer"),
        ("The phone number is 0295 025 116, and you can call it on weekdays.", "wrong language"),
    ],
)
def test_an_unchecked_completion_falls_back_to_the_extractive_answer(
    openai_services, chat_server, extractive_answer, reply, reason
):
    chat_server.reply = reply
    ans = openai_services.answerer.answer(AnswerRequest(QUESTION))
    assert len(chat_server.requests) == 1
    assert ans.mode == "extractive" and ans.answer == extractive_answer.answer
    assert openai_services.generator.last.reason == reason


def test_the_command_line_prints_sentences_as_they_come_and_marks_one_taken_back(
    corpus, chat_server, extractive_answer, monkeypatch, capsys
):
    chat_server.reply = f"{GROUNDED} Hakemukset on jätettävä 31.12.2099 mennessä."
    env = {
        "HAKUAPU_DATA_DIR": corpus.settings.data_dir,
        "HAKUAPU_CORPUS_DIR": corpus.settings.corpus_dir,
        "HAKUAPU_TODAY": corpus.settings.today,
        "HAKUAPU_LLM": "openai",
        "HAKUAPU_LLM_URL": chat_server.url,
    }
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))

    assert main(["ask", QUESTION]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{GROUNDED}\n\n({t('withdrawn', 'fi')})\n")
    assert f"\n{extractive_answer.answer}\n[1] " in out


def test_a_failing_server_falls_back_to_the_extractive_answer(
    openai_services, chat_server, extractive_answer
):
    chat_server.status = 500
    ans = openai_services.answerer.answer(AnswerRequest(QUESTION))
    assert len(chat_server.requests) == 1
    assert ans.mode == "extractive" and ans.answer == extractive_answer.answer
    assert openai_services.generator.last.reason.startswith("LLM error")


def test_a_missing_model_file_falls_back_to_the_extractive_answer(
    openai_services, extractive_answer, tmp_path
):
    missing = tmp_path / "missing.gguf"
    s = openai_services.settings.model_copy(update={"llm": "llamacpp", "llm_model_path": missing})
    svc = Services(s)
    ans = svc.answerer.answer(AnswerRequest(QUESTION))
    assert ans.mode == "extractive" and ans.answer == extractive_answer.answer
    assert svc.generator.last.reason.startswith("LLM error")
    assert "missing.gguf" in svc.generator.last.reason


def test_refusals_do_not_call_the_llm(openai_services, chat_server):
    ans = openai_services.answerer.answer(AnswerRequest("Mikä on Marsin painovoima?"))
    assert ans.refused and chat_server.requests == []


# ---- the packaged model through llama.cpp (slow) -----------------------------------------------


def test_the_assembled_model_is_the_expected_gguf():
    if not MODEL.exists():
        pytest.skip("no model: `make llm` assembles it")
    assert MODEL.stat().st_size == GGUF_BYTES
    with MODEL.open("rb") as f:
        assert f.read(4) == b"GGUF"


@pytest.mark.slow
def test_the_local_model_answers_or_falls_back_honestly(corpus):
    if not MODEL.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{MODEL} missing: `make test` runs `make llm` first")
        pytest.skip("no model: `make llm` assembles it")
    s = corpus.settings.model_copy(
        update={"llm": "llamacpp", "llm_model_path": MODEL, "llm_threads": 2, "llm_max_tokens": 80}
    )
    svc = Services(s)
    # Streamed, as the widget asks: llama.cpp's tokens go through the sentence-by-sentence check.
    events = list(svc.answerer.stream(AnswerRequest(QUESTION)))
    ans = Answer.model_validate(events[-1]["answer"])
    draft = svc.generator.last
    plain = Services(s.model_copy(update={"llm": "none"})).answerer.answer(AnswerRequest(QUESTION))
    names = [e["event"] for e in events]
    after = events[names.index("reset") + 1 :] if "reset" in names else events
    assert _deltas(after) == ans.answer  # what the reader is left with is the answer

    assert draft is not None and draft.raw.strip(), "the model produced nothing"
    assert not ans.refused and ans.citations
    print(f"\nmodel wrote: {draft.raw!r}\nverdict: {draft.reason or 'shown'} {draft.problems}")
    if ans.mode == "generative":
        # Shown: it must hold the right number and nothing unchecked.
        assert draft.text and ans.answer.startswith(draft.text)
        assert draft.problems == [] and unsupported(draft.text, draft.sources) == []
        assert "0295025116" in re.sub(r"\D", "", draft.text)
    else:
        # Not shown: the check (or the model's own NO_ANSWER) said why, and the extractive
        # answer is given unchanged.
        assert draft.text is None and draft.reason
        assert ans.answer == plain.answer and PHONE in ans.answer
