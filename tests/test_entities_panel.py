"""The entity sidebar widget, on a hand-made result (no model needed)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from core.model import Entity, Result
from gui.entity_panel import EntityPanel

ENTITIES = (
    (
        Entity("Kiev", "Place", 10, 14, "place:kyiv"),
        Entity("Anna Berg", "Person", 20, 29, "person:anna-berg"),
        Entity("Kiev", "Place", 40, 44, "place:kyiv"),
    ),
    (
        Entity("Kyiv", "Place", 5, 9, "place:kyiv"),
        Entity("UNICEF", "Organisation", 30, 36, "organisation:unicef"),
    ),
)


def _result() -> Result:
    return Result(documents=(None, None), spans=((), ()), matches=(), summary=None,  # type: ignore[arg-type]
                  entities=ENTITIES)


def _rows(panel: EntityPanel) -> list[str]:
    out = []
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        out.append(top.text(0))
        for j in range(top.childCount()):
            for k in range(top.child(j).childCount()):
                out.append("  " + top.child(j).child(k).text(0))
    return out


def test_groups_and_variants(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    rows = _rows(panel)
    assert rows[0] == "In both (1)"
    assert rows[1] == "  Kiev  (Kyiv)" or rows[1] == "  Kyiv  (Kiev)"
    assert "Only in A (1)" in rows and "Only in B (1)" in rows


def test_click_emits_mentions_and_steps(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    item = panel.tree.topLevelItem(0).child(0).child(0)
    with qtbot.waitSignal(panel.mentions_selected) as sig:
        panel.tree.setCurrentItem(item)
    assert sig.args == [[(10, 14), (40, 44)], [(5, 9)]]
    with qtbot.waitSignal(panel.mention_stepped) as step:
        panel.step(1)
    assert step.args == [0, 10, 14]
    panel.step(1)
    with qtbot.waitSignal(panel.mention_stepped) as step:
        panel.step(1)
    assert step.args == [1, 5, 9]


def test_filters(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    panel.filter_box.setText("kyiv")
    assert [r for r in _rows(panel) if r.startswith("  ")] == [_rows(panel)[1]]
    panel.filter_box.setText("")
    panel.label_filter.setCurrentText("Person")
    assert [r.strip() for r in _rows(panel) if r.startswith("  ")] == ["Anna Berg"]


FIG_A = "Intro.\nOfficials said 3,400 people had been evacuated by Friday.\n"
FIG_B = "Intro.\nAt least 3,500 people were evacuated by Friday, officials said.\n"


def _figure_result(entities=ENTITIES) -> Result:
    from core.model import Document, Match

    docs = tuple(Document("", n, "utf-8", "text", t) for n, t in (("a", FIG_A), ("b", FIG_B)))
    matches = (Match(0, "shared", (0, 6), (0, 6), 1.0),
               Match(1, "reworded", (7, len(FIG_A) - 1), (7, len(FIG_B) - 1), 0.6))
    return Result(documents=docs, spans=((), ()), matches=matches, summary=None,  # type: ignore[arg-type]
                  entities=entities)


def _figures_top(panel: EntityPanel):
    top = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert top.text(0).startswith("Figures that differ")
    return top


def test_figures_that_differ_are_listed_and_select_both_sides(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_figure_result())
    top = _figures_top(panel)
    assert top.text(0) == "Figures that differ (1)"
    assert panel.status.text().endswith(" 1 figure differs.")  # not "1 figure(s) differ"
    row = top.child(0)
    assert row.text(0) == "A: 3,400 people | B: 3,500 people"
    with qtbot.waitSignal(panel.mentions_selected) as sig:
        panel.tree.setCurrentItem(row)
    (a_range,), (b_range,) = sig.args
    assert FIG_A[a_range[0]:a_range[1]] == "3,400 people"
    assert FIG_B[b_range[0]:b_range[1]] == "3,500 people"
    with qtbot.waitSignal(panel.mention_stepped) as step:
        panel.step(1)
    assert step.args == [0, *a_range]
    with qtbot.waitSignal(panel.mention_stepped) as step:
        panel.step(1)
    assert step.args == [1, *b_range]


def test_figures_follow_the_filters_and_show_before_entities(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_figure_result(entities=None))
    assert _figures_top(panel).childCount() == 1  # figures need no entities
    panel.label_filter.setCurrentText("Person")
    assert _figures_top(panel).text(0) == "Figures that differ (0)"
    panel.label_filter.setCurrentText("Number/quantity")
    panel.filter_box.setText("3,500")
    assert _figures_top(panel).childCount() == 1
    panel.filter_box.setText("tonnes")
    assert _figures_top(panel).childCount() == 0


def test_no_figures_group_without_differences(qtbot) -> None:
    panel = EntityPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    assert panel.tree.topLevelItemCount() == 3
    assert panel.figures() == []
