"""Checks in the JSON shape of the result file (``"checks": [...]``)."""

from __future__ import annotations

from typing import Any

from core.checks.model import Check


def _range(r: tuple[int, int] | None) -> list[int] | None:
    return list(r) if r is not None else None


def checks_to_json(checks: tuple[Check, ...]) -> list[dict[str, Any]]:
    """``[{"kind", "group", "title", "summary", "detail", "a": [s, e] | null, "b": ...,
    "marks": {"a": [[s, e]...], "b": [...]}}]``; offsets index ``documents[i].text``."""
    return [
        {"kind": c.kind, "group": c.group, "title": c.title, "summary": c.summary,
         "detail": c.detail, "a": _range(c.a), "b": _range(c.b),
         "marks": {"a": [list(m) for m in c.marks_a], "b": [list(m) for m in c.marks_b]}}
        for c in checks
    ]


def checks_from_json(data: Any) -> tuple[Check, ...] | None:
    """The inverse of :func:`checks_to_json` (None stays None)."""
    if data is None:
        return None

    def rng(value: Any) -> tuple[int, int] | None:
        return (int(value[0]), int(value[1])) if value is not None else None

    return tuple(
        Check(str(c["kind"]), rng(c["a"]), rng(c["b"]), str(c["summary"]), str(c["detail"]),
              tuple(rng(m) for m in c["marks"]["a"]), tuple(rng(m) for m in c["marks"]["b"]))
        for c in data)
