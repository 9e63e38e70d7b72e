"""The hand-annotated check pairs in tests/data/checks and how predicted checks score on them."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from pathlib import Path

from core.checks import Check, run_checks
from core.comparison.engine import compare
from core.model import Document, Result

DATA = Path(__file__).resolve().parent / "data" / "checks"


def gold() -> dict[str, list[dict]]:
    """Pair name -> expected checks ({"kind", "a", "b"}: texts inside each passage or null)."""
    return json.loads((DATA / "gold.json").read_text(encoding="utf-8"))["pairs"]


def document(path: Path) -> Document:
    text = path.read_text(encoding="utf-8")
    return Document(str(path), path.name, "utf-8", "text", text)


@cache
def checked(name: str) -> tuple[Result, tuple[Check, ...]]:
    """The pair compared, with entities and checks (computed once per test session)."""
    from core.entities import extract_entities

    a, b = document(DATA / f"{name}_a.txt"), document(DATA / f"{name}_b.txt")
    result = compare(a, b)
    result = replace(result, entities=extract_entities(a, b))
    return result, run_checks(result)


def agrees(result: Result, check: Check, expected: dict) -> bool:
    """Whether ``check`` is the expected one: same kind, the expected words in each passage."""
    if check.kind != expected["kind"]:
        return False
    for side, rng in ((0, check.a), (1, check.b)):
        want = expected["ab"[side]]
        if want is None:
            continue
        if rng is None or want not in result.documents[side].text[rng[0] : rng[1]]:
            return False
    return True


def score(name: str) -> tuple[int, int, int, list[Check], list[dict]]:
    """(true positives, predicted, expected, wrong checks, missed checks) for one pair."""
    result, checks = checked(name)
    expected = list(gold()[name])
    wrong, used = [], set()
    for c in checks:
        hit = next((i for i, e in enumerate(expected) if i not in used and agrees(result, c, e)),
                   None)
        if hit is None:
            wrong.append(c)
        else:
            used.add(hit)
    missed = [e for i, e in enumerate(expected) if i not in used]
    return len(used), len(checks), len(expected), wrong, missed
