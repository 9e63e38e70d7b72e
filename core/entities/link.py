"""Group mentions of one entity within a document and link entities across the pair."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from core.entities import labels as lb
from core.entities.correct import Mention
from core.entities.dates import document_date, relative_scope, scope_key
from core.entities.demonyms import country_of
from core.entities.fuzzy import link_near_spellings
from core.entities.gazetteer import fold, lookup_place
from core.entities.numbers import figure_key, find_figures
from core.entities.propagate import propagate
from core.entities.relabel import ORG_LAST_WORDS, is_org_name
from core.model import Entity

COUNTED_LOOKAHEAD = 40  # characters after a number searched for what it counts
_BARE_NUMBER_RE = re.compile(r"number:[\d.]+")
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_PAREN_ACRONYM_RE = re.compile(r"\(((?:[A-Z]\.?){2,6})\)")
_SPLIT_RE = re.compile(r"[\s\-‐‑–]+")
_TRANSLIT = (
    ("ae", "a"), ("oe", "o"), ("ue", "u"),  # German umlauts written out ("Kraemer" = "Krämer")
    ("tch", "ch"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ph", "f"),
    ("ck", "k"), ("w", "v"), ("yi", "i"), ("iy", "i"), ("y", "i"), ("ou", "u"), ("oo", "u"),
)
_US_SPELLINGS = {  # British -> American, for words common in names of organisations
    "centre": "center", "centres": "centers", "theatre": "theater", "defence": "defense",
    "offence": "offense", "licence": "license", "programme": "program", "labour": "labor",
    "harbour": "harbor", "honour": "honor", "metre": "meter", "litre": "liter",
}
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_LINKABLE_BY_SPELLING = frozenset({lb.PERSON, lb.PLACE, lb.ORGANISATION})
_PERSON_OR_ORG = frozenset({lb.PERSON, lb.ORGANISATION})
_PARTICLES = frozenset("van von der den de del della da di du la le ter ten al el bin ibn "
                       "dos das do".split())
_VALUE_LABELS = frozenset({lb.NUMBER, lb.MONEY, lb.PERCENT, lb.DATE, lb.TIME})
_DURATIONS = frozenset(f"number:{u}" for u in (
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century"))
# Labels of names that may disagree across the pair ("... Company" as Work/product on one side)
_NAME_LIKE = frozenset({lb.ORGANISATION, lb.WORK, lb.PLACE})
# A figure's label when the model labelled its mentions differently: the one that says more.
_RICHER = (lb.MONEY, lb.PERCENT, lb.NUMBER)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


@lru_cache(maxsize=65_536)
def translit(text: str) -> str:
    """A rough transliteration-folded form ("Zelenskyy", "Zelensky", "Zelenskiy" agree;
    "Perović", "Perovic"; "Wróbel", "Wrobel"; "Чернова", "Chernova")."""
    s = fold(ascii_form(text)).replace("'", "")
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=16_384)
def ascii_form(text: str) -> str:
    """``text`` in ASCII letters (anyascii: "Perović" -> "Perovic", "Łódź" -> "Lodz")."""
    if text.isascii():
        return text
    from anyascii import anyascii

    return anyascii(text)


def acronym(text: str) -> str | None:
    """``text`` as a bare acronym ("U.N." -> "UN"), or None if it is not one."""
    return text.replace(".", "") if _ACRONYM_RE.match(text) else None


def initials(text: str) -> set[str]:
    """Acronyms a multi-word name could have: of every word, or of its capitalised words."""
    return set(_initials(text))


@lru_cache(maxsize=65_536)
def _initials(text: str) -> frozenset[str]:
    words = [w for w in _SPLIT_RE.split(text.strip()) if w[:1].isalpha()]
    if len(words) < 2:
        return frozenset()
    return frozenset({
        "".join(w[0] for w in words).upper(),
        "".join(w[0] for w in words if w[0].isupper()),
    })


def identity(m: Mention) -> str:
    """What a mention names, as far as its text alone tells: a place id or label + folded text."""
    if m.label == lb.PLACE:
        place = lookup_place(m.text, codes=m.text.replace(".", "").isupper())
        if place is not None:
            return place.id
    if m.label == lb.GROUP:  # "Soviet" stands for the Soviet Union
        place = lookup_place(m.text)
        if place is not None and place.kind == "country":
            return place.id
    if m.label in _VALUE_LABELS:  # "around six million" and "nearly six million": one figure
        key = value_key(m.label, m.text)
        if key is not None:
            return key
    return f"{lb.label_slug(m.label)}:{fold(m.text)}"


def counted_identity(text: str, m: Mention) -> str:
    """A figure's identity with what it counts, read from the words after it: "six million
    Ukrainians" and "six million landmines" are two figures, not one."""
    ident = identity(m)
    if m.label != lb.NUMBER or not _BARE_NUMBER_RE.fullmatch(ident):
        return ident
    length = m.end - m.start
    for fig in find_figures(text[m.start : m.end + COUNTED_LOOKAHEAD]):
        if fig.start < length < fig.end and fig.unit.startswith("number:") and fig.unit[7:]:
            return f"number:{fig.unit[7:]}:{ident[7:]}"
    return ident


