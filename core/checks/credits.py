"""Attribution and credit: news agencies, bylines and named sources ("said X", "according to
Y", "told Z") that one document gives and the other does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.checks.model import Check
from core.checks.speakers import ACCORDING_RE, VERB_RE, Attributor
from core.checks.text import Counterparts, Range, TextIndex, norm_word

# Agencies by the name a credit uses, with the spellings that name them.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti",),
    "Interfax": ("Interfax",),
    "Ukrinform": ("Ukrinform",),
    "PAP": ("PAP", "Polish Press Agency"),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap",),
    "AAP": ("AAP", "Australian Associated Press"),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("Asian News International",),
    "Anadolu": ("Anadolu Agency", "Anadolu"),
    "UPI": ("UPI", "United Press International"),
    "PA Media": ("PA Media", "Press Association"),
    "ANP": ("ANP",),
    "Belga": ("Belga",),
    "Lusa": ("Lusa",),
    "CTK": ("CTK", "ČTK"),
    "APA": ("Austria Presse Agentur",),
}
_AGENCY_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(s) for _, spellings in AGENCIES.items()
                               for s in sorted(spellings, key=len, reverse=True)) + r")(?![\w-])")
_AGENCY_OF = {s: name for name, spellings in AGENCIES.items() for s in spellings}
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|der|den|al|el|da|di|du|la|le|bin))*"
BYLINE_RE = re.compile(
    rf"^[ \t]*(?:By|BY)[ \t]+(?P<names>{_NAME}(?:(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+){_NAME})*)"
    r"[ \t]*(?:[|,—–-][^\n]{0,60})?$", re.MULTILINE)
_SOURCE_END_RE = re.compile(r"[,.;:!?\n(]|\s[-–—]\s|\s(?:that|who|which|and)\s")
MAX_SOURCE_WORDS = 8
MIN_DISTINCTIVE = 7  # letters: a name's word this long found in the other text names it there


@dataclass(frozen=True)
class Credit:
    """A credit or source of one document: what is credited, and where."""

    name: str  # as shown ("AFP", "By Marta Jansen", "Eurostat")
    ident: str  # what must be found in the other document for it to count as present
    span: Range  # the credit's words
    kind: str  # "agency", "byline" or "source"


def agencies(text: str) -> dict[str, Credit]:
    """Agencies a text credits or cites, each at its first mention."""
    found: dict[str, Credit] = {}
    for m in _AGENCY_RE.finditer(text):
        name = _AGENCY_OF[m.group(0)]
        if name == "Bloomberg" and re.search(r"(?:Michael|Mike|Mr\.?)\s+$", text[: m.start()]):
            continue  # the person, not the agency
        found.setdefault(name, Credit(name, name, (m.start(), m.end()), "agency"))
    return found


def bylines(text: str) -> list[Credit]:
    """ "By Marta Jansen" lines: one credit per byline, identified by its surnames."""
    out = []
    for m in BYLINE_RE.finditer(text):
        names = re.split(r",\s*|\s+(?:and|&)\s+", m.group("names"))
        surnames = " ".join(sorted(norm_word(n.split()[-1]) for n in names if n.split()))
        out.append(Credit(m.group(0).strip(), surnames, (m.start("names") - 3, m.end("names")),
                          "byline"))
    return out


def sources(text: str, who: Attributor) -> dict[str, Credit]:
    """Named sources: entities that say, tell or are cited ("according to Y"), by key; and
    "according to" phrases that name no entity, by their words."""
    found: dict[str, Credit] = {}
    for verb in VERB_RE.finditer(text):
        sentence = who.index.sentence(verb.start())
        speaker = _subject(who, verb, sentence)
        if speaker is not None and speaker[0] not in found:
            found[speaker[0]] = speaker[1]
    for m in ACCORDING_RE.finditer(text):
        credit = _according(text, m, who)
        if credit is not None:
            found.setdefault(credit.ident, credit)
    return found


def _subject(who: Attributor, verb: re.Match, sentence: Range) -> tuple[str, Credit] | None:
    """The named entity that is the subject (or, after "said", the object) of a speech verb."""
    before = who.entities_in(sentence[0], verb.start())
    if before:
        e = before[-1]
        gap = who.text[e.end : verb.start()].strip()
        if not gap or (gap.startswith(",") and gap.endswith(",") and len(gap.split()) <= 10):
            return e.key, Credit(e.text, e.key, (e.start, e.end), "source")
    s = who.object_after(verb, sentence[1], None)
    if s is not None and s.via == "named" and s.key is not None:
        return s.key, Credit(s.name, s.key, (s.span[1] - len(s.name), s.span[1]), "source")
    return None


def _according(text: str, m: re.Match, who: Attributor) -> Credit | None:
    rest = text[m.end() : m.end() + 200]
    stop = _SOURCE_END_RE.search(rest)
    phrase = rest[: stop.start() if stop else len(rest)].strip()
    if not phrase or len(phrase.split()) > MAX_SOURCE_WORDS or _AGENCY_RE.fullmatch(
            re.sub(r"^the\s+", "", phrase)):
        return None
    start = m.end() + rest.index(phrase)
    found = who.entities_in(start, start + len(phrase))
    if found:
        e = found[0]
        return Credit(e.text, e.key, (e.start, e.end), "source")
    bare = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    if not bare[:1].isupper() and len(bare.split()) < 2:
        return None  # "according to him", "according to reports"
    folded = " ".join(norm_word(w) for w in re.findall(r"[^\W_]+", bare))
    return Credit(bare, "words:" + folded, (start + len(phrase) - len(bare), start + len(phrase)),
                  "source")


def _present(credit: Credit, other_keys: set[str], other: TextIndex) -> bool:
    """Whether the other document names the same source: the same entity, its surname, the
    same words, or (a spelling that differs) the name's longest word ("Hydrometeorological"),
    or for a common-noun source ("the chamber's president") its head word."""
    words = [norm_word(w) for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", credit.name)]
    if not words:
        return True
    if credit.ident in other_keys or other.find_words(words) is not None:
        return True
    if not credit.name[:1].isupper():
        return other.find_words([words[-1]]) is not None
    longest = max(words, key=len)
    return other.find_words([words[-1]]) is not None or (
        len(longest) >= MIN_DISTINCTIVE and other.find_words([longest]) is not None)


Credits = tuple[list[dict[str, Credit]], list[list[Credit]]]


def agency_credits(texts: tuple[str, str]) -> Credits:
    """Each document's agencies and bylines (what no entity changes)."""
    return [agencies(t) for t in texts], [bylines(t) for t in texts]


