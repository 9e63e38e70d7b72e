"""The Settings dialog: the engine options, validated by the widgets' ranges."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.model import Options


class SettingsDialog(QDialog):
    """Edit :class:`Options`; ``options()`` returns what the user chose."""

    def __init__(self, options: Options, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comparison settings")
        self.min_phrase = QSpinBox()
        self.min_phrase.setRange(1, 1000)  # the engine's own limits, as on the command line
        self.min_phrase.setSuffix(" words")
        self.min_phrase.setToolTip("Shortest verbatim run, in words, that counts as shared.")
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.001, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(3)  # a value given on the command line survives OK
        self.threshold.setToolTip("Sentence similarity at or above which a pair is reworded.")
        self.fold_case = QCheckBox("Ignore letter case")
        self.fold_punctuation = QCheckBox("Ignore punctuation and quote styles")
        self.diff_timeout = QDoubleSpinBox()
        self.diff_timeout.setRange(0.1, 30.0)
        self.diff_timeout.setSuffix(" s")
        self.diff_timeout.setToolTip("Time the word diff may spend on one reworded pair.")
        self._build_layout()
        self.set_options(options)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow("Minimum shared phrase:", self.min_phrase)
        form.addRow("Reworded threshold:", self.threshold)
        form.addRow("", self.fold_case)
        form.addRow("", self.fold_punctuation)
        form.addRow("Word-diff time limit:", self.diff_timeout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.set_options(Options()))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Changes apply to the next comparison; both files are "
                                "compared again when you press OK."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def set_options(self, options: Options) -> None:
        """Show ``options`` in the widgets."""
        self.min_phrase.setValue(options.min_phrase)
        self.threshold.setValue(options.threshold)
        self.fold_case.setChecked(options.fold_case)
        self.fold_punctuation.setChecked(options.fold_punctuation)
        self.diff_timeout.setValue(options.diff_timeout)

    def options(self) -> Options:
        """The options as currently edited."""
        return Options(min_phrase=self.min_phrase.value(),
                       threshold=round(self.threshold.value(), 3),
                       fold_case=self.fold_case.isChecked(),
                       fold_punctuation=self.fold_punctuation.isChecked(),
                       diff_timeout=self.diff_timeout.value())
