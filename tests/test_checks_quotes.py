"""Quotation marks of several styles and languages, quotes over paragraphs, apostrophes."""

from __future__ import annotations

import pytest

from core.checks.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [" ".join(q.words) for q in find_quotes(text)]


@pytest.mark.parametrize("text", [
    'He said "the water rose fast" on Monday.',
    "He said “the water rose fast” on Monday.",
    "He said «the water rose fast» on Monday.",
    "He said „the water rose fast“ on Monday.",
    "He said „the water rose fast” on Monday.",
    "He said ‹the water rose fast› on Monday.",
    "He said ‘the water rose fast’ on Monday.",
])
def test_each_style_of_quotation_mark(text: str) -> None:
    assert quoted(text) == ["the water rose fast"]


def test_a_quotation_over_two_paragraphs_is_one_quotation() -> None:
    text = '"We left at dawn. The road was closed.\n\n"Then the bridge went," she said.'
    assert quoted(text) == ["we left at dawn the road was closed then the bridge went"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert quoted("The mayor’s office said it won’t close the ’90s archive.") == []
    text = "“It’s not over,” she said, “we’ll be back.”"
    assert quoted(text) == ["it's not over", "we'll be back"]


def test_an_unclosed_mark_is_not_a_quotation() -> None:
    assert quoted('He said "the water rose fast.\n\nNobody was hurt.') == []
