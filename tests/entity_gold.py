"""Scoring helpers for the hand-annotated entity fixtures in tests/data/entities/."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from core.entities import labels as lb
from core.model import Document, Entity

DATA = Path(__file__).parent / "data" / "entities"
SCORED_LABELS = frozenset({lb.PERSON, lb.ORGANISATION, lb.PLACE})


def gold() -> dict:
    """The annotation file."""
    return json.loads((DATA / "gold.json").read_text(encoding="utf-8"))["pairs"]


def documents(name: str) -> tuple[Document, Document]:
    """The fixture pair ``name`` as documents."""
    docs = []
    for side in "ab":
        path = DATA / f"{name}_{side}.txt"
        text = path.read_text(encoding="utf-8")
        docs.append(Document(str(path), path.name, "utf-8", "text", text))
    return docs[0], docs[1]


def counts(found: tuple[Entity, ...], expected: list) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for Person/Organisation/Place mentions."""
    pred = Counter((e.text, e.label) for e in found if e.label in SCORED_LABELS)
    want = Counter((t, lab) for t, lab in expected)
    return sum((pred & want).values()), sum(pred.values()), sum(want.values())


def find(entities: tuple[tuple[Entity, ...], tuple[Entity, ...]], ref: list) -> Entity:
    """The first mention on side ``ref[0]`` ("a"/"b") whose text is ``ref[1]``."""
    side = entities[0 if ref[0] == "a" else 1]
    for e in side:
        if e.text == ref[1]:
            return e
    raise AssertionError(f"no mention {ref[1]!r} in document {ref[0]}")


def raw_mentions(text: str, *spans: tuple[str, str]) -> list:
    """Model-style mentions of each (surface, spaCy label), found in order in ``text``."""
    from core.entities.backend import RawMention

    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(RawMention(start, start + len(surface), label))
        pos = start + len(surface)
    return out
