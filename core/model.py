"""The immutable comparison result: documents, spans, matches, summary (and later entities)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["shared", "reworded", "unique"]
KINDS: tuple[Kind, ...] = ("shared", "reworded", "unique")
RESULT_FORMAT = "concord/1"


@dataclass(frozen=True)
class Location:
    """Where a stretch of the displayed text comes from in the original file."""

    start: int  # code-point offset into Document.text where this location begins
    label: str  # what a reader of the original looks for: "p. 3", "paragraph 12", "table 2, row 4"


@dataclass(frozen=True)
class Document:
    """One loaded document: the displayed text and where it came from."""

    path: str
    name: str
    encoding: str
    format: str
    text: str
    size: int = 0  # bytes on disk
    mtime: float = 0.0  # seconds since the epoch
    sha256: str = ""
    # How sure the encoding guess is (1.0: declared by a BOM, valid UTF-8 or chosen by the user).
    encoding_confidence: float = 1.0
    # Things the user should know about how the text was obtained (bad bytes replaced, tracked
    # changes taken as accepted, ...), each one plain sentence.
    warnings: tuple[str, ...] = ()
    # Sorted by start; empty for plain text (offsets are the location).
    locations: tuple[Location, ...] = ()
    pages: int | None = None  # page count for paged formats (PDF)

    def location_at(self, offset: int) -> str:
        """The label of the original-file location holding ``offset`` ('' when unknown)."""
        starts = [loc.start for loc in self.locations]
        index = bisect.bisect_right(starts, offset) - 1
        return self.locations[index].label if index >= 0 else ""


@dataclass(frozen=True, slots=True)  # slots: a 10 MB document has ~10**5 spans
class Span:
    """A passage of one document, [start, end) in code points of the displayed text."""

    start: int
    end: int
    kind: Kind
    match: int | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A range of A paired with a range of B.

    ``changes_a`` / ``changes_b`` list the changed-word ranges inside a reworded pair
    (empty for shared matches). ``diff_fallback`` is true when diff-match-patch hit its
    timeout and the word diff is coarser than it should be.
    """

    id: int
    kind: Kind
    a: tuple[int, int]
    b: tuple[int, int]
    similarity: float
    moved: bool = False
    changes_a: tuple[tuple[int, int], ...] = ()
    changes_b: tuple[tuple[int, int], ...] = ()
    diff_fallback: bool = False


@dataclass(frozen=True)
class Entity:
    """One entity mention; linked mentions across both documents share ``key``."""

    text: str
    label: str
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Options:
    """Engine settings; each field has a row in core.options.OPTIONS (flag, widget, check)."""

    min_phrase: int = 6  # shortest verbatim run, in words, that counts as shared
    threshold: float = 0.3  # sentence similarity at or above which a pair is reworded
    fold_case: bool = True
    fold_punctuation: bool = True  # ignore punctuation and quote styles when matching
    diff_timeout: float = 1.0  # seconds diff-match-patch may spend on one reworded pair
    semantic: bool = True  # confirm undecided sentence pairs with the sentence-embedding scorer


@dataclass(frozen=True)
class DocSummary:
    """How one document splits into shared / reworded / unique (non-whitespace chars and words)."""

    chars: int
    words: int
    shared_chars: int
    reworded_chars: int
    unique_chars: int
    shared_words: int
    reworded_words: int
    unique_words: int

    def share(self, kind: Kind) -> float:
        """Fraction (0..1) of this document's non-whitespace characters of ``kind``."""
        if not self.chars:
            return 0.0
        return getattr(self, f"{kind}_chars") / self.chars

    @property
    def found_in_other(self) -> float:
        """Fraction of this document found in the other one (shared + reworded)."""
        return self.share("shared") + self.share("reworded")


@dataclass(frozen=True)
class Summary:
    """Figures for the pair: per-document splits and match counts."""

    a: DocSummary
    b: DocSummary
    shared_matches: int
    reworded_matches: int
    moved_matches: int
    unique_passages_a: int
    unique_passages_b: int


@dataclass(frozen=True)
class Result:
    """Everything a view needs; offsets are code points into ``documents[i].text``."""

    documents: tuple[Document, Document]
    spans: tuple[tuple[Span, ...], tuple[Span, ...]]
    matches: tuple[Match, ...]
    summary: Summary
    options: Options = field(default_factory=Options)
    elapsed: float = 0.0  # seconds the engine took
    entities: tuple[tuple[Entity, ...], tuple[Entity, ...]] | None = None
    # The editor's checks (core.checks.Check: quotations, credits, figures, roles); None when
    # they were not run (they run with the entities, after the comparison).
    checks: tuple | None = None
    # Plain sentences about how the comparison was made ("semantic scoring unavailable: ...").
    notes: tuple[str, ...] = ()

    def match_by_id(self, match_id: int) -> Match:
        """The match with ``match_id`` (ids are indexes into ``matches``)."""
        return self.matches[match_id]
