"""Digit-like characters (superscripts, circled, other scripts' digits) never break figures."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from core.entities.numbers import figure_key, find_figures

# Every character Python calls a digit or numeric: superscripts (²), circled (①), fractions (½),
# Roman numerals (Ⅻ), CJK numerals (五), Arabic-Indic (٣) and other scripts' decimal digits.
DIGIT_LIKE = [chr(c) for c in range(sys.maxunicode + 1)
              if chr(c).isdigit() or chr(c).isnumeric()]
TEMPLATES = [
    "He ate {c} apples.", "Footnote {c} applies.", "10{c} km", "{c}{c} March",
    "March {c}, {c}{c}{c}{c}", "{c}:{c}{c} pm", "${c}{c}m", "{c}{c}% of", "{c},{c}{c}{c} people",
    "in {c}{c}{c}{c}", "{c}.{c} million", "1{c}", "{c}-{c}", "{c}st of May", "twenty {c}",
]


def test_the_fuzz_covers_the_characters_of_the_report() -> None:
    assert {"²", "¹", "①", "٣"} <= set(DIGIT_LIKE)
    assert len(DIGIT_LIKE) > 1500


def test_no_digit_like_character_raises() -> None:
    for c in DIGIT_LIKE:
        text = " ".join(t.format(c=c) for t in TEMPLATES)
        for fig in find_figures(text):  # offsets stay inside the text and name its characters
            assert 0 <= fig.start < fig.end <= len(text)
            assert text[fig.start:fig.end] == fig.text
        for template in TEMPLATES[:4]:
            figure_key(template.format(c=c))


@pytest.mark.parametrize("text", ["He ate ² apples.", "Footnote ¹ applies.", "10² km",
                                  "① The first item"])
def test_superscripts_and_circled_digits_are_not_read_as_numbers(text: str) -> None:
    assert all(not any(ch in fig.text for ch in "²¹①") for fig in find_figures(text))


def test_arabic_indic_digits_keep_their_value() -> None:
    figs = find_figures("There were ٣٤٠٠ people.")
    assert [(f.unit, f.value) for f in figs] == [("number:people", Decimal(3400))]


def test_the_plain_number_next_to_a_superscript_is_still_found() -> None:
    figs = find_figures("An area of 10² km and 25 people.")
    assert [f.value for f in figs if f.unit == "number:people"] == [Decimal(25)]


def test_entities_and_checks_of_a_text_with_superscripts_do_not_fail() -> None:
    from core.checks import run_checks
    from core.comparison.engine import compare
    from core.entities import extract_entities
    from core.model import Document

    a = Document("a", "a", "utf-8", "text",
                 "He ate ² apples. Footnote ¹ applies. The area is 10² km. ① First item.")
    b = Document("b", "b", "utf-8", "text", "He ate 2 apples. There were ٣٤٠٠ people.")
    result = compare(a, b)
    from dataclasses import replace

    result = replace(result, entities=extract_entities(a, b))
    assert isinstance(run_checks(result), tuple)
