"""Hand-built results and small texts for the GUI tests (no engine needed)."""

from __future__ import annotations

from core.model import DocSummary, Document, Match, Result, Span, Summary

TEXT_A = ("Alpha is a sentence that both documents share. Beta was said one way here. "
          "Gamma only appears in the first text.\nDelta is a sentence that moved later.\n")
TEXT_B = ("Delta is a sentence that moved later.\nAlpha is a sentence that both documents "
          "share. Beta was told another way here. Epsilon only appears in the second.\n")

FILE_A = ("The river rose quickly after three days of heavy rain in the hills. "
          "Hundreds of families left their homes on Tuesday night. "
          "The mayor said the city would open four shelters in schools.\n")
FILE_B = ("Hundreds of families left their homes on Tuesday night. "
          "The river rose very fast after three days of heavy rain in the hills. "
          "Officials expect the water to fall by the weekend.\n")


def _range(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _doc_summary(chars: int) -> DocSummary:
    return DocSummary(chars=chars, words=chars // 5, shared_chars=chars // 2,
                      reworded_chars=chars // 4, unique_chars=chars - chars // 2 - chars // 4,
                      shared_words=chars // 10, reworded_words=chars // 20,
                      unique_words=chars // 20)


def build_result(doc_a: Document, doc_b: Document) -> Result:
    """A hand-built result for TEXT_A / TEXT_B: 2 shared (1 moved), 1 reworded, 2 unique."""
    a, b = doc_a.text, doc_b.text
    alpha = "Alpha is a sentence that both documents share."
    delta = "Delta is a sentence that moved later."
    beta_a, beta_b = "Beta was said one way here.", "Beta was told another way here."
    gamma, epsilon = "Gamma only appears in the first text.", "Epsilon only appears in the second."
    matches = (
        Match(0, "shared", _range(a, alpha), _range(b, alpha), 1.0),
        Match(1, "reworded", _range(a, beta_a), _range(b, beta_b), 0.6,
              changes_a=(_range(a, "said one"),), changes_b=(_range(b, "told another"),)),
        Match(2, "shared", _range(a, delta), _range(b, delta), 1.0, moved=True),
    )
    spans_a = sorted([Span(*_range(a, alpha), "shared", 0), Span(*_range(a, beta_a), "reworded", 1),
                      Span(*_range(a, gamma), "unique"), Span(*_range(a, delta), "shared", 2)],
                     key=lambda s: s.start)
    spans_b = sorted([Span(*_range(b, delta), "shared", 2), Span(*_range(b, alpha), "shared", 0),
                      Span(*_range(b, beta_b), "reworded", 1),
                      Span(*_range(b, epsilon), "unique")], key=lambda s: s.start)
    summary = Summary(_doc_summary(len(a)), _doc_summary(len(b)), 2, 1, 1, 1, 1)
    return Result((doc_a, doc_b), (tuple(spans_a), tuple(spans_b)), matches, summary,
                  elapsed=0.01)


def fake_compare(doc_a, doc_b, options=None, progress=None, should_cancel=None) -> Result:
    """Stands in for the engine when the test texts are TEXT_A / TEXT_B."""
    if progress:
        progress("fake", 1.0)
    return build_result(doc_a, doc_b)


