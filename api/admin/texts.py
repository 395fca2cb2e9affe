"""Every sentence of the admin page, in Finnish, Swedish and English (Finnish by default)."""

from __future__ import annotations

LANGUAGES = ("fi", "sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "title": {
        "fi": "Hakuapu – ylläpito",
        "sv": "Hakuapu – administration",
        "en": "Hakuapu – admin",
    },
    "login_title": {"fi": "Kirjaudu ylläpitoon", "sv": "Logga in", "en": "Sign in"},
    "token_label": {"fi": "Ylläpitotunnus", "sv": "Administratörsnyckel", "en": "Admin token"},
    "login_button": {"fi": "Kirjaudu", "sv": "Logga in", "en": "Sign in"},
    "wrong_token": {
        "fi": "Tunnus on väärä.",
        "sv": "Nyckeln är fel.",
        "en": "That token is wrong.",
    },
    "locked_out": {
        "fi": "Liian monta väärää tunnusta tästä osoitteesta. Yritä hetken kuluttua uudelleen.",
        "sv": "För många fel nycklar från den här adressen. Försök igen om en stund.",
        "en": "Too many wrong tokens from this address. Try again in a minute.",
    },
    "off": {
        "fi": "Ylläpito on pois päältä: palvelimelta puuttuu HAKUAPU_ADMIN_TOKEN.",
        "sv": "Administrationen är avstängd: HAKUAPU_ADMIN_TOKEN saknas på servern.",
        "en": "Admin is off: HAKUAPU_ADMIN_TOKEN is not set on the server.",
    },
    "expired": {
        "fi": "Lomake vanheni. Yritä uudelleen.",
        "sv": "Formuläret har gått ut. Försök igen.",
        "en": "The form expired. Please try again.",
    },
    "logout": {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Sign out"},
    "index_line": {
        "fi": "Indeksi: sukupolvi {generation}, {documents} asiakirjaa, {chunks} tekstijaksoa, "
        "koottu {created_at}",
        "sv": "Index: generation {generation}, {documents} dokument, {chunks} textavsnitt, "
        "byggt {created_at}",
        "en": "Index: generation {generation}, {documents} documents, {chunks} chunks, "
        "built {created_at}",
    },
    "no_index": {
        "fi": "Indeksi on tyhjä. Lisää asiakirjoja tai päivitä kaikki.",
        "sv": "Indexet är tomt. Lägg till dokument eller uppdatera allt.",
        "en": "The index is empty. Add documents or re-ingest everything.",
    },
    "documents": {"fi": "Asiakirjat", "sv": "Dokument", "en": "Documents"},
    "col_id": {"fi": "Tunniste", "sv": "Id", "en": "Id"},
    "col_title": {"fi": "Otsikko", "sv": "Titel", "en": "Title"},
    "col_call": {"fi": "Haku", "sv": "Utlysning", "en": "Call"},
    "col_type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "col_pages": {"fi": "Sivuja", "sv": "Sidor", "en": "Pages"},
    "col_chunks": {"fi": "Jaksoja", "sv": "Avsnitt", "en": "Chunks"},
    "col_version": {"fi": "Versio", "sv": "Version", "en": "Version"},
    "col_ingested": {"fi": "Lisätty", "sv": "Indexerad", "en": "Ingested"},
    "col_hash": {"fi": "Sisällön tiiviste", "sv": "Innehållshash", "en": "Content hash"},
    "col_file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "col_actions": {"fi": "Toiminnot", "sv": "Åtgärder", "en": "Actions"},
    "replace": {"fi": "Korvaa", "sv": "Ersätt", "en": "Replace"},
    "remove": {"fi": "Poista", "sv": "Ta bort", "en": "Remove"},
    "confirm_remove": {
        "fi": "Poistetaanko {doc}? Tiedosto siirtyy roskakoriin.",
        "sv": "Ta bort {doc}? Filen flyttas till papperskorgen.",
        "en": "Remove {doc}? Its file moves to the trash folder.",
    },
    "upload_title": {"fi": "Lisää asiakirja", "sv": "Lägg till dokument", "en": "Add documents"},
    "files_label": {
        "fi": "Tiedostot (PDF, DOCX, Markdown, HTML, teksti)",
        "sv": "Filer (PDF, DOCX, Markdown, HTML, text)",
        "en": "Files (PDF, DOCX, Markdown, HTML, text)",
    },
    "url_label": {
        "fi": "…tai verkko-osoite, josta palvelin hakee tiedoston",
        "sv": "…eller en webbadress som servern hämtar filen från",
        "en": "…or a URL the server downloads the file from",
    },
    "call_label": {"fi": "Haku", "sv": "Utlysning", "en": "Call"},
    "no_call": {"fi": "(ei hakua)", "sv": "(ingen utlysning)", "en": "(no call)"},
    "title_label": {
        "fi": "Otsikko (valinnainen)",
        "sv": "Titel (valfri)",
        "en": "Title (optional)",
    },
    "type_label": {
        "fi": "Tyyppi (valinnainen, esim. call_notice)",
        "sv": "Typ (valfri, t.ex. call_notice)",
        "en": "Type (optional, e.g. call_notice)",
    },
    "upload_button": {"fi": "Lisää", "sv": "Lägg till", "en": "Add"},
    "reingest_title": {"fi": "Päivitä kaikki", "sv": "Uppdatera allt", "en": "Re-ingest all"},
    "reingest_help": {
        "fi": "Lukee korpuskansion ja ladatut tiedostot uudelleen; calls.yaml-muutokset tulevat "
        "voimaan. Vastaukset jatkuvat koko ajan vanhasta indeksistä.",
        "sv": "Läser korpusmappen och uppladdade filer på nytt; ändringar i calls.yaml träder i "
        "kraft. Svaren fortsätter från det gamla indexet under tiden.",
        "en": "Reads the corpus folder and the uploads again; calls.yaml changes take effect. "
        "Answers keep coming from the old index meanwhile.",
    },
    "reingest_button": {"fi": "Päivitä", "sv": "Uppdatera", "en": "Re-ingest"},
    "reports_title": {"fi": "Kysymykset", "sv": "Frågor", "en": "Questions"},
    "days_label": {"fi": "Päiviä", "sv": "Dagar", "en": "Days"},
    "show": {"fi": "Näytä", "sv": "Visa", "en": "Show"},
    "rate_line": {
        "fi": "{questions} kysymystä, joista {refused} jäi vaille vastausta ({rate} %).",
        "sv": "{questions} frågor, av vilka {refused} blev obesvarade ({rate} %).",
        "en": "{questions} questions, {refused} of them unanswered ({rate} %).",
    },
    "per_day": {"fi": "Kysymyksiä päivittäin", "sv": "Frågor per dag", "en": "Questions per day"},
    "day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "questions": {"fi": "Kysymyksiä", "sv": "Frågor", "en": "Questions"},
    "refused": {"fi": "Ei vastausta", "sv": "Obesvarade", "en": "Unanswered"},
    "unanswered_title": {
        "fi": "Useimmin kysytyt, joihin asiakirjoista ei löytynyt vastausta",
        "sv": "Vanligaste frågorna som dokumenten inte besvarade",
        "en": "Top questions the documents did not answer",
    },
    "count": {"fi": "Kertaa", "sv": "Gånger", "en": "Times"},
    "variants": {"fi": "Muotoilut", "sv": "Formuleringar", "en": "Wordings"},
    "last_asked": {"fi": "Viimeksi", "sv": "Senast", "en": "Last asked"},
    "feedback_title": {
        "fi": "Palaute asiakirjoittain",
        "sv": "Återkoppling per dokument",
        "en": "Feedback per document",
    },
    "cited": {"fi": "Lainattu", "sv": "Citerad", "en": "Cited"},
    "thumbs_down_title": {
        "fi": "Vastaukset, joista annettiin 👎",
        "sv": "Svar som fick 👎",
        "en": "Answers with 👎",
    },
    "question": {"fi": "Kysymys", "sv": "Fråga", "en": "Question"},
    "comments": {"fi": "Kommentit", "sv": "Kommentarer", "en": "Comments"},
    "audit_title": {"fi": "Ylläpitoloki", "sv": "Granskningslogg", "en": "Audit log"},
    "at": {"fi": "Aika", "sv": "Tid", "en": "When"},
    "who": {"fi": "Kuka", "sv": "Vem", "en": "Who"},
    "action": {"fi": "Toiminto", "sv": "Åtgärd", "en": "Action"},
    "target": {"fi": "Kohde", "sv": "Mål", "en": "Target"},
    "result": {"fi": "Tulos", "sv": "Resultat", "en": "Result"},
    "nothing_yet": {"fi": "Ei vielä mitään.", "sv": "Inget ännu.", "en": "Nothing yet."},
    "status_open": {"fi": "avoinna", "sv": "öppen", "en": "open"},
    "status_closed": {"fi": "päättynyt", "sv": "stängd", "en": "closed"},
    "status_upcoming": {"fi": "tulossa", "sv": "kommande", "en": "upcoming"},
    "done_ok": {"fi": "Valmis", "sv": "Klart", "en": "Done"},
    "done_failed": {"fi": "Ei onnistunut", "sv": "Misslyckades", "en": "Failed"},
    "sample": {"fi": "ESIMERKKI", "sv": "EXEMPEL", "en": "SAMPLE"},
}


def pick_language(query: str | None, cookie: str | None, accept: str) -> str:
    for lang in (query, cookie):
        if lang in LANGUAGES:
            return lang
    for part in accept.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "fi"


def texts_for(lang: str):
    """``t(key, **values)`` for one language."""

    def t(key: str, **values) -> str:
        entry = TEXTS[key]
        text = entry.get(lang) or entry["fi"]
        return text.format(**values) if values else text

    return t
