"""Invariants of the comparison result, checked on generated texts (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from core.comparison.engine import compare
from core.comparison.segment import WORD_RE
from core.readers.load import document_from_text

CONTENT = ("harbour bridge council mayor budget river storm village rescue market hall "
           "railway station warehouse teacher school hospital doctor farmer harvest court "
           "judge ruling appeal minister treaty border museum painting festival").split()
OTHER_CONTENT = ("galaxy telescope orbit comet planet nebula crater asteroid quasar pulsar "
                 "satellite spectrum photon gravity eclipse meteor lunar solar cosmic").split()
COMMON = "the a of and to in said was were it that on for with by would".split()

# Derandomised: CI runs the same examples every time (a new random failure shows up in a
# seeded run, e.g. --hypothesis-seed, and is then added as an @example).
settings.register_profile("concord", deadline=None, max_examples=60, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile("concord")


def sentences(vocab: list[str]) -> st.SearchStrategy[str]:
    # Words do not repeat within a sentence, as in prose ("harbour harbour harbour" would
    # make every alignment a tie).
    word = st.sampled_from(vocab + COMMON)
    sentence = st.lists(word, min_size=3, max_size=14, unique=True).map(
        lambda ws: " ".join(ws).capitalize() + st_choice_end(len(ws)))
    return st.lists(sentence, min_size=1, max_size=12).map(_join)


def st_choice_end(n: int) -> str:
    return "." if n % 3 else "?"


def _join(parts: list[str]) -> str:
    out = []
    for k, part in enumerate(parts):
        out.append(part)
        out.append("\n\n" if k % 4 == 3 else " ")
    return "".join(out).strip()


def check_tiling(text: str, spans) -> None:
    covered = [0] * len(text)
    last_end = 0
    for span in spans:
        assert last_end <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        for k in range(span.start, span.end):
            covered[k] += 1
        last_end = span.end
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert covered[k] == 1, f"character {k} {ch!r} covered {covered[k]} times"


def folded_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


@given(sentences(CONTENT), sentences(CONTENT))
def test_spans_tile_every_non_space_character(text_a: str, text_b: str) -> None:
    result = compare(document_from_text(text_a), document_from_text(text_b))
    check_tiling(text_a, result.spans[0])
    check_tiling(text_b, result.spans[1])
    for side in (0, 1):
        for span in result.spans[side]:
            assert (span.kind == "unique") == (span.match is None)
            if span.match is not None:
                assert result.matches[span.match].kind == span.kind


@given(sentences(CONTENT), sentences(CONTENT))
def test_shared_matches_are_equal_on_both_sides(text_a: str, text_b: str) -> None:
    result = compare(document_from_text(text_a), document_from_text(text_b))
    for m in result.matches:
        if m.kind == "shared":
            assert folded_words(text_a[m.a[0]:m.a[1]]) == folded_words(text_b[m.b[0]:m.b[1]])


@given(sentences(CONTENT))
def test_a_document_against_itself_is_all_shared(text: str) -> None:
    result = compare(document_from_text(text), document_from_text(text))
    if re.search(r"\w", text):
        assert result.summary.a.share("shared") == 1.0
        assert result.summary.b.share("shared") == 1.0


def has_repeated_sentence(text: str) -> bool:
    folded = [" ".join(folded_words(s)) for s in re.split(r"[.?]\s*", text) if s.strip()]
    return len(folded) != len(set(folded))


@given(sentences(CONTENT), sentences(CONTENT))
# Found by hypothesis: two crossing pairs, one of them a doubtful long/short pair that the
# semantic pass kept as "held in place by order" in one direction only.
@example("Harbour bridge council? Harbour bridge budget? Harbour bridge council mayor. "
         "Harbour bridge mayor?",
         "Harbour bridge council? Harbour bridge council mayor. Harbour bridge council mayor "
         "budget river storm village. Harbour bridge mayor?")
# A copied sentence with a related free sentence beside it on the other side: the
# neighbour-absorbing rule turned the exact pair into a reworded 1:2 pair one way only.
@example("Harbour bridge council? Harbour bridge council mayor.",
         "Harbour bridge council mayor. Harbour bridge mayor? Harbour bridge council?")
def test_swapping_a_and_b_mirrors_the_summary(text_a: str, text_b: str) -> None:
    # A sentence repeated within one text has several equally good counterparts; which
    # one is chosen is a tie, so mirroring is only promised without such repeats.
    assume(not has_repeated_sentence(text_a) and not has_repeated_sentence(text_b))
    forward = compare(document_from_text(text_a), document_from_text(text_b)).summary
    backward = compare(document_from_text(text_b), document_from_text(text_a)).summary
    assert forward.a == backward.b
    assert forward.b == backward.a
    assert forward.shared_matches == backward.shared_matches
    assert forward.reworded_matches == backward.reworded_matches


@given(sentences(CONTENT), sentences(OTHER_CONTENT))
def test_unrelated_texts_give_no_matches(text_a: str, text_b: str) -> None:
    result = compare(document_from_text(text_a), document_from_text(text_b))
    assert result.matches == ()


@st.composite
def extended_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A, and B with words added to the end of some of A's sentences (verbatim runs then
    cover a whole A sentence while its B counterpart has more)."""
    word = st.sampled_from(CONTENT + COMMON)
    bodies = draw(st.lists(st.lists(word, min_size=6, max_size=12, unique=True),
                           min_size=1, max_size=8))
    extras = [draw(st.lists(word, max_size=8, unique=True)) for _ in bodies]
    a = _join([" ".join(ws).capitalize() + "." for ws in bodies])
    b = _join([" ".join(ws + more).capitalize() + "." for ws, more in zip(bodies, extras)])
    return a, b


@given(st.one_of(st.tuples(sentences(CONTENT), sentences(CONTENT)), extended_pairs()))
def test_every_match_owns_text_on_both_sides(pair: tuple[str, str]) -> None:
    # A match listed, navigable and counted must show somewhere in each document.
    text_a, text_b = pair
    result = compare(document_from_text(text_a), document_from_text(text_b))
    for side in (0, 1):
        owners = {s.match for s in result.spans[side] if s.match is not None}
        assert owners == {m.id for m in result.matches}
        for m in result.matches:
            start, end = (m.a, m.b)[side]
            assert any(start <= s.start and s.end <= end
                       for s in result.spans[side] if s.match == m.id)
