"""Linking rules added for issue 4: figures by value, Soviet, treaties, Washington, first names."""

from __future__ import annotations

from entity_gold import raw_mentions

from core.entities.correct import correct
from core.entities.link import link_pair
from core.model import Entity

_raw = raw_mentions


def _link(a: str, spans_a: list, b: str, spans_b: list) -> dict[tuple[str, str], Entity]:
    ea, eb = link_pair((a, b), (correct(a, _raw(a, *spans_a)), correct(b, _raw(b, *spans_b))))
    return {(side, e.text): e for side, es in (("a", ea), ("b", eb)) for e in es}


def test_numbers_link_by_value() -> None:
    a = "Around six million people voted. Turnout was 14 per cent higher. It cost €4.1 million."
    b = "Nearly six million people voted, fourteen per cent more. The bill: 4.1 million euros."
    got = _link(a, [("Around six million", "CARDINAL"), ("14 per cent", "PERCENT"),
                    ("€4.1 million", "MONEY")],
                b, [("Nearly six million", "CARDINAL"), ("fourteen per cent", "PERCENT"),
                    ("4.1 million euros", "MONEY")])
    assert got["a", "Around six million"].key == got["b", "Nearly six million"].key
    assert got["a", "Around six million"].key == "number:6000000"
    assert got["a", "14 per cent"].key == got["b", "fourteen per cent"].key == "percent:14"
    assert got["a", "€4.1 million"].key == got["b", "4.1 million euros"].key


def test_different_numbers_stay_apart() -> None:
    got = _link("About 3,400 were moved.", [("About 3,400", "CARDINAL")],
                "About 3,500 were moved.", [("About 3,500", "CARDINAL")])
    assert got["a", "About 3,400"].key != got["b", "About 3,500"].key


def test_soviet_links_to_soviet_union() -> None:
    got = _link("Soviet troops left in 1989.", [("Soviet", "NORP")],
                "The Soviet Union withdrew its troops.", [("The Soviet Union", "GPE")])
    assert got["a", "Soviet"].key == got["b", "Soviet Union"].key


def test_conventions_and_treaties_are_law() -> None:
    text = ("The Ottawa Convention bans landmines. The Treaty of Rome was signed. "
            "The Democratic National Convention opened.")
    got = correct(text, _raw(text, ("The Ottawa Convention", "ORG"), ("Treaty of Rome", "EVENT"),
                             ("The Democratic National Convention", "ORG")))
    assert [(m.text, m.label) for m in got] == [
        ("Ottawa Convention", "Law/treaty"), ("Treaty of Rome", "Law/treaty"),
        ("Democratic National Convention", "Organisation")]


def test_washington_is_the_capital_unless_the_state_is_named() -> None:
    got = _link("Washington imposed sanctions.", [("Washington", "GPE")],
                "The US capital, Washington, D.C., imposed sanctions.",
                [("Washington, D.C.", "GPE")])
    assert got["a", "Washington"].key == got["b", "Washington, D.C"].key  # trailing dot trimmed
    assert "city" not in got["a", "Washington"].key  # keys are named, not typed
    state = _link("Wildfires spread in Washington state.", [("Washington state", "GPE")],
                  "Washington said nothing.", [("Washington", "GPE")])
    assert state["a", "Washington state"].key != state["b", "Washington"].key


def test_first_name_alone_joins_the_full_name() -> None:
    a = "Maria Kovalenko, a nurse, said bandages ran out. Maria said more were coming."
    b = "The nurse Maria Kovalenko asked for bandages."
    got = _link(a, [("Maria Kovalenko", "PERSON"), ("Maria", "PERSON")],
                b, [("Maria Kovalenko", "PERSON")])
    key = got["a", "Maria Kovalenko"].key
    assert got["a", "Maria"].key == key == got["b", "Maria Kovalenko"].key


def test_first_name_alone_across_the_pair() -> None:
    got = _link("Hans Kluge spoke in Copenhagen.", [("Hans Kluge", "PERSON")],
                "Hans said the water was safe.", [("Hans", "PERSON")])
    assert got["a", "Hans Kluge"].key == got["b", "Hans"].key


def test_shared_first_name_is_not_merged_across_people() -> None:
    a = "Maria Kovalenko and Maria Petrenko met. Maria Petrenko left; Maria stayed."
    got = _link(a, [("Maria Kovalenko", "PERSON"), ("Maria Petrenko", "PERSON"),
                    ("Maria Petrenko", "PERSON"), ("Maria", "PERSON")], "Nothing.", [])
    assert got["a", "Maria Kovalenko"].key != got["a", "Maria Petrenko"].key


def test_name_before_river_is_a_place() -> None:
    text = "After the Ilva river burst its banks, the Ilva Group said nothing."
    got = correct(text, _raw(text, ("Ilva", "ORG"), ("the Ilva Group", "ORG")))
    assert [(m.text, m.label) for m in got] == [("Ilva", "Place"), ("Ilva Group", "Organisation")]
