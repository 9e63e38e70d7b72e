"""Figure mentions the model cut short: take in the currency or unit of measure that follows."""

from __future__ import annotations

import re

from core.entities import labels as lb
from core.entities.mention import Mention
from core.entities.numbers import MEASURE_UNITS, Figure, find_figures

_COMPLETABLE = frozenset({lb.NUMBER, lb.MONEY, lb.PERCENT})
_HYPHEN_RANGE_RE = re.compile(r"\d+[-‐‑–]\d+")
_LOOKAHEAD = 40  # characters after a mention searched for its currency or unit


def complete_figures(text: str, mentions: list[Mention]) -> list[Mention]:
    """Extend "180m" to "180m hryvnias" (Money) and "118" to "118 millimetres"; counts of
    other things ("3,400 residents") are left as the model gave them."""
    ordered = sorted(mentions)
    out = []
    for i, m in enumerate(ordered):
        limit = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
        if m.label in _COMPLETABLE:
            m = _complete(text, m, limit)
        elif m.label in (lb.TIME, lb.DATE) and _HYPHEN_RANGE_RE.fullmatch(m.text):
            # "20-30" read as a time or a date by the model, with its unit after: a range
            wider = _complete(text, m._replace(label=lb.NUMBER), limit)
            m = wider if wider.end > m.end else m
        out.append(m)
    return out


def _complete(text: str, m: Mention, limit: int) -> Mention:
    window_end = min(limit, m.end + _LOOKAHEAD)
    newline = text.find("\n", m.end, window_end)
    window = text[m.start : newline if newline >= 0 else window_end]
    fig = _last_figure(find_figures(window), m.end - m.start)
    if fig is None or fig.end <= m.end - m.start:
        return m
    if fig.label in (lb.MONEY, lb.PERCENT):
        label = fig.label
    elif fig.unit in MEASURE_UNITS and m.label == lb.NUMBER:
        label = lb.NUMBER
    else:
        return m
    end = m.start + fig.end
    return Mention(m.start, end, label, text[m.start : end])


def _last_figure(figures: list[Figure], length: int) -> Figure | None:
    """The last figure that starts inside the mention's ``length``."""
    inside = [f for f in figures if f.start < length]
    return inside[-1] if inside else None