def _bare_to_counted(idents: list[str]) -> list[str]:
    """A number stated bare ("forces 3,400 from their homes") joins the one counted figure of
    that value in the same text ("3,400 residents"); with two counted ones it stays apart."""
    counted: dict[str, set[str]] = defaultdict(set)
    for ident in idents:
        if ident.startswith("number:") and ident.count(":") == 2:
            counted[ident.rsplit(":", 1)[1]].add(ident)
    out = []
    for ident in idents:
        if _BARE_NUMBER_RE.fullmatch(ident) and len(found := counted.get(ident[7:], ())) == 1:
            ident = next(iter(found))
        out.append(ident)
    return out


def value_key(label: str, text: str) -> str | None:
    """"number:6000000" for a figure mention that states one value of its own kind."""
    key = figure_key(text)
    if key is None:
        return None
    kind = key.split(":", 1)[0]
    expected = {lb.NUMBER: "number", lb.MONEY: "money", lb.PERCENT: "percent",
                lb.TIME: "time"}.get(label)
    if kind == expected or (label == lb.DATE and kind in ("date", "weekday")):
        return key
    if label in (lb.TIME, lb.DATE) and key.rsplit(":", 1)[0] in _DURATIONS:
        return "duration:" + key.split(":", 1)[1]  # "under 36 hours" = "less than 36 hours"
    return None


def canonical_name(label: str, texts: Sequence[str]) -> str:
    """The name to show for an entity mentioned as ``texts``."""
    counts = Counter(texts)
    ordered = sorted(counts, key=lambda t: (-counts[t], t))
    if label == lb.PLACE:
        for t in ordered:
            place = lookup_place(t, codes=t.replace(".", "").isupper())
            if place is not None and (place.primary or place.name in counts):
                return place.name
    return max(ordered, key=lambda t: (len(_SPLIT_RE.split(t)), counts[t], len(t)))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def paren_expansions(text: str) -> dict[str, str]:
    """Acronyms the text itself expands: "Agence France-Presse (AFP)" -> {"AFP": folded name}."""
    found: dict[str, str] = {}
    for m in _PAREN_ACRONYM_RE.finditer(text):
        acr = m.group(1).replace(".", "")
        before = _SPLIT_RE.split(text[max(0, m.start() - 120) : m.start()].strip())
        for n in range(len(acr), min(len(acr) + 4, len(before)) + 1):
            candidate = " ".join(before[-n:])
            if acr in initials(candidate):
                found.setdefault(acr, fold(candidate))
                break
    return found


@dataclass
class _Group:
    """A set of mentions in one document thought to name one entity."""

    doc: int
    members: list[int]
    label: str = ""
    idents: set[str] = field(default_factory=set)
    spellings: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    surname: str | None = None  # set when every mention is one word (a surname alone)
    folded_names: set[str] = field(default_factory=set)  # names with place variants folded
    full_names: set[str] = field(default_factory=set)  # multi-word person/organisation names


