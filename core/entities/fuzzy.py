"""Near spellings of one person's name across the pair ("Yusuf Al-Amin" / "Youssef al-Amin"),
linked only when nothing else on either side comes as close (InDel edit distance)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from core.entities import labels as lb
from core.entities.mention import Mention

MIN_NAME = 85.0  # ratio (0-100, as rapidfuzz's fuzz.ratio) of the whole transliterated names
MIN_SURNAME = 80.0  # ...and of the surnames
MIN_FIRST = 70.0  # ...and of the first names


def _names(groups: list[Any], mentions: list[list[Mention]]) -> list[tuple[int, str]]:
    """(group index, transliterated full name) for person groups with a full name."""
    from core.entities.link import translit

    out = []
    for gi, g in enumerate(groups):
        if g.label != lb.PERSON:
            continue
        for i in g.members:
            text = mentions[g.doc][i].text
            if " " in text.strip():
                out.append((gi, translit(text)))
                break
    return out


def _lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of ``a`` and ``b`` (bit-parallel, Hyyrö 2004:
    one big-integer step per character of ``b``)."""
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full  # a 0 bit marks a position of ``a`` that ends a common subsequence
    for ch in b:
        u = v & masks.get(ch, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


def ratio(a: str, b: str) -> float:
    """How alike two strings are, 0-100: rapidfuzz's ``fuzz.ratio``, the normalised InDel
    similarity, computed the same way so that the scores are equal to the last bit."""
    total = len(a) + len(b)
    if not total:
        return 100.0
    distance = total - 2 * _lcs_length(a, b)
    return (1.0 - distance / total) * 100


def _close(x: str, y: str) -> float:
    """How alike two full names are (0-100), 0 when first names or surnames disagree."""
    wx, wy = x.split(), y.split()
    if ratio(wx[0], wy[0]) < MIN_FIRST:
        return 0.0
    if ratio(wx[-1], wy[-1]) < MIN_SURNAME:
        return 0.0
    return ratio(x, y)


def link_near_spellings(groups: list[Any], mentions: list[list[Mention]], uf: Any) -> None:
    """Join person groups of the two documents whose names are spelled nearly alike, when
    neither is already linked across and the best match is unambiguous on both sides."""
    names = _names(groups, mentions)
    sides: list[list[tuple[int, str]]] = [[], []]
    for gi, name in names:
        sides[groups[gi].doc].append((gi, name))
    docs_of: dict[int, set[int]] = defaultdict(set)
    for gi, g in enumerate(groups):
        docs_of[uf.find(gi)].add(g.doc)

    def linked(gi: int) -> bool:
        return len(docs_of[uf.find(gi)]) == 2

    by_initial: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for gi, name in sides[1]:
        by_initial[name.split()[-1][:1]].append((gi, name))
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for gi, name in sides[0]:
        if linked(gi):
            continue
        for gj, other in by_initial.get(name.split()[-1][:1], ()):
            if not linked(gj) and (score := _close(name, other)) >= MIN_NAME:
                best[gi].append((score, gj))
                best[-1 - gj].append((score, gi))
    for gi, found in best.items():
        if gi < 0 or len(found) != 1:
            continue
        gj = found[0][1]
        if len(best[-1 - gj]) == 1:
            uf.union(gi, gj)
