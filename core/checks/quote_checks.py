"""Quotations matched across the pair: identical, altered (with the word diff), attributed to
someone else, quoted in one and unquoted in the other, or only in one document."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from core.checks.model import Check
from core.checks.quotes import Quote, find_quotes
from core.checks.speakers import Attributor, Speaker
from core.checks.text import Counterparts, Range, TextIndex

MIN_UNMARKED_WORDS = 3  # fewer quoted words found unquoted in the other text prove little
ALTERED_RATIO = 0.6  # word-sequence similarity from which two quotations are one, altered
ALTERED_SHARE = 0.6  # ...or this share of the shorter one's words, at a lower ratio
LOW_RATIO = 0.4
MAX_CANDIDATES = 8
SHORT_QUOTE = 8  # words: a reworded quotation this short is shown whole, not as edits
_COMMON = 40  # a word in more quotations than this does not suggest candidates


@dataclass(frozen=True)
class _Said:
    quote: Quote
    speaker: Speaker | None


def _speakers(text: str, quotes: list[Quote], who: Attributor, index: TextIndex) -> list[_Said]:
    out: list[_Said] = []
    for n, q in enumerate(quotes):
        speaker = _speaker(text, q, who, index)
        if speaker is None and n and out[-1].speaker is not None:
            # a second quotation in the same paragraph, nobody else named in between
            prev, s = quotes[n - 1], out[-1].speaker
            others = [e for e in who.entities_in(prev.span[1], q.span[0]) if e.key != s.key]
            if "\n" not in text[prev.span[1] : q.span[0]] and not others:
                speaker = Speaker(s.key, s.name, "continued", s.span)
        out.append(_Said(q, speaker))
    return out


def _speaker(text: str, q: Quote, who: Attributor, index: TextIndex) -> Speaker | None:
    last_inner = q.inner[-1]
    line_end = text.find("\n", q.span[1])
    line_end = len(text) if line_end < 0 else line_end
    tail = text[q.span[1] : line_end]
    ended = text[last_inner[0] : last_inner[1]].rstrip()[-1:] in ".!?…"
    stripped = tail.lstrip()
    if stripped and (not ended or stripped[:1].islower() or stripped[:1] in ",;—–-"):
        stop = re.search(r"[.!?;](?:\s|$)|[\"“”«‹„]", tail)
        end = q.span[1] + (stop.start() if stop else len(tail))
        found = who.subject_after(q.span[1], end, skip=q.span)
        if found is not None:
            return found
    first = q.inner[0][0] - 1
    start = index.sentence(first)[0]
    line_start = text.rfind("\n", 0, first) + 1
    return who.subject_before(max(start, line_start), first, skip=q.span)


def _score(a: Quote, b: Quote) -> tuple[float, str]:
    """Similarity of two quotations (0..1) and what it means: identical, altered or none."""
    wa, wb = a.words, b.words
    if wa == wb:
        return 1.0, "identical"
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= 3 and _contains(long_, short):
        return 0.99, "identical"
    if min(len(wa), len(wb)) < 3:
        return 0.0, ""
    ratio = difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    share = len(set(wa) & set(wb)) / min(len(set(wa)), len(set(wb)))
    if ratio >= ALTERED_RATIO or (ratio >= LOW_RATIO and share >= ALTERED_SHARE):
        return ratio, "altered"
    return 0.0, ""


def _contains(long_: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _pairs(qa: list[Quote], qb: list[Quote]) -> list[tuple[int, int, str]]:
    """One-to-one pairs of quotations (best first), with identical/altered."""
    df = Counter(w for q in qb for w in set(q.words))
    by_word: dict[str, list[int]] = defaultdict(list)
    for j, q in enumerate(qb):
        for w in set(q.words):
            if df[w] <= _COMMON:
                by_word[w].append(j)
    scored = []
    for i, q in enumerate(qa):
        shared = Counter(j for w in set(q.words) for j in by_word.get(w, ()))
        # most words shared first; ties by position (not by the order of a set of strings,
        # which changes from run to run: the pairs of a long text did)
        for j, _ in sorted(shared.items(), key=lambda js: (-js[1], js[0]))[:MAX_CANDIDATES]:
            score, how = _score(q, qb[j])
            if how:
                scored.append((score, i, j, how))
    used_a, used_b, out = set(), set(), []
    for _, i, j, how in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, how))
    return out


def _paired_by_place(said: list[list[_Said]], pairs: list[tuple[int, int, str]],
                     counterparts: Counterparts) -> list[tuple[int, int, str]]:
    """Quotations left unpaired that sit in passages the comparison paired, one on each side
    ("no possibility whatsoever to conduct audit..." / "no possibility of auditing..."):
    the same quotation, reworded."""
    free = [{n for n in range(len(said[d]))} - {p[d] for p in pairs} for d in (0, 1)]
    out = []
    for i in sorted(free[0]):
        qa = said[0][i].quote
        other = counterparts.passage(0, qa.span)
        back = counterparts.passage(1, other) if other else None
        if other is None or back is None:
            continue
        in_b = [j for j in free[1] if _inside(said[1][j].quote.span, other)]
        in_a = [n for n in free[0] if _inside(said[0][n].quote.span, back)]
        if len(in_b) == 1 and in_a == [i] and set(qa.words) & set(said[1][in_b[0]].quote.words):
            out.append((i, in_b[0], "altered"))
            free[1].discard(in_b[0])
    return out


def _join(x: Range, y: Range) -> Range:
    """The passage covering a quotation and its attribution."""
    return min(x[0], y[0]), max(x[1], y[1])


def _inside(span: Range, passage: Range) -> bool:
    return passage[0] <= span[0] and span[1] <= passage[1]


def _same_speaker(a: Speaker | None, b: Speaker | None) -> bool | None:
    """True/False when both speakers are known and at least one is named; None otherwise."""
    if a is None or b is None or a.key is None or b.key is None:
        return None
    if a.via == "pronoun" and b.via == "pronoun":
        return None
    # one person whose spellings were not linked counts as the same speaker
    return a.key == b.key or _surname(a.name) == _surname(b.name)


def _surname(name: str) -> str:
    from core.entities.link import translit

    inner = re.sub(r"^\w+ \((.*)\)$", r"\1", name)
    return translit(inner.split()[-1]) if inner.split() else ""


def _quoted(text: str, q: Quote, limit: int = 90) -> str:
    words = " ".join(text[s:e] for s, e in q.inner).split()
    body = " ".join(words)
    return f"“{body[:limit].rstrip()}…”" if len(body) > limit else f"“{body}”"


def _word_diff(ta: str, a: Quote, tb: str, b: Quote) -> tuple[str, tuple[Range, ...],
                                                               tuple[Range, ...]]:
    """The changed words of two quotations: a readable list and their ranges on each side."""
    ops = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False).get_opcodes()
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) > 1 and max(len(a.words), len(b.words)) <= SHORT_QUOTE:
        # a short quotation reworded: the two versions say it better than a list of edits
        return (f"“{' '.join(ta[s:e] for s, e in a.word_ranges)}” → "
                f"“{' '.join(tb[s:e] for s, e in b.word_ranges)}”",
                tuple(a.word_ranges), tuple(b.word_ranges))
    parts, marks_a, marks_b = [], [], []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        old = " ".join(ta[s:e] for s, e in a.word_ranges[i1:i2])
        new = " ".join(tb[s:e] for s, e in b.word_ranges[j1:j2])
        marks_a += a.word_ranges[i1:i2]
        marks_b += b.word_ranges[j1:j2]
        if op == "replace":
            parts.append(f"“{old}” → “{new}”")
        elif op == "delete":
            parts.append(f"“{old}” dropped")
        else:
            parts.append(f"“{new}” added")
    return "; ".join(parts), tuple(marks_a), tuple(marks_b)


QuotePairs = tuple[tuple[list[Quote], list[Quote]], list[tuple[int, int, str]]]


def pair_quotes(texts: tuple[str, str]) -> QuotePairs:
    """Each document's quotations and their pairs by wording (what no entity changes)."""
    quotes = (find_quotes(texts[0]), find_quotes(texts[1]))
    return quotes, _pairs(*quotes)


