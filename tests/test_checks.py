"""The editor's checks on our hand-annotated news pairs: precision, recall and evidence."""

from __future__ import annotations

import json

import pytest

from core.checks import KINDS
from core.checks.serialize import checks_from_json, checks_to_json
from core.serialize import result_to_dict
from tests.checks_gold import checked, gold, score

PAIRS = sorted(gold())
PAIR_KINDS = {"quote_altered", "quote_attributed_elsewhere", "quote_identical", "quote_unmarked",
              "figure_differs", "date_differs", "role_changed"}


def test_precision_and_recall_reach_the_goals() -> None:
    tp = predicted = expected = 0
    for name in PAIRS:
        t, p, e, _, _ = score(name)
        tp, predicted, expected = tp + t, predicted + p, expected + e
    assert expected >= 30 and len(PAIRS) >= 4
    assert tp / predicted >= 0.95, f"precision {tp}/{predicted}"
    assert tp / expected >= 0.85, f"recall {tp}/{expected}"


@pytest.mark.parametrize("name", PAIRS)
def test_every_check_shows_its_evidence(name: str) -> None:
    result, checks = checked(name)
    for c in checks:
        assert c.kind in KINDS and c.summary.endswith(".")
        assert c.a is not None or c.b is not None
        if c.kind in PAIR_KINDS:
            assert c.a is not None and c.b is not None, c
        for side, rng, marks in ((0, c.a, c.marks_a), (1, c.b, c.marks_b)):
            text = result.documents[side].text
            if rng is not None:
                assert 0 <= rng[0] < rng[1] <= len(text) and text[rng[0]:rng[1]].strip()
            for m in marks:  # the marked words lie inside the evidence passage
                assert rng is not None and rng[0] <= m[0] < m[1] <= rng[1], c


def test_an_altered_quotation_shows_the_word_diff() -> None:
    result, checks = checked("port")
    altered = [c for c in checks if c.kind == "quote_altered"]
    assert len(altered) == 1
    a_text = result.documents[0].text
    assert [a_text[s:e] for s, e in altered[0].marks_a] == ["are", "waiting"]
    assert "“are” → “will”" in altered[0].detail


def test_a_quotation_given_to_another_speaker_names_both() -> None:
    _, checks = checked("port")
    moved = [c for c in checks if c.kind == "quote_attributed_elsewhere"]
    assert moved and all("Bakker" in c.detail and "Karin Visser" in c.detail for c in moved)


def test_a_pair_without_differences_reports_only_agreements() -> None:
    _, checks = checked("library")
    assert checks and not [c for c in checks if c.is_issue]


def test_the_json_carries_the_checks_and_reads_back() -> None:
    result, checks = checked("fire")
    from dataclasses import replace

    data = json.loads(json.dumps(result_to_dict(replace(result, checks=checks))))
    assert {c["kind"] for c in data["checks"]} >= {"credit_only_a", "figure_differs"}
    assert checks_from_json(data["checks"]) == checks
    assert checks_from_json(checks_to_json(checks)) == checks


@pytest.mark.parametrize("name", sorted(gold()))
def test_checks_prepared_while_the_entities_are_found_are_the_same(name: str) -> None:
    # The command line prepares the checks (quotations, credits, word indexes) while its
    # entity process runs: the checks found after that are those found without it.
    from dataclasses import replace

    from core.checks import prepare, run_checks

    result, checks = checked(name)
    without = replace(result, entities=None, checks=None)
    prepare(without)  # before the entities are in (prepared for these documents and matches)
    assert run_checks(replace(without, entities=result.entities)) == checks
    assert run_checks(result) == checks  # nothing kept from the first run