def _group_document(doc: int, mentions: list[Mention], text: str) -> list[_Group]:
    """Union the mentions of one document into groups."""
    idents = _bare_to_counted([counted_identity(text, m) for m in mentions])
    uf = _UnionFind(len(mentions))
    _attach_surnames(mentions, idents, uf)
    by_ident: dict[str, int] = {}
    for i, ident in enumerate(idents):
        if ident in by_ident:
            uf.union(by_ident[ident], i)
        else:
            by_ident[ident] = i
    _attach_acronyms(mentions, idents, by_ident, paren_expansions(text), uf)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[uf.find(i)].append(i)
    return [_describe(doc, idx, mentions, idents) for idx in members.values()]


def _full_names(mentions: list[Mention], part: int) -> dict[str, list[int]]:
    """Multi-word person mentions by their last (``part`` -1) or first (0) word, folded."""
    full: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.label == lb.PERSON and " " in m.text:
            full[fold(m.text.split()[part])].append(i)
    return full


def _attach_surnames(mentions: list[Mention], idents: list[str], uf: _UnionFind) -> None:
    """A one-word person joins the full name ending in that word (the nearest, if several);
    failing that, the full name starting with it ("Maria" after "Maria Kovalenko")."""
    surnames, first_names = _full_names(mentions, -1), _full_names(mentions, 0)
    for i, m in enumerate(mentions):
        if m.label != lb.PERSON or " " in m.text:
            continue
        word = fold(m.text)
        candidates = surnames.get(word) or first_names.get(word)
        if not candidates:
            continue
        if len({idents[j] for j in candidates}) > 1:
            idents[i] = f"ambiguous:{i}"  # two people share the surname: no merging by name
            before = [j for j in candidates if j < i]
            uf.union(i, before[-1] if before else candidates[0])
        else:
            uf.union(i, candidates[0])


def _attach_acronyms(
    mentions: list[Mention],
    idents: list[str],
    by_ident: dict[str, int],
    expansions: dict[str, str],
    uf: _UnionFind,
) -> None:
    """An acronym joins the one multi-word name of the text whose initials it is."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        for acr in initials(m.text):
            by_initials[acr].add(idents[i])
    for i, m in enumerate(mentions):
        acr = acronym(m.text)
        if acr is None or m.label not in lb.NAME_LABELS:
            continue
        targets = by_initials.get(acr, set())
        if acr in expansions:
            targets = targets | {f"{lb.label_slug(m.label)}:{expansions[acr]}"}
        targets = {t for t in targets if t in by_ident}
        if len(targets) == 1:
            uf.union(i, by_ident[targets.pop()])


def _describe(doc: int, idx: list[int], mentions: list[Mention], idents: list[str]) -> _Group:
    ms = [mentions[i] for i in idx]
    labels = Counter(m.label for m in ms)
    g = _Group(doc, idx, label=max(labels, key=lambda lab: (labels[lab], -lb.LABELS.index(lab))))
    if g.label == lb.PERSON and any(" " in m.text for m in ms):
        # a full name is known: the surname alone must not link this person to another
        idx = [i for i in idx if " " in mentions[i].text]
        ms = [mentions[i] for i in idx]
    g.idents = {idents[i] for i in idx if not idents[i].startswith("ambiguous:")}
    for m in ms:
        if g.label in _LINKABLE_BY_SPELLING:
            spelled = translit(m.text)
            # "Anna De Smet" / "Anna Desmet": the same name with or without the spaces
            g.spellings |= {spelled, spelled.replace(" ", "")}
            if g.label in _PERSON_OR_ORG and " " in spelled:
                g.full_names.add(spelled.replace(" ", ""))
        acr = acronym(m.text)
        if acr:
            g.acronyms.add(acr)
        g.initials |= initials(m.text)
    if g.label == lb.PERSON and all(" " not in m.text for m in ms):
        g.surname = fold(ms[0].text)
    if g.label in _NAME_LIKE:
        g.folded_names = {fold_places(m.text) for m in ms
                          if g.label != lb.PLACE or lookup_place(m.text) is None}
    return g


def fold_places(name: str) -> str:
    """A name's transliteration-folded form with every word that names a known place replaced
    by that place ("Kharkiv Water Company" and "Kharkov Water Company" agree)."""
    words = []
    for word in _SPLIT_RE.split(name.strip()):
        place = _place_word(_POSSESSIVE_RE.sub("", word))
        words.append(place.id if place is not None else translit(us_spelling(word)))
    return " ".join(words)


def _place_word(word: str):  # type: ignore[no-untyped-def]
    """The place a word of a name stands for: "Kharkov", "Ukraine('s)", "Ukrainian"."""
    if not word[:1].isupper() or len(word) <= 2 or word in ORG_LAST_WORDS:
        return None  # ("Center" is also a town's name)
    return lookup_place(word) or country_of(word)


def us_spelling(word: str) -> str:
    """A word of a name in American spelling ("Centre" -> "center", "Defence" -> "defense",
    "Organisation" -> "organization"), so that outlets' house styles name one thing alike."""
    low = word.lower()
    if low.endswith(("isation", "isations")):
        return low.replace("isation", "ization")
    return _US_SPELLINGS.get(low, word)


