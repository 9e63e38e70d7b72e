"""Report converter: turns a comparison Result into plain report sections and aligned rows."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import core
from core.model import Document, DocSummary, Entity, Kind, Match, Result, Span

SIDES = ("A", "B")


@dataclass(frozen=True)
class Piece:
    """A run of passage text; ``changed`` marks words changed inside a reworded pair."""

    text: str
    changed: bool = False


@dataclass(frozen=True)
class Cell:
    """One side of a row: the passage text in pieces and its 1-based line range."""

    pieces: tuple[Piece, ...]
    first_line: int
    last_line: int
    start: int
    end: int

    @property
    def lines(self) -> str:
        """"l. 12" or "l. 12–14"."""
        if self.first_line == self.last_line:
            return f"l. {self.first_line}"
        return f"l. {self.first_line}–{self.last_line}"


@dataclass(frozen=True)
class Row:
    """Corresponding passages side by side; one of ``a`` / ``b`` is None for unique rows."""

    number: int
    kind: Kind
    a: Cell | None
    b: Cell | None
    moved: bool = False
    similarity: float | None = None
    diff_fallback: bool = False


@dataclass(frozen=True)
class FileInfo:
    """What identifies one compared file."""

    side: str
    name: str
    path: str
    size: int
    modified: str
    encoding: str
    format: str
    sha256: str


@dataclass(frozen=True)
class Figure:
    """One document's split, as fractions 0..1 and word counts."""

    side: str
    shared: float
    reworded: float
    unique: float
    found: float
    words: int
    chars: int


@dataclass(frozen=True)
class EntityLine:
    """One distinct entity (by key): its surface forms and mention counts on each side."""

    label: str
    form_a: str
    form_b: str
    count_a: int
    count_b: int


@dataclass(frozen=True)
class EntityTable:
    """Entities named in both documents, only in A, and only in B."""

    both: tuple[EntityLine, ...]
    only_a: tuple[EntityLine, ...]
    only_b: tuple[EntityLine, ...]


@dataclass(frozen=True)
class Report:
    """Everything the renderer needs, already computed and ordered."""

    title: str
    generated: str
    version: str
    files: tuple[FileInfo, FileInfo]
    settings: tuple[tuple[str, str], ...]
    figures: tuple[Figure, Figure]
    counts: tuple[tuple[str, int], ...]
    verdict: str
    rows: tuple[Row, ...]
    entities: EntityTable | None
    notes: tuple[str, ...] = ()


def iso_time(timestamp: float | None = None) -> str:
    """ISO 8601 local time with its UTC offset, to the second."""
    moment = datetime.now() if timestamp is None else datetime.fromtimestamp(timestamp)
    return moment.astimezone().isoformat(timespec="seconds")


def percent(fraction: float) -> str:
    """A share as a whole percentage, never rounding a non-zero share to 0% or 100%."""
    if 0 < fraction < 0.005:
        return "<1%"
    if 0.995 <= fraction < 1:
        return ">99%"
    return f"{fraction:.0%}"


def file_info(side: str, doc: Document) -> FileInfo:
    """Identification of one document for the header."""
    return FileInfo(
        side=side,
        name=doc.name,
        path=doc.path or "(not saved to a file)",
        size=doc.size,
        modified=iso_time(doc.mtime) if doc.mtime else "unknown",
        encoding=doc.encoding,
        format=doc.format,
        sha256=doc.sha256,
    )


def figure(side: str, s: DocSummary) -> Figure:
    """One document's split for the summary table."""
    return Figure(side, s.share("shared"), s.share("reworded"), s.share("unique"),
                  s.found_in_other, s.words, s.chars)


def verdict(result: Result) -> str:
    """A short plain-language line, e.g. "62% of B matches A, 40% of that reworded"."""
    a, b = result.summary.a, result.summary.b
    if not a.found_in_other and not b.found_in_other:
        return "The two documents share no passages."
    if a.unique_chars == b.unique_chars == a.reworded_chars == b.reworded_chars == 0:
        return "The two documents are the same word for word."
    return f"{_side_verdict('B', 'A', b)}; {_side_verdict('A', 'B', a)}."


def _side_verdict(side: str, other: str, s: DocSummary) -> str:
    found = s.found_in_other
    if not found:
        return f"none of {side} is found in {other}"
    reworded = s.share("reworded") / found
    return f"{percent(found)} of {side} is found in {other}, {percent(reworded)} of that reworded"


def settings(result: Result) -> tuple[tuple[str, str], ...]:
    """The engine settings used, as label/value pairs."""
    o = result.options
    yes_no = {True: "yes", False: "no"}
    return (
        ("Minimum phrase", f"{o.min_phrase} words"),
        ("Rewording threshold", f"{o.threshold:g}"),
        ("Ignore case", yes_no[o.fold_case]),
        ("Ignore punctuation", yes_no[o.fold_punctuation]),
        ("Word-diff time limit", f"{o.diff_timeout:g} s"),
        ("Comparison took", f"{result.elapsed:.2f} s"),
    )


def counts(result: Result) -> tuple[tuple[str, int], ...]:
    """Passage counts for the summary."""
    s = result.summary
    return (
        ("Shared passages", s.shared_matches),
        ("Reworded passages", s.reworded_matches),
        ("Moved passages", s.moved_matches),
        ("Passages only in A", s.unique_passages_a),
        ("Passages only in B", s.unique_passages_b),
    )


