"""A light English stemmer that also folds British/American spelling and number words."""

from __future__ import annotations

import re
from functools import lru_cache

# Function words that carry no content: two texts sharing only these are unrelated.
STOPWORDS = frozenset(
    """
    a about above after again against all also although am among an and another any are
    around as at be because been before being below between both but by can could did do
    does doing down during each either else ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its
    itself just least less like made make many may me might more most much must my myself
    near neither nor not now of off on once one only or other others our ours ourselves
    out over own per perhaps rather same several shall she should since so some such than
    that the their theirs them themselves then there these they this those though through
    thus to too toward towards under until up upon us very via was we were what whatever
    when where whether which while who whom whose why will with within without would yet
    you your yours yourself said says say told according also just still even already
    """.split()
)

NUMBER_WORDS = {
    "zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
}

# British -> American, applied to whole words before suffix stripping.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"isation", "ization"),
        (r"(?<=[a-z]{3})is(e|es|ed|ing|er|ers)$", r"iz\1"),
        (r"(?<=[a-z]{2})ys(e|es|ed|ing)$", r"yz\1"),
        (r"(?<=[a-z]{2})our(s|ed|ing|ite|ites|able)?$", r"or\1"),
        (r"(?<=[a-z]{2})tre(s)?$", r"ter\1"),
        (r"(?<=[a-z]{2})ence$", "ense"),
        (r"(?<=[a-z]{2}[aeiou])ll(ed|ing|er|ers)$", r"l\1"),
        (r"(?<=f[iu])ll(s|ment|ments)?$", r"l\1"),
        (r"ogue$", "og"),
        (r"-", ""),
    )
)

_SUFFIXES = (
    "izations", "ization", "ations", "ation", "nesses", "ness", "ments", "ment", "ings",
    "ing", "edly", "ies", "ied", "ers", "er", "ed", "es", "ly", "s",
)


def fold_spelling(word: str) -> str:
    """Map British spellings and hyphenations onto one form ("defence" -> "defense")."""
    for pattern, repl in _SPELLING_RULES:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A stem shared by inflections and spelling variants of ``word`` (lower-case input)."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word[:1].isdigit():
        return word.replace(",", "")
    word = fold_spelling(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "s" and base.endswith(("s", "u", "i")):
                continue  # "bus", "status", "analysis" are not plurals
            word = base
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "planned" -> "plann" -> "plan"
    return word
