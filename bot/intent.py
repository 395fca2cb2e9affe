"""What a question asks for, and the text patterns that hold such an answer."""

from __future__ import annotations

import re
from enum import StrEnum

from bot.dates import full_dates
from index.analysis import analyze, function_words, is_partitive, noun_case


class Need(StrEnum):
    AMOUNT = "amount"
    SHARE = "share"  # a percentage: "kuinka suuri osuus", "how large a share"
    DATE = "date"
    CONTACT = "contact"
    ADDRESS = "address"  # a street address: "käyntiosoite", "visiting address", "postadress"
    AGE = "age"
    COUNT = "count"
    DURATION = "duration"  # "kuinka pitkä hanke", "how long may a project run"
    LINK = "link"  # "mistä löytyy verkosta", "where can I find"
    CODE = "code"  # "millä tunnuksella haku löytyy", "call code"
    FREQUENCY = "frequency"  # "kuinka usein", "how often"
    VENUE = "venue"  # where a thing is held: "missä järjestetään", "var hålls", "where … held"
    TIME = "time"  # a time of day: "mihin kellonaikaan", "hur dags", "what time"
    FUNDER = "funder"  # "kuka rahoittaa", "vilken myndighet beviljar", "who funds the call"
    BOUND = "bound"  # a least or most value of anything: "vähimmäiskoko", "högst"
    BOUND_AMOUNT = "bound_amount"  # a least or most sum: "suurin sallittu budjetti"
    ELIGIBILITY = "eligibility"
    STATUS = "status"
    GENERAL = "general"


_I = re.IGNORECASE
# Order matters: the first match wins ("kuinka monta" is a count, not an amount).
_NEEDS: list[tuple[Need, re.Pattern[str] | None]] = [
    (
        Need.VENUE,
        re.compile(
            r"\bmissä\b[^?.]{0,60}\b(järjestet\w*|pidetään|pidettiin|pidetä\w*|kokoontu\w*)|"
            r"\bvar\s+(hålls|ordnas|arrangeras|äger\s+\w+\s+rum|träffas|sker)\b|"
            r"\bwhere\s+(will|are|is|do|does|would)\b[^?.]{0,60}\b(held|take place|takes place|"
            r"hosted|organi[sz]ed|meet)\b",
            _I,
        ),
    ),
    (
        Need.STATUS,
        re.compile(
            r"\b(auki|avoin\w*|käynnissä|haettavissa|ehtii\w*|ehdi\w*|open|öppen|öppna|pågår)\b",
            _I,
        ),
    ),
    (
        Need.COUNT,
        re.compile(
            r"(^|[.!?]\s+)(monta|monenko)\b|"  # spoken "Monta hakemusta tuli?"
            r"\b(montako|kuinka mont\w*|kuinka mone\w*|(kuinka|miten) moni\w*|\w*lukumäärä\w*|"
            r"how many|"
            r"(hakemus|hanke|hakija|osallistuja)määrä\w*|"
            r"(?<!phone )number of|hur många|antal\w*)\b",
            _I,
        ),
    ),
    (
        Need.FREQUENCY,
        re.compile(
            r"\b(kuinka usein|miten usein|kuinka monesti|how often|how frequently|hur ofta|välein|"
            r"med vilka intervall\w*)\b",
            _I,
        ),
    ),
    (
        Need.DURATION,
        re.compile(
            # "kestävä kehitys" is sustainable development, not how long something lasts.
            r"\b(kuinka pitk\w*|miten pitk\w*|kest(?!ävä\b|ävän\b|ävää\b|ävyy)\w*|kesto\w*|"
            r"how long|longest|duration|(pisin|lyhin)(\s+\w+){0,2}\s+\w*aika\w*|"
            r"kuinka nopeasti|missä ajassa|how (quickly|fast|soon)|hur snabbt|hur fort|"
            r"hur läng\w*|"
            r"hur lång\w*|löptid\w*|varaktighet\w*|projekttid\w*|project length)\b",
            _I,
        ),
    ),
    (
        # "a shared evaluation plan" is a common one (yhteinen), no share.
        Need.SHARE,
        re.compile(
            r"(osuu\w*|prosent\w*|andel\w*|procent\w*|\bshares?\b|percent\w*|\brate\b|%)",
            _I,
        ),
    ),
    (
        Need.AMOUNT,
        re.compile(
            r"\b(paljonko|kuinka paljon|kuinka suur\w*|miten suur\w*|\w*budjet\w*|summa\w*|"
            r"\w*määrärah\w*|euromäär\w*|how much|how large|budget\w*|amount|hur mycket|"
            r"hur stor\w*|belopp\w*)\b|€",
            _I,
        ),
    ),
    (
        Need.TIME,
        re.compile(
            r"\b(\w*kellonai\w*|monelta(ko)?|vilken tid(?!\w)|hur dags|vilket klockslag|"
            r"klockslag\w*|what time|time of day|what hour|när på dagen|during the day|"
            r"(mihin|mille) aikaan päivä(stä|ä)|milloin päivällä)\b",
            _I,
        ),
    ),
    (
        Need.DATE,
        re.compile(
            r"(^|[.!?]\s+)koska\b|"  # colloquial "when" opening a question; "because" elsewhere
            r"\b(milloin|mihin (\w+ )?(mennessä|asti|saakka)|minä vuonna|mihin aikaan|"
            r"missä kuussa|minä kuukautena|minkä kuun|(in )?(which|what) month|vilken månad|"
            r"what year|vilket år|vilken period|which period|what period|ajanjakso\w*|"
            r"määräai\w*|aikatau\w*|päättyy|päättyi|alkaa|avautu\w*|"
            r"mistä (päivä\w*|lähtien|alkaen)|mikä päivä|minä päivänä|alkamis\w*|\w+päivä(ä|n|nä)?|"
            r"from (what|which) date|start date|från (vilket|vilken|när)|startdatum|"
            r"viimei\w* (päivä|hakupäivä)|deadline|by when|until|date|schedule|"
            # "when applying", "when our application is assessed", "när vi ansöker": a clause,
            # not a question about a date. An English "when" asks when it opens the question
            # or an auxiliary follows ("when is", "when does", "deadline when?").
            r"(?<=^)when(?!\s+during)|(?<=[.!?,:;–-] )when(?!\s+during)|"
            r"when(?='s|\s*\?|\s+(is|are|was|were|do|does|did|will|would|can|could|should|"
            r"must|shall|exactly|approximately|roughly)\b)|"
            r"när(?!\s+(jag|vi|man|du|ni|de|han|hon|det)\b)|"
            r"sista (dag|ansökningsdag)|senast|datum|tidsplan\w*|deadline)\b",
            _I,
        ),
    ),
    (Need.FUNDER, None),  # _asks_funder, defined below
    (
        Need.ADDRESS,
        re.compile(
            # Not "sähköpostiosoite", "e-postadress": an e-mail address is a contact.
            r"(?<![\w-])(käynti|posti|katu)osoit\w*|\b(visiting|street|postal|office) address\w*|"
            r"(?<![\w-])(besöks|post|gatu)adress\w*",
            _I,
        ),
    ),
    (
        Need.CONTACT,
        re.compile(
            # "sähköpostilla", "by e-mail": a way of sending, not a contact.
            r"\b(keneen|keneltä|kenelle|yhteyshenkilö\w*|yhteystie\w*|yhteyttä|soitta\w*|"
            r"sähköpost(?!illa\b|itse\b)\w*|(?<!by )(?<!via )e-?mail|"
            r"puhelin\w*|contact\w*|phone|kontakt\w*|(?<!per )(?<!med )e-?post(adress\w*)?|"
            r"telefon\w*|"
            r"reach (him|her|them|someone|somebody|the contact\w*)|"
            # Who answers questions is whom to contact.
            r"who (can|could|will|should|would) (answer|help)|vem (kan|ska) (svara|hjälpa)|"
            r"kuka (voi )?(vastaa|vastata|auttaa)(\s+[\w:]+){0,3}?\s+\w*kysymy\w*|"
            r"vända mig|ringa)\b",
            _I,
        ),
    ),
    (
        Need.CODE,
        re.compile(
            r"\b(\w*tunnus|\w*tunnust?a|\w*tunnuks\w*|koodi\w*|code|identifier|id|\w*kod|\w*koden|"
            r"beteckning\w*)\b",
            _I,
        ),
    ),
    (
        Need.LINK,
        re.compile(
            r"\b(mistä\b[^?]{0,40}\blöy\w*|verkosta|netistä|missä osoittee\w*|linkk\w*|"
            r"verkko-osoit\w*|verkkosivu\w*|where\b[^?]{0,30}\bfind|link|website|web page|url|"
            r"var\b[^?]{0,30}\bhitta\w*|länk\w*|webbplats\w*|webbsida\w*)\b",
            _I,
        ),
    ),
    (
        Need.AGE,
        re.compile(
            r"\b(ikä\w*|vuotia\w*|ikäryhm\w*|kuinka vanho\w*|kuinka vanha|how old|hur gaml\w*|"
            r"age\w*|ålder\w*|åldr\w*|"
            r"åldersgrupp\w*|years old)\b",
            _I,
        ),
    ),
    (
        Need.ELIGIBILITY,
        re.compile(
            r"\b(voiko|saako|voivatko|saavatko|voi hakea|saa hakea|hakija\w*|tukikelpoi\w*|"
            r"can|may|eligible|who can apply|kan|får|berättigad\w*|sökande)\b",
            _I,
        ),
    ),
]


_COUNTED = re.compile(
    r"\b(?:montako|monta|monenko|kuinka mont[ao]|miten mont[ao]|how many|hur många|hur mycket|"
    r"antalet|"
    r"number of|antal|lukumäärä)\s+"
    # "how many of the six sub-areas", "hur många av de"
    r"(?:(?:of|av)\s+(?:(?:the|these|those|de|dessa)\s+)?(?:(?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+)?)?"
    r"(?:(?:eri|yksittäistä|erillistä|different|separate|olika)\s+)?(\w+(?:-\w+)*)",
    _I,
)


