"""Split displayed text into word tokens and sentences, with folded forms and content stems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from core.comparison.stems import STOPWORDS, stem
from core.model import Options

# A word: letters/digits, joined by inner apostrophes, hyphens, or digit separators.
WORD_RE = re.compile(r"\w+(?:(?:['’\-]|(?<=\d)[.,](?=\d))\w+)*")
# Without punctuation folding a token keeps the punctuation glued to it ("said," != "said").
GLUED_RE = re.compile(r"\S+")
QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev no vs etc inc ltd co
    corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e a.m p.m
    """.split()
)
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*")


class Token(NamedTuple):
    """One word: its code-point range in the text and its folded form."""

    start: int
    end: int
    folded: str


@dataclass(frozen=True)
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
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]


def fold_word(word: str, options: Options) -> str:
    """The form two words must share to count as identical."""
    if options.fold_case:
        word = word.lower()
    if options.fold_punctuation:
        word = word.translate(QUOTE_FOLD)
    return word


def tokenize(text: str, options: Options) -> tuple[Token, ...]:
    """Word tokens of ``text`` with code-point offsets."""
    pattern = WORD_RE if options.fold_punctuation else GLUED_RE
    folded: dict[str, str] = {}  # words repeat: fold each distinct one once
    tokens = []
    make = tuple.__new__  # skips NamedTuple's Python-level __new__ (a hot loop on 1 MB)
    for m in pattern.finditer(text):
        start, end = m.span()
        word = text[start:end]
        fold = folded.get(word)
        if fold is None:
            fold = folded[word] = fold_word(word, options)
        tokens.append(make(Token, (start, end, fold)))
    return tuple(tokens)


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
    """Stems of the content words (stopwords and one-letter words dropped)."""
    return tuple(s for s in map(content_stem, words) if s)


def segment(text: str, options: Options) -> Segmented:
    """Tokens and sentences of ``text``; every token lies inside exactly one sentence."""
    tokens = tokenize(text, options)
    sentences: list[Sentence] = []
    ti = 0
    for start, end in sentence_bounds(text):
        first = ti
        while ti < len(tokens) and tokens[ti].start < end:
            ti += 1
        sentence_tokens = tokens[first:ti]
        # Stems always come from bare words, whatever the punctuation folding.
        words = ([text[t.start:t.end] for t in sentence_tokens] if options.fold_punctuation
                 else WORD_RE.findall(text, start, end))
        stems = content_stems(words)
        folded = " ".join(t.folded for t in sentence_tokens)
        sentences.append(Sentence(len(sentences), start, end, first, ti, stems, folded))
    return Segmented(text, tokens, tuple(sentences))
