"""Links across spellings on our own news pair (tests/data/checks/links_*.txt) and the guards
that keep different people and bodies apart."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from core.entities import entity_groups, extract_entities
from core.entities.link import link_pair
from core.entities.mention import Mention
from core.model import Document, Result

DATA = Path(__file__).resolve().parent / "data" / "checks"
EXPECTED = json.loads((DATA / "links.json").read_text(encoding="utf-8"))


@cache
def linked():
    docs = [Document(str(p), p.name, "utf-8", "text", p.read_text(encoding="utf-8"))
            for p in (DATA / "links_a.txt", DATA / "links_b.txt")]
    return docs, extract_entities(docs[0], docs[1])


def keys(entities, text: str) -> set[str]:
    return {e.key for e in entities if e.text == text}


@pytest.mark.parametrize(("a", "b"), EXPECTED["linked"])
def test_spellings_of_one_name_are_linked(a: str, b: str) -> None:
    _, (ea, eb) = linked()
    assert keys(ea, a) and keys(ea, a) == keys(eb, b), (a, b)


@pytest.mark.parametrize(("a", "b"), EXPECTED["apart"])
def test_different_people_sharing_a_surname_stay_apart(a: str, b: str) -> None:
    _, (ea, eb) = linked()
    assert not keys(ea, a) & keys(eb, b)


def test_a_link_by_near_spelling_says_why() -> None:
    docs, ents = linked()
    result = Result(documents=(docs[0], docs[1]), spans=((), ()), matches=(), summary=None,
                    entities=ents)  # type: ignore[arg-type]
    reasons = {v: g.link_reason for g in entity_groups(result) for v in g.variants}
    assert reasons["Youssef al-Amin"] == "spelled differently"
    assert reasons["Food Standards Agency"] == "acronym"
    assert reasons["Inés Márquez"] == ""  # accents alone: the same spelling


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    out, pos = [], 0
    for name, label in names:
        start = text.index(name, pos)
        out.append(Mention(start, start + len(name), label, name))
        pos = start + len(name)
    return out


def test_organisations_sharing_an_acronym_are_not_merged() -> None:
    a = "The Food Standards Agency issued a recall."
    b = "The Financial Services Authority (FSA) fined the bank. The FSA said it would appeal."
    ma = _mentions(a, [("Food Standards Agency", "Organisation")])
    mb = _mentions(b, [("Financial Services Authority", "Organisation"), ("FSA", "Organisation"),
                       ("FSA", "Organisation")])
    ea, eb = link_pair((a, b), (ma, mb))
    assert not {e.key for e in ea} & {e.key for e in eb}


def test_near_spellings_of_two_people_on_one_side_are_not_guessed() -> None:
    a = "Marta Kowalska and Maria Kowalska spoke. Later Marta Kowalska left."
    b = "Marja Kowalska spoke."
    ma = _mentions(a, [("Marta Kowalska", "Person"), ("Maria Kowalska", "Person"),
                       ("Marta Kowalska", "Person")])
    mb = _mentions(b, [("Marja Kowalska", "Person")])
    ea, eb = link_pair((a, b), (ma, mb))
    assert not {e.key for e in ea} & {e.key for e in eb}
