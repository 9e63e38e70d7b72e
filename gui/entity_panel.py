"""The entity sidebar: entities in both, only in A, only in B, figures that differ; filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model import Result
from core.view.summary import counted

if TYPE_CHECKING:  # core.entities loads its whole pipeline (~0.2 s): not before the window shows
    from core.entities.api import EntityGroup
    from core.entities.figures import FigureDifference

STATUS_TITLES = {"both": "In both", "only_a": "Only in A", "only_b": "Only in B"}
ALL_LABELS = "All labels"
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 2
FIGURES_TITLE = "Figures that differ"

Ranges = list[tuple[int, int]]


class EntityPanel(QWidget):
    """Lists the pair's entities; clicking one emits its mentions in A and in B.

    ``mentions_selected(ranges_a, ranges_b)`` carries lists of (start, end) code-point
    ranges; ``mention_stepped(side, start, end)`` is emitted by the Previous / Next buttons.
    """

    mentions_selected = Signal(list, list)
    mention_stepped = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[EntityGroup] = []
        self._figures: list[FigureDifference] = []
        self._steps: list[tuple[int, int, int]] = []
        self._step = -1
        self.filter_box = QLineEdit(placeholderText="Filter entities…")
        self.filter_box.setClearButtonEnabled(True)
        self.label_filter = QComboBox()
        self.label_filter.addItem(ALL_LABELS)  # the labels come with the first result
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Entity", "A", "B"])
        self.tree.setUniformRowHeights(True)
        # The name takes the room; the two count columns stay as narrow as their numbers.
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel("No entities yet.")
        self.prev_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self._lay_out()
        self.filter_box.textChanged.connect(self._refill)
        self.label_filter.currentTextChanged.connect(self._refill)
        self.tree.currentItemChanged.connect(self._on_current)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.label_filter)
        steps = QHBoxLayout()
        steps.addWidget(self.prev_button)
        steps.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(steps)
        layout.addWidget(self.status)
        self._set_stepping(False)

    def set_result(self, result: Result | None) -> None:
        """Show the entities of ``result`` (None, or a result without entities, clears)."""
        self._groups, self._figures = [], []
        if result is not None:
            from core.entities import labels as lb
            from core.entities.api import entity_groups
            from core.entities.figures import figure_differences

            if self.label_filter.count() == 1:
                self.label_filter.addItems(lb.LABELS)
            self._groups = entity_groups(result)
            self._figures = figure_differences(result)
        if result is None or result.entities is None:
            self.status.setText("Entities are being found…" if result is not None else "")
        else:
            self.status.setText(f"{len(self._groups)} entities."
                                + (f" {counted(len(self._figures), 'figure')} "
                                   f"{'differs' if len(self._figures) == 1 else 'differ'}."
                                   if self._figures else ""))
        self._refill()

    def groups(self) -> list[EntityGroup]:
        """The groups currently held (unfiltered)."""
        return list(self._groups)

    def figures(self) -> list[FigureDifference]:
        """The figure differences currently held (unfiltered)."""
        return list(self._figures)

    def _visible(self, group: EntityGroup) -> bool:
        label = self.label_filter.currentText()
        if label != ALL_LABELS and group.label != label:
            return False
        from core.entities.gazetteer import fold

        needle = fold(self.filter_box.text())
        return not needle or any(needle in fold(v) for v in (group.name, *group.variants))

    def _refill(self) -> None:
        self.tree.clear()
        self._set_stepping(False)
        for status, title in STATUS_TITLES.items():
            members = [g for g in self._groups if g.status == status and self._visible(g)]
            top = QTreeWidgetItem([f"{title} ({len(members)})", "", ""])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            by_label: dict[str, QTreeWidgetItem] = {}
            for group in members:
                parent = by_label.get(group.label)
                if parent is None:
                    parent = QTreeWidgetItem([group.label, "", ""])
                    parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    top.addChild(parent)
                    by_label[group.label] = parent
                parent.addChild(self._row(group))
            top.setExpanded(True)
            for item in by_label.values():
                item.setExpanded(True)
        self._add_figures()
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)

    def _figure_visible(self, diff: FigureDifference) -> bool:
        label = self.label_filter.currentText()
        if label != ALL_LABELS and diff.label != label:
            return False
        from core.entities.gazetteer import fold

        needle = fold(self.filter_box.text())
        return not needle or needle in fold(diff.a_text) or needle in fold(diff.b_text)

    def _add_figures(self) -> None:
        """A fourth group: figures stated differently in a reworded pair (none: no group)."""
        shown = [(i, d) for i, d in enumerate(self._figures) if self._figure_visible(d)]
        if not self._figures:
            return
        top = QTreeWidgetItem([f"{FIGURES_TITLE} ({len(shown)})", "", ""])
        top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        top.setToolTip(0, "The same fact with different figures in a reworded passage")
        self.tree.addTopLevelItem(top)
        for i, diff in shown:
            item = QTreeWidgetItem([f"A: {diff.a_text} | B: {diff.b_text}", "", ""])
            item.setData(0, FIGURE_ROLE, i)
            item.setToolTip(0, f"{diff.label}, reworded passage {diff.match_id + 1}")
            top.addChild(item)
        top.setExpanded(True)

    @staticmethod
    def _row(group: EntityGroup) -> QTreeWidgetItem:
        others = [v for v in group.variants if v != group.name]
        text = group.name if not others else f"{group.name}  ({' / '.join(others)})"
        item = QTreeWidgetItem([text, str(group.count_a), str(group.count_b)])
        item.setData(0, GROUP_ROLE, group.key)
        item.setToolTip(0, f"{group.label}: {' / '.join(group.variants)}")
        return item

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        index = item.data(0, FIGURE_ROLE) if item is not None else None
        if index is not None:
            self.select_figure(self._figures[index])
            return
        key = item.data(0, GROUP_ROLE) if item is not None else None
        group = next((g for g in self._groups if g.key == key), None)
        if group is None:
            self._set_stepping(False)
            return
        self.select_group(group)

    def select_group(self, group: EntityGroup) -> None:
        """Emit ``group``'s mentions and get ready to step through them (A first, then B)."""
        self._steps = [(0, s, e) for s, e in group.mentions_a] + [
            (1, s, e) for s, e in group.mentions_b
        ]
        self._step = -1
        self._set_stepping(len(self._steps) > 1)
        self.mentions_selected.emit(list(group.mentions_a), list(group.mentions_b))

    def select_figure(self, diff: FigureDifference) -> None:
        """Emit both sides of a figure difference; Previous / Next go between them."""
        self._steps = [(0, *diff.a_range), (1, *diff.b_range)]
        self._step = -1
        self._set_stepping(True)
        self.mentions_selected.emit([diff.a_range], [diff.b_range])

    def step(self, delta: int) -> None:
        """Move to the next (``delta`` = 1) or previous (-1) mention of the selected entity."""
        if not self._steps:
            return
        self._step = (self._step + delta) % len(self._steps)
        side, start, end = self._steps[self._step]
        self.status.setText(f"Mention {self._step + 1} of {len(self._steps)} "
                            f"(document {'AB'[side]})")
        self.mention_stepped.emit(side, start, end)

    def _set_stepping(self, enabled: bool) -> None:
        self.prev_button.setEnabled(enabled)
        self.next_button.setEnabled(enabled)
