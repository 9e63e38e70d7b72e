"""The sidebar's Summary tab: similarity figures and the list of matches."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.model import Match, Result
from core.view.summary import figure_rows, match_number, percent, verdict
from gui.palette import LIGHT, Theme

COLUMNS = ("#", "Kind", "Sim.", "A", "B")
COLUMN_TIPS = ("Match number (the same number as in the report and the command line)",
               "Shared word for word or reworded; (moved): out of order",
               "Similarity of the two passages", "The passage in A", "The passage in B")
EXCERPT = 48


def excerpt(text: str, start: int, end: int) -> str:
    """A one-line excerpt of text[start:end]."""
    snippet = " ".join(text[start:min(end, start + EXCERPT * 2)].split())
    return snippet if len(snippet) <= EXCERPT else snippet[:EXCERPT - 1] + "…"


def match_label(match: Match) -> str:
    """'reworded (moved)'."""
    return match.kind + (" (moved)" if match.moved else "")


class MatchModel(QAbstractTableModel):
    """The matches of a result as table rows (lazy: cheap for thousands of matches)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._result: Result | None = None
        self._rows: list[Match] = []
        self._theme = LIGHT

    def set_result(self, result: Result | None, theme: Theme) -> None:
        """Show the matches of ``result`` ordered along A."""
        self.beginResetModel()
        self._result = result
        self._theme = theme
        self._rows = sorted(result.matches, key=lambda m: m.a) if result else []
        self.endResetModel()

    def match_at(self, row: int) -> Match:
        """The match on ``row``."""
        return self._rows[row]

    def row_of(self, match_id: int) -> int:
        """The row showing ``match_id`` (-1 when absent)."""
        for row, match in enumerate(self._rows):
            if match.id == match_id:
                return row
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return COLUMN_TIPS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._result is None:
            return None
        match = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(match, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(self._theme.strong[match.kind])
        if role == Qt.ItemDataRole.ToolTipRole:
            docs = self._result.documents
            where = ", ".join(f"{side} {doc.location_at(rng[0])}" for side, doc, rng in
                              (("A", docs[0], match.a), ("B", docs[1], match.b))
                              if doc.location_at(rng[0]))
            return (f"Match {match_number(match)}: {match_label(match)}, "
                    f"similarity {percent(match.similarity)}" + (f" · {where}" if where else ""))
        return None

    def _display(self, match: Match, column: int) -> str:
        docs = self._result.documents if self._result else None
        if column == 0:
            return str(match_number(match))
        if column == 1:
            return match_label(match)
        if column == 2:
            return percent(match.similarity)
        side = column - 3
        rng = match.a if side == 0 else match.b
        return excerpt(docs[side].text, *rng) if docs else ""


class SummaryPanel(QWidget):
    """Figures of the comparison plus a list of matches; activating a row selects it."""

    match_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = QLabel("No comparison yet.\n\nOpen or drop two files.")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._echo = True  # False while the window selects a row itself
        self.model = MatchModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName("List of matches")
        self.figures.setAccessibleName("Comparison summary")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        # a click on the row already current jumps again (the user scrolled away meanwhile)
        self.view.clicked.connect(lambda index: self._row_changed(index, QModelIndex()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.figures)
        self.position = QLabel("Matches:")
        self.position.setObjectName("match-position")
        layout.addWidget(self.position)
        layout.addWidget(self.view, 1)

    def set_result(self, result: Result | None, theme: Theme = LIGHT,
                   boilerplate: tuple[int, int] = (0, 0)) -> None:
        """Show ``result``'s figures (boilerplate counted apart) and matches."""
        self.model.set_result(result, theme)
        self.figures.setText(summary_html(result, boilerplate) if result
                             else "No comparison yet.")
        self.figures.setToolTip("A: {}\nB: {}".format(*(d.name for d in result.documents))
                                if result else "")
        self.position.setText(f"Matches ({len(result.matches)}), select to jump:"
                              if result else "Matches:")
        header = self.view.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):  # the excerpts share what the figures leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column >= 3
                                        else QHeaderView.ResizeMode.ResizeToContents)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # Narrow sidebar: the colour swatch beside the number says the kind (so does the
        # row's tooltip); the excerpts of A and B keep their room.
        self.view.setColumnHidden(1, self.width() < 320)

    def show_position(self, text: str) -> None:
        """'Match 3 of 16' above the list (where F7 / the list selection stands)."""
        self.position.setText(text)

    def select_match(self, match_id: int) -> None:
        """Select the row of ``match_id`` without re-emitting."""
        row = self.model.row_of(match_id)
        if row < 0:
            return
        # The selection model must signal the view (or the row is never drawn selected):
        # the echo back to the window is what is suppressed.
        self._echo = False
        try:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._echo = True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._echo:
            self.match_activated.emit(self.model.match_at(current.row()).id)


def summary_html(result: Result, boilerplate: tuple[int, int] = (0, 0)) -> str:
    """The verdict, then the similarity figures as a small table headed A / B."""
    body = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>&nbsp;{a}</td>"
                   f"<td align='right'>&nbsp;{b}</td></tr>"
                   for label, a, b in figure_rows(result, boilerplate))
    s = result.summary
    matches = (f"<p>{s.shared_matches} shared and {s.reworded_matches} reworded matches"
               f" ({s.moved_matches} moved); compared in {result.elapsed:.2f} s.</p>")
    return (f"<p><b>{html.escape(verdict(result))}</b></p>"
            f"<table cellspacing='2'><tr><td></td><td align='right'><b>A</b></td>"
            f"<td align='right'><b>B</b></td></tr>{body}</table>{matches}")
