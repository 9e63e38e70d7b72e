"""Roles that changed: the same person described with another role or title in each document
("the head of the ministry's procurement agency" / "a defence official")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from core.checks.model import Check
from core.checks.text import Range, TextIndex, norm_word
from core.entities import labels as lb
from core.model import Entity

ROLE_NOUNS = frozenset("""
minister ministers secretary president vice chairman chairwoman chair chairperson chief head
director official officials spokesman spokeswoman spokesperson mayor governor ambassador envoy
adviser advisor general colonel commander captain lieutenant major admiral sergeant officer
professor lecturer researcher scientist economist analyst hydrologist engineer doctor surgeon
nurse lawyer attorney judge prosecutor senator lawmaker legislator deputy mp councillor
councilor organiser organizer coordinator manager executive ceo founder owner editor
correspondent reporter journalist leader campaigner activist inspector commissioner chancellor
premier king queen prince princess bishop priest imam rabbi coach captain librarian curator
teacher headteacher principal dean rector superintendent sheriff constable detective
diplomat expert consultant strategist member governor-general mediator negotiator
""".split())
# Words a role is read up to (a title before the name: "Economy minister Karin Visser").
_TITLE_RE = re.compile(r"(?:[\w'’-]+\s+){0,7}[\w'’-]+\s*$")
_APPOSITION_RE = re.compile(r",\s+((?:the|a|an)\s+)?([^,.;:\n\"“”]{3,80}?)(?=[,.;:\n]|\s+said\b)")
_STOP_BEFORE = frozenset("said says told and or but that which who when while after before "
                         "as of in on at by for from with".split())


def _role_words(phrase: str) -> list[str]:
    return [norm_word(w) for w in re.findall(r"[^\W\d_]+", phrase)]


def _head(words: list[str]) -> str | None:
    """The role noun of a phrase (the last role word before "of"/"at"/"for", if any)."""
    head = None
    for w in words:
        if w in ("of", "at", "for", "in", "to"):
            break
        if w in ROLE_NOUNS:
            head = w
    return head


_RANK_WORDS = frozenset({"former", "ex", "acting", "deputy", "vice", "interim", "assistant",
                         "senior", "junior", "chief", "head"})
_ARTICLES = frozenset({"the", "a", "an"})


def _modifiers(words: list[str], head: str) -> set[str]:
    """Words before the role noun ("economy" in "economy minister"), articles left out."""
    before = words[: words.index(head)] if head in words else []
    return {w for w in before if w not in _ARTICLES}


def _compatible(x: list[str], y: list[str]) -> bool:
    """Whether two role phrases can describe one role: same role noun, same rank words
    ("former", "deputy"...), and modifiers that agree where both give some."""
    hx, hy = _head(x), _head(y)
    if hx != hy or hx is None:
        return False
    mx, my = _modifiers(x, hx), _modifiers(y, hy)
    if mx & _RANK_WORDS != my & _RANK_WORDS:
        return False
    mx, my = mx - _RANK_WORDS, my - _RANK_WORDS
    return not mx or not my or bool(mx & my)


def _title_before(text: str, e: Entity) -> tuple[Range, list[str]] | None:
    """ "Economy minister Karin Visser", "the head of the ministry Yevhenii Kivshyk"."""
    start = max(0, e.start - 80)
    window = text[start : e.start]
    cut = max(window.rfind(ch) for ch in ".,;:\n\"“”(")
    if cut >= 0 and window[cut] == "," and not window[cut + 1 :].strip():
        # "Portugal's central bank governor, Mário Centeno, said": the role before a comma
        window = window[:cut]
        cut = max(window.rfind(ch) for ch in ".,;:\n\"“”(")
        phrase = window[cut + 1 :]
        role = _role_words(phrase)
        if role and role[-1] in ROLE_NOUNS and text[e.end : e.end + 1] == ",":
            begin = start + cut + 1 + (len(phrase) - len(phrase.lstrip()))
            return (begin, e.end), role
        return None
    window_start = start + cut + 1
    phrase = text[window_start : e.start]
    words = phrase.split()
    while words and norm_word(words[0]) in _STOP_BEFORE:
        words = words[1:]
    kept = []
    for w in reversed(words):  # read back from the name until a verb-like stop word
        if norm_word(w.strip("'’")) in ("said", "says", "told", "that", "and", "but"):
            break
        kept.insert(0, w)
    role = _role_words(" ".join(kept))
    # the word before the name is the role noun or part of a name ("Defense Ministry"):
    # "the head of the agency met Marek Zielinski" gives him no role
    if not role or _head(role) is None or not (role[-1] in ROLE_NOUNS or kept[-1][:1].isupper()):
        return None
    begin = e.start - len(" ".join(kept)) - 1
    return (max(begin, window_start), e.end), role


def _apposition(text: str, e: Entity) -> tuple[Range, list[str]] | None:
    """ "Olena Vasylenko, a hydrologist at ...", "Karin Visser, the deputy prime minister,"."""
    m = _APPOSITION_RE.match(text, e.end)
    if m is None:
        return None
    role = _role_words(m.group(2))
    if _head(role) is None:
        return None
    return (e.start, m.end()), role


def roles(text: str, entities: Sequence[Entity]) -> dict[str, list[tuple[Range, list[str]]]]:
    """Role phrases attached to each person (by entity key)."""
    out: dict[str, list[tuple[Range, list[str]]]] = defaultdict(list)
    for e in entities:
        if e.label != lb.PERSON:
            continue
        for found in (_title_before(text, e), _apposition(text, e)):
            if found is not None:
                out[e.key].append(found)
    return out


def role_checks(texts: tuple[str, str], entities: tuple[Sequence[Entity], Sequence[Entity]],
                indexes: tuple[TextIndex, TextIndex]) -> list[Check]:
    """A person given roles in both documents, none of which share their role noun."""
    ra, rb = roles(texts[0], entities[0]), roles(texts[1], entities[1])
    checks = []
    for key in ra.keys() & rb.keys():
        if any(_compatible(x, y) for _, x in ra[key] for _, y in rb[key]):
            continue
        (span_a, _), (span_b, _) = ra[key][0], rb[key][0]
        phrase_a, phrase_b = texts[0][span_a[0] : span_a[1]], texts[1][span_b[0] : span_b[1]]
        checks.append(Check("role_changed", indexes[0].sentences(span_a),
                            indexes[1].sentences(span_b),
                            f"A different role for the same person: “{phrase_a}” in A, "
                            f"“{phrase_b}” in B.", "", (span_a,), (span_b,)))
    return checks