# Who funds or grants: a funder noun, or a ministry or a who-word next to a funding verb.
_FUNDER_NOUN = re.compile(
    r"\b(rahoittaj\w*|rahoittava\w* viranomai\w*|finansiär\w*|finansierande myndighet\w*|"
    r"funders?|funding (authorit\w*|body|bodies))\b",
    _I,
)
_FUNDS = (
    r"(rahoitta\w*|rahoitti\w*|myöntä\w*|funds?|funded|funding|finances|financed|finansier\w*|"
    r"bevilja\w*|grants?|betala\w*|pays?|maksaa|"
    # Who makes the funding decisions grants the money.
    r"rahoituspäätök\w*|rahoituspäätös|funding decisions?|finansieringsbeslut\w*)"
)
# "Mitkä ministeriöt rahoittivat", "vilken myndighet beviljar": an authority that funds.
_AUTHORITY_FUNDS = re.compile(
    r"\b(ministeriö\w*|viranomai\w*|ministr\w*|authorit\w*|myndighet\w*|ministeri\w*)\b"
    r"[^?]{0,30}\b" + _FUNDS + r"\b",
    _I,
)
# "Kuka rahoittaa", "who funds": not "kuka voi saada rahoitusta", "mitä rahoitetaan".
_WHO_FUNDS = re.compile(
    r"\b(kuka|ketkä|who|vem)\s+"
    r"((is|are|är det som|on se joka|is it that|tekee|makes(?: the)?|fattar)\s+)?" + _FUNDS + r"\b",
    _I,
)


# "Vem beviljar Suomi.fi-fullmakten?": granting an authorisation, not funding.
_GRANTS_NO_MONEY = re.compile(
    r"\b(\w*fullmakt\w*|\w*valtuu\w*|authori[sz]ation\w*|permission\w*|behörighet\w*|"
    r"käyttöoikeu\w*|access)\b",
    _I,
)


def _asks_funder(question: str) -> bool:
    if _GRANTS_NO_MONEY.search(question):
        return False
    # "Milloin työaika ilmoitetaan rahoittajalle?": the funder is told, not asked for.
    asked = _FUNDER_TOLD.sub(" ", question)
    return any(p.search(asked) for p in (_FUNDER_NOUN, _AUTHORITY_FUNDS, _WHO_FUNDS))


_FUNDER_TOLD = re.compile(r"\brahoittaj(alle|alta|ille|ilta)\b", _I)


_FUNDED_BY = re.compile(
    r"\b(rahoitta\w*|rahoitti\w*|finansier\w*|funded|financed)\b[^?]{0,40}"
    r"\b(\w*ministeri\w*|OKM|STM|UKM|SHM|ministry)",
    _I,
)


def funders_asked_about(question: str) -> str:
    """The question less the ministries it asks about as funders: "Finansieras den även av
    UKM?" asks whether UKM funds the call, so UKM does not name the call."""
    if not (_asks_funder(question) or _FUNDED_BY.search(question)):
        return question
    return SPAN_PATTERNS[Need.FUNDER].sub(" ", question)


# "Kuinka moni 32 hankekokonaisuudesta sai…": the counted noun is in the elative, close behind.
_HOW_MANY_OF = re.compile(r"\b(?:kuinka|miten) moni\w*((?:\s+[\w:]+){1,4})", _I)


# "hakemusten lukumäärä", "hakemusmäärä": the counted word comes first.
_COUNTED_BEFORE = re.compile(
    r"\b(\w+)\s+lukumäärä\w*|\b(hakemus|hanke|hakija|osallistuja)määrä", _I
)


_AMOUNT_OF = re.compile(r"\b(\w+)\s+määrä\w*", _I)
_HOW_MUCH_OF = re.compile(r"\b(?:paljonko|paljon)\b((?:\s+[^\s?,;.:]+){1,6})", _I)


def _plural_amount_of(question: str) -> str | None:
    """ "hakemusten määrä", "paljonko hakemuksia tuli" are counts: a number of things (a plural
    genitive or partitive), where "tuen määrä" and "paljonko rahaa" are sums."""
    for m in _AMOUNT_OF.finditer(question):
        if _only_reading(m.group(1), "omanto"):
            return m.group(1)
    for m in _HOW_MUCH_OF.finditer(question):
        for word in map(_strip, m.group(1).split()):
            if word.lower() in _NOT_COUNTED:
                continue
            if _MONEY_WORDS.search(word) and is_partitive(word):
                break  # "kuinka paljon muita kustannuksia": a sum
            if _only_reading(word, "osanto", noun=True):
                return word
            if is_partitive(word) and not _only_reading(word, "osanto"):
                break  # "paljonko tukea … hankkeille": what is measured comes first
    return None


_NOT_COUNTED = {"kaikkiaan", "muita", "näitä", "niitä", "noita"}  # "paljonko kaikkiaan…"


def _only_reading(word: str, case: str, noun: bool = False) -> bool:
    readings = analyze(word.lower())
    return bool(readings) and all(
        r.get("NUMBER") == "plural"
        and r.get("SIJAMUOTO") == case
        and (not noun or r.get("CLASS") in ("nimisana", "nimisana_laatusana"))
        for r in readings
    )


def _strip(word: str) -> str:
    return word.strip(",.?!:;")


def counted_word(question: str) -> str | None:
    """What a count question counts: "montako hakemusta" -> "hakemusta"."""
    m = _COUNTED.search(question)
    if m and re.match(r"(kuinka |miten )?mont", m.group(0), _I) and not is_partitive(m.group(1)):
        # "kuinka monta koko maan yhteistä tapaamista": the counted noun is in the partitive.
        later = question[m.end(1) :].split()[:3]
        found = next((w for w in map(_strip, later) if is_partitive(w)), None)
        if found:
            return found
    if m:
        return m.group(1)
    m = _COUNTED_BEFORE.search(question)
    if m:
        return m.group(1) or m.group(2)
    plural = _plural_amount_of(question)
    if plural:
        return plural
    m = _HOW_MANY_OF.search(question)
    if not m:
        return None
    following = m.group(1).split()
    elatives = [w for w in following if noun_case(w) == "sisaeronto"]
    return elatives[-1] if elatives else following[0]


_CALL_WORD = r"(haku\w*|hau\w*|call\w*|utlysning\w*|ansökningsomgång\w*)"
_NEXT_CALL = re.compile(
    r"\b(seuraava\w*|tuleva\w*|tulossa|next|upcoming|future|nästa|kommande)\b"
    rf"[^?]{{0,60}}\b{_CALL_WORD}|"
    # "uusi haku", "new call": right before the call word ("uusi yhdistys … haussa" is no call).
    rf"\b(uu(si|sia|tta|det|den)|new|nya?)\s+(\w+\s+)?{_CALL_WORD}",
    _I,
)


# When a call opens or closes, or its application period: "Milloin haku päättyy?", "When does
# the call open?" (a project's start or end is no call's period).
_CALL_OPENS_OR_CLOSES = re.compile(
    r"\b(haku|call|utlysning\w*)\s+(\w+\s+)?(päätty\w*|sulkeutu\w*|avautu\w*|aukea\w*|"
    r"closes?|closing|opens?|opening|stäng\w*|öppna\w*)\b",
    _I,
)


def asks_call_period(question: str) -> bool:
    """The question asks when a call opens or closes, or its application period."""
    return bool(_CALL_OPENS_OR_CLOSES.search(question) or _PERIOD_NOUN.search(question))


def is_next_call(question: str) -> bool:
    """ "Milloin seuraava haku avautuu?": answered from calls.yaml, not from old dates."""
    return bool(_NEXT_CALL.search(question))


_RECIPIENTS = re.compile(
    r"\b(mitkä|mikä|ketkä|kuka|keille|kenelle|which|who|whom|vilka|vilken|vem|vad heter|"
    r"names? of|nimet|nimi)\b[^?]{0,60}?\b("
    r"sai|saivat|saaneet|valittiin|valittu\w*|myönnettiin|rahoitettiin|rahoitetu\w*|"
    r"beviljades|beviljats|valdes|fick|got|received|won|"
    r"(were|was) (funded|selected|chosen|granted|awarded))\b(?!\s+(hakea|apply|söka))",
    _I,
)


# "Mikä organisaatio toteuttaa koordinaatiohanketta?": the answer is a name too.
_RUNNER = re.compile(
    r"\b(mikä|mitkä|kuka|which|what|vilken|vilka)\s+(organisaatio\w*|taho\w*|yhteisö\w*|"
    r"organi[sz]ation\w*|body|bodies)\b[^?]{0,40}?\b(toteut(ta|ti)\w*|vetä\w*|vetää|veti|"
    r"hallinnoi\w*|pyörittä\w*|pyöritti\w*|runs?|ran|running|leads?|led|leading|implement\w*|"
    r"coordinat\w*|koordinoi\w*|"
    r"leder|ledde|driver|drev|genomför\w*|samordna\w*)\b|"
    r"\b(kuka|ketkä|who|vem)\s+(toteuttaa|toteuttavat|toteutti|toteuttivat|vetää|vetävät|veti|"
    r"hallinnoi|pyörittää|pyörittävät|pyöritti|runs|ran|leads|led|implements|implemented|"
    r"coordinates|coordinated|leder|ledde|"
    r"driver|drev|genomför|genomförde|samordnar|samordnade)\b[^?]{0,60}?\b(\w*hank\w*|"
    r"\w*project\w*|\w*projekt\w*)|"
    # "Kuka edellistä hanketta on vetänyt?", "…, ja kuka sitä toteutti?" (the project named
    # before), "kuka toteutaa nykyistä koordinaatiohanketta" (typed in haste).
    r"\b(kuka|ketkä)\s+(\w+\s+){0,2}?(\w*hank\w*|sitä|tätä|niitä)\s+(on\s+|ovat\s+)?"
    r"(toteut\w*|vetä\w*|veti|pyöritt?\w*)|"
    r"\b(kuka|ketkä)\s+(toteut\w*|vetä\w*|pyöritt?\w*)\s+[^?]{0,60}?\w*hank\w*",
    _I,
)
# "edellisen koordinaatiohankkeen toteuttajaorganisaatio?": the same, asked by the noun.
_RUNNER_NOUN = re.compile(
    r"\b(toteuttajaorganisaatio\w*|toteuttaja(n|t|na)?|hallinnoija\w*|vetäjä\w*|implementer|"
    r"genomförare)\b",
    _I,
)
# "Mitkä organisaatiot voivat toteuttaa hankkeen?" asks who may, not who does; "Onko yksi vetäjä
# pakollinen?" asks for a rule.
_MAY = re.compile(
    r"\b(voi\w*|saa\w*|can|could|may|might|allowed|kan|får|tulee|pitää|must|pakollinen|pakko|"
    r"vaaditaan|vaaditaanko|required|mandatory|obligatorisk\w*|krävs|måste)\b",
    _I,
)


def asks_for_recipients(question: str) -> bool:
    """ "Mitkä hankkeet saivat rahoitusta?", "who runs the coordination project?": the answer is
    the name of an organisation the call notices cannot know (they come before the decisions)."""
    runner = (_RUNNER.search(question) or _RUNNER_NOUN.search(question)) and not _MAY.search(
        question
    )
    return bool(_RECIPIENTS.search(question) or runner)


