"""The Checks tab widget on a hand-made result (no model needed)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from core.checks.model import Check, sort_checks
from core.model import Document, Result
from gui.checks_panel import ChecksPanel

A = 'The port said 35 ships waited. "We will strike," Bakker said.'
B = 'The port said 40 ships waited. "We will strike," said Visser.'
CHECKS = sort_checks([
    Check("figure_differs", (0, 30), (0, 30),
          "The figure differs: “35 ships” in A, “40 ships” in B.", "", ((14, 22),), ((14, 22),)),
    Check("quote_attributed_elsewhere", (31, 61), (31, 61),
          "The quotation “We will strike,” is attributed to someone else.",
          "A attributes it to Bakker, B to Visser."),
    Check("credit_only_a", (0, 30), None, "A credits AFP; B never names AFP."),
    Check("quote_identical", (31, 48), (31, 48), "The quotation “We will strike,” is the same."),
])


def _result(checks=CHECKS) -> Result:
    docs = (Document("a", "a", "utf-8", "text", A), Document("b", "b", "utf-8", "text", B))
    return Result(documents=docs, spans=((), ()), matches=(), summary=None,  # type: ignore[arg-type]
                  entities=((), ()), checks=checks)


def test_checks_are_grouped_by_kind_with_agreements_last(qtbot) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    tops = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert tops == ["Quotations (1)", "Attribution and credit (1)", "Figures and dates (1)",
                    "Agreements (1)"]
    assert panel.status.text() == "3 differences to look at, 1 agreement."


def test_selecting_a_check_emits_it_and_shows_both_passages(qtbot) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    figure = next(c for c in CHECKS if c.kind == "figure_differs")
    with qtbot.waitSignal(panel.activated) as signal:
        panel.select(figure)
    assert signal.args == [figure]
    shown = panel.evidence.toPlainText()
    assert "35 ships" in shown and "40 ships" in shown and "line 1" in shown


def test_a_check_with_one_passage_says_the_other_has_none(qtbot) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    panel.select(next(c for c in CHECKS if c.kind == "credit_only_a"))
    assert "B: no passage" in panel.evidence.toPlainText()


def test_before_the_checks_ran_the_list_is_empty_and_says_so(qtbot) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_result(_result(checks=None))
    assert panel.tree.topLevelItemCount() == 0 and "after the comparison" in panel.status.text()
    panel.set_result(None)
    assert panel.status.text() == ""
