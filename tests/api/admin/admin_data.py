"""Test data shared by the admin tests (a module of its own: ``conftest`` is ambiguous when
several test folders have one)."""

from __future__ import annotations

TOKEN = "test-admin-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Two calls: one open on the tests' "today" (2025-04-01), one closed.
CALLS_YAML = """\
managing_authority:
  name: Hämeen ELY-keskus
  contact: {name: Antti Hieta, email: antti.hieta@ely-keskus.fi}
calls:
  - id: kesa-2025
    title: {fi: "Saaristoleirien kesähaku 2025"}
    funders: [OKM]
    managing_authority: Hämeen ELY-keskus
    opens: 2025-03-01
    closes: 2025-06-30
    budget_eur: 100000
    contacts: [{name: Antti Hieta, email: antti.hieta@ely-keskus.fi}]
    documents: [ohje.md]
  - id: talvi-2024
    title: {fi: "Talviharrastusten haku 2024"}
    funders: [STM]
    managing_authority: Hämeen ELY-keskus
    opens: 2024-01-10
    closes: 2024-02-28
    budget_eur: 50000
    contacts: [{name: Antti Hieta, email: antti.hieta@ely-keskus.fi}]
    documents: [talvi.md]
"""
OHJE_MD = (
    "# Maksatusohje\n\nMaksatusta haetaan puolen vuoden välein EURA-järjestelmässä. "
    "Maksatushakemukseen liitetään kirjanpitoraportti.\n"
)
TALVI_MD = (
    "# Talviharrastusten haku\n\nRahoitusta voivat hakea hiihtoseurat ja "
    "luistelukoulut talviharrastusten järjestämiseen.\n"
)

# Two versions of one call notice with different deadlines, so answers show which one spoke.
NOTICE_V1 = "# Purjehdusleirien haku\n\nHakemukset on jätettävä viimeistään 15.5.2025 klo 16.15.\n"
NOTICE_V2 = "# Purjehdusleirien haku\n\nHakemukset on jätettävä viimeistään 30.9.2025 klo 16.15.\n"
DEADLINE_Q = "Mihin mennessä purjehdusleirien hakemukset on jätettävä?"
