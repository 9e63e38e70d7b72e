"""Report converter: turns a comparison Result into plain report sections and aligned rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import core
from core.entities.figures import figure_differences
from core.errors import escape_text
from core.model import DocSummary, Document, Entity, Result
from core.options import describe
from core.report.checks import check_lines
from core.report.rows import Row, aligned_rows
from core.view.boilerplate import boilerplate_ranges, unique_boilerplate_chars
from core.view.summary import percent, verdict

__all__ = ["percent", "verdict"]  # re-exported: one formatter, in core.view.summary


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
class FigureLine:
    """A fact stated with different figures in a reworded pair, with each figure's line."""

    label: str
    text_a: str
    line_a: int
    text_b: str
    line_b: int


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
    figure_lines: tuple[FigureLine, ...] = ()  # only filled when entities are present
    checks: tuple = ()  # core.report.checks.CheckLine: the editor's checks, when they ran


def iso_time(timestamp: float | None = None) -> str:
    """ISO 8601 local time with its UTC offset, to the second."""
    moment = datetime.now() if timestamp is None else datetime.fromtimestamp(timestamp)
    return moment.astimezone().isoformat(timespec="seconds")


def file_info(side: str, doc: Document) -> FileInfo:
    """Identification of one document for the header."""
    return FileInfo(
        side=side,
        name=escape_text(doc.name),  # one line, no terminal escapes: as in the CLI's messages
        path=escape_text(doc.path) if doc.path else "(not saved to a file)",
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


def settings(result: Result) -> tuple[tuple[str, str], ...]:
    """The engine settings used, as label/value pairs (one per row of the option table)."""
    return (*describe(result.options), ("Comparison took", f"{result.elapsed:.2f} s"))


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
    notes.extend(boilerplate_notes(result))
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
        figure_lines=figure_lines(result) if result.entities is not None else (),
        checks=check_lines(result),
    )


def boilerplate_notes(result: Result) -> list[str]:
    """'Of B's unique text, 3% of B is site furniture (...)': counted apart, as the window."""
    notes = []
    for side, doc, summary in (("A", result.documents[0], result.summary.a),
                               ("B", result.documents[1], result.summary.b)):
        furniture = unique_boilerplate_chars(doc.text, result.spans[0 if side == "A" else 1],
                                             boilerplate_ranges(doc.text))
        if furniture and summary.chars:
            notes.append(f"{percent(furniture / summary.chars)} of {side} is site furniture "
                         "(share buttons, comment counters, newsletter lines, bylines, "
                         "datelines), counted in its unique share.")
    return notes


def figure_lines(result: Result) -> tuple[FigureLine, ...]:
    """Figures that differ for the same fact in reworded pairs, with 1-based line numbers."""
    text_a, text_b = result.documents[0].text, result.documents[1].text
    return tuple(
        FigureLine(d.label, " ".join(d.a_text.split()), text_a.count("\n", 0, d.a_range[0]) + 1,
                   " ".join(d.b_text.split()), text_b.count("\n", 0, d.b_range[0]) + 1)
        for d in figure_differences(result)
    )


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