# "de minimis" (a kind of state aid) is no bound.
_LEAST = re.compile(
    r"(vähimmäis|vähintään|(?<!de )minimi|minimum|at least|\bminst|\blägst|\bpienin|\bsmallest|"
    r"\blowest|\bminsta\b|\bnedre gräns|\blower limit|"
    # "Is a 40 000 € project too small?" asks for the least allowed.
    r"\btoo small|\bliian pien\w*|\bför (liten|litet|små)\b)",
    _I,
)
_MOST = re.compile(
    r"(enimmäis|enintään|korkeintaan|maksimi|maximum|\bmax|at most|\bhögst|\blängst|\bsuurin|"
    r"\blargest|\bhighest|\blongest|\bstörst|\bsom mest|\bövre gräns|\bupper limit|"
    r"\btoo (big|large|long)|\bliian (suur|iso|pitk)\w*|\bför (stor|stort|lång)\w*)",
    _I,
)


# "pisteraja", "tuloraja", "threshold": a limit, whichever way it goes; "low-threshold support"
# is a kind of support (matalan kynnyksen tuki).
_BOUND_WORDS = re.compile(
    r"(vähintään|enintään|korkeintaan|\w{4,}raja\b|\w{4,}rajaa?\b|(?<!low-)(?<!low )threshold|"
    r"cut-off|\w+gräns\w*)",
    _I,
)


# A superlative is a bound only when it is about what is allowed: "suurin sallittu budjetti",
# "the longest a project can last"; "Euroopan suurin kaupunki" is no bound.
_SUPERLATIVE = re.compile(
    r"\b(pienin|smallest|lowest|minsta|längst|suurin|largest|highest|longest|störst\w*|"
    r"som mest)\b",
    _I,
)
_ALLOWED = re.compile(
    r"\b(sallit\w*|hyväksy\w*|mahdollis\w*|voi(da|vat|t|n|ko|kö|daan|si\w*)?|"
    r"saa(da|vat|t|n|ko|daan)?|saisi\w*|allowed|permitted|accept\w*|possible|can|"
    r"may|får|kan|tillåt\w*|godkän\w*|möjlig\w*)\b",
    _I,
)


def _asks_bound(question: str) -> bool:
    """A least or most value of anything, in either direction or not saying which."""
    if _BOUND_WORDS.search(question):
        return True
    for p in (_LEAST, _MOST):
        for m in p.finditer(question):
            if not _SUPERLATIVE.fullmatch(m.group(0)) or _ALLOWED.search(question):
                return True
    return False


BOUND_DIRECTION = {
    "least": {"vähintään", "minimum", "at least", "minst", "lägst"},
    "most": {"enintään", "korkeintaan", "maximum", "at most", "up to", "högst"},
}


def bound_direction(question: str) -> str | None:
    """ "least" for "vähimmäiskoko", "most" for "suurin sallittu", None when both or neither
    (or when no bound is asked)."""
    if not _asks_bound(question):
        return None
    least, most = bool(_LEAST.search(question)), bool(_MOST.search(question))
    return "least" if least and not most else "most" if most and not least else None


def bound_words(question: str) -> str:
    """The words documents state a bound with: "vähimmäiskoko" is written "vähintään …"."""
    out = ""
    if _LEAST.search(question):
        out += " vähintään"
    if _MOST.search(question):
        out += " enintään"
    return out


# A question asks "who can apply" is eligibility even though it starts with "kuka"/"who".
_ELIGIBILITY_FIRST = re.compile(
    r"\b(kuka|ketkä|mitkä (tahot|organisaatiot)|who|vem|vilka)\b.*\b(voi|voivat|saa|saavat|can|may|"
    r"kan|får)\b.*\b(hakea|apply|söka|ansöka)\b",
    _I,
)

NUMBER_WORDS = (
    r"(?:yksi|yhde(?!ssä)\w*|yhtä|kaksi|kahde\w*|kahta|kolme\w*|kolm\w*|neljä\w*|viisi|viide\w*|"
    r"viittä|kuusi|kuude\w*|kuutta|seitsemä\w*|kahdeksa\w*|yhdeksä\w*|kymmene\w*|kymmentä|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)"
)

# A time of day: "klo 16.15", "kello 17", "klockan 18", "6 pm", "16:15".
CLOCK = re.compile(
    r"\b(?:klo|kello|klockan|kl)\.?\s*\d{1,2}(?:[.:]\d{2})?\b|"
    r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|o'clock)(?!\w)|\b\d{1,2}:\d{2}\b",
    _I,
)

SPAN_PATTERNS: dict[Need, re.Pattern[str]] = {
    Need.AMOUNT: re.compile(
        r"\d[\d\s.,]*\s*(milj\.?|miljoonaa|miljoona|miljard\w*|million\w*|tuhatta|€|euro\w*|eur\b|"
        r"kronor|%|prosent\w*)",
        _I,
    ),
    Need.SHARE: re.compile(r"\d+(?:[.,]\d+)?\s*(%|prosent\w*|procent|per ?cent)", _I),
    # A time of day may be a part of it: "koulupäivän yhteydessä tai välittömästi sen jälkeen".
    Need.TIME: re.compile(
        rf"{CLOCK.pattern}|\b(?:koulupäivän (?:yhteydessä|aikana|jälkeen)|"
        r"(?:aamu|ilta|aamupäiv|iltapäiv|viikonlopu)isin|during the school day|after school|"
        r"(?:under|efter) skoldagen|i anslutning till skoldagen)(?!\w)",
        _I,
    ),
    Need.DATE: re.compile(
        # A year after an acronym names a thing ("EURA 2021", the system), not a time.
        r"\b\d{1,2}\.\s?\d{1,2}\.(\s?\d{4})?|(?<!(?-i:[A-Z]{3}) )\b(1[5-9]|20)\d{2}\b|"
        r"\b(tammi|helmi|maalis|huhti|touko|"
        r"kesä|heinä|elo|syys|loka|marras|joulu)kuu\w*|\b(january|february|march|april|june|july|"
        r"august|september|october|november|december|januari|februari|mars|maj|juni|juli|augusti|"
        # "The project may be…" is no month: May only beside a day or a year.
        r"oktober)\b|\b\d{1,2}\s+may\b|\bmay\s+\d",
        _I,
    ),
    # An address or a number to reach someone by; the name is in the same row or sentence.
    Need.CONTACT: re.compile(
        r"[\w.+-]+(@|\(at\))[\w-]+\.[\w.]+|\b0\d{2,3}[\s-]?\d{3}[\s-]?\d{3,4}\b"
    ),
    # A street and number, or a postal code and town ("Raatihuoneenkatu 1", "13100 Hämeenlinna").
    Need.ADDRESS: re.compile(
        r"\b\d{5}\s+[A-ZÄÖÅ][a-zäöå]+|\b[A-ZÄÖÅ]\w+(katu|tie|kuja|väylä|gatan|vägen|street|road)\s+\d+"
    ),
    # A place a thing is held: online, in a town ("Hämeenlinnassa"), on Teams.
    Need.VENUE: re.compile(
        r"\b(verkossa|etänä|etäyhteydellä|Teams\w*|Zoom\w*|online|på distans|digitalt|"
        r"paikan päällä|on site|in person)\b|(?<=\w )(?-i:[A-ZÄÖÅ])[a-zäöå]+(ssa|ssä|lla|llä)\b",
        _I,
    ),
    Need.AGE: re.compile(
        r"\d+\s*[–-]\s*\d+\s*-?\s*(vuotia\w*|år\w*|years?)|\d+\s*-?vuotia\w*|"
        r"\b(aged|i åldern)\s+\d+(\s*[–-]\s*\d+)?",  # "young people aged 15–19"
        _I,
    ),
    Need.DURATION: re.compile(
        r"\d+\s*(kuukau\w*|kk\b|vuo(si|de|tta)\w*|viiko\w*|month\w*|year\w*|week\w*|månad\w*|"
        r"år\b|vecko\w*|veckor)",
        _I,
    ),
    Need.FREQUENCY: re.compile(
        r"\b(vuosittain|kuukausittain|viikoittain|neljännesvuosittain|puolivuosittain|kerran|"
        r"kahdesti|\w+ kertaa|vuodessa|kuukaudessa|annually|yearly|monthly|weekly|quarterly|once|"
        r"twice|times a|per year|a year|each year|every year|per month|årligen|per år|varje år|"
        r"en gång|två gånger|månadsvis|kvartalsvis)\b",
        _I,
    ),
    # A ministry or an authority; the funding cue below finds the one that funds.
    Need.FUNDER: re.compile(
        r"\b(OKM|STM|UKM|SHM|\w*ministeriö\w*|\w*ministeriet|ministry|ministries|ELY-keskus\w*|"
        r"NTM-central\w*|ELY Centre)\b",
        _I,
    ),
    Need.CODE: re.compile(r"\b[A-ZÄÖÅ]{2,}(?:-[A-ZÄÖÅ0-9]+){2,}\b"),  # ESR-LNP-2023-1
    # An address to open, not an e-mail address ("merja.niemi@gov.fi").
    Need.LINK: re.compile(
        r"https?://\S+|\bwww\.\S+|(?<![@\w.-])(?<!\(at\))[\w-]+\.(fi|se|eu|com|org)(/\S*)?\b(?!@)",
        _I,
    ),
    Need.BOUND: re.compile(
        r"\b(vähintään|enintään|korkeintaan|vähimmäis\w*|enimmäis\w*|minimum|maximum|at least|"
        r"at most|up to|minst|högst|lägst)\s+([^\W\d]+\s+){0,4}(\d|" + NUMBER_WORDS + r"\b)",
        _I,
    ),
    # A number that counts something: "66 hakemusta", "2–5 hankkeesta", "kahdesta hankkeesta";
    # not a date, a year, a time, an id ("ESR-VANH-2024-1"), a scale ("1–5.") or the end of a
    # phone number ("0295 025 116 hakemusten laatiminen").
    Need.BOUND_AMOUNT: re.compile(
        r"\b(vähintään|enintään|korkeintaan|minimum|maximum|at least|at most|up to|minst|högst|"
        r"lägst)\s+([^\W\d]+\s+){0,4}\d[\d\s.,]*\s*(milj\.?|miljoonaa|miljoona|million\w*|miljoner|"
        r"tuhatta|€|euroa|euro|eur\b|kronor|%|prosent\w*|procent|per ?cent)",
        _I,
    ),
    Need.COUNT: re.compile(
        r"(?<![\w.,:/–-])(?<!\d\s)(?:\d{1,3}(?:\s?[–-]\s?\d{1,3})?|" + NUMBER_WORDS + r")"
        r"(?![\w.,:/–-])"
        r"\s+\(?(?P<counted>[^\W\d]+)(?:\s+(?P<counted2>[^\W\d]+))?",
        _I,
    ),
}

