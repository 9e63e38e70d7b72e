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
