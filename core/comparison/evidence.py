"""Stems that alone are no evidence that two sentences say the same: names, figures, stock words."""

from __future__ import annotations

import re
from collections import Counter

from core.comparison.segment import Segmented, content_stem

# A stem in at least this share of the sentences of both documents is the topic's stock word.
STOCK_SHARE = 0.1
STOCK_MIN_SENTENCES = 2
_WORD_RE = re.compile(r"\b[^\W\d_]\w*")


def weak_stems(seg_a: Segmented, seg_b: Segmented) -> frozenset[str]:
    """Proper names, figures and stock words of this pair of documents.

    A name is a word that is capitalised wherever it is not the first word of a sentence
    (and never written lower-case); a figure is a stem starting with a digit ("24", and
    "twenty" folds to "20").
    """
    capitalised: set[str] = set()
    lower: set[str] = set()
    for seg in (seg_a, seg_b):
        # One word string at a time (findall's list holds a string a word: ~80 MB at 10 MB,
        # and the distinct words it keeps pin that memory long after).
        counts = Counter(m.group() for m in _WORD_RE.finditer(seg.text))
        initial: Counter[str] = Counter()
        for sentence in seg.sentences:
            if sentence.first_token < sentence.end_token:
                m = _WORD_RE.match(seg.text, seg.tokens[sentence.first_token].start)
                if m:
                    initial[m.group()] += 1
        for word, n in counts.items():
            if word[0].islower():
                lower.add(word)
            elif word[0].isupper() and n > initial.get(word, 0):
                capitalised.add(word)  # capitalised somewhere inside a sentence
    lower = set(map(content_stem, lower))
    weak = {s for s in map(content_stem, capitalised) if s and s not in lower}
    for seg in (seg_a, seg_b):
        stems = set().union(*(s.stems for s in seg.sentences))
        weak.update(s for s in stems if s[:1].isdigit())
    return frozenset(weak | _stock(seg_a) & _stock(seg_b))


def _stock(seg: Segmented) -> set[str]:
    df: Counter[str] = Counter()
    for sentence in seg.sentences:
        df.update(set(sentence.stems))
    floor = max(STOCK_MIN_SENTENCES, STOCK_SHARE * len(seg.sentences))
    return {s for s, n in df.items() if n >= floor}
