"""Date and Time entries are dates: ages and durations are figures, lone units go (no model)."""

from __future__ import annotations

import pytest

from core.entities import labels as lb
from core.entities.correct import correct
from core.entities.figures import pair_differences
from core.entities.link import link_pair
from core.entities.numbers import find_figures
from tests.entity_gold import raw_mentions


def _labels(text: str, *spans: tuple[str, str]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in correct(text, raw_mentions(text, *spans))]


@pytest.mark.parametrize(("text", "surface"), [
    ("One man, aged 74, was reported missing.", "74"),
    ("A 74-year-old man was reported missing.", "74-year-old"),
    ("The outbreak has sent 46 people to hospital.", "46"),
])
def test_an_age_or_a_count_is_a_number_not_a_date(text: str, surface: str) -> None:
    assert _labels(text, (surface, "DATE")) == [(surface, lb.NUMBER)]


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("The warnings were there for years, she said.", "years", "DATE"),
    ("A deal would be signed within weeks.", "within weeks", "DATE"),
    ("The road was closed for several hours.", "several hours", "TIME"),
    ("It changes direction every hour.", "every hour", "TIME"),
    ("The next hours will tell us more.", "next hours", "TIME"),
])
def test_a_unit_with_no_amount_is_not_listed(text: str, surface: str, label: str) -> None:
    assert _labels(text, (surface, label)) == []


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("They left after two days of rain.", "two days", "DATE"),
    ("It rose 2.7 metres in under 36 hours.", "under 36 hours", "TIME"),
    ("The dam has stood for forty years.", "forty years", "DATE"),
    ("Dockers began a 48-hour strike.", "48-hour", "TIME"),
    ("Delays of up to a week are expected.", "up to a week", "DATE"),
])
def test_a_duration_is_a_figure_as_the_figure_check_reads_it(
        text: str, surface: str, label: str) -> None:
    assert _labels(text, (surface, label)) == [(surface, lb.NUMBER)]


def test_a_changed_duration_is_a_figure_difference_and_its_entity_a_figure() -> None:
    a, b = "Residents left after two days of rain.", "Residents left after three days of rain."
    [(fa, fb)] = pair_differences(a, b)
    assert (fa.text, fb.text) == ("two days", "three days")
    assert _labels(a, ("two days", "DATE")) == [("two days", fa.label)]
    assert fa.label == lb.NUMBER == find_figures("three days")[0].label


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("The vote is on 14 May.", "14 May", "DATE"),
    ("They were evacuated on Tuesday.", "Tuesday", "DATE"),
    ("The dam was built in 1968.", "1968", "DATE"),
    ("It was last repaired in the 1980s.", "the 1980s", "DATE"),
    ("Prices rose last week.", "last week", "DATE"),
    ("She left two days ago.", "two days", "DATE"),
    ("Talks resume later this month.", "later this month", "DATE"),
    ("The vote passed on Monday night.", "Monday night", "TIME"),
    ("Sirens sounded at 6am.", "6am", "TIME"),
])
def test_real_dates_and_times_stay(text: str, surface: str, label: str) -> None:
    [(found, got)] = _labels(text, (surface, label))
    assert got in (lb.DATE, lb.TIME) and surface.endswith(found.removeprefix("the "))


def test_a_qualifier_is_not_part_of_the_date() -> None:
    text = "Schools stay closed until at least Friday."
    assert _labels(text, ("at least Friday", "DATE")) == [("Friday", lb.DATE)]


def test_the_same_duration_worded_differently_is_one_figure_across_the_pair() -> None:
    a, b = "It rose in under 36 hours.", "It rose in less than 36 hours."
    ma = correct(a, raw_mentions(a, ("under 36 hours", "TIME")))
    mb = correct(b, raw_mentions(b, ("less than 36 hours", "TIME")))
    ea, eb = link_pair((a, b), (ma, mb))
    assert ea[0].key == eb[0].key and ea[0].label == eb[0].label == lb.NUMBER


def _date_keys(a: str, b: str, *surfaces: str) -> dict[str, tuple[str, str]]:
    """The key of each surface's Date mention on side A and on side B."""
    spans = [(s, "DATE") for s in surfaces]
    ea, eb = link_pair((a, b), (correct(a, raw_mentions(a, *spans)),
                                correct(b, raw_mentions(b, *spans))))
    ka, kb = {e.text: e.key for e in ea}, {e.text: e.key for e in eb}
    return {s: (ka[s], kb[s]) for s in surfaces}


BODY = "Officials said yesterday that the dam, inspected on Tuesday, held. It was built in 1968."


@pytest.mark.parametrize("surface", ["yesterday", "Tuesday"])
def test_a_relative_date_is_not_linked_to_another_day(surface: str) -> None:
    a, b = f"KYIV, 14 May 2024 - {BODY}", f"KYIV, 29 May 2024 - {BODY}"
    key_a, key_b = _date_keys(a, b, surface, "1968")[surface]
    assert key_a != key_b


def test_relative_dates_link_when_they_name_the_same_days() -> None:
    week = _date_keys(f"KYIV, 14 May 2024 - {BODY}", f"KYIV, 15 May 2024 - {BODY}",
                      "yesterday", "Tuesday", "1968")
    assert week["Tuesday"][0] == week["Tuesday"][1]  # the same week: the same Tuesday
    assert week["yesterday"][0] != week["yesterday"][1]
    assert week["1968"][0] == week["1968"][1]  # an absolute date links whatever the dateline
    undated = _date_keys(BODY, BODY, "yesterday", "Tuesday")  # no dateline: as written
    assert all(ka == kb for ka, kb in undated.values())


def test_a_lone_small_number_read_as_a_date_is_not_listed() -> None:
    assert _labels("Only one was found.", ("one", "DATE")) == []
