"""Acronyms spelled out in the pair's own text ("WHO" / "World Health Organization")."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A bare acronym: 2 to 6 capitals, maybe a plural "s" ("NGOs"), not inside a word.
ACRONYM_RE = re.compile(r"(?<![\w'’-])([A-Z]{2,6})s?(?![\w'’-])")
# A run of capitalised words, with the small words a name may hold between them
# ("Centre for Disease Control", "Bank of England"). Each capitalised word counts once.
_NAME_WORD = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_LINK = r"(?:of|for|and|the|on|de|du|des|del|der|van|von|&)"
NAME_RE = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?:\s+(?:{_LINK}\s+)*{_NAME_WORD})+")
_WORD_RE = re.compile(rf"{_NAME_WORD}|\S+")
MAX_NAME_WORDS = 8


def expansions(texts: Iterable[str]) -> dict[str, str]:
    """Acronym -> the one name of these texts whose capitalised words' initials spell it.

    Only acronyms that occur in the texts are kept; an acronym that two different names
    spell out is ambiguous and left alone.
    """
    texts = list(texts)
    wanted = {m.group(1) for text in texts for m in ACRONYM_RE.finditer(text)}
    found: dict[str, set[str]] = {}
    if not wanted:
        return {}
    for text in texts:
        for m in NAME_RE.finditer(text):
            words = _WORD_RE.findall(m.group())
            for name, letters in _windows(words):
                if letters in wanted:
                    found.setdefault(letters, set()).add(name)
    return {acr: names.pop() for acr, names in found.items() if len(names) == 1}


def _windows(words: list[str]) -> Iterable[tuple[str, str]]:
    """(name, initials) of every stretch of words that starts and ends capitalised."""
    # An all-capitals word inside a run is an acronym itself, not a word of the name.
    capital = [w[0].isupper() and not (len(w) > 1 and w.isupper()) for w in words]
    for start in range(len(words)):
        if not capital[start]:
            continue
        for stop in range(start + 2, min(len(words), start + MAX_NAME_WORDS) + 1):
            if capital[stop - 1]:
                stretch = words[start:stop]
                letters = "".join(w[0] for w, c in zip(stretch, capital[start:stop]) if c)
                yield " ".join(stretch), letters


class Expander:
    """Writes out the acronyms of a sentence that the pair's texts spell out elsewhere.

    A sentence that already holds the name keeps its acronym ("World Health Organization
    (WHO)"). Used before a sentence is put to the semantic encoder, which cannot know that
    "the WHO" and "the World Health Organization" are one body.
    """

    def __init__(self, *texts: str) -> None:
        self.names = expansions(texts)

    def __call__(self, sentence: str) -> str:
        if not self.names:
            return sentence

        def write_out(m: re.Match[str]) -> str:
            name = self.names.get(m.group(1))
            return m.group() if name is None or name in sentence else name

        return ACRONYM_RE.sub(write_out, sentence)