# Finer cues inside a need: a deadline question wants the sentence about the end, not the start;
# a question about money wants euros rather than a percentage; "vähimmäiskoko" wants "vähintään".
# Which language something is in: the documents state it once ("Hakemuksen voi laatia suomeksi
# tai ruotsiksi"); a question about the language of a session, a form or a contact person is
# answered only by a sentence that names a language.
_LANGUAGE = (
    r"suomeksi|ruotsiksi|englanniksi|\w*kiel(i|en|ellä|elle|isenä|inen|isen|iset|isiä|istä)|"
    r"\w*språk\w*|på (svenska|finska|engelska)|in (english|swedish|finnish)|"
    r"(english|swedish|finnish)[- ]language"
)
LANGUAGE_ASKED = re.compile(rf"\b({_LANGUAGE})\b", _I)
# A page heading ("Sammanfattning på svenska") says nothing of what is written in which language.
LANGUAGE_NAMED = re.compile(
    r"(?<!sammanfattning )(?<!sammanfattning på )(?<!summary )(?<!summary in )"
    rf"\b({_LANGUAGE}|svenska|finska|engelska|english|swedish)\b",
    _I,
)

# "What if it arrives after the deadline?" asks what happens then, not for the deadline.
LATE_ASKED = re.compile(
    r"\b(myöhä\w*|late|too late|för sent|försenad\w*)\b|"
    r"\b(after|efter) (the )?(deadline|closing|tidsfrist\w*|sista)|"
    r"\b(määräaj\w*|hakuaja\w*|deadline\w*)\s+(jälkeen|päätyttyä|umpeu\w*|mentyä)",
    _I,
)
LATE_NAMED = re.compile(r"\b(myöhästy\w*|late applications|för sent|försenade)\b", _I)
# What the applicant pays itself is its own funding ("omarahoitus"), whatever the words.
_SELF_PAID = re.compile(
    r"\bitse\b\W+(\w+\W+)?(maksa\w*|kat[ae]\w*|kusta\w*|rahoitta\w*)|"
    r"\b(maksa\w*|kata\w*|katettava\w*|kustanne\w*|rahoitta\w*)\s+itse\b|"
    r"\bsjälva\s+(\w+\s+)?(stå för|betala|finansiera|bekosta)|"
    r"\b(betala|står|stå för|bekosta)\w*\s+själva\b|"
    r"\bpay\s+(for\s+)?(ourselves|themselves|itself|yourselves)|\bour own (share|money|part)",
    _I,
)
# Whether one application will do, or how many one applies with.
APPLICATIONS_ASKED = re.compile(
    r"\b((yksi|yhdellä|yhden|yhteinen|yhteisellä|yhteisen|sama|samalla|saman) hakemu\w*|"
    r"hakemus vai|(useampi|useita|monta|kaksi|kahdella|erillis\w*) hakemu\w*|"
    r"(one|a single|single|a joint|joint|a common|common|the same|combined) application|"
    r"(separate|two|several|multiple) applications|"
    r"(en enda|en gemensam|gemensam|samma) ansökan|räcker (det )?(med )?en ansökan|"
    r"(flera|två|separata) ansökningar)\b",
    _I,
)
CUES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (
        re.compile(r"(vähimmäis|vähintään|(?<!de )minimi|minimum|at least|\bminst|lägst)", _I),
        re.compile(r"\b(vähintään|vähimmäis\w*|minimum|at least|minst|lägst)\b", _I),
    ),
    (
        re.compile(
            r"(enimmäis|enintään|korkeintaan|maksimi|maximum|at most|up to|\bhögst|längst)", _I
        ),
        re.compile(r"\b(enintään|korkeintaan|enimmäis\w*|maximum|at most|up to|högst)\b", _I),
    ),
    (
        re.compile(
            r"\b(voi\w* hakea|saa\w* hakea|hakija\w*|apply|applicant\w*|eligible|"
            r"kan söka|får söka|sökande|berättigad\w*)\b",
            _I,
        ),
        re.compile(
            r"\b(voivat hakea|voi hakea|hakij\w*|eligible|applicants?|may apply|can apply|"
            r"kan söka|får söka|sökande|berättigad\w*)\b",
            _I,
        ),
    ),
    (
        re.compile(r"(liit(e|tt|tä|ty)\w*|attach\w*|enclos\w*|bilag\w*|\bfoga\w*|bifoga\w*)", _I),
        re.compile(r"(liit(e|ä|t)\w*|attach\w*|enclos\w*|bilag\w*|bifoga\w*)", _I),
    ),
    (
        re.compile(r"(raha|euro|budjet|määrärah|money|budget|pengar|funding|€)", _I),
        re.compile(
            r"\d[\d\s.,]*\s*(milj\.?|miljoonaa|miljoona|million\w*|tuhatta|€|euroa|eur\b)", _I
        ),
    ),
    (
        re.compile(
            r"\b(mennessä|viimei\w*|päätty\w*|sulkeutu\w*|deadline|by when|until|close\w*|sista|"
            r"senast|stäng\w*)\b",
            _I,
        ),
        re.compile(
            r"\b(päätty\w*|mennessä|viimeistään|deadline|closes?|sista|senast|stäng\w*|"
            r"must end|end by|ends? on|avslutas)\b",
            _I,
        ),
    ),
    (LANGUAGE_ASKED, LANGUAGE_NAMED),
    # Whether one application will do: the rule on separate applications ("jättää oman
    # hakemuksensa", "jätä kaksi erillistä hakemusta"), not what an application holds.
    (
        APPLICATIONS_ASKED,
        re.compile(
            r"\b(oman hakemuksensa|omat hakemuksensa|erillis\w* hakemu\w*|separate applications?|"
            r"own application|egen ansökan|egna ansökningar|separata ansökningar)\b",
            _I,
        ),
    ),
    # When the call itself closed ("koordinaatiohaku sulkeutui"), not a project's end.
    (
        re.compile(
            r"\b\w*(haku|haun|hakuun|call|utlysning\w*)\s+(\w+\s+)?(päätty\w*|sulkeutu\w*|"
            r"close\w*|end\w*|stäng\w*|slut\w*)",
            _I,
        ),
        re.compile(
            r"\b(haku päättyy|haku päättyi|hakuaika|call closes|application period|"
            r"ansökningstiden|utlysningen stänger)\b",
            _I,
        ),
    ),
    (
        re.compile(
            r"\b(alka\w*|avautu\w*|käynnisty\w*|aloitta\w*|aloit\w*|lähtien|open\w*|start\w*|"
            r"begin\w*|öppna\w*|börja\w*|starta\w*|inled\w*|kick\w* off)\b",
            _I,
        ),
        re.compile(
            r"\b(alka\w*|alkaa|avautu\w*|käynnisty\w*|opens?|öppna\w*|aikaisintaan|earliest|"
            r"tidigast|start\w*|begin\w*|inleds)\b",
            _I,
        ),
    ),
]
# Cues whose question names in other words what the sentence names: such a sentence is of the
# thing asked about ("paljonko maksamme itse": "omarahoitusosuus on vähintään 20 %").
NAMING_CUES = [
    # An individual or an unregistered group asking whether it may apply: the rule that names
    # them ("Yksityishenkilöt ja rekisteröimättömät ryhmät eivät voi hakea"), not the list.
    (
        re.compile(
            r"\b(rekisteröimät\w*|yksityishenkilö\w*|yksityisenä|omissa nimissä\w*|"
            r"(?:ei|emme|eivät|en)\s+(?:\w+\s+)?rekisteröi\w*|not (?:a )?registered|unregistered|"
            r"informal group\w*|private (?:individual|person)\w*|as an individual|in my own name|"
            r"privatperson\w*|oregistrerad\w*|inte registrerad\w*|i mitt eget namn)\b",
            _I,
        ),
        re.compile(
            r"\b(yksityishenkilö\w*|rekisteröimättöm\w*|private individuals?|privatpersoner)\b", _I
        ),
    ),
    # An application sent after the deadline: "Myöhästyneitä hakemuksia ei käsitellä."
    (LATE_ASKED, LATE_NAMED),
    (
        _SELF_PAID,
        re.compile(r"\b(omarahoitu\w*|egen finansiering|självfinansiering|own funding)", _I),
    ),
]
CUES += NAMING_CUES

# When the askers hear whether they got the money: the funding decisions' date, which outweighs
# the deadline that the words of the situation ("Jätimme hakemuksen") match.
DECISION_ASKED = re.compile(
    r"\b(hear|heard|find out|notified|informed|decided|decisions?|besked|få veta|beslut\w*|"
    r"kuule\w*|tietoa? siitä|saimmeko|saammeko|ratkea\w*|päätök\w*|päätetään|päätettiin)\b",
    _I,
)
DECISION_NAMED = re.compile(r"\b(\w*päätök\w*|\w*päätös|decisions?|\w*beslut\w*)\b", _I)

# The same, keyed by the kind of question rather than by its words.
NEED_CUES: dict[Need, re.Pattern[str]] = {
    Need.FUNDER: re.compile(
        r"\b(rahoittaj\w*|rahoittava\w*|rahoitetaan|rahoittaa|rahoittavat|finansieras|"
        r"finansierande|funded by|funding authority|financed by)\b",
        _I,
    ),
}

_INJECTION = re.compile(
    r"(ignore|disregard|forget)\b.{0,40}\b(instruction|rule|prompt|previous|above)|"
    r"(unohda|ohita|älä välitä)\b.{0,40}\b(ohje|sääntö|aiemm)|"
    r"(glöm|ignorera|strunta i)\b.{0,40}\b(instruktion|regel|tidigare)|"
    r"system prompt|järjestelmäkehot|you are now|olet nyt|du är nu|jailbreak|"
    r"pretend (to be|you are)|act as|esitä olevasi|låtsas",
    _I,
)


