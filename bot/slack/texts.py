"""The Slack bot's own user-facing sentences in Finnish, Swedish and English.

Answers themselves come from the answering module (bot/texts.py); these are the bot's frame:
buttons, status lines, staff commands and errors.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "sources": {"fi": "Lähteet", "sv": "Källor", "en": "Sources"},
    "page": {"fi": "s. {page}", "sv": "s. {page}", "en": "p. {page}"},
    "call_open": {
        "fi": "Haku: {title} · auki {opens}–{closes}",
        "sv": "Utlysning: {title} · öppen {opens}–{closes}",
        "en": "Call: {title} · open {opens}–{closes}",
    },
    "call_upcoming": {
        "fi": "Haku: {title} · avautuu {opens} (päättyy {closes})",
        "sv": "Utlysning: {title} · öppnar {opens} (stänger {closes})",
        "en": "Call: {title} · opens {opens} (closes {closes})",
    },
    "call_closed": {
        "fi": "Haku: {title} · päättyi {closes}",
        "sv": "Utlysning: {title} · stängde {closes}",
        "en": "Call: {title} · closed {closes}",
    },
    "helpful": {"fi": "Hyödyllinen", "sv": "Till hjälp", "en": "Helpful"},
    "not_helpful": {"fi": "Ei hyödyllinen", "sv": "Inte till hjälp", "en": "Not helpful"},
    "share": {"fi": "Jaa kanavalle", "sv": "Dela i kanalen", "en": "Share in channel"},
    "shared_by": {"fi": "Jakoi <@{user}>", "sv": "Delat av <@{user}>", "en": "Shared by <@{user}>"},
    "asked": {"fi": "Kysymys: {question}", "sv": "Fråga: {question}", "en": "Question: {question}"},
    "share_expired": {
        "fi": "Vastaus on vanhentunut, eikä sitä voi enää jakaa. Kysy uudelleen, kiitos.",
        "sv": "Svaret har gått ut och kan inte delas längre. Fråga igen, tack.",
        "en": "That answer has expired and can no longer be shared. Please ask again.",
    },
    "share_failed": {
        "fi": "En voi kirjoittaa tälle kanavalle. Kutsu minut (/invite) tai kopioi vastaus.",
        "sv": "Jag kan inte skriva i den här kanalen. Bjud in mig (/invite) eller kopiera svaret.",
        "en": "I can't post in this channel. Invite me (/invite) or copy the answer.",
    },
    "thanks": {
        "fi": "Kiitos palautteesta!",
        "sv": "Tack för responsen!",
        "en": "Thanks for the feedback!",
    },
    "already_voted": {
        "fi": "Palautteesi tähän vastaukseen on jo tallennettu.",
        "sv": "Din respons på det här svaret är redan sparad.",
        "en": "Your feedback on this answer is already saved.",
    },
    "feedback_failed": {
        "fi": "Palautetta ei voitu tallentaa: vastausta ei löydy enää.",
        "sv": "Responsen kunde inte sparas: svaret finns inte längre.",
        "en": "The feedback could not be saved: the answer is no longer on record.",
    },
    "not_here": {
        "fi": "En vastaa tällä kanavalla. Kysy minulta yksityisviestillä tai komennolla /hakuapu.",
        "sv": "Jag svarar inte i den här kanalen. Fråga mig i ett direktmeddelande eller /hakuapu.",
        "en": "I don't answer in this channel. Ask me in a direct message or with /hakuapu.",
    },
    "writing": {
        "fi": "Kirjoitan vastausta asiakirjojen pohjalta…",
        "sv": "Jag skriver ett svar utifrån dokumenten…",
        "en": "Writing an answer from the documents…",
    },
    "error": {
        "fi": "Pahoittelut, vastaaminen epäonnistui. Yritä hetken päästä uudelleen.",
        "sv": "Tyvärr gick det inte att svara. Försök igen om en stund.",
        "en": "Sorry, something went wrong while answering. Please try again in a moment.",
    },
    "unknown_call": {
        "fi": "Tuntematon haku {call}. Tunnetut haut: {known}.",
        "sv": "Okänd utlysning {call}. Kända utlysningar: {known}.",
        "en": "Unknown call {call}. Known calls: {known}.",
    },
    "help": {
        "fi": (
            "*Käyttö:*\n• `/hakuapu kysymys` – vastaus vain sinulle, lähteineen\n"
            "• `/hakuapu haku:<haun-tunnus> kysymys` – vain yhden haun asiakirjoista\n"
            "• mainitse @Hakuapu kanavalla tai lähetä yksityisviesti – vastaan ketjuun\n"
            "• henkilökunta: `/hakuapu tila`, `/hakuapu päivitä`\n"
            "Haut: {calls}"
        ),
        "sv": (
            "*Användning:*\n• `/hakuapu fråga` – svar bara till dig, med källor\n"
            "• `/hakuapu haku:<utlysningens-id> fråga` – bara i en utlysnings dokument\n"
            "• nämn @Hakuapu i en kanal eller skicka ett direktmeddelande – jag svarar i tråden\n"
            "• personal: `/hakuapu läge`, `/hakuapu uppdatera`\n"
            "Utlysningar: {calls}"
        ),
        "en": (
            "*Usage:*\n• `/hakuapu question` – an answer only you see, with sources\n"
            "• `/hakuapu haku:<call-id> question` – search one call's documents only\n"
            "• mention @Hakuapu in a channel or send a direct message – I answer in the thread\n"
            "• staff: `/hakuapu status`, `/hakuapu reingest`\n"
            "Calls: {calls}"
        ),
    },
    "staff_only": {
        "fi": (
            "`/hakuapu {command}` on vain henkilökunnalle. Pyydä ylläpitäjää lisäämään "
            "käyttäjätunnuksesi ({user}) asetukseen HAKUAPU_SLACK_STAFF."
        ),
        "sv": (
            "`/hakuapu {command}` är bara för personalen. Be administratören lägga till ditt "
            "användar-id ({user}) i inställningen HAKUAPU_SLACK_STAFF."
        ),
        "en": (
            "`/hakuapu {command}` is for staff only. Ask an administrator to add your user id "
            "({user}) to HAKUAPU_SLACK_STAFF."
        ),
    },
    "status": {
        "fi": (
            "*Hakuapu – tila*\n• Asiakirjoja: {documents}\n• Tekstikappaleita: {chunks}\n"
            "• Viimeisin indeksointi: {ingested} (sukupolvi {generation})\n"
            "• Vastauksia: {answers} (kieltäytymisiä {refused}), palaute 👍 {up} / 👎 {down}\n"
            "• Tänään ({today}) auki: {open}"
        ),
        "sv": (
            "*Hakuapu – läge*\n• Dokument: {documents}\n• Textavsnitt: {chunks}\n"
            "• Senaste indexering: {ingested} (generation {generation})\n"
            "• Svar: {answers} (avböjda {refused}), respons 👍 {up} / 👎 {down}\n"
            "• Öppna i dag ({today}): {open}"
        ),
        "en": (
            "*Hakuapu – status*\n• Documents: {documents}\n• Chunks: {chunks}\n"
            "• Last ingest: {ingested} (generation {generation})\n"
            "• Answers: {answers} ({refused} refused), feedback 👍 {up} / 👎 {down}\n"
            "• Open today ({today}): {open}"
        ),
    },
    "never": {"fi": "ei koskaan", "sv": "aldrig", "en": "never"},
    "none": {"fi": "ei yhtään", "sv": "inga", "en": "none"},
    "open_until": {
        "fi": "{title} ({closes} asti)",
        "sv": "{title} (till {closes})",
        "en": "{title} (until {closes})",
    },
    "reingest_started": {
        "fi": "Indeksointi aloitettu ({path}). Kerron tuloksen, kun se on valmis.",
        "sv": "Indexeringen har startat ({path}). Jag meddelar resultatet när den är klar.",
        "en": "Re-ingest started ({path}). I'll post the summary when it is done.",
    },
    "reingest_done": {
        "fi": "Indeksointi valmis: {summary}",
        "sv": "Indexeringen är klar: {summary}",
        "en": "Re-ingest done: {summary}",
    },
    "reingest_failed": {
        "fi": "Indeksointi epäonnistui: {error}. Edellinen indeksi on edelleen käytössä.",
        "sv": "Indexeringen misslyckades: {error}. Det tidigare indexet används fortfarande.",
        "en": "Re-ingest failed: {error}. The previous index is still answering.",
    },
    "reingest_busy": {
        "fi": "Indeksointi on jo käynnissä. Kerron tuloksen, kun se on valmis.",
        "sv": "En indexering pågår redan. Resultatet kommer när den är klar.",
        "en": "A re-ingest is already running; its summary will be posted when it is done.",
    },
}


def st(key: str, lang: str, **kwargs: object) -> str:
    texts = TEXTS[key]
    return (texts.get(lang) or texts["fi"]).format(**kwargs)
