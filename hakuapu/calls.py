"""``corpus/calls.yaml``: the calls, their dates, money, contacts and documents.

Validated on load; an error names the bad field (``calls[2].closes: ...``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class CallsFileError(ValueError):
    pass


class Status(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""

    def line(self) -> str:
        parts = [self.name, self.title, self.organisation, self.email, self.phone]
        return ", ".join(p for p in parts if p)


class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fi: str
    sv: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        return getattr(self, lang, "") or self.fi


class Call(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")
    title: Localized
    funders: list[str] = Field(min_length=1)
    managing_authority: str
    opens: dt.date
    closes: dt.date
    budget_eur: float = Field(gt=0)
    target_groups: list[str] = []
    contacts: list[Contact] = Field(min_length=1)
    source_url: str = ""
    documents: list[str] = []
    sample: bool = False

    @model_validator(mode="after")
    def _dates_in_order(self) -> Call:
        if self.closes < self.opens:
            raise ValueError(f"closes ({self.closes}) is before opens ({self.opens})")
        return self

    def status(self, today: dt.date) -> Status:
        if today < self.opens:
            return Status.UPCOMING
        if today > self.closes:
            return Status.CLOSED
        return Status.OPEN


class DocumentMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = ""
    type: str = "document"
    language: str = "fi"
    sample: bool = False


class ManagingAuthority(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    contact: Contact


class CallsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    managing_authority: ManagingAuthority
    calls: list[Call]
    documents: dict[str, DocumentMeta] = {}

    @field_validator("calls")
    @classmethod
    def _unique_ids(cls, calls: list[Call]) -> list[Call]:
        seen: set[str] = set()
        for call in calls:
            if call.id in seen:
                raise ValueError(f"duplicate call id {call.id!r}")
            seen.add(call.id)
        return calls

    def call(self, call_id: str) -> Call | None:
        return next((c for c in self.calls if c.id == call_id), None)

    def call_for_document(self, file_name: str) -> str:
        """The call a file belongs to; '' when it belongs to several or none."""
        owners = [c.id for c in self.calls if file_name in c.documents]
        return owners[0] if len(owners) == 1 else ""

    def document_meta(self, file_name: str) -> DocumentMeta | None:
        return self.documents.get(file_name)


def load_calls(path: Path) -> CallsFile:
    if not path.exists():
        raise CallsFileError(f"{path}: file not found")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CallsFileError(f"{path}: not valid YAML ({err})") from err
    try:
        return CallsFile.model_validate(raw or {})
    except ValidationError as err:
        first = err.errors()[0]
        loc = ""
        for part in first["loc"]:
            loc += f"[{part}]" if isinstance(part, int) else (f".{part}" if loc else str(part))
        raise CallsFileError(f"{path}: {loc}: {first['msg']}") from err