# Words that only say what kind of answer is wanted; they are not the topic of the question.
_NEED_WORDS = set(
    "paljonko kuinka paljon suuri suuren miten milloin mihin mennessä kuka ketkä keneen kenelle "
    "keneltä montako monta mikä mitkä yhteystiedot yhteystieto puhelinnumero puhelin numero "
    "sähköposti sähköpostiosoite osoite how much many large when who whom whose what which "
    "phone number email e-mail address contact hur mycket många stor stort när vem vilka vilket "
    "vilken telefonnummer telefon e-post adress kontakta pitkä pitkään long länge lång löytyy "
    "löytää find hittar hitta linkki link länk date dates datum dag koska suunnilleen arviolta "
    "noin ungefär approximately roughly slut "
    # Spoken Finnish that names no topic ("mä", "sinne", "lopulta").
    "mä mun sä sun meidän sinne tänne siihen tähän oikeastaan lopulta aikoinaan ylipäätään ihan "
    "vaan vielä asti saakka still ännu fortfarande jotenkin siis kyllä just sitten niinku muka "
    "tota tosiaan kuitenkin lainkaan ollenkaan alltså liksom egentligen actually basically really "
    # "pitääkö ensin…", "tarvitaanko jotain muuta", "anything else": no topic.
    "ensin jotain jotakin jokin mitään något anything something "
    # "In total" names the kind of answer (a sum or a count), not a topic.
    "yhteensä kaikkiaan sammanlagt totalt altogether overall "
    # How big, and on offer at all: the kind of answer again ("kuinka iso potti oli tarjolla").
    "iso isompi tarjolla jaossa saatavilla pisin lyhin sallittu sallitaan "
    # Whether a thing is allowed, in any form, asks a rule about it: the thing is the topic.
    "sallittua sallittuja sallitut sallittuna sallitaanko sallittuko "
    # The time of day: "päivä ja kello?", "vilken dag och vilken tid", "what time".
    "kello kellonaika klo tid tiden klockan klockslag time "
    # A percentage is the kind of answer ("paljonko prosentteina", "i procent").
    "percent percentage procent "
    # Asking politely names no topic ("jag undrar…", "I wonder…").
    "undrar undra wonder wondering".split()
)


# The same, as Finnish lemmas, for inflected forms ("minkä ikäisille", "rahaa").
NEED_LEMMAS = {
    "mikä",
    "kuka",
    "ken",  # "kenen" (whose) is a question word, not a topic
    "ikäinen",
    "ikä",
    "raha",
    "summa",
    "määrä",
    "paljon",
    "milloin",
    "mennessä",
    "yhteyshenkilö",
    "puhelinnumero",
    "sähköpostiosoite",
    "osoite",
    "käyntiosoite",
    "postiosoite",
    "katuosoite",
    "numero",
    "montako",
    "monta",
    "soittaa",  # "mihin numeroon voin soittaa" asks for a contact
    "lukumäärä",
    "päivämäärä",
    "päivä",  # "mihin päivään mennessä"
    "ajankohta",
    "euro",
    "kello",
    "kellonaika",
    "prosentti",
    # "milloin haku alko ja loppu?", "marraskuun lopussa": a date, however it is said.
    "alku",
    "loppu",
    *(
        f"{month}kuu"
        for month in "tammi helmi maalis huhti touko kesä heinä elo syys loka marras joulu".split()
    ),
}


def need_words(question: str) -> set[str]:
    """Words that say what kind of answer is wanted ("paljonko", "puhelinnumero"), not the topic."""
    extra = {"money", "pengar", "euros", "old", "age", "ålder"}
    return {w for w in re.findall(r"\w+", question.lower()) if w in _NEED_WORDS or w in extra}


_WHEN_OPEN = re.compile(
    r"^\W*(milloin|koska|när|when)\b[^,;]*\b(auki|avoin\w*|haettavissa|öppen|open)\W*$", _I
)
# "Millä kustannusmallilla budjetti laaditaan?", "Which template is the budget made in?": the
# question asks which thing (a cost model, a template), and the sum of money is its topic.
_WHICH_THING = re.compile(
    r"^\W*(millä|missä|minkä|mikä|mitkä|mitä|mihin|mistä|mille|millai\w*|minkälai\w*|vilke[nt]|"
    r"vilka|which|what)"
    # "which EU programme": an acronym before the noun names no thing of its own.
    r"\s+(?:(?-i:[A-ZÄÖÅ]{2,})\s+)?([^\W\d][\w-]{3,})",
    _I,
)
_SUM_WORD = re.compile(
    r"(budjet|budget|summ|sum$|määrä|euro|raha|amount|belopp|kokonais|total|paljon|much|many|"
    r"stor|suur|large|big|osuu|share|andel|del$|hint|price|pris)",
    _I,
)
_PRONOUN_CASES = {
    "millä": {"ulkoolento"},
    "missä": {"sisaolento"},
    "minkä": {"omanto"},
    "mikä": {"nimento"},
    "mitkä": {"nimento"},
    "mitä": {"osanto"},
    "mihin": {"sisatulento"},  # "mihin ohjelmaan"
    "mistä": {"sisaeronto"},  # "mistä osoitteesta"
    "mille": {"ulkotulento"},  # "mille kohderyhmälle"
}
_ANY_CASE = {"nimento", "omanto", "osanto", "sisaolento", "ulkoolento", "ulkotulento"}
# "Mihin aikaan" asks for a time of day, not for a thing called "aika".
_NO_THING = set("must should shall will would could might ska skall måste kommer aikaan".split())


def asked_thing_at(question: str) -> int | None:
    """Where the thing a "which thing" question asks for starts ("Millä kustannusmallilla…"),
    None for any other question."""
    m = _WHICH_THING.match(question)
    if not m or re.search(rf"\b({_HOW_MUCH_WORDS})\b", question, _I):
        return None
    word = m.group(2).lower()
    if word in _NO_THING or any(word in function_words(lang) for lang in ("fi", "sv", "en")):
        return None
    # A Finnish question names the thing with a noun in the question word's case
    # ("millä kustannusmallilla"), not a verb ("mitä kuuluu") nor the doer ("mitä hankkeen").
    pronoun = m.group(1).lower()
    if pronoun[:1] == "m" and noun_case(word) not in _PRONOUN_CASES.get(pronoun, _ANY_CASE):
        return None
    return m.start(2)


def _asks_which_thing(question: str) -> bool:
    """Asks which thing, and the thing is no sum of money ("millä summalla" asks an amount)."""
    at = asked_thing_at(question)
    return at is not None and not _SUM_WORD.match(re.match(r"\w+", question[at:]).group(0))


# "Montako hanketta on käynnissä?" counts projects; "onko haku auki?" asks about the call.
_MORE_SPECIFIC = {Need.COUNT, Need.SHARE, Need.AMOUNT, Need.DURATION, Need.DATE}


_MONEY_FIGURE = re.compile(r"\d[\d\s,.]*\s*(milj\w*|miljoon\w*|euro\w*|€|million\w*|miljon\w*)", _I)


_COST_WORD = re.compile(r"(kulu|kustannu|kostnad|cost|expens|utgift)", _I)
_CONTACT_ASKED = re.compile(
    r"\b(keneen|keneltä|kenelle|yhteyshenkilö\w*|yhteystie\w*|yhteyttä|\w*numero\w*|\w*nummer\w*|"
    r"number|contact\w*|kontakt\w*|e-?mail|e-?post\w*|sähköpostiosoit\w*|who|vem|kuka)\b",
    _I,
)
_PERIOD_NOUN = re.compile(
    r"\b(hakuaik\w*|hakuaja\w*|ansökningstid\w*|ansökningsperiod\w*|application period\w*|"
    r"call period\w*)\b",
    _I,
)


# The kind of figure offered to be checked, by its unit.
_DURATION_FIGURE = re.compile(r"\d\s*(kuukau\w*|kk\b|months?|månad\w*|vuo(si|tta)|years?|år\b)", _I)
# "Får vi lämna in en utbetalningsansökan varje månad?" asks how often it may be done.
_FREQUENCY_OFFERED = re.compile(
    r"\b((?:every|each) (?:day|week|month|quarter|year)|joka (?:päivä|viikko|kuukausi|vuosi)|"
    r"varje (?:dag|vecka|månad|kvartal|år)|kuukausittain|viikoittain|vuosittain|monthly|weekly|"
    r"quarterly|annually|yearly|månadsvis|kvartalsvis|årligen)\b",
    _I,
)
_OFFERED_KIND = [
    (_DURATION_FIGURE, Need.DURATION),
    (_MONEY_FIGURE, Need.AMOUNT),
    (re.compile(r"\d\s*(%|prosent\w*|procent|per ?cent)", _I), Need.SHARE),
]


_WHEN = re.compile(r"\b(milloin|mihin mennessä|koska|när|when|by what date)\b", _I)


# "Is the project responsible for the website?" asks who does it, not where the site is.
_RESPONSIBLE = re.compile(
    r"\b(responsib\w*|in charge|vastaa(?:ko|vat|vatko)?|vastuussa|ansvar\w*)\b", _I
)


def classify(question: str) -> Need:
    need = _classify(question)
    if need is Need.LINK and _RESPONSIBLE.search(question):
        return Need.GENERAL
    if need is Need.DATE and LATE_ASKED.search(question) and not _WHEN.search(question):
        return Need.GENERAL
    if need is Need.BOUND and checks_a_figure(question) and _DURATION_FIGURE.search(question):
        return Need.DURATION  # "Is 48 months too long?" asks how long a project may run
    if need in (Need.ELIGIBILITY, Need.GENERAL) and _FREQUENCY_OFFERED.search(question):
        return Need.FREQUENCY
    if need in (Need.ELIGIBILITY, Need.GENERAL) and checks_a_figure(question):
        # "Projects can run up to 36 months, right?" asks for the documents' duration.
        for pattern, kind in _OFFERED_KIND:
            if pattern.search(question):
                return kind
    return need


_PROJECT_TIMING = re.compile(
    r"\b(käynnist\w*|aloitt?a\w*|alka\w*|päättä\w*|lopett\w*|starta\w*|inleda\w*|start\w*|"
    r"begin\w*|end\w*|finish\w*)\b",
    _I,
)
_RUNNING = re.compile(r"\b(käynnissä|pågår|running|ongoing|toiminnassa|menossa)\b", _I)
# A call word, compounds included ("harrastushausta", "vårutlysningen").
CALL_NAMED = re.compile(
    r"\b(\w*ha(?:ku|u[nsli])\w*|call\w*|\w*utlysning\w*|ansökningsomgång\w*)", _I
)
_OPEN_WORD = re.compile(r"\b(auki|avoin\w*|haettavissa|open|öppen|öppna)\b", _I)
# "Går det fortfarande att söka den 10 mars 2025?": whether the call is open on that day.
_STILL_APPLY = re.compile(
    r"\b(vielä|fortfarande|ännu|still)\b.*\b(ha[ek]\w*|jät\w*|lähet\w*|sök\w*|lämna\w*|apply|"
    r"submit\w*|send)\b|\b(ha[ek]\w*|jät\w*|lähet\w*|sök\w*|lämna\w*|apply|submit\w*|send)\b.*"
    r"\b(vielä|fortfarande|ännu|still)\b",
    _I,
)


