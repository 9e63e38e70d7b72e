"""Site furniture (share buttons, comment counters, newsletter lines, bylines, datelines):
found line by line, so the window can grey it and count it apart from unique content."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import Span

MAX_LINE = 90  # furniture is short; a long line mentioning "newsletter" is content

_PATTERNS = [
    r"no comments?( yet)?[.:]?",
    r"\d+ comments?",
    r"(post|leave|add|write) a (comment|reply)\.?",
    r"(show|view|load|hide) (all )?comments?",
    r"comments? (are )?(closed|disabled)\.?",
    r"share( this( article| story| post| page)?)?( on \w+)?:?",
    r"share on (facebook|twitter|x|linkedin|whatsapp|email)",
    r"(tweet|pin it|email this|print this( page| article)?)",
    r"(facebook|twitter|linkedin|whatsapp|email|print)( ?[|·•,] ?(facebook|twitter|x|linkedin"
    r"|whatsapp|email|print|reddit))+",
    r"subscribe( now| today| here)?( to (our|the) newsletter)?[.!]?",
    r".*\b(newsletter|sign up|signup|subscribe)\b.*",
    r"(related|recommended|popular|more) (articles|stories|posts|reading)( from \w+)?:?",
    r"(read|see) (more|also|next)\b.*",
    r"advertisement|sponsored( content)?|ad",
    r"follow us( on \w+)?.*",
    r"(all rights reserved|©|\(c\)|copyright)\b.*|.*\ball rights reserved\.?",
    r"(tags?|filed under|categories|topics):.*",
    r"\d+ min(ute)?s? read",
    # A byline: "By" and capitalised names (case matters there: "By then it was over.").
    r"by (?-i:[A-Z][\w'’.-]+( [A-Z][\w'’.-]+){0,3}( and [A-Z][\w'’.-]+( [A-Z][\w'’.-]+)"
    r"{0,3})?)(,? (?-i:[A-Z])[\w ]{0,30})?",
    r"(published|updated|posted|last updated)( on| at)?:? .{0,40}",
    r"(mon|tues|wednes|thurs|fri|satur|sun)day,? .{0,30}\d{4}",
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"( at .{0,12})?",
    r"\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}( .{0,12})?",
    r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?",
    r"(home|menu|skip to (main )?content|back to top|cookie settings|accept( all)? cookies)",
]
LINE_RE = re.compile(r"^(?:" + "|".join(_PATTERNS) + r")$", re.IGNORECASE)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that is site furniture (stripped of spaces)."""
    found = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= MAX_LINE and LINE_RE.match(stripped):
            start = pos + line.index(stripped)
            found.append((start, start + len(stripped)))
        pos += len(line) + 1
    return found


def unique_boilerplate_chars(text: str, spans: Sequence[Span],
                             ranges: Sequence[tuple[int, int]]) -> int:
    """Non-blank characters that are both unique and boilerplate (counted apart)."""
    total = 0
    for start, end in ranges:
        for span in spans:
            if span.kind != "unique" or span.end <= start or span.start >= end:
                continue
            lo, hi = max(start, span.start), min(end, span.end)
            total += sum(not ch.isspace() for ch in text[lo:hi])
    return total
