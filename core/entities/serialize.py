"""Entities (and the grouped view) in the JSON shape of the result file."""

from __future__ import annotations

from typing import Any

from core.model import Entity


def entities_to_json(
    entities: tuple[tuple[Entity, ...], tuple[Entity, ...]] | None,
) -> list[list[dict[str, Any]]] | None:
    """``[[{"text", "label", "start", "end", "key"}...], [...]]``, per document."""
    if entities is None:
        return None
    return [
        [{"text": e.text, "label": e.label, "start": e.start, "end": e.end, "key": e.key}
         for e in side]
        for side in entities
    ]


def entities_from_json(data: Any) -> tuple[tuple[Entity, ...], tuple[Entity, ...]] | None:
    """The inverse of :func:`entities_to_json` (None stays None)."""
    if data is None:
        return None
    a, b = (
        tuple(Entity(str(e["text"]), str(e["label"]), int(e["start"]), int(e["end"]),
                     str(e["key"])) for e in side)
        for side in data
    )
    return a, b


def groups_to_json(groups: list) -> list[dict[str, Any]]:
    """The grouped view (from ``entity_groups``): one object per linked entity."""
    return [
        {
            "key": g.key, "name": g.name, "label": g.label, "status": g.status,
            "variants": list(g.variants), "count_a": g.count_a, "count_b": g.count_b,
            "link_reason": g.link_reason,
        }
        for g in groups
    ]