def _classify(question: str) -> Need:
    if _STILL_APPLY.search(question) and full_dates(question):
        return Need.STATUS
    if _ELIGIBILITY_FIRST.search(question):
        return Need.ELIGIBILITY
    found = [
        need
        for need, pattern in _NEEDS
        if (pattern.search(question) if pattern else _asks_funder(question))
    ]
    if Need.COUNT not in found and _plural_amount_of(question):
        found = [Need.COUNT, *found]
    if not found:
        if not _asks_bound(question):
            return Need.GENERAL
        # "enimmäisbudjetti", "maximum grant": a bound on a sum of money.
        return _bound_kind(question)
    if (
        found[0] is Need.STATUS
        and _PROJECT_TIMING.search(question)
        and not _OPEN_WORD.search(question)
    ):
        # "Ehtiikö hankkeen käynnistää jo elokuussa?" asks when a project may start, not whether
        # the call is open.
        found = found[1:] or [Need.DATE]
    if found[0] is Need.STATUS and _RUNNING.search(question) and not _OPEN_WORD.search(question):
        # "Onko edeltävä koordinaatiohanke vielä käynnissä syyskuussa 2025?" asks when a
        # project ends; "Onko niitä käynnissä yli kymmenen kokonaisuutta?" checks a count.
        if SPAN_PATTERNS[Need.COUNT].search(question) and not full_dates(question):
            found = [Need.COUNT]
        elif not CALL_NAMED.search(question) and SPAN_PATTERNS[Need.DATE].search(question):
            found = [Need.DATE]
    if (
        found[0] is Need.STATUS
        and len(found) > 1
        and found[1] in _MORE_SPECIFIC
        # "Milloin haku on auki?" asks for the call's period, which its status answer gives.
        and not (found[1] is Need.DATE and _WHEN_OPEN.search(question))
    ):
        found = found[1:]
    if (
        found[0] is Need.CONTACT
        and _COST_WORD.search(question)
        and not _CONTACT_ASKED.search(question)
    ):
        # "puhelinkulut", "phone costs": a cost item, not a number to call.
        found = found[1:] or [Need.GENERAL]
    if found[0] is Need.DURATION and _PERIOD_NOUN.search(question):
        return Need.DATE  # "Hur lång är ansökningstiden?" is answered by its dates
    if found[0] is Need.STATUS and checks_a_figure(question) and _MONEY_FIGURE.search(question):
        return Need.AMOUNT  # "Oliko haussa haettavissa 6 miljoonaa euroa?" checks a sum
    if found[0] is Need.AMOUNT and _asks_which_thing(question):
        found = found[1:] or [Need.GENERAL]
    if found[0] is Need.COUNT and re.match(
        r"(prosent|procent|percent|%)", counted_word(question) or "", _I
    ):
        return Need.SHARE  # "montako prosenttia" asks for a share, not a count
    if found[0] is Need.COUNT and (
        re.match(r"(kert|times|gång)", counted_word(question) or "", _I)
        or _PER_YEAR.search(question)
        or re.search(r"\bvälein\b", question, _I)  # "kuinka monen kuukauden välein"
    ):
        return Need.FREQUENCY  # "kuinka monta kertaa", "montako tapaamista vuodessa": how often
    if found[0] is Need.COUNT and re.match(r"(euro|€)", counted_word(question) or "", _I):
        return Need.AMOUNT  # "montako euroa", "how many euros": a sum of money
    if found[0] is Need.AMOUNT and _asks_bound(question):
        # "yhden hankkeen suurin budjetti" is not the call's budget; "kuinka suuren osan" is a
        # share. "Is there a maximum grant per project?" asks for the bound too.
        if SHARE_ASKED.search(question) or POINTS_ASKED.search(question):
            return Need.BOUND
        return Need.BOUND_AMOUNT
    if (
        found[0] in (Need.SHARE, Need.AMOUNT)
        and _YES_NO.search(question)
        and not _HOW_MUCH.search(question)
        # "Eikö flat rate ole 40 %?" offers a figure to be checked: the figure is asked.
        and not checks_a_figure(question)
    ):
        # "Can a county count working hours as its self-financing share?", "voiko budjetoida
        # matkat?": a rule is asked about, not a figure.
        return Need.ELIGIBILITY
    if found[0] is Need.ELIGIBILITY and _asks_bound(question):
        # "What is the maximum grant a project can get": a bound, whatever "can" says.
        return _bound_kind(question)
    return found[0]


_PER_YEAR = re.compile(
    r"\b(per (vuosi|vuodessa|year|år|month|kuukausi)|vuodessa|vuosittain|a year|each year|"
    r"om året|varje år|kuukaudessa|a month)\b",
    _I,
)
# "pienin pistemäärä", "minimipistemäärä", "minimum score to get funded": points.
POINTS_ASKED = re.compile(r"(piste\w*|\bpoints?|\bscores?|poäng\w*)\b", _I)
_BOUND_COMPOUND = re.compile(r"\b(\w{4,}?)(raja|gräns)\w*", _I)


def _bound_kind(question: str) -> Need:
    """A bound on a sum of money, or on something else. "pisteraja, jolla rahoitusta voi saada"
    bounds points: the money is what the points are for."""
    if POINTS_ASKED.search(question) or any(
        not _MONEY_WORDS.search(m.group(1)) for m in _BOUND_COMPOUND.finditer(question)
    ):
        return Need.BOUND
    return Need.BOUND_AMOUNT if asks_sum(question) else Need.BOUND


_YES_NO = re.compile(
    r"(^|[,;:.–—]\s+)(\w+(ko|kö)\b|can|may|must|is|are|does|do|should|kan|får|måste|är|ska|skall|"
    r"behöver|ingår|räknas|täcks)\b",
    _I,
)
_HOW_MUCH = re.compile(
    r"\b(paljonko|kuinka|miten suur\w*|mikä|mitä|how|what|which|hur|vilk\w*|vad|montako)\b", _I
)
# "Kuinka suuren osan kustannuksista tuki kattaa?" asks for a share of a sum, not a sum.
SHARE_ASKED = re.compile(
    r"\b(osuu\w*|osa[na]?|prosent\w*|andel\w*|procent\w*|del|delen|share|percent\w*|"
    r"proportion|hur mycket av|how much of)\b",
    _I,
)


# "Paljonko hanke voi enintään saada?", "enimmäistuki per hanke": what one project gets is a sum
# of money, even unnamed; "the public support is at most…" is a rate.
GETS_MONEY = re.compile(
    r"\b(paljonko|kuinka paljon|how much|hur mycket)\b[^?]*\b(saa\w*|get|gets|receive\w*|få|får)\b|"
    r"\bper (hanke|projekt|project)\b|\b(hanketta|projektia) kohden\b",
    _I,
)


def asks_sum(question: str) -> bool:
    """A bound on a sum of money ("enimmäisbudjetti", "the minimum total cost"), not a share."""
    money = _MONEY_WORDS.search(question) or GETS_MONEY.search(question)
    return bool(money) and not SHARE_ASKED.search(question)


# Costs and a project's size are sums of money, whatever else the question says.
SUM_NOUNS = r"kustannu|kostnad|\bcosts?\b|\w+koko\b|\bsize\b|storlek"
_MONEY_WORDS = re.compile(
    r"(grant|bidrag|stöd|tuki\b|tuen\b|tukea\b|rahoitu|funding|finansiering|money|raha|belopp|summa|"
    + SUM_NOUNS
    + r"|"
    r"\beuro(a|t|n|ja|s)?\b|€|"
    r"budget|budjet|pengar)",
    _I,
)


_DEFINITION = re.compile(
    r"^\s*(mikä|mitä|kuka|ketkä|mitkä)\s+(on|oli|ovat|olivat|tarkoittaa|tarkoitetaan)\b|"
    r"^\s*(what|who)\s+(is|was|are|were)\b|^\s*what does .* mean|"
    r"^\s*(vad|vem|vilka)\s+(är|var)\b|^\s*vad betyder",
    _I,
)


def is_definition(question: str) -> bool:
    """ "What is X?": documents define a thing in the first sentence about it."""
    return bool(_DEFINITION.search(question))


def is_injection(question: str) -> bool:
    return bool(_INJECTION.search(question))


_FOLLOW_UP = re.compile(
    r"^\s*(entä|entäs|mites|ja\s|kuka\ssiitä|and\s|what about|how about|och\s|hur är det med|"
    r"vad gäller)|\b(se|sen|siihen|siitä|sitä|sille|ne|niiden|niitä|its|it|they|that call|"
    r"this call|them|dess|"
    r"den|det|denna|samma|saman)\b",
    _I,
)


# Words that point back at what the conversation is about ("Kuka sitä rahoittaa?").
_POINTING_BACK = re.compile(
    r"\s*\b(se|sen|sitä|siihen|siitä|sille|siinä|sillä|ne|niiden|niitä|niihin|niistä|niille|"
    r"niissä|siellä|sinne|sieltä|it|its|they|them|their|there|den|det|dess|dem|deras|där|dit)\b",
    _I,
)


def without_pointing_back(question: str) -> str:
    """A follow-up without the words that point back at the call talked about: "Kuka sitä
    rahoittaa?" asks "Kuka rahoittaa?" of that call, which the filter settles."""
    return _POINTING_BACK.sub("", question).strip()


# "Vilket telefonnummer har han?", "What's her email?", "Mikä on hänen numeronsa?" (the
# Finnish "he" is "they").
_PERSON_POINTED = {
    "fi": r"hän|hänen|häntä|häneen|hänelle|hänellä|häneltä|hänet|hänestä",
    "sv": r"han|hon|hen|hans|hennes|honom|henne",
    "en": r"he|she|him|her|his|hers",
}


def naming_the_person(question: str, lang: str, person: str) -> str:
    """A follow-up about the person the previous answer named, with the name for the pronoun."""
    pointed = _PERSON_POINTED.get(lang)
    return re.sub(rf"\b({pointed})\b", person, question, flags=_I) if pointed else question


def is_follow_up(question: str) -> bool:
    """Short questions that lean on the previous turn ("entä sen budjetti?")."""
    return len(question.split()) <= 8 and bool(_FOLLOW_UP.search(question))


# "Eri aihe: …", "Unrelated: …", "En annan sak: …": what follows is asked on its own.
_NEW_TOPIC = re.compile(
    r"\b(eri (aihe|asia|kysymys)|toinen (juttu|asia|kysymys)|(ihan|aivan|jotain) (muuta|muu asia)|"
    r"kysyn (vielä )?(ihan |aivan )?(muuta|toista|eri)|vaihdetaan aihetta|uusi (aihe|kysymys)|"
    r"unrelated|(different|another|new|other|separate) (topic|question|thing|subject|matter)|"
    r"chang(e|ing) (the )?(topic|subject)|on another note|"
    r"(en )?annan (sak|fråga)|helt annat|nytt ämne|(byta|byter) ämne|ny fråga|"
    # "Ihan yleisesti vielä: …": about the theme, not the call talked about.
    r"yleisesti|yleisellä tasolla|in general|generally|allmänt|överlag)\b",
    _I,
)
# "Anteeks, jatketaan suomeksi: …", "Sorry, could you answer in English – …": a lead-in that
# asks nothing; the conversation goes on.
_LEAD_IN = re.compile(
    r"\b(anteeks\w*|sori|sorry|ursäkta|förlåt|pahoittelen|by the way|btw|muuten|förresten|"
    r"suomeksi|ruotsiksi|englanniksi|in (english|finnish|swedish)|på (svenska|finska|engelska)|"
    r"vielä|one more|en sak till|yksi juttu vielä|hei|moi|terve|hello|hi|hej)\b",
    _I,
)
_LEAD_IN_END = re.compile(r"\s*(:|\s[–—-])\s+")