def quote_checks(texts: tuple[str, str], indexes: tuple[TextIndex, TextIndex],
                 attributors: tuple[Attributor, Attributor], counterparts: Counterparts,
                 paired: QuotePairs | None = None) -> list[Check]:
    """Every quotation of either document, matched across the pair (``paired``: the
    :func:`pair_quotes` of ``texts``, when found beforehand)."""
    quotes, pairs = paired if paired is not None else pair_quotes(texts)
    said = [_speakers(texts[d], quotes[d], attributors[d], indexes[d]) for d in (0, 1)]
    pairs = pairs + _paired_by_place(said, pairs, counterparts)
    checks = [_pair_check(texts, said[0][i], said[1][j], how) for i, j, how in pairs]
    paired = ({i for i, _, _ in pairs}, {j for _, j, _ in pairs})
    for d in (0, 1):
        for n, s in enumerate(said[d]):
            if n not in paired[d]:
                checks.append(_lone_check(texts, d, s.quote, indexes, counterparts))
    return checks


def _pair_check(texts: tuple[str, str], sa: _Said, sb: _Said, how: str) -> Check:
    ta, tb = texts
    a, b = sa.quote, sb.quote
    same = _same_speaker(sa.speaker, sb.speaker)
    diff, marks_a, marks_b = ("", (), ()) if how == "identical" else _word_diff(ta, a, tb, b)
    if same is False:
        assert sa.speaker is not None and sb.speaker is not None
        who = f"A attributes it to {sa.speaker.name}, B to {sb.speaker.name}."
        return Check("quote_attributed_elsewhere", _join(a.span, sa.speaker.span),
                     _join(b.span, sb.speaker.span),
                     f"The quotation {_quoted(ta, a)} is attributed to someone else.",
                     who + (f" The words differ too: {diff}." if diff else ""),
                     (sa.speaker.span,), (sb.speaker.span,))
    if how == "identical":
        part = "" if a.words == b.words else " (one quotes part of the other)"
        return Check("quote_identical", a.span, b.span,
                     f"The quotation {_quoted(ta, a)} is the same in both{part}.")
    return Check("quote_altered", a.span, b.span,
                 f"The words inside the quotation marks differ: {_quoted(ta, a)} in A, "
                 f"{_quoted(tb, b)} in B.", f"Changed: {diff}.", marks_a, marks_b)


def _lone_check(texts: tuple[str, str], side: int, q: Quote,
                indexes: tuple[TextIndex, TextIndex], counterparts: Counterparts) -> Check:
    here, there = ("A", "B") if side == 0 else ("B", "A")
    other = indexes[1 - side]
    found = other.find_words(list(q.words)) if len(q.words) >= MIN_UNMARKED_WORDS else None
    if found is not None:
        passage = other.sentences(found)
        a, b = (q.span, passage) if side == 0 else (passage, q.span)
        marks = (found,)
        return Check("quote_unmarked", a, b,
                     f"{here} quotes {_quoted(texts[side], q)}; {there} has the same words "
                     "without quotation marks.", "",
                     () if side == 0 else marks, marks if side == 0 else ())
    passage = counterparts.passage(side, q.span)
    a, b = (q.span, passage) if side == 0 else (passage, q.span)
    kind = "quote_only_a" if side == 0 else "quote_only_b"
    where = ("the passage paired with it says it otherwise" if passage
             else f"{there} has no passage paired with it")
    return Check(kind, a, b, f"The quotation {_quoted(texts[side], q)} is only in {here}.",
                 f"{there} does not quote it; {where}.")