def _cross_keys(g: _Group, expansions: dict[str, str]) -> set[str]:
    """Keys under which a group meets a group of the other document."""
    slug = lb.label_slug(g.label)
    keys = {f"id:{i}" for i in g.idents} | {f"sp:{slug}:{s}" for s in g.spellings}
    keys |= {f"id:{slug}:{expansions[a]}" for a in g.acronyms if a in expansions}
    keys |= {f"nm:{n}" for n in g.folded_names}
    # a full name tagged Person on one side and Organisation on the other is still one name
    keys |= {f"fn:{n}" for n in g.full_names}
    return keys


def _link_acronyms(groups: list[_Group], uf: _UnionFind) -> None:
    """An acronym on one side meets the one name with those initials on the other."""
    named: list[dict[tuple[str, str], set[int]]] = [defaultdict(set), defaultdict(set)]
    for gi, g in enumerate(groups):
        for ini in g.initials:
            named[g.doc][(g.label, ini)].add(gi)
    for gi, g in enumerate(groups):
        for acr in g.acronyms:
            if acr in g.initials:
                # the text spells this acronym out itself: a name spelled out differently on
                # the other side is another body that shares the acronym (FSA / FSA)
                continue
            other = named[1 - g.doc].get((g.label, acr), set())
            if len(other) == 1:
                uf.union(gi, next(iter(other)))


def _link_surnames(groups: list[_Group], mentions: list[list[Mention]], uf: _UnionFind) -> None:
    """A surname (or else a first name) alone on one side meets the one person of that name on
    the other."""
    full = [[defaultdict(set), defaultdict(set)] for _ in (0, 1)]  # [doc][last, first]
    for gi, g in enumerate(groups):
        if g.label == lb.PERSON and g.surname is None:
            for i in g.members:
                words = mentions[g.doc][i].text.split()
                if len(words) > 1:
                    for surname in surname_forms(words):
                        full[g.doc][0][surname].add(gi)
                    full[g.doc][1][fold(words[0])].add(gi)
    for gi, g in enumerate(groups):
        if g.surname is not None:
            last, first = full[1 - g.doc]
            other = (last.get(g.surname) or last.get(g.surname.replace(" ", ""))
                     or first.get(g.surname, set()))
            if len(other) == 1:
                uf.union(gi, next(iter(other)))


def _link_lone_values(groups: list[_Group], uf: _UnionFind) -> None:
    """A number counted differently on each side ("3,400 residents" / "3,400 people") is one
    figure when each side states that value once; with two ("six million Ukrainians", "six
    million landmines") only the same counted thing links."""
    by_value: list[dict[str, set[int]]] = [defaultdict(set), defaultdict(set)]
    for gi, g in enumerate(groups):
        if g.label == lb.NUMBER:
            for ident in g.idents:
                if ident.startswith("number:"):
                    by_value[g.doc][ident.rsplit(":", 1)[1]].add(uf.find(gi))
    for value, roots_a in by_value[0].items():
        roots_b = by_value[1].get(value, set())
        if len(roots_a) == 1 and len(roots_b) == 1:
            uf.union(next(iter(roots_a)), next(iter(roots_b)))


