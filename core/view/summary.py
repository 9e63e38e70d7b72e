"""One way to say the figures: percentages, match numbers, the status line and the verdict."""

from __future__ import annotations

from core.model import DocSummary, Match, Result

# What a person reads is the match number, from 1; JSON keeps the 0-based ``id`` (number - 1).
# Engine ids follow A's reading order, so numbers do too.


def match_number(match: Match | int) -> int:
    """The number shown for a match everywhere a person reads it (window, report, CLI)."""
    return (match if isinstance(match, int) else match.id) + 1


def counted(n: int, noun: str) -> str:
    """'1 difference', '3 differences': a count with its noun, never 'difference(s)'."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def percent(fraction: float) -> str:
    """A share as a whole percentage, never rounding a non-zero share to 0% or 100%."""
    if 0 < fraction < 0.005:
        return "<1%"
    if 0.995 <= fraction < 1:
        return ">99%"
    return f"{fraction:.0%}"


def identical(result: Result) -> bool:
    """True when both documents have the same text."""
    return result.documents[0].text == result.documents[1].text


def nothing_in_common(result: Result) -> bool:
    """True when neither document has anything found in the other."""
    return not result.summary.a.found_in_other and not result.summary.b.found_in_other


def banner(result: Result | None) -> str:
    """'The files are identical.' / 'The files have nothing in common.' / '' otherwise."""
    if result is None:
        return ""
    if identical(result):
        return "The files are identical."
    if nothing_in_common(result):
        return "The files have nothing in common: no passage of one is found in the other."
    return ""


def status_text(result: Result) -> str:
    """'A in B 72% · B in A 65% · 12 shared · 8 reworded · 5 + 7 unique'."""
    s = result.summary
    return (f"A in B {percent(s.a.found_in_other)} · B in A {percent(s.b.found_in_other)} · "
            f"{s.shared_matches} shared · {s.reworded_matches} reworded · "
            f"{s.unique_passages_a} + {s.unique_passages_b} unique"
            + (f" · {s.moved_matches} moved" if s.moved_matches else ""))


_AMOUNTS = ((1.0, "All"), (0.9, "Nearly all"), (0.6, "Most"), (0.4, "About half"),
            (0.15, "Some"), (0.0, "Very little"))
_PARTS = ((0.0, "none"), (0.25, "a quarter"), (1 / 3, "a third"), (0.5, "half"),
          (2 / 3, "two thirds"), (0.75, "three quarters"), (1.0, "all"))


def amount(fraction: float) -> str:
    """How much, in words: 'Most', 'About half', 'Very little'."""
    if fraction >= 0.995:
        return "All"
    return next(word for limit, word in _AMOUNTS[1:] if fraction >= limit)


def part(fraction: float) -> str:
    """A fraction in words: 'nearly three quarters', 'about a third', 'just over half'."""
    if fraction >= 0.995:
        return "all"
    if fraction <= 0.005:
        return "none"
    value, word = min(_PARTS, key=lambda p: abs(p[0] - fraction))
    if abs(value - fraction) < 0.03 or value in (0.0, 1.0):
        qualifier = "about " if value not in (0.0, 1.0) else ("almost " if value else "a little")
        return f"{qualifier}{word}" if value else "very little"
    return f"{'nearly' if fraction < value else 'just over'} {word}"


def figure_rows(result: Result,
                boilerplate: tuple[int, int] = (0, 0)) -> list[tuple[str, str, str]]:
    """The summary table (label, A, B), as the window's sidebar shows it.

    ``boilerplate``: unique characters of each side that are site furniture; they are
    counted apart from the unique content (a row of their own)."""
    a, b = result.summary.a, result.summary.b

    def unique(s: DocSummary, furniture: int) -> str:
        return percent((s.unique_chars - furniture) / s.chars if s.chars else 0.0)

    rows = [
        ("Found in the other", percent(a.found_in_other), percent(b.found_in_other)),
        ("Shared", percent(a.share("shared")), percent(b.share("shared"))),
        ("Reworded", percent(a.share("reworded")), percent(b.share("reworded"))),
        ("Unique", unique(a, boilerplate[0]), unique(b, boilerplate[1])),
    ]
    if any(boilerplate):
        rows.append(("Boilerplate", percent(boilerplate[0] / a.chars if a.chars else 0.0),
                     percent(boilerplate[1] / b.chars if b.chars else 0.0)))
    rows += [
        ("Unique passages", str(result.summary.unique_passages_a),
         str(result.summary.unique_passages_b)),
        ("Words", f"{a.words:,}", f"{b.words:,}"),
    ]
    return rows


def _side(side: str, other: str, s: DocSummary) -> str:
    found = s.found_in_other
    if not found:
        return f"Nothing in {side} comes from {other}."
    head = f"{amount(found)} of {side} ({percent(found)}) comes from {other}"
    reworded = s.share("reworded") / found
    if reworded <= 0.005:
        return f"{head}, all of it copied word for word."
    if reworded >= 0.995:
        return f"{head}, all of it reworded."
    return (f"{head}; {part(reworded)} of that is reworded, "
            f"{part(1 - reworded)} copied word for word.")


def verdict(result: Result) -> str:
    """The comparison as sentences a non-specialist understands (window, report and CLI)."""
    if identical(result):
        return "The files are identical."
    if nothing_in_common(result):
        return "The files have nothing in common: no passage of one is found in the other."
    s = result.summary
    if s.a.unique_chars == s.b.unique_chars == s.a.reworded_chars == s.b.reworded_chars == 0:
        return "The two documents say the same thing word for word (only spacing differs)."
    return f"{_side('B', 'A', s.b)} {_side('A', 'B', s.a)}"
