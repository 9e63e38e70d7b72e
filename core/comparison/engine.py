"""The comparison pipeline: segment, verbatim runs, sentence alignment, word diff, result."""

from __future__ import annotations

import bisect
import re
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from core.comparison.align import Group, ScorerFactory, align_sentences
from core.comparison.coverage import owned_tokens, stray_runs
from core.comparison.evidence import weak_stems
from core.comparison.refine import Judge, make_judge
from core.comparison.segment import Segmented, Tokens, segment
from core.comparison.spans import UNLABELLED, moved_flags, span_table, summarise
from core.comparison.verbatim import Run, find_verbatim_ids, trim_at_sentences
from core.comparison.worddiff import diff_ids
from core.errors import Cancelled
from core.model import Document, Kind, Match, Options, Result, Span, Summary
from core.options import validate  # the option table checks every field

Progress = Callable[[str, float], None]
_PARAGRAPH_RE = re.compile(r"\n[^\S\n]*\n")


@dataclass
class _Draft:
    """Matches under construction and the label of every token on each side."""

    labels_a: array  # array('i'): 4 bytes a token, no int object per label
    labels_b: array
    # Kind, similarity and the other keyword fields of every match, by id (the Match is
    # made once, when its ranges are known).
    kinds: list[Kind] = field(default_factory=list)
    similarities: list[float] = field(default_factory=list)
    extras: list[dict[str, object] | None] = field(default_factory=list)
    # Sentence extents of aligned pairs: their ranges cover whole sentences.
    extents: dict[int, tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)

    def add(self, kind: Kind, similarity: float, **extra: object) -> int:
        self.kinds.append(kind)
        self.similarities.append(similarity)
        self.extras.append(extra or None)
        return len(self.kinds) - 1


def compare(doc_a: Document, doc_b: Document, options: Options | None = None,
            progress: Progress | None = None,
            should_cancel: Callable[[], bool] | None = None,
            scorer: ScorerFactory | None = None) -> Result:
    """Compare two documents; raises Cancelled if ``should_cancel`` turns true.

    ``scorer`` builds the sentence scorer from the two documents' sentences (default:
    TF-IDF over content stems). Semantic scoring (``options.semantic``) is used where the
    lexical evidence is undecided; when the model cannot run, ``Result.notes`` says why.
    """
    options = options or Options()
    validate(options)
    started = time.perf_counter()
    report = progress or (lambda stage, fraction: None)

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()

    report("Reading sentences", 0.0)
    shared: dict = {}  # equal sentences of A and B share their folded text and stems
    seg_a, seg_b = segment(doc_a.text, options, shared), segment(doc_b.text, options, shared)
    del shared
    check()
    draft = _Draft(_unlabelled(len(seg_a.tokens)), _unlabelled(len(seg_b.tokens)))
    report("Finding verbatim passages", 0.15)
    ids = common_ids(seg_a.tokens, seg_b.tokens)  # both documents' words in one vocabulary
    runs = _add_verbatim(draft, seg_a, seg_b, ids, options, check)
    del ids  # remade after the alignment, whose peak it would add to
    report("Aligning sentences", 0.4)
    notes: list[str] = []
    judge = _semantic_judge(options, seg_a, seg_b, notes)
    groups = align_sentences(
        seg_a.sentences, seg_b.sentences, options.threshold, check,
        scorer=scorer(seg_a.sentences, seg_b.sentences) if scorer else None,
        weak=weak_stems(seg_a, seg_b), judge=judge,
        breaks=(paragraph_starts(seg_a), paragraph_starts(seg_b)))
    report("Marking changed words", 0.7)
    _release_runs(draft, runs, stray_runs(runs, groups, seg_a.sentences, seg_b.sentences))
    del runs
    ids = common_ids(seg_a.tokens, seg_b.tokens)
    _add_groups(draft, groups, seg_a, seg_b, ids, options, check)
    # The result needs tokens, not sentences: free them first (~40 MB a 10 MB side).
    del groups, judge, ids
    seg_a, seg_b = replace(seg_a, sentences=()), replace(seg_b, sentences=())
    report("Building the result", 0.9)
    result = _assemble(doc_a, doc_b, seg_a, seg_b, draft, options)
    report("Done", 1.0)
    return replace(result, elapsed=time.perf_counter() - started, notes=tuple(notes))


