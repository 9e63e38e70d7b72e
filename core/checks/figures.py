"""Figures and dates that differ for the same fact in a reworded pair (35 ships / 40 ships,
Tuesday / Monday, 24 to 48 hours / 24 to 72 hours)."""

from __future__ import annotations

from core.checks.model import Check
from core.checks.text import TextIndex
from core.entities import labels as lb
from core.entities.figures import figure_differences
from core.model import Result


def figure_checks(result: Result, indexes: tuple[TextIndex, TextIndex]) -> list[Check]:
    """One check per figure stated differently on the two sides of a reworded pair."""
    checks = []
    for d in figure_differences(result):
        kind = "date_differs" if d.label in (lb.DATE, lb.TIME) else "figure_differs"
        what = "date" if kind == "date_differs" else "figure"
        a = indexes[0].sentences(d.a_range)
        b = indexes[1].sentences(d.b_range)
        checks.append(Check(kind, a, b,
                            f"The {what} differs: “{d.a_text}” in A, “{d.b_text}” in B.",
                            "Both sentences state the same fact (the comparison paired them).",
                            (d.a_range,), (d.b_range,)))
    return checks
