"""Figures that differ between the two sides of a reworded pair ("3,400 people" vs "3,500")."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from core.entities.numbers import Figure, find_figures
from core.model import Result


@dataclass(frozen=True)
class FigureDifference:
    """One fact stated with different figures in a reworded pair; ranges index each document."""

    match_id: int
    a_text: str
    a_range: tuple[int, int]
    b_text: str
    b_range: tuple[int, int]
    label: str


def _by_unit(figures: list[Figure]) -> dict[str, list[Figure]]:
    """Figures grouped by unit, repeats of one value counted once."""
    grouped: dict[str, list[Figure]] = defaultdict(list)
    for fig in figures:
        if not any(fig.same_value(other) for other in grouped[fig.unit]):
            grouped[fig.unit].append(fig)
    return grouped


def pair_differences(text_a: str, text_b: str) -> list[tuple[Figure, Figure]]:
    """Figures of one unit that differ, where each side states exactly one value of that unit."""
    units_a = _by_unit(find_figures(text_a))
    units_b = _by_unit(find_figures(text_b))
    out = []
    for unit, in_a in units_a.items():
        in_b = units_b.get(unit, [])
        if len(in_a) == 1 and len(in_b) == 1 and not in_a[0].same_value(in_b[0]):
            out.append((in_a[0], in_b[0]))
    return sorted(out, key=lambda pair: pair[0].start)


def figure_differences(result: Result) -> list[FigureDifference]:
    """Figures that differ for the same fact in the reworded pairs of ``result``."""
    out: list[FigureDifference] = []
    for m in result.matches:
        if m.kind != "reworded":
            continue
        text_a, text_b = result.documents[0].text, result.documents[1].text
        (a0, a1), (b0, b1) = m.a, m.b
        for fa, fb in pair_differences(text_a[a0:a1], text_b[b0:b1]):
            out.append(FigureDifference(
                match_id=m.id,
                a_text=fa.text,
                a_range=(a0 + fa.start, a0 + fa.end),
                b_text=fb.text,
                b_range=(b0 + fb.start, b0 + fb.end),
                label=fa.label,
            ))
    return out