def without_lead_in(question: str) -> tuple[str, bool]:
    """The question without a lead-in that asks nothing ("Eri aihe: …", "Sorry, in English
    please – …"), and whether the lead-in turns to a new topic."""
    m = _LEAD_IN_END.search(question)
    if m is None or m.start() > 60:
        return question, False
    lead, rest = question[: m.start()], question[m.end() :]
    if not rest.strip() or "?" in lead:
        return question, False
    if _NEW_TOPIC.search(lead):
        return rest, True
    if _LEAD_IN.search(lead) and len(lead.split()) <= 8:
        return rest, False
    return question, False


# "Miten 9,3 miljoonaa jakautui OKM:n ja STM:n kesken?": a split of a sum wants two figures.
# ("Paljonko rahaa jaettiin?" asks the total: "jakaa" and "jaettu" are no split.)
_HOW_MUCH_WORDS = r"paljonko|kuinka paljon|kuinka suuri|how much|hur mycket|hur stor del"
SPLIT_ASKED = re.compile(
    r"\b(jakautu\w*|kesken|fördela\w*|fördelning\w*|divided|split|breakdown|"
    r"broken down)\b|"
    # "Paljonko OKM:lle ja STM:lle erikseen?"; not "Pitääkö matkat budjetoida erikseen?"
    rf"\b({_HOW_MUCH_WORDS})\b.*\berikseen\b|\berikseen\b.*\b({_HOW_MUCH_WORDS})\b|"
    # "Paljonko oli STM:n rahaa ja paljonko OKM:n?": one how-much for each part.
    rf"\b({_HOW_MUCH_WORDS})\b.*\b(ja|och|and)\s+({_HOW_MUCH_WORDS})\b|"
    # "…från UKM respektive SHM?": a figure for each.
    r"\b(respektive|respectively|vastaavasti)\b",
    _I,
)
# "Paljonko 7 miljoonasta eurosta on varattu…", "hur mycket av de 9,3 miljonerna": a part of
# a stated total wants a figure besides the total.
_SECOND_ASKED = re.compile(
    rf"\b({_HOW_MUCH_WORDS})\b.*\b(ja|och|and)\s+({_HOW_MUCH_WORDS})\b(?P<second>[^?.!]*)", _I
)


def second_asked(question: str) -> str:
    """What the second of two how-much questions is about: "…ja kuinka suuri valtiolta?"."""
    m = _SECOND_ASKED.search(question)
    return m.group("second") if m else ""


PART_ASKED = re.compile(
    r"\d[\d,.\s]*\s*(miljoonasta|eurosta|milj\.:sta)|"
    r"\b(of the|av de|av den)\s+\d[\d,.\s]*\s*(milj\w*|million\w*|euro\w*)",
    _I,
)

# "Paljonko edellinen koordinaatiohanke sai?": what is said of the new one does not answer for
# the previous one. (A previous *call* is a call like any other, settled by the call's dates.)
_PREVIOUS_WORDS = (
    r"edelli\w*|edeltäv\w*|aiemp\w*|aikaisemp\w*|entis\w*|tidigare|föregående|förra|"
    r"previous|earlier|former"
)
_PREVIOUS = re.compile(rf"\b({_PREVIOUS_WORDS}),?\s+(?!than\b|kuin\b|än\b)(\w+)(?:\s+(\w+))?", _I)
_CALL_NOUN = re.compile(r"^(\w*(haku|hau[nsl]\w*|haa?s\w*)|calls?|\w*utlysning\w*)$", _I)
PREVIOUS_NAMED = re.compile(rf"\b({_PREVIOUS_WORDS})\b", _I)


_STARTS = re.compile(
    r"\b(käynnist\w*|alkoi|alkavat?|alkaa|aloit\w*|start\w*|began|begin\w*|inled\w*|började|"
    r"börja\w*)\b",
    _I,
)
_ENDS = re.compile(r"\b(päätty\w*|päättä\w*|loppu\w*|ends?|ended|slutar|avslut\w*)\b", _I)


def asks_start_not_end(question: str, sentence: str) -> bool:
    """The question asks when something started, and the sentence says only when it ends."""
    return bool(
        _STARTS.search(question)
        and not _ENDS.search(question)
        and _ENDS.search(sentence)
        and not _STARTS.search(sentence)
    )


# "the new coordination project": not what the notices say of the previous one.
NEW_ASKED = re.compile(r"\b(uusi|uuden|uutta|uudelle|uudessa|uuteen|new|nya|nytt)\b", _I)


def asks_previous(question: str) -> bool:
    """The question is about an earlier thing (project, report) than the documents' current one."""
    for m in _PREVIOUS.finditer(question):
        nouns = [w for w in m.groups()[1:] if w]
        if not any(_CALL_NOUN.match(w) for w in nouns):
            return True
    return False


# "Isn't the minimum size 200 000 euros?", "Eikö hakuaika pääty 15.3.?": a figure offered to be
# checked. The answer is the documents' figure, which need not be the one offered.
# Any sentence of the question may offer it: "Hur länge får projektet pågå? Går 30 månader bra?"
_CHECKS_FIGURE = re.compile(
    r"(?:^|[.?!:–]\s+)(eikö|eihän|onko|onkohan|oliko|olikohan|ovatko|olivatko|riittääkö|käykö|"
    r"kelpaako|isn't|is|aren't|are|wasn't|was|were|does|do|did|doesn't|är inte|är|var|går|"
    r"räcker|stämmer det|"
    r"pitääkö paikkansa|is it true)\b",
    _I,
)


# "…up to 36 months, right?", "…150 000 € eiks niin?", "sama 40 % kuin aiemmin?"
_CHECKS_FIGURE_TAG = re.compile(
    r"(\b(right|correct|isn't it|aren't they|eikö( niin)?|eiks( niin)?|eihän|vai mitä|"
    r"eller hur|stämmer det|va)\s*\?\s*$)|\b(sama|samat|same|samma)\s+\d|"
    r",\s*(är det|is it|onko se|oliko se|onko)\s+[^,?]*\d",
    _I,
)


# "…jatkaa kevään 2028 loppuun asti. Onko se mahdollista?": a bare yes/no about the situation.
_BARE_YES_NO = re.compile(
    r"^\W*(\w+(?:ko|kö)|onks|is|are|can|does|will|would|"
    r"är|går|får|räcker|funkar|duger|passar)\b[^?]{0,40}\b(se|tämä|tuo|sellainen|tällainen|näin|"
    r"he|ne|that|this|it|they|enough|den|det|detta|de|dem|så)\b[^?]{0,60}\?\s*$",
    _I,
)
_SITUATION_FIGURES = [
    (
        Need.SHARE,  # the share span, or a share in words ("tio procent")
        re.compile(
            SPAN_PATTERNS[Need.SHARE].pattern
            + r"|\b(tio|tjugo|kymmenen|kaksikymmentä|ten|twenty)\s+(procent|prosent\w*|per ?cent)",
            _I,
        ),
    ),
    (Need.BOUND_AMOUNT, SPAN_PATTERNS[Need.AMOUNT]),  # a sum (a share was read just above)
    (Need.AGE, SPAN_PATTERNS[Need.AGE]),  # "unga vuxna i åldern 20–25 år. Passar den målgruppen?"
    # "…skulle pågå i 30 månader. Går det?": how long a project may run.
    (Need.DURATION, _DURATION_FIGURE),
    (Need.DATE, re.compile(r"\b(20[2-3]\d)\b")),
]


def situation_figure_need(question: str, asked: str, call_years: set[int]) -> Need | None:
    """What a bare yes/no checks in the situation told before it: "Budjettimme on 80 000 euroa.
    Riittääkö se?" asks for the least sum, "…vuoden 2028 loppuun. Onko se mahdollista?" for the
    date the project must end by. A year of the call's own name ("kevään 2025 haku") is none."""
    situation = question[: len(question) - len(asked)] if question.endswith(asked) else ""
    if not situation.strip() or not _BARE_YES_NO.search(asked):
        return None
    for need, pattern in _SITUATION_FIGURES:
        found = [m.group(0) for m in pattern.finditer(situation)]
        if need is Need.DATE:
            found = [y for y in found if int(y) not in call_years]
        if found:
            if need is Need.BOUND_AMOUNT and _THAT_MUCH.search(asked):
                return Need.AMOUNT  # "Can we apply for that much?": the sum on offer
            return need
    return None


_THAT_MUCH = re.compile(
    r"\b(that much|so much|this much|näin paljon|niin paljon|noin paljon|så mycket)\b", _I
)


def checks_a_figure(question: str) -> bool:
    return bool(_CHECKS_FIGURE.search(question) or _CHECKS_FIGURE_TAG.search(question))


def offers_a_figure(question: str) -> bool:
    """A yes/no about a sum or a share ("Kan vi få 90 procent i stöd?"): a bound answers it."""
    return bool(
        _YES_NO.search(question)
        and (
            SPAN_PATTERNS[Need.SHARE].search(question)
            or SPAN_PATTERNS[Need.AMOUNT].search(question)
        )
    )


def offers_a_start(question: str) -> bool:
    """ "Kan projektet starta i januari 2026?": a project's start or end offered, which the
    documents' own dates answer."""
    return bool(
        _YES_NO.search(question)
        and _PROJECT_TIMING.search(question)
        and SPAN_PATTERNS[Need.DATE].search(question)
    )


# "– samma 24 månader som i föräldraskapsutlysningen?", "Muissa hauissa flat rate on 40 %, mutta
# mitä OKM:n haun…": a clause comparing with another call. Neither its call nor its figure is the
# one asked about.
_A_CALL = r"\w*(?:haku|hau[nsli]|hakuun|utlysning|call)\w*"
_COMPARED = re.compile(
    rf"\b(?:som i|som för|kuin|than|as|like)\s+(?:\S+\s+){{0,4}}?{_A_CALL}"
    rf"|\b(?:muissa|muiden|muille|toisissa|other|andra|övriga)\s+{_A_CALL}[^,;:?.!–]*",
    _I,
)


