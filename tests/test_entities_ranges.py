"""Dashed ranges ("20-30 mm", "20–30%", "20 – 30 mm") are one figure, keyed as "20 to 30" is
(no model)."""

from __future__ import annotations

import pytest

from core.entities.backend import RawMention
from core.entities.correct import correct
from core.entities.link import value_key
from core.entities.numbers import figure_key, find_figures


@pytest.mark.parametrize(("dashed", "spelled"), [
    ("20-30 mm", "20 to 30 mm"),
    ("20–30 mm", "20 to 30 millimetres"),
    ("5-10%", "5 to 10 per cent"),
    ("2,000-3,000 people", "2,000 to 3,000 people"),
    ("20 – 30 mm", "20 to 30 mm"),
    ("5 - 10%", "5 to 10 per cent"),
])
def test_a_dashed_range_is_the_range_written_out(dashed: str, spelled: str) -> None:
    assert [f.text for f in find_figures(f"About {dashed} were seen.")] == [dashed]
    assert figure_key(dashed) == figure_key(spelled) is not None


@pytest.mark.parametrize("text", [
    "COVID-19 cases rose", "they won 3-4 on Sunday", "a 1-2 defeat", "the 2020-21 season",
    "$20-30 million", "pages 10-12.", "the 10-12th", "a 30-20 mm gap", "dial 1-2-3 now",
    "they won 3 - 4 on Sunday", "in 2019 – 20 people died", "rounds 1 – 2", "scores 2 - 1 win",
])
def test_scores_seasons_names_and_money_are_not_ranges(text: str) -> None:
    assert not any(f.high is not None for f in find_figures(text))


def _mentions(text: str, raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    found = [RawMention(text.index(s), text.index(s) + len(s), label) for s, label in raw]
    return [(m.text, m.label) for m in correct(text, found)]


def test_a_range_the_model_read_as_a_time_takes_its_unit() -> None:
    text = "The mines lie 20-30 mm deep."
    found = _mentions(text, [("20-30", "TIME")])
    assert [t for t, _ in found] == ["20-30 mm"]
    assert value_key(found[0][1], "20-30 mm") == value_key(found[0][1], "20 to 30 mm")


def test_a_number_and_a_percent_make_one_range_but_two_rates_stay_two() -> None:
    assert [t for t, _ in _mentions("Prices rose 5 to 10% last year.",
                                    [("5", "CARDINAL"), ("10%", "PERCENT")])] == ["5 to 10%"]
    assert [t for t, _ in _mentions("Prices rose 5 and 10% in two towns.",
                                    [("5", "CARDINAL"), ("10%", "PERCENT")])] == ["5", "10%"]
