"""Print and export entries of the main window; gui.printing is imported only when used."""

from __future__ import annotations

import importlib
import os

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.errors import ConcordError
from core.fileio import ensure_not_input
from gui.settings_dialog import SettingsDialog


def _printing():
    """The gui.printing module, or None when it is not available yet."""
    try:
        return importlib.import_module("gui.printing")
    except ImportError:
        return None


class ReportsMixin:
    """Report menu slots and the settings dialog; mixed into MainWindow."""

    def _report_module(self):
        printing = _printing()
        if printing is None:
            QMessageBox.information(self, "Not available",
                                    "Printing and export are not available in this build.")
        return printing

    def _run_report(self, name: str, *args) -> None:
        if self._result is None:
            return
        printing = self._report_module()
        if printing is None:
            return
        func = getattr(printing, name, None)
        if func is None:
            QMessageBox.information(self, "Not available", f"{name} is not available yet.")
            return
        try:
            func(*args)
        except Exception as exc:  # a report failure must never take the window down
            self.show_error("Report failed", f"{type(exc).__name__}: {exc}")

    def print_report(self) -> None:
        """File > Print…"""
        self._run_report("print_result", self, self._result, self.view_mode)

    def preview_report(self) -> None:
        """File > Print Preview…"""
        self._run_report("preview_result", self, self._result, self.view_mode)

    def _export(self, name: str, suffix: str, filter_: str) -> None:
        if self._result is None:
            return
        a, b = (os.path.splitext(d.name)[0] for d in self._result.documents)
        default = os.path.join(os.path.dirname(self._result.documents[0].path or ""),
                               f"{a}-vs-{b}.{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, f"Export {suffix.upper()}", default, filter_)
        if path:
            try:  # the report must never replace one of the documents compared
                ensure_not_input(path, [d.path for d in self._result.documents if d.path])
            except ConcordError as exc:
                self.show_error("Cannot export", str(exc))
                return
            if name == "export_pdf":
                self._run_report(name, self._result, path, "A4", self.view_mode)
            else:
                self._run_report(name, self._result, path, self.view_mode)
            self.statusBar().showMessage(f"Exported {path}", 5000)

    def export_pdf(self) -> None:
        """File > Export > PDF…"""
        self._export("export_pdf", "pdf", "PDF (*.pdf)")

    def export_html(self) -> None:
        """File > Export > HTML…"""
        self._export("export_html", "html", "HTML (*.html *.htm)")

    def edit_settings(self) -> None:
        """Edit > Settings…: change the engine options, remember them, compare again."""
        from core.options import MB, LoadOptions
        from gui.settings import save_loading, save_options

        loading = LoadOptions(self.max_bytes / MB, self.encoding, self.entities_enabled)
        dialog = SettingsDialog(self.options, self, loading)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.loading()
        self.max_bytes, self.entities_enabled = chosen.max_bytes, chosen.entities
        save_loading(chosen)
        if chosen != loading and dialog.options() == self.options:
            self.request_compare()  # entities on/off: the next run shows the change
        self.apply_options(dialog.options())
        save_options(self.options)

    def apply_options(self, options) -> None:
        """Use ``options`` from now on and compare again if they changed."""
        if options != self.options:
            self.options = options
            self.request_compare()
