"""Who says what: the person or organisation a quotation or a statement is attributed to
("..., said Pieter de Vries", "Bakker said", "he told AFP", "according to Eurostat")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.checks.text import Range, TextIndex, norm_word
from core.entities import labels as lb
from core.model import Entity

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|argued|argues|stated|states|explained|explains|noted|"
    "notes|insisted|insists|warned|warns|wrote|writes|declared|declares|claimed|claims|"
    "admitted|admits|asked|asks|replied|replies|continued|urged|urges|acknowledged|commented|"
    "stressed|stresses|recalled|announced|conceded|concluded|remarked|observed|confirmed|"
    "confirms|told reporters")
VERB_RE = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+")
_CLAUSE_END_RE = re.compile(r"[.!?;:\"“”«»]|,\s+(?:who|which|adding|and)\b")
PRONOUNS = frozenset({"he", "she"})
_SPEAKER_LABELS = frozenset({lb.PERSON, lb.ORGANISATION})
MAX_GAP_WORDS = 4  # words allowed between a quotation's end and its speech verb
MAX_LEAD_WORDS = 12  # words allowed between a speech verb and the quotation that follows
PRONOUN_REACH = 700  # characters back in which "he"/"she" finds the person meant


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the entity key (None: not a named entity), the words as written,
    how it was found ("named", "pronoun" or "continued"), and the attribution's range."""

    key: str | None
    name: str
    via: str
    span: Range


class Attributor:
    """Finds speakers in one document, using its linked entities (keys shared across the pair)."""

    def __init__(self, index: TextIndex, entities: Sequence[Entity] | None) -> None:
        self.index = index
        self.text = index.text
        people = [e for e in entities or () if e.label in _SPEAKER_LABELS]
        self.people = sorted(people, key=lambda e: e.start)
        self.starts = [e.start for e in self.people]

    # entities near a position --------------------------------------------------------------

    def entities_in(self, start: int, end: int) -> list[Entity]:
        """Person/organisation mentions inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.people) and self.people[i].start < end:
            if self.people[i].end <= end:
                out.append(self.people[i])
            i += 1
        return out

    def last_person(self, before: int, reach: int = PRONOUN_REACH,
                    skip: Range | None = None) -> Entity | None:
        """The last person mentioned in the ``reach`` characters before ``before``."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0 and self.people[i].start >= before - reach:
            e = self.people[i]
            if e.label == lb.PERSON and not (skip and skip[0] <= e.start < skip[1]):
                return e
            i -= 1
        return None

    def _named(self, e: Entity, span: Range) -> Speaker:
        return Speaker(e.key, e.text, "named", span)

    def _pronoun(self, word: str, at: int, span: Range, skip: Range | None) -> Speaker | None:
        person = self.last_person(at, skip=skip)
        if person is None:
            return None
        return Speaker(person.key, f"{word} ({person.text})", "pronoun", span)

    # subjects of speech verbs -----------------------------------------------------------------

    def subject_after(self, start: int, end: int, skip: Range | None = None) -> Speaker | None:
        """The speaker of a region that follows a quotation: ", said X", ", X said", ", he said"."""
        verb = VERB_RE.search(self.text, start, end)
        if verb is None or _count_words(self.text[start : verb.start()]) > MAX_GAP_WORDS:
            return None
        before = self.entities_in(start, verb.start())
        if before:
            return self._named(before[-1], (before[-1].start, verb.end()))
        lead = [norm_word(w) for w in re.findall(r"[^\W\d_]+", self.text[start : verb.start()])]
        if lead and lead[-1] in PRONOUNS:
            return self._pronoun(lead[-1], start, (start, verb.end()), skip)
        if lead:  # "the official said": someone, but not a name
            return None
        return self.object_after(verb, end, skip)

    def object_after(self, verb: re.Match, end: int, skip: Range | None) -> Speaker | None:
        """ "said Yevhenii Kivshyk, ...", "said the head of the ministry Marek Zielinski"."""
        clause = _CLAUSE_END_RE.search(self.text[verb.end() : end])
        stop = verb.end() + clause.start() if clause else end
        after = self.entities_in(verb.end(), stop)
        persons = [e for e in after if e.label == lb.PERSON]
        if persons:
            return self._named(persons[0], (verb.start(), persons[0].end))
        if after and len(self.text[verb.end() : after[0].start].split()) <= 2:
            return self._named(after[0], (verb.start(), after[0].end))
        word = re.match(r"\s+([^\W\d_]+)", self.text[verb.end() : stop])
        if word and norm_word(word.group(1)) in PRONOUNS:
            return self._pronoun(word.group(1), verb.start(), (verb.start(), verb.end()), skip)
        return None

    def subject_before(self, start: int, end: int, skip: Range | None = None) -> Speaker | None:
        """The speaker of a region that leads into a quotation: "X said:", "X said that rates
        were", "according to X,"."""
        verbs = list(VERB_RE.finditer(self.text, start, end))
        according = list(ACCORDING_RE.finditer(self.text, start, end))
        if according and (not verbs or according[-1].start() > verbs[-1].start()):
            found = self.entities_in(according[-1].end(), end)
            return self._named(found[0], (according[-1].start(), found[0].end)) if found else None
        if not verbs or _count_words(self.text[verbs[-1].end() : end]) > MAX_LEAD_WORDS:
            return None
        verb = verbs[-1]
        found = self.entities_in(start, verb.start())
        if found and _only_apposition(self.text[found[-1].end : verb.start()]):
            return self._named(found[-1], (found[-1].start, verb.end()))
        lead = re.findall(r"[^\W\d_]+", self.text[start : verb.start()])
        if lead and norm_word(lead[-1]) in PRONOUNS:
            return self._pronoun(lead[-1], verb.start(), (verb.start(), verb.end()), skip)
        return None


def _count_words(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


def _only_apposition(between: str) -> bool:
    """Whether the words between a name and its verb are nothing or an apposition
    ("Mário Centeno, Portugal's former finance minister, said")."""
    between = between.strip()
    if not between:
        return True
    return between.startswith(",") and between.endswith(",") and len(between.split()) <= 10
