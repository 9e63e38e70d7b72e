"""Names one document tags that the model missed elsewhere in the pair, by spelling and variant."""

from __future__ import annotations

import bisect
import re

from core.entities import labels as lb
from core.entities.gazetteer import lookup_place, place_names, strip_accents
from core.entities.mention import Mention

_PROPAGATED = frozenset({lb.PERSON, lb.ORGANISATION, lb.PLACE, lb.LAW})
_CAPITAL_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'’-]*\b")
_PAREN_ACRONYM_RE = re.compile(r"\(((?:[A-Z]\.?){3,6})\)")
_SURNAME_FROM = frozenset({lb.PLACE, lb.ORGANISATION, lb.GROUP, lb.WORK, lb.EVENT})
MIN_VARIANT = 4  # shorter alternate place names ("Civ" for Kyiv) are too often something else


def name_forms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Surface forms a document's names may take, with their label: the names themselves, a
    person's surname, a place's other names, the acronym the text gives an organisation."""
    forms: dict[str, str] = {}
    for m in mentions:
        if m.label not in _PROPAGATED or len(m.text) < 3:
            continue
        forms.setdefault(m.text, m.label)
        words = m.text.split()
        if m.label == lb.PERSON and len(words) > 1 and len(words[-1]) >= 3:
            forms.setdefault(words[-1], lb.PERSON)
        elif m.label == lb.PLACE and (place := lookup_place(m.text)) is not None:
            for name in place_names(place):
                if len(name) >= MIN_VARIANT or name == place.name:
                    forms.setdefault(name, lb.PLACE)
    forms.update(_acronyms(text, mentions))
    return forms


def _acronyms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """ "KMWC" for "Kharkiv Municipal Water Company (KMWC)" when that name is an organisation."""
    orgs = {m.end: m for m in mentions if m.label == lb.ORGANISATION}
    found = {}
    for hit in _PAREN_ACRONYM_RE.finditer(text):
        before = text[: hit.start()].rstrip()
        if len(before) in orgs:
            found[hit.group(1)] = lb.ORGANISATION
    return found


def propagate(texts: tuple[str, str], mentions: tuple[list[Mention], list[Mention]]
              ) -> tuple[list[Mention], list[Mention]]:
    """Each document's mentions plus untagged uses of the pair's names and their variants."""
    forms = name_forms(texts[1], mentions[1])
    for form, label in name_forms(texts[0], mentions[0]).items():
        forms.setdefault(form, label)
    people = {m.text.split()[-1] for d in (0, 1) for m in mentions[d]
              if m.label == lb.PERSON and len(m.text.split()) > 1}  # surnames of full names
    out = tuple(sorted(_as_person(mentions[d], people) + find_forms(texts[d], mentions[d], forms))
                for d in (0, 1))
    return out[0], out[1]


def _as_person(mentions: list[Mention], people: set[str]) -> list[Mention]:
    """A one-word name that the pair uses as a person's surname and that is no known place:
    a person ("Lagarde" tagged as a place in one text, "Christine Lagarde" in the other)."""
    return [m._replace(label=lb.PERSON)
            if m.label in _SURNAME_FROM and m.text in people and " " not in m.text
            and (m.label != lb.PLACE or lookup_place(m.text) is None) else m
            for m in mentions]


def char_fold(text: str) -> str:
    """``text`` with accents dropped letter by letter, same length ("Inés" -> "Ines")."""
    if text.isascii():
        return text
    table = {}
    for ch in set(text):
        if not ch.isascii():
            bare = strip_accents(ch)
            if len(bare) == 1:
                table[ord(ch)] = bare
    return text.translate(table)


def find_forms(text: str, mentions: list[Mention], forms: dict[str, str]) -> list[Mention]:
    """Whole-word, case-sensitive uses of ``forms`` that no mention covers (accents aside:
    "Ines Marquez" is a use of "Inés Márquez")."""
    folded_text = char_fold(text)
    folded: dict[str, str] = {}
    for form, label in forms.items():
        folded.setdefault(char_fold(form), label)
    lower = set(_LOWER_WORD_RE.findall(folded_text))
    # forms by their first word, with their lengths longest first: at a capital, the longest
    # form written there is found with one look-up per length, not one test per form
    by_first: dict[str, tuple[set[str], list[int]]] = {}
    for form in folded:
        if form.lower() not in lower and form[:1].isupper():
            bucket = by_first.setdefault(form.split()[0].split("-")[0], (set(), []))
            bucket[0].add(form)
    for forms_here, lengths in by_first.values():
        lengths.extend(sorted({len(f) for f in forms_here}, reverse=True))
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in covered]
    found: list[Mention] = []
    for hit in _CAPITAL_RE.finditer(folded_text):
        if found and hit.start() < found[-1].end:
            continue
        form = _form_at(folded_text, hit.start(),
                        by_first.get(hit.group(0).split("-")[0].rstrip(".")))
        if form is None or _overlaps(covered, starts, hit.start(), hit.start() + len(form)):
            continue
        end = hit.start() + len(form)
        found.append(Mention(hit.start(), end, folded[form], text[hit.start() : end]))
    return found


def _form_at(text: str, pos: int, candidates: tuple[set[str], list[int]] | None) -> str | None:
    """The longest candidate (forms, their lengths longest first) written at ``pos`` as whole
    words."""
    if candidates is None:
        return None
    forms, lengths = candidates
    for size in lengths:
        end = pos + size
        form = text[pos:end]
        if len(form) == size and form in forms and not (
                end < len(text) and (text[end].isalnum() or text[end] == "-")):
            return form
    return None


def _overlaps(covered: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and covered[i][1] > start:
        return True
    return i + 1 < len(covered) and covered[i + 1][0] < end

