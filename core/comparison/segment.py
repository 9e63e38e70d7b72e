"""Split displayed text into word tokens and sentences, with folded forms and content stems."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, overload

from core.comparison.stems import STOPWORDS, stem
from core.model import Options

# Chinese and Japanese are written without spaces between words: each Han or kana
# character is a token of its own (content stems are bigrams of them).
CJK = ("\u3005\u3007\u3041-\u3096\u309d-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
       "\U00020000-\U0003134f")
CJK_RE = re.compile(f"[{CJK}]")
# A word: letters/digits, joined by inner apostrophes, hyphens, or digit separators.
# Hyphen variants (en dash, Unicode hyphens) join words too: "Beer–sheba" = "Beer-Sheba".
WORD_RE = re.compile(
    rf"[{CJK}]|[^\W{CJK}]+(?:(?:['’\-‐‑–]|(?<=\d)[.,](?=\d))[^\W{CJK}]+)*")
# Without punctuation folding a token keeps the punctuation glued to it ("said," != "said").
GLUED_RE = re.compile(rf"[{CJK}]|[^\s{CJK}]+")
QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                            "‐": "-", "‑": "-", "–": "-"})

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev no vs etc inc ltd co
    corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e a.m p.m
    """.split()
)
# Chinese/Japanese full stops end a sentence with no space after them.
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[。！？]+[」』”’）)]*|\n\s*")


class Token(NamedTuple):
    """One word: its code-point range in the text and its folded form."""

    start: int
    end: int
    folded: str


class Tokens(Sequence[Token]):
    """A document's word tokens, stored as three arrays (12 bytes a word, not ~130).

    Indexing gives a :class:`Token`, made on the fly; slicing gives a smaller ``Tokens``.
    ``starts`` and ``ends`` are code-point offsets; ``ids`` index ``vocab``, the distinct
    folded forms (equal folded words, equal ids).
    """

    __slots__ = ("ends", "ids", "starts", "vocab")

    def __init__(self, starts: array, ends: array, ids: array, vocab: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.ids = ids
        self.vocab = vocab

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Tokens: ...

    def __getitem__(self, index: int | slice) -> Token | Tokens:
        if isinstance(index, slice):
            return Tokens(self.starts[index], self.ends[index], self.ids[index], self.vocab)
        return Token(self.starts[index], self.ends[index], self.vocab[self.ids[index]])

    def __iter__(self) -> Iterator[Token]:
        return map(Token._make, zip(self.starts, self.ends, map(self.vocab.__getitem__,
                                                                 self.ids)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(self) == len(other) and all(
            a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def folded(self) -> list[str]:
        """The folded form of every token, in order."""
        return list(map(self.vocab.__getitem__, self.ids))


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its range, the index range of its tokens, and its content stems."""

    index: int
    start: int
    end: int
    first_token: int
    end_token: int  # exclusive
    stems: tuple[str, ...]
    folded: str = ""  # the sentence's folded words, to spot identical sentences


@dataclass(frozen=True)
class Segmented:
    """A document cut into tokens and sentences."""

    text: str
    tokens: Tokens
    sentences: tuple[Sentence, ...]


def fold_word(word: str, options: Options) -> str:
    """The form two words must share to count as identical."""
    if options.fold_case:
        word = word.lower()
    if options.fold_punctuation:
        word = word.translate(QUOTE_FOLD)
    return word


# Offsets and ids as C ints: a document is at most a few hundred million code points.
OFFSET_TYPE = "i"


def tokenize(text: str, options: Options) -> Tokens:
    """Word tokens of ``text`` with code-point offsets."""
    pattern = WORD_RE if options.fold_punctuation else GLUED_RE
    starts, ends, ids = array(OFFSET_TYPE), array(OFFSET_TYPE), array(OFFSET_TYPE)
    vocab: list[str] = []
    id_of_fold: dict[str, int] = {}
    id_of_word: dict[str, int] = {}  # words repeat: fold each distinct one once
    for m in pattern.finditer(text):
        start, end = m.span()
        word = text[start:end]
        word_id = id_of_word.get(word)
        if word_id is None:
            fold = fold_word(word, options)
            word_id = id_of_fold.setdefault(fold, len(vocab))
            if word_id == len(vocab):
                vocab.append(fold)
            id_of_word[word] = word_id
        starts.append(start)
        ends.append(end)
        ids.append(word_id)
    return Tokens(starts, ends, ids, vocab)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence ranges: split at terminal punctuation before a capital, and at line breaks."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        end = m.end()
        if m.group().startswith((".", "!", "?", "…")) and not _ends_sentence(text, m.start(), end):
            continue
        _append_bound(bounds, text, start, end)
        start = end
    _append_bound(bounds, text, start, len(text))
    return bounds


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower().lstrip("\"'“‘(")
    if text[dot] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
        return False
    nxt = end
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    if nxt >= len(text) or text[nxt] == "\n":
        return True
    following = text[nxt:nxt + 2].lstrip("\"'“‘([-–—")
    return bool(following) and (following[0].isupper() or following[0].isdigit())


def _append_bound(bounds: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


@lru_cache(maxsize=500_000)
def content_stem(word: str) -> str:
    """The stem of a content word, or "" for stopwords and one-letter words."""
    w = word.lower().translate(QUOTE_FOLD).strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) < 2 or w in STOPWORDS:
        return ""
    return stem(w)


def content_stems(words: list[str]) -> tuple[str, ...]:
    """Stems of the content words (stopwords and one-letter words dropped); a run of
    Chinese/Japanese characters gives its character bigrams, the usual unit of
    similarity for unsegmented scripts."""
    stems: list[str] = []
    previous = ""  # the CJK character just before, if any
    for word in words:
        if len(word) == 1 and CJK_RE.match(word):
            if previous:
                stems.append(previous + word)
            previous = word
            continue
        previous = ""
        found = content_stem(word)
        if found:
            stems.append(found)
    return tuple(stems)


# Folded sentence text -> that text and its stems, to share between equal sentences.
Shared = dict[str, tuple[str, tuple[str, ...]]]


def segment(text: str, options: Options, shared: Shared | None = None) -> Segmented:
    """Tokens and sentences of ``text``; every token lies inside exactly one sentence.

    Sentences equal after folding share one folded text and one stems tuple, in this
    document and in the others segmented with the same ``shared`` dict (most sentences of
    a revised document are unchanged: at 10 MB a side that is ~10 MB of strings).
    """
    tokens = tokenize(text, options)
    starts, ids, vocab = tokens.starts, tokens.ids, tokens.vocab
    # With punctuation folded the stems are a function of the folded words (content_stem
    # folds case and quotes as fold_word does; CJK characters do not fold): the stems
    # of the folded words are the stems, and equal folded sentences have equal stems.
    # Glued tokens keep punctuation, so their stems come from the text.
    known: Shared = shared if shared is not None and options.fold_punctuation else {}
    sentences: list[Sentence] = []
    ti = 0
    count = len(tokens)
    for start, end in sentence_bounds(text):
        first = ti
        ti = bisect.bisect_left(starts, end, first, count)  # first token starting at or after end
        words = [vocab[i] for i in ids[first:ti]]
        folded = " ".join(words)
        same = known.get(folded)
        if same is None and options.fold_punctuation:
            same = known[folded] = folded, content_stems(words)
        elif same is None:
            # Stems always come from bare words, whatever the punctuation folding.
            same = folded, content_stems(WORD_RE.findall(text, start, end))
        sentences.append(Sentence(len(sentences), start, end, first, ti, same[1], same[0]))
    return Segmented(text, tokens, tuple(sentences))
