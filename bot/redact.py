"""Remove personal data from what users type before it is stored or logged."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+(?:@|\(at\)|\[at\])[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Finnish personal identity code: DDMMYY, century sign, 3 digits, check character.
_HETU = re.compile(r"\b[0-3]\d[01]\d\d\d[-+ABCDEFUVWXY]\d{3}[0-9A-Y]\b", re.IGNORECASE)
# Phone numbers: +358 40 123 4567, 040-1234567, 09 1234 5678, (09) 123 456 ...
_PHONE = re.compile(r"(?<![\w.])(?:\+|00)?\d[\d\s().-]{6,}\d(?![\w.])")
_DATE_LIKE = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})?$")


def redact(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    text = _HETU.sub("[hetu]", text)

    def phone(m: re.Match[str]) -> str:
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        # Keep amounts, years and dates ("9 300 000", "2021–2027", "4.12.2023").
        if len(digits) < 7 or _DATE_LIKE.match(raw.strip()) or "." in raw:
            return raw
        if not (raw.lstrip().startswith(("+", "0", "("))):
            return raw
        return "[phone]"

    return _PHONE.sub(phone, text)
