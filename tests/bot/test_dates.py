import datetime as dt

import pytest

from bot.dates import find_dates, full_dates, month


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("joulukuuta", 12),
        ("joulukuussa", 12),
        ("December", 12),
        ("maj", 5),
        ("mars", 3),
        ("x", None),
    ],
)
def test_month_names_in_any_inflection(word, number):
    assert month(word) == number


@pytest.mark.parametrize(
    "text",
    [
        "Voiko hakemuksen jättää vielä 10.3.2025?",
        "Går det att söka den 10 mars 2025?",
        "Can we still apply on March 10, 2025?",
        "Is 2025-03-10 too late?",
    ],
)
def test_full_dates_read_every_language_and_layout(text):
    assert full_dates(text) == [dt.date(2025, 3, 10)]


def test_full_dates_skip_partial_and_impossible_dates():
    assert full_dates("Haku päättyy 28.2. klo 16.15, ei 31.2.2025") == []


def test_found_dates_are_blanked_so_numbers_are_not_read_twice():
    found, rest = find_dates("Päätös 4.12.2023, summa 200 000 euroa")
    assert [(d.text, d.year, d.month, d.day) for d in found] == [("4.12.2023", 2023, 12, 4)]
    assert "4.12.2023" not in rest and "200 000" in rest
    assert len(rest) == len("Päätös 4.12.2023, summa 200 000 euroa")


def test_a_slash_date_is_read_day_first_and_month_first():
    found, _ = find_dates("12/4/2023")
    assert {(d.month, d.day) for d in found} == {(4, 12), (12, 4)}
