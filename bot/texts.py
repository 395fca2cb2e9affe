"""Every user-facing sentence of the answering module, in Finnish, Swedish and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "according": {
        "fi": "Asiakirjojen mukaan:",
        "sv": "Enligt dokumenten:",
        "en": "According to the documents:",
    },
    # The call a follow-up asks about without naming it ("Kuka on yhteyshenkilö?").
    "according_call": {
        "fi": "Asiakirjojen mukaan (haku: {title}):",
        "sv": "Enligt dokumenten (utlysning: {title}):",
        "en": "According to the documents (call: {title}):",
    },
    # The same, under a generated answer.
    "call_named": {
        "fi": "Haku: {title}",
        "sv": "Utlysning: {title}",
        "en": "Call: {title}",
    },
    "withdrawn": {
        "fi": "Yllä oleva luonnos ei läpäissyt tarkistusta lähteitä vasten; vastaus lähteistä",
        "sv": "Utkastet ovan klarade inte kontrollen mot källorna; här är svaret ur källorna",
        "en": "The draft above failed the check against the sources; here is the answer from them",
    },
    "no_answer": {
        "fi": "Asiakirjoista ei löydy vastausta tähän kysymykseen.",
        "sv": "Dokumenten ger inget svar på den här frågan.",
        "en": "The documents do not answer this question.",
    },
    "unknown_call": {
        "fi": "Asiakirjoissa ei ole hakua ajalta {when}. Tunnetut haut: {calls}.",
        "sv": "Dokumenten har ingen utlysning från {when}. Kända utlysningar: {calls}.",
        "en": "The documents have no call from {when}. Known calls: {calls}.",
    },
    "ask_contact": {
        "fi": "Kysy lisää: {contact}.",
        "sv": "Fråga gärna: {contact}.",
        "en": "Please ask: {contact}.",
    },
    "off_topic": {
        "fi": "Vastaan vain kysymyksiin ESR+-rahoitushauista (STM, OKM, ELY-keskukset).",
        "sv": "Jag svarar bara på frågor om ESF+-utlysningarna (STM, UKM, NTM-centralerna).",
        "en": "I only answer questions about the ESF+ funding calls (STM, OKM, ELY centres).",
    },
    "injection": {
        "fi": "En voi muuttaa toimintaohjeitani. Kysy mielelläsi rahoitushauista.",
        "sv": "Jag kan inte ändra mina instruktioner. Fråga gärna om utlysningarna.",
        "en": "I can't change how I work. Feel free to ask about the funding calls.",
    },
    "too_long": {
        "fi": "Kysymys on liian pitkä ({n} merkkiä, enintään {max}). Lyhennä sitä, kiitos.",
        "sv": "Frågan är för lång ({n} tecken, högst {max}). Förkorta den, tack.",
        "en": "The question is too long ({n} characters, at most {max}). Please shorten it.",
    },
    "empty": {
        "fi": "Kirjoita kysymys.",
        "sv": "Skriv en fråga.",
        "en": "Please type a question.",
    },
    "status_open": {
        "fi": "Haku {title} on auki {opens}–{closes}.",
        "sv": "Utlysningen {title} är öppen {opens}–{closes}.",
        "en": "The call {title} is open {opens}–{closes}.",
    },
    "status_upcoming": {
        "fi": "Haku {title} ei ole vielä auki: se avautuu {opens} ja päättyy {closes}.",
        "sv": "Utlysningen {title} är inte öppen ännu: den öppnar {opens} och stänger {closes}.",
        "en": "The call {title} is not open yet: it opens {opens} and closes {closes}.",
    },
    "status_closed": {
        "fi": "Haku {title} ei ole auki: se päättyi {closes} (hakuaika {opens}–{closes}).",
        "sv": "Utlysningen {title} är inte öppen: den stängde {closes} (ansökningstid "
        "{opens}–{closes}).",
        "en": "The call {title} is not open: it closed on {closes} (application period "
        "{opens}–{closes}).",
    },
    "open_on": {
        "fi": "Kyllä: haun {title} hakuaika on {opens}–{closes}, joten {date} on hakuaikaa.",
        "sv": "Ja: {date} är inom ansökningstiden för utlysningen {title} ({opens}–{closes}).",
        "en": "Yes: {date} is within the application period of the call {title} "
        "({opens}–{closes}).",
    },
    "closed_on": {
        "fi": "Ei: haku {title} päättyi {closes}, ennen {date} (hakuaika {opens}–{closes}).",
        "sv": "Nej: utlysningen {title} stängde {closes}, före {date} (ansökningstid "
        "{opens}–{closes}).",
        "en": "No: the call {title} closed on {closes}, before {date} (application period "
        "{opens}–{closes}).",
    },
    "not_yet_on": {
        "fi": "Ei: haku {title} avautuu vasta {opens}, {date} jälkeen (hakuaika {opens}–{closes}).",
        "sv": "Nej: utlysningen {title} öppnar först {opens}, efter {date} (ansökningstid "
        "{opens}–{closes}).",
        "en": "No: the call {title} opens only on {opens}, after {date} (application period "
        "{opens}–{closes}).",
    },
    "none_open": {
        "fi": "Tänään ({today}) mikään haku ei ole auki.",
        "sv": "I dag ({today}) är ingen utlysning öppen.",
        "en": "No call is open today ({today}).",
    },
    "no_upcoming": {
        "fi": "Asiakirjoissa ei ole tietoa tulevista hauista (tänään {today}); viimeisin haku "
        "päättyi {closes}.",
        "sv": "Dokumenten säger inget om kommande utlysningar (i dag {today}); den senaste "
        "stängde {closes}.",
        "en": "The documents say nothing about future calls (today is {today}); the latest "
        "closed on {closes}.",
    },
    "open_list": {
        "fi": "Tänään ({today}) auki olevat haut:",
        "sv": "Utlysningar som är öppna i dag ({today}):",
        "en": "Calls open today ({today}):",
    },
    "closed_note": {
        "fi": "Huom: tämä haku päättyi {closes}.",
        "sv": "Obs: den här utlysningen stängde {closes}.",
        "en": "Note: this call closed on {closes}.",
    },
    "upcoming_note": {
        "fi": "Huom: tämä haku avautuu {opens}.",
        "sv": "Obs: den här utlysningen öppnar {opens}.",
        "en": "Note: this call opens on {opens}.",
    },
}


def t(key: str, lang: str, **kwargs: object) -> str:
    texts = TEXTS[key]
    return (texts.get(lang) or texts["fi"]).format(**kwargs)


def fmt_date(d) -> str:
    """Finnish-style date (4.12.2023), as the documents write them."""
    return f"{d.day}.{d.month}.{d.year}"