def build_report(result: Result, title: str = "Concord comparison report",
                 generated: str | None = None) -> Report:
    """Convert ``result`` into a :class:`Report` (the renderer's input)."""
    doc_a, doc_b = result.documents
    rows = aligned_rows(result)
    notes = []
    fallbacks = sum(1 for m in result.matches if m.diff_fallback)
    if fallbacks:
        notes.append(f"The word diff hit its time limit in {fallbacks} reworded pair(s); "
                     "changed words there are marked coarsely.")
    return Report(
        title=title,
        generated=generated or iso_time(),
        version=core.__version__,
        files=(file_info("A", doc_a), file_info("B", doc_b)),
        settings=settings(result),
        figures=(figure("A", result.summary.a), figure("B", result.summary.b)),
        counts=counts(result),
        verdict=verdict(result),
        rows=tuple(rows),
        entities=entity_table(result.entities) if result.entities is not None else None,
        notes=tuple(notes),
    )


class _Lines:
    """1-based line numbers of offsets in one text."""

    def __init__(self, text: str) -> None:
        self._starts = [i for i, ch in enumerate(text) if ch == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset - 1) + 1


def make_cell(text: str, lines: _Lines, start: int, end: int,
              changes: Sequence[tuple[int, int]] = ()) -> Cell | None:
    """The cell for text[start:end] trimmed of outer blank space; None if only blank space."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lo = start + (len(chunk) - len(chunk.lstrip()))
    hi = lo + len(stripped)
    pieces: list[Piece] = []
    pos = lo
    for c_start, c_end in sorted(changes):
        c_start, c_end = max(c_start, pos), min(c_end, hi)
        if c_start >= c_end:
            continue
        if c_start > pos:
            pieces.append(Piece(text[pos:c_start]))
        pieces.append(Piece(text[c_start:c_end], True))
        pos = c_end
    if pos < hi:
        pieces.append(Piece(text[pos:hi]))
    return Cell(tuple(pieces), lines.line(lo), lines.line(hi - 1), lo, hi)


def aligned_rows(result: Result) -> list[Row]:
    """Rows in A's order; B's unique passages follow the row of B's preceding match."""
    text_a, text_b = (d.text for d in result.documents)
    lines_a, lines_b = _Lines(text_a), _Lines(text_b)
    spans_a, spans_b = result.spans
    a_match_ids = {s.match for s in spans_a if s.match is not None}
    after = _b_leftovers(spans_b, a_match_ids)
    rows: list[Row] = []

    def add(kind: Kind, a: Cell | None, b: Cell | None, match: Match | None = None) -> None:
        if a is None and b is None:
            return
        sim = match.similarity if match is not None and kind == "reworded" else None
        rows.append(Row(len(rows) + 1, kind, a, b, bool(match and match.moved), sim,
                        bool(match and match.diff_fallback)))

    def flush(anchor: int | None) -> None:
        for span in after.pop(anchor, ()):
            match = result.match_by_id(span.match) if span.match is not None else None
            add(span.kind, None, make_cell(text_b, lines_b, span.start, span.end), match)

    flush(None)
    seen: set[int] = set()
    for span in spans_a:
        if span.match is None:
            add(span.kind, make_cell(text_a, lines_a, span.start, span.end), None)
            continue
        if span.match in seen:
            continue
        seen.add(span.match)
        m = result.match_by_id(span.match)
        add(m.kind,
            make_cell(text_a, lines_a, m.a[0], m.a[1], m.changes_a),
            make_cell(text_b, lines_b, m.b[0], m.b[1], m.changes_b), m)
        flush(m.id)
    for anchor in list(after):
        flush(anchor)
    return rows


def _b_leftovers(spans_b: Sequence[Span], a_match_ids: set[int]) -> dict[int | None, list[Span]]:
    """B spans without a partner in A, keyed by the id of the match that precedes them in B."""
    after: dict[int | None, list[Span]] = defaultdict(list)
    anchor: int | None = None
    for span in spans_b:
        if span.match is not None and span.match in a_match_ids:
            anchor = span.match
        else:
            after[anchor].append(span)
    return after


def entity_table(entities: tuple[Sequence[Entity], Sequence[Entity]]) -> EntityTable:
    """Group entity mentions by key: in both documents, only in A, only in B."""
    ents_a, ents_b = entities
    by_key_a, by_key_b = _by_key(ents_a), _by_key(ents_b)
    both, only_a, only_b = [], [], []
    for key in sorted(set(by_key_a) | set(by_key_b)):
        mentions_a, mentions_b = by_key_a.get(key, []), by_key_b.get(key, [])
        label = (mentions_a or mentions_b)[0].label
        line = EntityLine(label, _forms(mentions_a), _forms(mentions_b),
                          len(mentions_a), len(mentions_b))
        (both if mentions_a and mentions_b else only_a if mentions_a else only_b).append(line)

    def order(lines: list[EntityLine]) -> tuple[EntityLine, ...]:
        return tuple(sorted(lines, key=lambda e: (e.label, (e.form_a or e.form_b).casefold())))

    return EntityTable(order(both), order(only_a), order(only_b))


def _by_key(entities: Sequence[Entity]) -> dict[str, list[Entity]]:
    grouped: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        grouped[entity.key].append(entity)
    return grouped


def _forms(mentions: Sequence[Entity]) -> str:
    """Distinct surface forms, most frequent first, joined with " / "."""
    forms = Counter(" ".join(e.text.split()) for e in mentions)
    return " / ".join(f for f, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])))
