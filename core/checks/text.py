"""Text helpers for the checks: sentences, words, and the passage of the other document that
the comparison paired with a passage of this one."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from core.model import Match, Result

Range = tuple[int, int]
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»›“]*\s+|\n\s*")
WORD_RE = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@lru_cache(maxsize=65_536)
def norm_word(word: str) -> str:
    """A word folded for comparison: case, accents and apostrophe style."""
    word = word.casefold().translate(_APOSTROPHES).replace("-", "").replace("‐", "").replace(
        "‑", "")  # "anti-personnel" = "antipersonnel"
    if not word.isascii():
        word = "".join(ch for ch in unicodedata.normalize("NFKD", word)
                       if not unicodedata.combining(ch))
    return word


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of ``text[start:end]``; offsets into ``text``."""
    end = len(text) if end is None else end
    return [(norm_word(m.group(0)), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]


class TextIndex:
    """Sentence boundaries and the folded word sequence of one document, for fast lookups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        self.words = words(text)
        self.word_starts = [w[1] for w in self.words]
        # the folded words joined by single spaces, and where each word starts in that string
        self._by_word: dict[str, list[int]] | None = None

    def sentence(self, pos: int) -> Range:
        """The sentence holding offset ``pos`` (trailing spaces excluded)."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[max(i, 0)]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def sentences(self, rng: Range) -> Range:
        """The sentences that ``rng`` touches, as one range."""
        first = self.sentence(rng[0])
        last = self.sentence(max(rng[0], rng[1] - 1))
        return first[0], max(first[1], last[1])

    def find_words(self, folded: list[str]) -> Range | None:
        """Where the word sequence ``folded`` occurs in the text (first place), or None."""
        if not folded:
            return None
        wanted = " ".join(folded).split(" ")  # as words of the text: no spaces inside
        if "" in wanted:
            return None
        n = len(wanted)
        for i in self.word_positions().get(wanted[0], ()):
            if n == 1 or [w[0] for w in self.words[i : i + n]] == wanted:
                return self.words[i][1], self.words[i + n - 1][2]
        return None

    def word_positions(self) -> dict[str, list[int]]:
        """Where each folded word occurs (word indexes): one look-up, not a scan, per search."""
        if self._by_word is None:
            self._by_word = defaultdict(list)
            for i, w in enumerate(self.words):
                self._by_word[w[0]].append(i)
        return self._by_word

    def word_index(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect.bisect_left(self.word_starts, pos)


class Counterparts:
    """For a passage of one document, the passage of the other that the comparison paired."""

    def __init__(self, result: Result, indexes: tuple[TextIndex, TextIndex]) -> None:
        self.indexes = indexes
        self.by_side: list[list[tuple[int, int, Match]]] = []
        for side in (0, 1):
            spans = sorted((((m.a if side == 0 else m.b)[0], (m.a if side == 0 else m.b)[1], m)
                            for m in result.matches), key=lambda s: (s[0], s[1]))
            self.by_side.append(spans)
        self.starts = [[s for s, _, _ in spans] for spans in self.by_side]

    def match_at(self, side: int, pos: int) -> Match | None:
        """The match whose passage on ``side`` holds ``pos``."""
        i = bisect.bisect_right(self.starts[side], pos) - 1
        if i >= 0 and self.by_side[side][i][1] > pos:
            return self.by_side[side][i][2]
        return None

    def passage(self, side: int, rng: Range) -> Range | None:
        """The other document's passage paired with ``rng`` of ``side``: the reworded
        sentence(s), or for a verbatim run the same words' sentence(s)."""
        m = self.match_at(side, rng[0])
        if m is None:
            return None
        here, there = (m.a, m.b) if side == 0 else (m.b, m.a)
        if m.kind != "shared":
            return there
        src, dst = self.indexes[side], self.indexes[1 - side]
        skip = src.word_index(rng[0]) - src.word_index(here[0])
        count = max(1, src.word_index(rng[1]) - src.word_index(rng[0]))
        first = dst.word_index(there[0]) + skip
        last = min(first + count - 1, len(dst.words) - 1, dst.word_index(there[1]) - 1)
        if first > last:
            return there
        return dst.sentences((dst.words[first][1], dst.words[last][2]))
