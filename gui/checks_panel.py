"""The Checks tab: the editor's checks grouped by kind, each with both passages as evidence."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.checks.model import GROUPS, Check
from core.model import Result
from core.view.summary import counted

CHECK_ROLE = Qt.ItemDataRole.UserRole + 3
AGREEMENTS = "Agreements"
MAX_EVIDENCE = 1_500  # characters of a passage shown as evidence


class ChecksPanel(QWidget):
    """Lists a result's checks by group; selecting one shows its evidence and emits
    ``activated(check)`` so that the window can select both passages (check.a in A,
    check.b in B; either may be None)."""

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: Result | None = None
        self._checks: tuple[Check, ...] = ()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.evidence = QTextBrowser()
        self.evidence.setOpenLinks(False)
        self.status = QLabel("No checks yet.")
        self.status.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.evidence)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)

    def set_result(self, result: Result | None) -> None:
        """Show the checks of ``result`` (None, or checks not run yet, clears the list)."""
        self._result = result
        self._checks = tuple(result.checks or ()) if result is not None else ()
        self.tree.clear()
        self.evidence.clear()
        if result is None:
            self.status.setText("")
            return
        if result.checks is None:
            self.status.setText("Checks run with the entities, after the comparison…")
            return
        issues = sum(1 for c in self._checks if c.is_issue)
        self.status.setText(f"{counted(issues, 'difference')} to look at, "
                            f"{counted(len(self._checks) - issues, 'agreement')}.")
        self._fill()

    def checks(self) -> tuple[Check, ...]:
        """The checks currently shown."""
        return self._checks

    def _fill(self) -> None:
        for heading in (*GROUPS, AGREEMENTS):
            members = [c for c in self._checks
                       if (c.group if c.is_issue else AGREEMENTS) == heading]
            if not members:
                continue
            top = QTreeWidgetItem([f"{heading} ({len(members)})"])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for check in members:
                item = QTreeWidgetItem([f"{check.title}: {check.summary}"])
                item.setToolTip(0, check.summary)
                item.setData(0, CHECK_ROLE, check)
                top.addChild(item)
            self.tree.addTopLevelItem(top)
            top.setExpanded(heading != AGREEMENTS)

    def select(self, check: Check) -> None:
        """Make ``check`` the current item (shows its evidence, emits ``activated``)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, CHECK_ROLE) == check:
                    top.setExpanded(True)
                    self.tree.setCurrentItem(top.child(j))
                    return

    def _on_current(self, item: QTreeWidgetItem | None, _previous=None) -> None:  # type: ignore[no-untyped-def]
        check = item.data(0, CHECK_ROLE) if item is not None else None
        if check is None:
            self.evidence.clear()
            return
        self.evidence.setHtml(self._evidence_html(check))
        self.activated.emit(check)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        check = item.data(0, CHECK_ROLE)
        if check is not None:
            self.activated.emit(check)

    def _evidence_html(self, check: Check) -> str:
        parts = [f"<p><b>{escape(check.title)}</b><br>{escape(check.summary)}</p>"]
        if check.detail:
            parts.append(f"<p><i>{escape(check.detail)}</i></p>")
        for side, rng, marks in ((0, check.a, check.marks_a), (1, check.b, check.marks_b)):
            name = "AB"[side]
            if rng is None or self._result is None:
                parts.append(f"<p><b>{name}:</b> <i>no passage</i></p>")
                continue
            text = self._result.documents[side].text
            line = text.count("\n", 0, rng[0]) + 1
            parts.append(f"<p><b>{name}</b> (line {line}): {_marked(text, rng, marks)}</p>")
        return "".join(parts)


def _marked(text: str, rng: tuple[int, int], marks: tuple[tuple[int, int], ...]) -> str:
    """The passage as HTML with the marked words in bold (cut to MAX_EVIDENCE characters)."""
    end = min(rng[1], rng[0] + MAX_EVIDENCE)
    out, pos = [], rng[0]
    for s, e in sorted(marks):
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        out.append(escape(text[pos:s]))
        out.append(f"<b><u>{escape(text[s:e])}</u></b>")
        pos = e
    out.append(escape(text[pos:end]))
    if end < rng[1]:
        out.append("…")
    return "".join(out).replace("\n", "<br>")
