"""Figures in reworded pairs: value normalisation and which differences are flagged (no model)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.entities.figures import FigureDifference, figure_differences, pair_differences
from core.entities.numbers import figure_key, find_figures
from core.model import Document, Match, Result

VALUES = [
    ("3,400 people", "number:people", Decimal(3400)),
    ("fourteen victims", "number:victim", Decimal(14)),
    ("14 victims", "number:victim", Decimal(14)),
    ("twenty-five homes", "number:home", Decimal(25)),
    ("one hundred and twenty five boats", "number:boat", Decimal(125)),
    ("€4.1 million", "money:eur", Decimal(4_100_000)),
    ("4.1 million euros", "money:eur", Decimal(4_100_000)),
    ("US$2.5bn", "money:usd", Decimal(2_500_000_000)),
    ("£4m", "money:gbp", Decimal(4_000_000)),
    ("12 per cent", "percent", Decimal(12)),
    ("12%", "percent", Decimal(12)),
    ("3 percentage points", "number:percentage point", Decimal(3)),
    ("3 March 2021", "date", (2021, 3, 3)),
    ("March 3, 2021", "date", (2021, 3, 3)),
    ("14th of March", "date", (None, 3, 14)),
    ("10:30", "time", Decimal(630)),
    ("3 p.m.", "time", Decimal(900)),
    ("Tuesday", "weekday", Decimal(1)),
]


@pytest.mark.parametrize(("text", "unit", "value"), VALUES)
def test_values_are_normalised(text: str, unit: str, value: object) -> None:
    figures = find_figures(f"They said {text} yesterday.")
    assert [(f.text, f.unit, f.value) for f in figures] == [(text, unit, value)]


@pytest.mark.parametrize("text", [
    "COVID-19 cases", "the G7 summit", "a 4x4 truck", "the 1990s", "no one came",
    "one of the pilots", "scores of 3-4 in games",
])
def test_no_figure(text: str) -> None:
    assert find_figures(text) == []


PAIRS = [
    # (A, B, expected flagged pairs as (a_text, b_text))
    ("Officials said 3,400 people had been evacuated.",
     "At least 3,500 people were evacuated, officials said.", [("3,400 people", "3,500 people")]),
    ("The bridge cost €4.1 million to build.", "Building the bridge cost 4.1 million euros.", []),
    ("Fourteen victims were named.", "The 14 victims were named on Monday.", []),
    ("Unemployment rose to 7 per cent in May.", "In May unemployment climbed to 7.5%.",
     [("7 per cent", "7.5%")]),
    ("The vote was held on 3 March 2021.", "The vote took place on March 4, 2021.",
     [("3 March 2021", "March 4, 2021")]),
    ("The vote was held in March 2021.", "The vote took place on 4 March 2021.", []),
    ("The train left at 10:30 on Friday.", "The train left at 11 a.m. on Saturday.",
     [("10:30", "11 a.m."), ("Friday", "Saturday")]),
    ("About six million people live there.", "Nearly six million people live there.", []),
    # two counts of people on one side: not reliable, nothing flagged
    ("3,400 people left and 200 people stayed.", "3,500 people left, 200 stayed.", []),
    # different units are different facts
    ("It rained for 3 days.", "The rain fell on 4 towns.", []),
    ("Shares fell by 2 percent.", "Shares fell by $2.", []),
    ("A rise of 3 percentage points.", "A rise of 4 percentage points.",
     [("3 percentage points", "4 percentage points")]),
    ("The fund holds $40 million.", "The fund holds $45m.", [("$40 million", "$45m")]),
    ("They arrived in 2019.", "They arrived in 2020.", [("2019", "2020")]),
    ("Twenty-five homes were flooded.", "25 homes were flooded.", []),
    # one figure each, but about different things: the words around them do not agree
    ("The council approved a new warehouse worth £40m after long talks.",
     "The mayor welcomed a final tariff worth £21m.", []),
    ("Crews inspected turbines in Leeds on Saturday, while engineers waited.",
     "Economists defended the railways on Monday, while pensioners protested.", []),
]


@pytest.mark.parametrize(("text_a", "text_b", "flagged"), PAIRS)
def test_pair_differences(text_a: str, text_b: str, flagged: list) -> None:
    got = [(fa.text, fb.text) for fa, fb in pair_differences(text_a, text_b, similarity=0.4)]
    assert got == flagged


CLOSE_A = ("Officials in Hollin said on Friday that 3,400 people had been evacuated after the "
           "river burst its banks.")
CLOSE_B = ("At least 3,500 people were evacuated from flooded parts of Hollin, officials said on "
           "Friday, after the river broke its banks.")


@pytest.mark.parametrize(("similarity", "flagged"), [(0.57, True), (0.35, False)])
def test_a_close_pair_needs_only_one_shared_word(similarity: float, flagged: bool) -> None:
    got = pair_differences(CLOSE_A, CLOSE_B, similarity)
    assert bool(got) is flagged


def _doc(text: str) -> Document:
    return Document("", "x", "utf-8", "text", text)


def test_figure_differences_on_a_result() -> None:
    a = "Intro line.\nOfficials said 3,400 people had been evacuated.\n"
    b = "Another intro.\nAt least 3,500 people were evacuated, officials said.\n"
    shared = Match(0, "shared", (0, 11), (0, 14), 1.0)
    reworded = Match(1, "reworded", (12, len(a) - 1), (15, len(b) - 1), 0.6)
    result = Result(documents=(_doc(a), _doc(b)), spans=((), ()), matches=(shared, reworded),
                    summary=None)  # type: ignore[arg-type]
    diffs = figure_differences(result)
    assert diffs == [FigureDifference(1, "3,400 people", (27, 39), "3,500 people", (24, 36),
                                      "Number/quantity")]
    assert a[27:39] == "3,400 people" and b[24:36] == "3,500 people"


@pytest.mark.parametrize(("text", "key"), [
    ("around six million", "number:6000000"),
    ("6 million", "number:6000000"),
    ("€4.1 million", "money:eur:4100000"),
    ("4.1 million euros", "money:eur:4100000"),
    ("12 per cent", "percent:12"),
    ("last week", None),
])
def test_figure_keys(text: str, key: str | None) -> None:
    assert figure_key(text) == key


@pytest.mark.parametrize(("name", "expected"), [
    ("flood", [("Number/quantity", "3,400 people", "3,500 people")]),
    ("amazon", [("Money", "$1.2 billion", "$1.5 billion")]),
])
def test_fixture_pairs_through_the_engine(name: str, expected: list) -> None:
    from core.comparison.engine import compare
    from core.model import Options
    from tests.entity_gold import documents

    result = compare(*documents(name), Options())
    got = [(d.label, d.a_text, d.b_text) for d in figure_differences(result)]
    assert got == expected