def without_comparisons(question: str) -> str:
    """The question less its clauses about other calls, and a "X vs Y:" lead-in."""
    lead, colon, rest = question.rpartition(": ")
    if colon and _VERSUS.search(lead):
        question = rest  # "vanhemmuushaku vs syksyn 2023 haku: mikä oli…"
    lead, dash, rest = question.partition(" – ")
    if dash and (m := _SEASON_YEAR.search(lead)) and re.search(r"\d", lead[m.end() :]):
        question = rest  # "hösten 2023 var det 40 % flat rate – vad gäller i vårutlysningen?"
    return _COMPARED.sub(" ", question)


# A call named by its season and year ("syksyn 2023", "hösten 2023", "autumn 2023").
_SEASON_YEAR = re.compile(
    r"\b(syks\w*|kevä\w*|talv\w*|höst\w*|vår\w*|vinter\w*|autumn|fall|spring|winter)\s+20\d\d", _I
)


_VERSUS = re.compile(r"\s(vs\.?|versus)\s", _I)


# "Paljonko vanhemmuushaussa lopulta myönnettiin?", "how much did the biggest project get?": what
# was granted is a result of the call; "haettavissa 7 miljoonaa €" is what was on offer.
_GRANTED = (
    r"myönnettiin|myönsi|myönsivät|myönnetty\w*|sai|saivat|beviljades|beviljade|beviljat\w*|"
    r"fick|awarded|(?:was|were) granted|got|received"
)
GRANTED_ASKED = re.compile(rf"\b({_GRANTED})\b|\bdid\b[^?]*\bget\b", _I)
_GRANTED_NAMED = rf"{_GRANTED}|myönnetään|beviljas|is granted|are granted"
GRANTED_NAMED = re.compile(rf"\b({_GRANTED_NAMED})\b", _I)
# "How many were funded?" (not "how many applications were received?").
GRANTED_COUNT_ASKED = re.compile(
    r"\b(myönnettiin|myönsi\w*|myönnetty\w*|beviljades|beviljade|beviljat\w*|awarded|"
    r"(?:was|were) granted|rahoitettiin|(?:was|were|got) funded|finansierades|"
    # "How many are running on the basis of the autumn call?": its results too.
    r"(?:is|are) (?:currently )?running|(?:is|are) (?:currently )?ongoing|pågår|"
    # "Hur många … har fått finansiering?", "… päätettiin rahoittaa?": the decisions' outcome.
    r"(?:har|hade) fått (?:finansiering|pengar|stöd)|päätettiin rahoittaa|"
    r"kommer (?:till slut |slutligen )?att få (?:finansiering|pengar|stöd))\b|"
    r"\b(sai|saivat|fick|got|received)\b[^?]{0,30}\b(rahoitu\w*|rahaa|finansiering|pengar|"
    r"funding|money|grants?|stöd)\b",
    _I,
)
# How many were funded is told by what runs or is funded ("käynnissä on 12 hankekokonaisuutta").
# "Kuka on sosiaali- ja terveysministeri?": a person holding a title, whom only a name answers.
_PERSON_TITLE_ASKED = re.compile(
    r"^\W*(kuka|who|vem)\s+(on|oli|is|was|är|var)\b.*\b(\w*ministeri|\w*johtaja|"
    r"puheenjohtaja|minister\w*|director\w*|chair\w*|head of|ordförande|chef\w*)\b",
    _I,
)
_PERSON_NAME = r"\b[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+\b"


# "Who sits on the evaluation panel?", "Vilka personer sitter i gruppen?": people by name.
MEMBERS_ASKED = re.compile(
    r"\b(who sits|who sit|who are the members|which (people|persons|individuals)|"
    r"vilka personer|vem sitter|vilka sitter|ketkä henkilöt|keitä henkilöitä|kuka istuu|"
    r"ketkä istuvat|keitä (jäseniä|ihmisiä))\b",
    _I,
)


def person_titled(question: str) -> re.Pattern[str] | None:
    """For "Kuka on … ministeri?": what a sentence must hold to answer it, a person's name
    beside the title itself (a contact person's name next to "ministeriö" is no minister)."""
    m = _PERSON_TITLE_ASKED.search(question)
    if not m:
        return None
    title = rf"(?i:\b{re.escape(m.group(3))}\b)"
    return re.compile(rf"{_PERSON_NAME}.*{title}|{title}.*{_PERSON_NAME}")


# "Paljonko rahaa hakemuksissa haettiin?": the sum applied for, not the sum on offer.
APPLIED_SUM_ASKED = re.compile(
    r"\b(haettiin|haettua|(?:was|were) (?:applied|asked) for|(?:was|were) requested|söktes|"
    r"ansöktes|sökte\w* (?:de|man|sökande))\b",
    _I,
)
APPLIED_SUM_NAMED = re.compile(
    r"\b(haettu\w*|haettiin|hakivat|haki|applied for|requested|söktes|sökt)\b", _I
)
# "Onko palkoille euromääräistä kattoa?", "maximum salary", "tak för timlönen": a cap on pay,
# which a bound on the project's sum or the support's share does not answer.
_PAY = r"\w*(?:palk(?!at)\w*|salar\w*|wages?\b|\w*lön\w*)"
PAY_CAP_ASKED = re.compile(
    rf"\b{_PAY}.*\b(maxim\w*|cap|ceiling|limit\w*|enintään|korkeintaan|ylära\w*|kat(?:to|toa|on)|"
    rf"enimmäis\w*|tak|taket|högst|hur hög\w*|how high)\b|"
    rf"\b(maxim\w*|cap|ceiling|limit\w*|enintään|korkeintaan|ylära\w*|kat(?:to|toa|on)|"
    rf"enimmäis\w*|tak|taket|högst|hur hög\w*|how high)\b.*\b{_PAY}",
    _I,
)
PAY_NAMED = re.compile(rf"\b{_PAY}", _I)
# "Kirjaamon sähköpostiosoite", "EURA:n tukipuhelin", "helpdesk": a service of its own, which a
# contact person's details do not answer.
SERVICE_DESK = re.compile(
    r"\b(kirjaamo\w*|registrator\w*|registratur\w*|registry|helpdesk\w*|help desk|hotline|"
    r"tukipuhelin\w*|teknis\w* tu(?:ki|en|kea|ella|esta)|technical support|"
    r"teknisk\w* (?:support|hjälp)|"
    r"vaihte\w*|vaihde|växel\w*|switchboard|asiakaspalvelu\w*|kundtjänst\w*|customer service)\b",
    _I,
)
# Åland has an ESF+ programme of its own: what the mainland calls allow (who may apply, where
# projects run) says nothing of it, unless a sentence names it.
ALAND = re.compile(r"\b(ahvenanma\w*|åland\w*|åländ\w*|aland\b|maarianhamin\w*|mariehamn\w*)", _I)
# Where a project's office must be ("Pitääkö hanketoimiston sijaita Hämeessä?", "ha kontor i
# Tavastland"): the notices name the funding authority's region, not a rule on offices.
_OFFICE = r"(?:\w*toimisto\w*|\w*kontor\w*|offices?)"
_LOCATED = r"(?:sijai\w*|sijoit\w*|located|based|belägen|beläget|ligga|ligger|placera\w*)"
OFFICE_PLACE_ASKED = re.compile(
    rf"\b{_OFFICE}\b.*\b{_LOCATED}\b|\b{_LOCATED}\b.*\b{_OFFICE}\b|\bha (?:sitt |ett )?kontor i\b",
    _I,
)
OFFICE_PLACE_NAMED = re.compile(rf"\b{_LOCATED}\b", _I)
# Held online ("network meetings online", "julkaistaanko verkossa"): only a sentence naming an
# online event or place answers it ("Hakuinfo verkossa (Teams)"). An "online system" is EURA.
ONLINE_ASKED = re.compile(
    r"\b(online(?! (?:system|service|form|application))|etänä|etäyhtey\w*|verkossa|"
    r"på distans|distans\w*|remote(?:ly)?|virtuaal\w*|virtual\w*)\b",
    _I,
)
ONLINE_NAMED = re.compile(
    r"\b(teams|online|etänä|etä\w+|verkossa|verkkotilaisuu\w*|webinaari\w*|webinar\w*|"
    r"distans\w*|remote\w*|virtu\w+)\b",
    _I,
)
# Changing an application or a funded project afterwards ("Får vi ändra det efter att ansökan
# skickats in?", "muuttaa kesken hankkeen"): a procedure of its own, which a sentence must name.
_CHANGE = (
    r"(?:muutt\w*|muuto\w*|täydentä\w*|ändra\w*|komplettera\w*|byta|chang\w*|amend\w*|modif\w*)"
)
_AFTER = r"(?:jälkeen|kesken|lähetet\w*|lähettämisen|efter|skickats|after|submitted|once)"
CHANGE_AFTER_ASKED = re.compile(rf"\b{_CHANGE}\b.*\b{_AFTER}\b|\b{_AFTER}\b.*\b{_CHANGE}\b", _I)
CHANGE_NAMED = re.compile(
    r"\b(muutoshakemu\w*|muutoksi\w*|muutetaan|muuttaa|ändringsansök\w*|ändra\w*|change request\w*|"
    r"amend\w*)\b",
    _I,
)
# Signing up for something ("hakuinfoon ilmoittautuminen", "anmälan", "sign up"): the documents
# give the info sessions' times, and a time is no answer to how or by when to sign up.
SIGN_UP = re.compile(
    r"\b(ilmoitt?autu\w*|ilmoittau\w*|anmäl\w*|sign(?:ing|ed)? up|signup|register(?:ing|ed)? "
    r"(?:for|to)|registration (?:for|to|deadline)|enrol\w*)",
    _I,
)
# One organisation in several projects or calls ("sama organisaatio", "en och samma förening",
# "at the same time … in another entity"): a rule the sentences must state in those words.
SAME_ORGANISATION = re.compile(
    r"\b(?:sama|saman|samaa|samalla|samma|same)\s+(?:\w+\s+)?(?:organisaatio\w*|yhdistys\w*|"
    r"toimija\w*|hakija\w*|kunta\w*|organisation\w*|organization\w*|förening\w*|aktör\w*|"
    r"association\w*|applicant\w*|body)\b|"
    r"\b(?:samaan aikaan|samanaikaisesti|samtidigt|at the same time|at once)\b.*"
    r"\b(?:toise\w*|muu\w*|useamm\w*|flera|andra|another|several|multiple|more than one)\b",
    _I,
)
FUNDED_NAMED = re.compile(
    # "Käynnissä (on) 12 hankekokonaisuutta" counts running projects; "arviointi on käynnissä"
    # and "haku käynnissä" are about something else.
    r"\b(rahoitet\w*|rahoitettav\w*|käynnissä(?=\s+(?:on\s+)?\d)|running|funded|finansierade|"
    r"pågående|pågår|"
    rf"{_GRANTED_NAMED})\b",
    _I,
)
