"""Plain-text rendering of a result for the terminal: summary, then the aligned passages."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from core import __version__
from core.errors import display_name
from core.model import DocSummary, Document, Match, Result
from core.view.summary import match_number, percent, verdict

# ANSI styles; the bracket marks make the text readable without colour too.
STYLE = {
    "shared": "\x1b[34m",  # blue
    "reworded": "\x1b[33m",  # yellow/orange
    "unique": "\x1b[2m",  # dim
    "deleted": "\x1b[1;31;9m",  # bold red, struck
    "inserted": "\x1b[1;32;4m",  # bold green, underlined
    "bold": "\x1b[1m",
}
RESET = "\x1b[0m"
WIDTH = 100


def _paint(text: str, style: str, color: bool) -> str:
    return f"{STYLE[style]}{text}{RESET}" if color else text


def _doc_line(label: str, doc: Document, s: DocSummary, color: bool) -> str:
    head = _paint(f"{label} {display_name(doc.name)}", "bold", color)
    return (
        f"{head} ({doc.encoding}, {doc.format}, {doc.size:,} bytes, {s.words:,} words): "
        f"{percent(s.found_in_other)} found in {'B' if label == 'A' else 'A'} - "
        f"shared {percent(s.share('shared'))}, reworded {percent(s.share('reworded'))}, "
        f"unique {percent(s.share('unique'))}"
    )


def render_summary(result: Result, color: bool = False) -> str:
    """The summary block: both documents, their split, counts and timing."""
    s = result.summary
    a, b = result.documents
    lines = [
        f"Concord {__version__}: {display_name(a.name)} (A) vs {display_name(b.name)} (B)",
        verdict(result),
        _doc_line("A", a, s.a, color),
        _doc_line("B", b, s.b, color),
        f"Matches: {s.shared_matches} shared, {s.reworded_matches} reworded "
        f"({s.moved_matches} moved); unique passages: {s.unique_passages_a} in A, "
        f"{s.unique_passages_b} in B. Compared in {result.elapsed * 1000:.0f} ms.",
        "Legend: " + " ".join([
            _paint("shared", "shared", color), _paint("reworded", "reworded", color),
            _paint("unique", "unique", color),
            _paint("[-removed words-]", "deleted", color),
            _paint("{+added words+}", "inserted", color),
        ]),
    ]
    return "\n".join(lines) + "\n"


def mark_changes(text: str, start: int, end: int, changes: Sequence[tuple[int, int]],
                 style: str, color: bool) -> str:
    """``text[start:end]`` with the changed ranges marked ([-x-] / {+x+} or ANSI)."""
    opening, closing = ("[-", "-]") if style == "deleted" else ("{+", "+}")
    out, pos = [], start
    for c_start, c_end in changes:
        if c_end <= start or c_start >= end:
            continue
        out.append(text[pos:c_start])
        piece = text[max(c_start, start):min(c_end, end)]
        out.append(_paint(piece, style, True) if color else f"{opening}{piece}{closing}")
        pos = min(c_end, end)
    out.append(text[pos:end])
    return "".join(out)


def _indent(text: str, prefix: str) -> str:
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    wrapped = [textwrap.fill(p, WIDTH, initial_indent=prefix,
                             subsequent_indent=" " * len(prefix)) for p in paragraphs]
    return "\n".join(wrapped)


def _match_block(result: Result, m: Match, color: bool) -> str:
    a, b = result.documents
    flags = f"{m.kind}, {percent(m.similarity)} similar" + (", moved" if m.moved else "")
    head = _paint(f"Match {match_number(m)}: {flags}", m.kind, color)
    if m.kind == "shared":
        return f"{head}\n{_indent(a.text[m.a[0]:m.a[1]], '  = ')}"
    text_a = mark_changes(a.text, *m.a, m.changes_a, "deleted", color)
    text_b = mark_changes(b.text, *m.b, m.changes_b, "inserted", color)
    return f"{head}\n{_indent(text_a, '  A ')}\n{_indent(text_b, '  B ')}"


def render_text(result: Result, color: bool = False) -> str:
    """Summary, then every match and A-only passage in A's order, then B-only passages."""
    a, b = result.documents
    blocks = [render_summary(result, color), "Aligned passages, in A's order:"]
    seen: set[int] = set()
    for span in result.spans[0]:
        if span.match is None:
            head = _paint("only in A", "unique", color)
            blocks.append(f"{head}\n{_indent(a.text[span.start:span.end], '  A ')}")
        elif span.match not in seen:
            seen.add(span.match)
            blocks.append(_match_block(result, result.matches[span.match], color))
    # Matches with no A span of their own (their A side is all verbatim elsewhere).
    for m in result.matches:
        if m.id not in seen:
            blocks.append(_match_block(result, m, color))
    only_b = [s for s in result.spans[1] if s.kind == "unique"]
    if only_b:
        blocks.append("Passages only in B:")
        for span in only_b:
            head = _paint("only in B", "unique", color)
            blocks.append(f"{head}\n{_indent(b.text[span.start:span.end], '  B ')}")
    return "\n\n".join(blocks) + "\n"
