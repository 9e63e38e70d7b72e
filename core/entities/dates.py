"""Date and Time mentions that are no dates: durations and ages become figures, lone units go."""

from __future__ import annotations

import datetime
import re

from core.entities import labels as lb
from core.entities.mention import Mention
from core.entities.numbers import figure_key, find_figures

_WORD_RE = re.compile(r"[^\W_]+")
_UNITS = frozenset("second minute hour day week fortnight month year decade century".split())
_PLURAL_UNITS = {u + "s": u for u in _UNITS} | {"centuries": "century"}
# Words that say how many units there are ("two days", "a week", "48-hour").
_QUANTITY = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand dozen half couple".split())
# Words that say nothing about when or how long ("for years", "within weeks", "every hour").
_VAGUE = frozenset(
    "the a an for within over in during of several many few some recent every each per those "
    "these any all whole entire".split())
# Words that tie units to a moment: "last week", "two days ago", "later this month".
_RELATIVE = frozenset(
    "last next this past coming following previous same ago later earlier before after since "
    "hence".split())
_ANCHOR_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|weekend|today|tonight|"
    r"yesterday|tomorrow|morning|afternoon|evening|night|noon|midnight|dawn|dusk)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:1\d|20)\d\d\b|\b\d{0,3}0s\b|\d(?:am|pm|a\.m|p\.m)\b",
    re.IGNORECASE)
# A qualifier before a date the sidebar need not repeat ("until at least Friday" -> "Friday").
_QUALIFIER_RE = re.compile(
    r"^(?:at (?:least|most|the (?:latest|earliest))|no (?:later|earlier) than|"
    r"as (?:early|late) as)\s+", re.IGNORECASE)
_AFTER_RE = re.compile(r"\s+(?:ago|later|earlier|before|after|hence|from now)\b", re.IGNORECASE)


def refine_dates(text: str, mentions: list[Mention]) -> list[Mention]:
    """Date and Time mentions checked for what they state: a duration ("two days", "under 36
    hours") or a bare number ("aged 74", "46" people) is a Number/quantity, as the figure
    checks read it; a unit with no amount ("for years", "within weeks") is dropped."""
    out = []
    for m in mentions:
        if m.label in (lb.DATE, lb.TIME):
            kind = date_kind(m.text, text[m.end : m.end + 12])
            if kind == "vague":
                continue
            m = m._replace(label=lb.NUMBER) if kind == "figure" else _drop_qualifier(text, m)
        out.append(m)
    return out


def date_kind(phrase: str, after: str = "") -> str:
    """ "date" (a moment, absolute or relative), "figure" (a duration, an age, a count) or
    "vague" (units with no amount) for a phrase the model read as a date or time; ``after``
    is the text that follows it ("two days" + " ago" is a moment)."""
    words = [w.lower() for w in _WORD_RE.findall(phrase)]
    units = [w for w in words if w in _UNITS or w in _PLURAL_UNITS]
    amount = any(w.isdecimal() or w in _QUANTITY for w in words)
    relative = _AFTER_RE.match(after) is not None or any(w in _RELATIVE for w in words)
    if _ANCHOR_RE.search(phrase):
        return "date"
    if relative and (amount or not units or any(u in _UNITS for u in units)):
        return "date"  # "last week", "two days ago"; not "the next hours"
    if units and amount:
        return "figure"
    if units and all(w in _VAGUE or w in _RELATIVE or w in _UNITS or w in _PLURAL_UNITS
                     for w in words):
        return "vague"
    if units:
        return "date"
    if words and all(w.isdecimal() or w in _QUANTITY for w in words):
        return "figure"  # "74", "one": a number alone
    key = figure_key(phrase)
    if key is not None and key.startswith("number:"):
        return "figure"  # "aged 74", a count the model read as a date
    return "date"


def _drop_qualifier(text: str, m: Mention) -> Mention:
    cut = _QUALIFIER_RE.match(m.text)
    if cut is None or cut.end() >= len(m.text):
        return m
    start = m.start + cut.end()
    return Mention(start, m.end, m.label, text[start : m.end])


_DEICTIC_DAY = frozenset("today tonight yesterday tomorrow ago morning afternoon evening night "
                         "overnight".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
DATELINE_CHARS = 400  # where a document states its own date ("KYIV, 14 May 2024 —")


def document_date(text: str) -> tuple[int, int, int] | None:
    """The date a document gives itself near its start (a full date with the year), if any."""
    for fig in find_figures(text[:DATELINE_CHARS]):
        if fig.label == lb.DATE and isinstance(fig.value, tuple) and None not in fig.value:
            year, month, day = fig.value
            try:
                datetime.date(year, month, day)
            except ValueError:
                continue
            return year, month, day
    return None


def relative_scope(phrase: str) -> str | None:
    """How far a date said relative to the day of writing reaches: "day" ("yesterday", "two
    days ago"), "week" ("on Tuesday", "last week"), "month", "year"; None for a date that
    says its own year, or no relative date."""
    words = {w.lower() for w in _WORD_RE.findall(phrase)}
    if re.search(r"\b(?:1\d|20)\d\d\b", phrase) or any(
            isinstance(f.value, tuple) and f.value[1] is not None for f in find_figures(phrase)):
        return None  # "Tuesday 14 May" names its day
    relative = words & (_RELATIVE | _DEICTIC_DAY | _WEEKDAYS | {"weekend"})
    if not relative:
        return None
    if words & _DEICTIC_DAY or words & {"day", "days", "hour", "hours"}:
        return "day"
    if words & (_WEEKDAYS | {"week", "weeks", "weekend"}):
        return "week"
    if words & {"month", "months"}:
        return "month"
    if words & {"year", "years"}:
        return "year"
    return None


def scope_key(scope: str, anchor: tuple[int, int, int]) -> str:
    """The stretch of time ``scope`` names around the day of writing ``anchor`` ("2024-W20")."""
    day = datetime.date(*anchor)
    if scope == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week}"
    if scope == "month":
        return f"{day.year}-{day.month}"
    if scope == "year":
        return str(day.year)
    return day.isoformat()
