"""Figures that differ between the two sides of a reworded pair ("3,400 people" vs "3,500")."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from core.entities.numbers import Figure, find_figures
from core.model import Result

_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset(
    "the and that this with from for was were had has have been are its their his her after "
    "before while when where which who than then there they said says also but not into over "
    "about around some more less least most nearly almost".split())
# Anything a figure can start with: a digit, a currency sign, a number, month or weekday word.
_MAYBE_FIGURE_RE = re.compile(
    r"\d|[$€£¥]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|zero|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b", re.IGNORECASE)
CONTEXT_WORDS = 5  # words either side of a figure that must partly agree
MIN_CONTEXT_OVERLAP = 0.2  # Jaccard overlap of those words: below it, not the same fact...
CLOSE_PAIR = 0.5  # ...unless the pair is this similar: then one shared word is enough


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


def context(text: str, fig: Figure) -> set[str]:
    """Content words near ``fig`` (folded, plural "s" dropped): what the figure is about."""
    before = _WORD_RE.findall(text[: fig.start])[-CONTEXT_WORDS:]
    after = _WORD_RE.findall(text[fig.end :])[:CONTEXT_WORDS]
    words = {w.lower() for w in before + after} - _STOP
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def same_fact(text_a: str, fa: Figure, text_b: str, fb: Figure, similarity: float = 1.0) -> bool:
    """Whether the words around the two figures agree enough for them to state one fact."""
    ca, cb = context(text_a, fa), context(text_b, fb)
    if not ca and not cb:
        return True  # the figures stand alone ("Total: 3,400")
    common = len(ca & cb)
    if not common:
        return False
    return similarity >= CLOSE_PAIR or common / len(ca | cb) >= MIN_CONTEXT_OVERLAP


def pair_differences(
    text_a: str, text_b: str, similarity: float = 1.0
) -> list[tuple[Figure, Figure]]:
    """Figures of one unit that differ, where each side states as many values of that unit,
    all but one of them shared, and the words around them agree (``similarity``: the pair's,
    from the engine)."""
    if not (_MAYBE_FIGURE_RE.search(text_a) and _MAYBE_FIGURE_RE.search(text_b)):
        return []  # most sentence pairs state no figure at all: no need to scan them
    units_a = _by_unit(find_figures(text_a))
    units_b = _by_unit(find_figures(text_b))
    out = []
    for unit, in_a in units_a.items():
        in_b = units_b.get(unit, [])
        # values stated on both sides agree; what is left must be one value on each side
        # ("grow by 0.8%, down from 0.9%" / "grow by 0.7%, down from 0.9%")
        left_a = [f for f in in_a if not any(f.same_value(g) for g in in_b)]
        left_b = [g for g in in_b if not any(g.same_value(f) for f in in_a)]
        if len(left_a) != 1 or len(left_b) != 1 or len(in_a) != len(in_b):
            continue
        if same_fact(text_a, left_a[0], text_b, left_b[0], similarity):
            out.append((left_a[0], left_b[0]))
    return sorted(out, key=lambda pair: pair[0].start)


_LAST: list = [None, None]  # (result's matches and documents, differences): asked for twice


def figure_differences(result: Result) -> list[FigureDifference]:
    """Figures that differ for the same fact in the reworded pairs of ``result``."""
    key = (result.matches, result.documents)
    if _LAST[0] is not None and _LAST[0][0] is key[0] and _LAST[0][1] is key[1]:
        return list(_LAST[1])
    out = _differences(result)
    _LAST[0], _LAST[1] = key, out
    return list(out)


def _differences(result: Result) -> list[FigureDifference]:
    out: list[FigureDifference] = []
    for m in result.matches:
        if m.kind != "reworded":
            continue
        text_a, text_b = result.documents[0].text, result.documents[1].text
        (a0, a1), (b0, b1) = m.a, m.b
        for fa, fb in pair_differences(text_a[a0:a1], text_b[b0:b1], m.similarity):
            out.append(FigureDifference(
                match_id=m.id,
                a_text=fa.text,
                a_range=(a0 + fa.start, a0 + fa.end),
                b_text=fb.text,
                b_range=(b0 + fb.start, b0 + fb.end),
                label=fa.label,
            ))
    return out
