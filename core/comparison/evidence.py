"""Stems that alone are no evidence that two sentences say the same: names, figures, stock words."""

from __future__ import annotations

from collections import Counter

from core.comparison.segment import Segmented, content_stem

# A stem in at least this share of the sentences of both documents is the topic's stock word.
STOCK_SHARE = 0.15
STOCK_MIN_SENTENCES = 2


def weak_stems(seg_a: Segmented, seg_b: Segmented) -> frozenset[str]:
    """Proper names, figures and stock words of this pair of documents.

    A name is a word that is capitalised wherever it is not the first word of a sentence
    (and never written lower-case); a figure is a stem starting with a digit ("24", and
    "twenty" folds to "20").
    """
    capitalised: set[str] = set()
    lower: set[str] = set()
    for seg in (seg_a, seg_b):
        initial = {s.first_token for s in seg.sentences}
        words: Counter[tuple[str, bool]] = Counter(
            (seg.text[t.start:t.end], k in initial) for k, t in enumerate(seg.tokens))
        for word, first in words:
            stem = content_stem(word)
            if not stem:
                continue
            if word[:1].islower():
                lower.add(stem)
            elif not first and (word[:1].isupper() or word.isupper()):
                capitalised.add(stem)
    weak = {s for s in capitalised if s not in lower}
    for seg in (seg_a, seg_b):
        for sentence in seg.sentences:
            weak.update(s for s in sentence.stems if s[:1].isdigit())
    return frozenset(weak | _stock(seg_a) & _stock(seg_b))


def _stock(seg: Segmented) -> set[str]:
    df: Counter[str] = Counter()
    for sentence in seg.sentences:
        df.update(set(sentence.stems))
    floor = max(STOCK_MIN_SENTENCES, STOCK_SHARE * len(seg.sentences))
    return {s for s, n in df.items() if n >= floor}