def _unlabelled(count: int) -> array:
    return array("i", [UNLABELLED]) * count


def paragraph_starts(seg: Segmented) -> frozenset[int]:
    """Indexes of the sentences after a blank line."""
    sentences = seg.sentences
    return frozenset(k for k in range(1, len(sentences))
                     if _PARAGRAPH_RE.search(seg.text, sentences[k - 1].end, sentences[k].start))


def _semantic_judge(options: Options, seg_a: Segmented, seg_b: Segmented,
                    notes: list[str]) -> Judge | None:
    """The semantic judge, its model loaded only when a pair is first put to it."""
    if not getattr(options, "semantic", True):
        return None

    expand: list[Callable[[str], str]] = []

    def encode(texts: list[str]) -> object:
        from core.comparison.semantic import load_encoder
        if not expand:  # acronyms the pair spells out are written out for the encoder
            from core.comparison.acronyms import Expander
            expand.append(Expander(seg_a.text, seg_b.text))
        return load_encoder().encode([expand[0](t) for t in texts])

    def verdict(cosine: float, words_a: int, words_b: int) -> str:
        from core.comparison.semantic import semantic_verdict
        return semantic_verdict(cosine, words_a, words_b)

    inner = make_judge(encode, verdict, seg_a.text, seg_b.text, seg_a.sentences,
                       seg_b.sentences)

    def judge(pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], tuple[str, float]]:
        try:
            return inner(pairs)
        except ImportError:
            notes.append("semantic scoring unavailable: the semantic scorer is not installed")
        except Exception as exc:  # any model failure falls back to lexical scoring
            reason = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
            notes.append(f"semantic scoring unavailable: {reason}")
        return {}

    return judge


def _add_verbatim(draft: _Draft, seg_a: Segmented, seg_b: Segmented,
                  ids: tuple[array, array], options: Options,
                  check: Callable[[], None]) -> list[Run]:
    """Verbatim runs become the first shared matches: run k is match k."""
    runs = trim_at_sentences(
        find_verbatim_ids(ids[0], ids[1], seg_a.tokens.vocab, options.min_phrase, check),
        {s.first_token for s in seg_a.sentences}, {s.first_token for s in seg_b.sentences},
        {s.end_token for s in seg_a.sentences}, {s.end_token for s in seg_b.sentences},
        options.min_phrase,
    )
    for run in runs:
        match_id = draft.add("shared", 1.0)
        label = array("i", [match_id]) * run.length
        draft.labels_a[run.i:run.i + run.length] = label
        draft.labels_b[run.j:run.j + run.length] = label
    return runs


def _release_runs(draft: _Draft, runs: list[Run], which: list[int]) -> None:
    """Unlabel the words of runs[k] for k in ``which`` (match k, left without spans, is
    dropped)."""
    for match_id in which:
        run = runs[match_id]
        for labels, start in ((draft.labels_a, run.i), (draft.labels_b, run.j)):
            for t in range(start, start + run.length):
                if labels[t] == match_id:
                    labels[t] = UNLABELLED