def credit_checks(texts: tuple[str, str], indexes: tuple[TextIndex, TextIndex],
                  attributors: tuple[Attributor, Attributor], counterparts: Counterparts,
                  credits: Credits | None = None) -> list[Check]:
    """Agencies, bylines and named sources present in one document and missing from the other
    (``credits``: the :func:`agency_credits` of ``texts``, when found beforehand)."""
    checks: list[Check] = []
    ags, lines = credits if credits is not None else agency_credits(texts)
    srcs = [sources(texts[d], attributors[d]) for d in (0, 1)]
    keys = [{e.key for e in attributors[d].people} for d in (0, 1)]
    for d in (0, 1):
        here, there = ("A", "B") if d == 0 else ("B", "A")
        for name, credit in ags[d].items():
            if name not in ags[1 - d]:
                checks.append(_check(d, "credit", credit, indexes, counterparts,
                                     f"{here} credits {name}; {there} never names {name}."))
        other_ids = {c.ident for c in lines[1 - d]}
        for credit in lines[d]:
            if credit.ident not in other_ids:
                theirs = "; ".join(c.name for c in lines[1 - d]) or "none"
                checks.append(_check(d, "credit", credit, indexes, counterparts,
                                     f"{here} has the byline “{credit.name}”; {there}'s byline: "
                                     f"{theirs}."))
        agency_names = {c.name for c in ags[d].values()}
        for credit in srcs[d].values():
            if credit.name in agency_names or _AGENCY_RE.fullmatch(credit.name):
                continue
            if not _present(credit, keys[1 - d], indexes[1 - d]):
                checks.append(_check(d, "source", credit, indexes, counterparts,
                                     f"{here} cites {credit.name} as a source; {there} never "
                                     "names them."))
    return checks


def _check(side: int, what: str, credit: Credit, indexes: tuple[TextIndex, TextIndex],
           counterparts: Counterparts, summary: str) -> Check:
    passage = indexes[side].sentence(credit.span[0])
    other = counterparts.passage(side, passage)
    kind = f"{what}_only_{'ab'[side]}"
    a, b = (passage, other) if side == 0 else (other, passage)
    marks = (credit.span,)
    return Check(kind, a, b, summary, "", marks if side == 0 else (), marks if side else ())
