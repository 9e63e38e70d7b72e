"""The Settings dialog, generated from the option table (core.options.OPTIONS)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.model import Options
from core.options import EXAMPLES, LoadOptions, OptionSpec, example_similarity, rows

SECTION_TITLES = {"engine": "Comparing", "load": "Opening files"}


def make_widget(row: OptionSpec) -> QWidget:
    """The editor for one row: a check box, or a spin box holding the row's range."""
    if row.type is bool:
        widget: QWidget = QCheckBox(row.label)
    elif row.type is int:
        widget = QSpinBox()
        widget.setRange(int(row.minimum or 0) + int(row.minimum_excluded),
                        int(row.maximum if row.maximum is not None else 2**31 - 1))
        widget.setSingleStep(int(row.step))
    else:
        widget = QDoubleSpinBox()
        widget.setDecimals(row.decimals)  # before the range: the range is rounded to it
        smallest = 10.0 ** -row.decimals
        widget.setRange((row.minimum or 0.0) + (smallest if row.minimum_excluded else 0.0),
                        row.maximum if row.maximum is not None else 1e9)
        widget.setSingleStep(row.step)
    if row.unit and not isinstance(widget, QCheckBox):
        widget.setSuffix(f" {row.unit}")
    widget.setToolTip(row.tooltip)
    widget.setAccessibleName(row.label)
    widget.setObjectName(f"option-{row.name}")
    return widget


class SettingsDialog(QDialog):
    """Edit :class:`Options` and the shown :class:`LoadOptions`; ``options()`` / ``loading()``
    return what the user chose."""

    def __init__(self, options: Options, parent: QWidget | None = None,
                 loading: LoadOptions | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comparison settings")
        self.widgets: dict[str, QWidget] = {r.name: make_widget(r) for r in rows(dialog=True)}
        self.example = QLabel()
        self.example.setWordWrap(True)
        self.example.setObjectName("threshold-example")
        self.example.setToolTip("Word-overlap score of each pair (the engine's lexical TF-IDF "
                                "scorer); a pair counts as reworded at or above the value "
                                "chosen. With meaning-based matching on, pairs near the value "
                                "are also put to the sentence-embedding model.")
        self._scores = [example_similarity(a, b) for a, b in EXAMPLES]
        self._base = options
        self._loading = loading or LoadOptions()
        self._build_layout()
        self.set_options(options, self._loading)
        threshold = self.widgets.get("threshold")
        if isinstance(threshold, QDoubleSpinBox):
            threshold.valueChanged.connect(self._show_example)
        self._show_example()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Changes apply to the next comparison; both files are "
                                "compared again when you press OK."))
        for scope, title in SECTION_TITLES.items():
            box = QGroupBox(title)
            form = QFormLayout(box)
            for row in rows(scope, dialog=True):  # type: ignore[arg-type]
                widget = self.widgets[row.name]
                if isinstance(widget, QCheckBox):
                    form.addRow(widget)
                else:
                    label = QLabel(f"{row.label}:")
                    label.setWordWrap(True)
                    label.setBuddy(widget)
                    form.addRow(label, widget)
                if row.name == "threshold":
                    form.addRow(self.example)
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.set_options(Options(), LoadOptions()))
        layout.addWidget(buttons)

    def _show_example(self) -> None:
        """Each example pair with its score and whether it counts as reworded at this value."""
        value = self.value("threshold") if "threshold" in self.widgets else 0.0
        lines = []
        for (a, b), score in zip(EXAMPLES, self._scores):
            verdict = "reworded" if score >= value else "not reworded"
            lines.append(f"<li><b>{verdict}</b> (similarity {score:.2f}): “{a}” / “{b}”</li>")
        self.example.setText(f"For example, at {value:g}:<ul style='margin:0'>"
                             + "".join(lines) + "</ul>")

    def value(self, name: str) -> object:
        """The value of one option as edited."""
        widget = self.widgets[name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QDoubleSpinBox):
            return round(widget.value(), widget.decimals())
        return widget.value()  # type: ignore[attr-defined]

    def set_value(self, name: str, value: object) -> None:
        """Show ``value`` in the widget of option ``name``."""
        widget = self.widgets[name]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            widget.setValue(value)  # type: ignore[attr-defined]

    def set_options(self, options: Options, loading: LoadOptions | None = None) -> None:
        """Show ``options`` (and ``loading``, if given) in the widgets."""
        for name in self.widgets:
            owner = options if hasattr(options, name) else loading
            if owner is not None:
                self.set_value(name, getattr(owner, name))

    def options(self) -> Options:
        """The engine options as currently edited."""
        return replace(self._base,
                       **{r.name: self.value(r.name) for r in rows("engine", dialog=True)})

    def loading(self) -> LoadOptions:
        """The loading options as currently edited (the encoding is kept as given)."""
        return replace(self._loading,
                       **{r.name: self.value(r.name) for r in rows("load", dialog=True)})