def _add_groups(draft: _Draft, groups: list[Group], seg_a: Segmented, seg_b: Segmented,
                ids: tuple[array, array], options: Options, check: Callable[[], None]) -> None:
    """Aligned sentences not already explained by verbatim runs become reworded pairs.

    A pair owns text on both sides or is not made: a stretch of one side with no
    counterpart in the other stays unique (see core.comparison.coverage).
    """
    ids_a, ids_b = ids
    labels_a, labels_b = draft.labels_a, draft.labels_b
    for n, group in enumerate(groups):
        if n % 256 == 0:
            check()
        ta = range(seg_a.sentences[group.a0].first_token, seg_a.sentences[group.a1 - 1].end_token)
        tb = range(seg_b.sentences[group.b0].first_token, seg_b.sentences[group.b1 - 1].end_token)
        free_a = [t for t in ta if labels_a[t] == UNLABELLED]
        free_b = [t for t in tb if labels_b[t] == UNLABELLED]
        if not free_a or not free_b:
            continue  # verbatim runs explain one whole side: the rest has no counterpart
        words_a, words_b = ids_a[ta.start:ta.stop], ids_b[tb.start:tb.stop]
        if words_a == words_b:
            match_id = draft.add("shared", 1.0)
        else:
            stems_a = {s for k in range(group.a0, group.a1) for s in seg_a.sentences[k].stems}
            stems_b = {s for k in range(group.b0, group.b1) for s in seg_b.sentences[k].stems}
            free_a = owned_tokens(seg_a, ta, set(free_a), stems_b, len(tb))
            free_b = owned_tokens(seg_b, tb, set(free_b), stems_a, len(ta))
            if not free_a or not free_b:
                continue
            diff = diff_ids(words_a, words_b, options.diff_timeout)
            match_id = draft.add(
                "reworded", round(group.similarity, 3),
                changes_a=_own_changes(diff.changed_a, seg_a.tokens, ta.start, set(free_a)),
                changes_b=_own_changes(diff.changed_b, seg_b.tokens, tb.start, set(free_b)),
                diff_fallback=diff.fallback)
        draft.extents[match_id] = (
            (seg_a.sentences[group.a0].start, seg_a.sentences[group.a1 - 1].end),
            (seg_b.sentences[group.b0].start, seg_b.sentences[group.b1 - 1].end),
        )
        for t in free_a:
            labels_a[t] = match_id
        for t in free_b:
            labels_b[t] = match_id


def common_ids(tokens_a: Tokens, tokens_b: Tokens) -> tuple[array, array]:
    """Word ids of both documents in one vocabulary (equal folded words, equal ids).

    C int arrays, not lists: a list of a 10 MB document's ids holds an int object a word.
    """
    index = {w: k for k, w in enumerate(tokens_a.vocab)}
    remap = [index.setdefault(w, len(index)) for w in tokens_b.vocab]
    ids_b = np.asarray(remap, dtype=np.int32)[np.asarray(tokens_b.ids, dtype=np.int64)]
    ids_a = tokens_a.ids
    if not (isinstance(ids_a, array) and ids_a.typecode == "i"):
        ids_a = array("i", ids_a)
    return ids_a, array("i", ids_b.tobytes())


def _own_changes(changed: tuple[int, ...], tokens: Tokens, offset: int,
                 free: set[int]) -> tuple[tuple[int, int], ...]:
    """Character ranges of the changed words this pair owns (not ones shared elsewhere);
    neighbouring changed words make one range. ``changed`` counts from token ``offset``."""
    starts, ends = tokens.starts, tokens.ends
    own: list[tuple[int, int]] = []
    previous = -2
    for k in changed:
        t = offset + k
        if t not in free:
            continue
        if k == previous + 1 and own:
            own[-1] = (own[-1][0], ends[t])
        else:
            own.append((starts[t], ends[t]))
        previous = k
    return tuple(own)


def _assemble(doc_a: Document, doc_b: Document, seg_a: Segmented, seg_b: Segmented,
              draft: _Draft, options: Options) -> Result:
    table_a = span_table(doc_a.text, seg_a.tokens, draft.labels_a)
    table_b = span_table(doc_b.text, seg_b.tokens, draft.labels_b)
    matches, renumber = _with_ranges(draft, _span_extent(table_a), _span_extent(table_b))
    # Each Span made once, with its final id (a 10 MB side has ~10**5 spans).
    spans_a = _spans(table_a, draft.kinds, renumber)
    spans_b = _spans(table_b, draft.kinds, renumber)
    del table_a, table_b
    summary = Summary(
        a=summarise(doc_a.text, spans_a, seg_a.tokens),
        b=summarise(doc_b.text, spans_b, seg_b.tokens),
        shared_matches=sum(m.kind == "shared" for m in matches),
        reworded_matches=sum(m.kind == "reworded" for m in matches),
        moved_matches=sum(m.moved for m in matches),
        unique_passages_a=sum(s.kind == "unique" for s in spans_a),
        unique_passages_b=sum(s.kind == "unique" for s in spans_b),
    )
    return Result((doc_a, doc_b), (spans_a, spans_b), matches, summary, options)


