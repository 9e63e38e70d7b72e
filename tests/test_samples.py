"""The two news articles in ../shared/samples, compared as a user would (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.comparison.engine import compare
from core.readers.load import load_document

SAMPLES = Path(__file__).resolve().parent.parent.parent / "shared" / "samples"
AGENCY = SAMPLES / "001_c896bb0d5ee210f5.txt"
BLOG = SAMPLES / "000_6a86074a9e5b24c8.txt"

pytestmark = pytest.mark.skipif(not (AGENCY.exists() and BLOG.exists()),
                                reason="the shared sample pair is not beside the project")


@pytest.fixture(scope="module")
def result():
    return compare(load_document(AGENCY), load_document(BLOG))


def spans_of(result, side: int, kind: str) -> str:
    text = result.documents[side].text
    return " | ".join(text[s.start:s.end] for s in result.spans[side] if s.kind == kind)


def test_the_verbatim_sentence_is_shared(result) -> None:
    sentence = "The United States and Russia are not signatories to the anti-landmine convention."
    assert sentence in spans_of(result, 0, "shared")
    assert sentence in spans_of(result, 1, "shared")


def test_kiev_and_kyiv_are_a_changed_word_in_a_reworded_pair(result) -> None:
    a, b = result.documents
    pairs = [m for m in result.matches if m.kind == "reworded"
             and "Washington" in a.text[m.a[0]:m.a[1]]]
    assert len(pairs) == 1
    changed_a = [a.text[s:e] for s, e in pairs[0].changes_a]
    changed_b = [b.text[s:e] for s, e in pairs[0].changes_b]
    assert "Kyiv" in changed_a and "Kiev" in changed_b


def test_passages_only_one_side_has_are_unique(result) -> None:
    assert "Alex Munyambabazi" in spans_of(result, 0, "unique")
    assert "unprovoked and unjustified aggression" in spans_of(result, 1, "unique")
    assert 0.4 < result.summary.a.found_in_other < 0.7
    assert 0.6 < result.summary.b.found_in_other < 0.9


def test_entities_link_kiev_to_kyiv_and_siem_reap_is_a_place(result) -> None:
    from dataclasses import replace

    from core.entities import entity_groups, extract_entities

    groups = entity_groups(replace(result, entities=extract_entities(*result.documents)))
    by_name = {g.name: g for g in groups}
    assert {"Kyiv", "Kiev"} <= set(by_name["Kyiv"].variants)
    assert by_name["Kyiv"].status == "both"
    assert by_name["Siem Reap"].label == "Place"
