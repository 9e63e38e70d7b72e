"""Entries a reader would call wrong (issue #11, part 2), on our own short texts."""

from __future__ import annotations

from functools import cache

from core.entities import entity_groups, extract_entities
from core.model import Document, Result

A = ("The Latvian Interior Ministry admitted today that the country will not meet its pledge to "
     "destroy about two million shells under the Cluster Munitions Prohibition Agreement's "
     "Riga Action Plan. Officials said two men were hurt. The floods affected two million "
     "Latvians, and a further 20 to 30 millimetres of rain is expected.")
B = ("Latvia will not destroy about two million shells, a Latvian official said, under the Riga "
     "Action Plan of the Cluster Munitions Prohibition Agreement. \"There is no place for "
     "these arms in today's world,\" she said. One man was hurt. A further 20 to 30 mm of rain "
     "is expected.")


@cache
def groups():
    docs = (Document("a", "a", "utf-8", "text", A), Document("b", "b", "utf-8", "text", B))
    ents = extract_entities(*docs)
    result = Result(documents=docs, spans=((), ()), matches=(), summary=None,  # type: ignore[arg-type]
                    entities=ents)
    return ents, entity_groups(result)


def test_bare_small_numbers_are_not_entities() -> None:
    ents, _ = groups()
    assert not [e for side in ents for e in side if e.text.lower() in ("one", "two")]


def test_todays_in_general_is_not_a_date() -> None:
    ents, _ = groups()
    assert not [e for e in ents[1] if e.text.lower().startswith("today")]


def test_a_range_is_one_figure_linked_across_spellings() -> None:
    _, gs = groups()
    ranges = [g for g in gs if "20 to 30" in g.name]
    assert len(ranges) == 1 and ranges[0].status == "both"
    assert set(ranges[0].variants) == {"20 to 30 millimetres", "20 to 30 mm"}


def test_a_treaty_name_is_tagged_as_law() -> None:
    _, gs = groups()
    treaty = [g for g in gs if g.name == "Cluster Munitions Prohibition Agreement"]
    assert treaty and treaty[0].label == "Law/treaty" and treaty[0].status == "both"


def test_figures_are_keyed_by_what_they_count() -> None:
    _, gs = groups()
    millions = {g.name: g.status for g in gs if "two million" in g.name}
    # the shells, in both; the Latvians, only in A: not one merged figure
    assert millions == {"about two million": "both", "two million": "only_a"}


def test_a_name_inside_a_longer_name_counts_as_present() -> None:
    _, gs = groups()
    plan = [g for g in gs if g.name == "Riga Action Plan"]
    assert plan and plan[0].status == "both"
    latvian = [g for g in gs if g.name == "Latvian" and g.label == "Nationality/group"]
    assert latvian and latvian[0].status == "both"