def _with_ranges(draft: _Draft, extent_a: dict[int, tuple[int, int]],
                 extent_b: dict[int, tuple[int, int]],
                 ) -> tuple[tuple[Match, ...], dict[int, int]]:
    """Each match's A and B range and moved flag; matches no span uses are dropped."""
    placed = []
    for match_id in range(len(draft.kinds)):
        if match_id in draft.extents:  # an aligned pair covers its whole sentences
            placed.append((draft.extents[match_id], match_id))
        elif match_id in extent_a and match_id in extent_b:
            placed.append(((extent_a[match_id], extent_b[match_id]), match_id))
    # Ids follow A's reading order, so "#3" comes before "#4" on the page.
    placed.sort(key=lambda p: (p[0][0], p[0][1]))
    ranges = [r for r, _ in placed]
    kept = [match_id for _, match_id in placed]
    moved = _moved(ranges, [match_id in draft.extents for match_id in kept])
    renumber = {match_id: new_id for new_id, match_id in enumerate(kept)}
    matches = tuple(
        Match(renumber[k], draft.kinds[k], ra, rb, draft.similarities[k], is_moved,
              **(draft.extras[k] or {}))
        for k, (ra, rb), is_moved in zip(kept, ranges, moved)
    )
    return matches, renumber


def _moved(ranges: list[tuple[tuple[int, int], tuple[int, int]]],
           is_group: list[bool]) -> list[bool]:
    """Moved flags: runs nested in an aligned pair share its flag; the rest are ranked."""
    groups = sorted((ra, rb, k) for k, (ra, rb) in enumerate(ranges) if is_group[k])
    group_starts = [ra[0] for ra, _, _ in groups]
    parent = [-1] * len(ranges)
    for k, (ra, rb) in enumerate(ranges):
        if is_group[k]:
            continue
        pos = bisect.bisect_right(group_starts, ra[0]) - 1
        if pos >= 0:
            ga, gb, g = groups[pos]
            if ga[0] <= ra[0] and ra[1] <= ga[1] and gb[0] <= rb[0] and rb[1] <= gb[1]:
                parent[k] = g
    top = [k for k in range(len(ranges)) if parent[k] < 0]
    weights = [max(1, (ranges[k][0][1] - ranges[k][0][0]) + (ranges[k][1][1] - ranges[k][1][0]))
               for k in top]
    flags = moved_flags([ranges[k][0][0] for k in top], [ranges[k][1][0] for k in top], weights)
    moved = [False] * len(ranges)
    for k, flag in zip(top, flags):
        moved[k] = flag
    for k, g in enumerate(parent):
        if g >= 0:
            moved[k] = moved[g]
    return moved


def _spans(table: tuple[list[int], list[int], list[int]], kinds: list[Kind],
           renumber: dict[int, int]) -> tuple[Span, ...]:
    return tuple(
        Span(start, end, "unique") if label == UNLABELLED
        else Span(start, end, kinds[label], renumber[label])
        for start, end, label in zip(*table)
    )


def _span_extent(table: tuple[list[int], list[int], list[int]],
                 ) -> dict[int, tuple[int, int]]:
    extent: dict[int, tuple[int, int]] = {}
    for span_start, span_end, label in zip(*table):
        if label == UNLABELLED:
            continue
        start, end = extent.get(label, (span_start, span_end))
        extent[label] = (min(start, span_start), max(end, span_end))
    return extent