def surname_forms(words: list[str]) -> set[str]:
    """How a full name's surname may be written alone: "Berg", "van der Berg", "Vanderberg"."""
    forms = {fold(words[-1])}
    for k in range(1, len(words) - 1):
        if words[k].lower() in _PARTICLES:
            tail = fold(" ".join(words[k:]))
            forms |= {tail, tail.replace(" ", "")}
            break
    return forms


def link_pair(
    texts: tuple[str, str], mentions: tuple[list[Mention], list[Mention]]
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """Entities of both documents; mentions of one entity, in either document, share a key."""
    mentions = propagate(texts, mentions)
    groups = [g for d in (0, 1) for g in _group_document(d, mentions[d], texts[d])]
    expansions = [paren_expansions(texts[0]), paren_expansions(texts[1])]
    uf = _UnionFind(len(groups))
    anchors = [document_date(texts[0]), document_date(texts[1])]
    seen: dict[str, list[int]] = defaultdict(list)
    for gi, g in enumerate(groups):
        scope = _scope(g, mentions[g.doc], anchors)
        for key in _cross_keys(g, expansions[g.doc]):
            seen[key + scope].append(gi)
    for members in seen.values():
        if len({groups[gi].doc for gi in members}) == 2:
            for gi in members[1:]:
                uf.union(members[0], gi)
    _link_acronyms(groups, uf)
    _link_surnames(groups, [mentions[0], mentions[1]], uf)
    link_near_spellings(groups, [mentions[0], mentions[1]], uf)
    _link_lone_values(groups, uf)
    return _assign_keys(groups, mentions, uf)


def _scope(g: _Group, mentions: list[Mention],
           anchors: list[tuple[int, int, int] | None]) -> str:
    """For a date said relative to the day of writing ("yesterday", "on Tuesday"), when the
    two documents are dated differently: the stretch of time it names ("@2024-W20"), so that
    it meets the same words on the other side only if they name the same days."""
    if g.label not in (lb.DATE, lb.TIME) or None in anchors or anchors[0] == anchors[1]:
        return ""
    scopes = {relative_scope(mentions[i].text) for i in g.members} - {None}
    if not scopes:
        return ""
    narrowest = min(scopes, key=("day", "week", "month", "year").index)
    return f"@{scope_key(narrowest, anchors[g.doc])}"


def _base_key(label: str, texts: list[str]) -> str:
    """"number:6000000" for a figure with one value, else label and slug of the name."""
    if label in _VALUE_LABELS:
        values = {value_key(label, t) for t in texts} - {None}
        if len(values) == 1:  # mentions that state no value of their own join the one stated
            return str(values.pop())
    return f"{lb.label_slug(label)}:{_slug(canonical_name(label, texts))}"


def _component_label(labels: Counter[str], ms: list[Mention]) -> str:
    """The label of linked mentions: the commonest, unless a richer one is known (Money over
    a bare number, Organisation for a name that reads as one)."""
    for richer in _RICHER:
        if richer in labels and set(labels) <= set(_RICHER):
            return richer
    if lb.ORGANISATION in labels and any(is_org_name(m.text) for m in ms):
        return lb.ORGANISATION
    return max(labels, key=lambda lab: (labels[lab], -lb.LABELS.index(lab)))


def _assign_keys(
    groups: list[_Group], mentions: tuple[list[Mention], list[Mention]], uf: _UnionFind
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    components: dict[int, list[_Group]] = defaultdict(list)
    for gi, g in enumerate(groups):
        components[uf.find(gi)].append(g)
    out: list[list[Entity]] = [[], []]
    used: set[str] = set()
    order = sorted(components.values(), key=lambda gs: min((g.doc, g.members[0]) for g in gs))
    for gs in order:
        ms = [mentions[g.doc][i] for g in gs for i in g.members]
        label = _component_label(Counter(g.label for g in gs for _ in g.members), ms)
        base = _base_key(label, [m.text for m in ms])
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}~{n}"
        used.add(key)
        for g in gs:
            for i in g.members:
                m = mentions[g.doc][i]
                out[g.doc].append(Entity(m.text, label, m.start, m.end, key))
    return tuple(sorted(out[0], key=lambda e: e.start)), tuple(
        sorted(out[1], key=lambda e: e.start)
    )
