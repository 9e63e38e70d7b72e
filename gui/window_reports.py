"""Print and export entries of the main window; gui.printing is imported only when used."""

from __future__ import annotations

import importlib
import os

from PySide6.QtCore import QObject
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


class Reports(QObject):
    """Print, preview, export and the settings dialog for a MainWindow (a collaborator)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window

    def _report_module(self):
        printing = _printing()
        if printing is None:
            QMessageBox.information(self._window, "Not available",
                                    "Printing and export are not available in this build.")
        return printing

    def _run_report(self, name: str, *args) -> None:
        if self._window.current_result is None:
            return
        printing = self._report_module()
        if printing is None:
            return
        func = getattr(printing, name, None)
        if func is None:
            QMessageBox.information(self._window, "Not available", f"{name} is not available yet.")
            return
        try:
            func(*args)
        except Exception as exc:  # a report failure must never take the window down
            self._window.show_error("Report failed", f"{type(exc).__name__}: {exc}")

    def print_report(self) -> None:
        """File > Print…"""
        window = self._window
        self._run_report("print_result", window, window.current_result, window.view_mode)

    def preview_report(self) -> None:
        """File > Print Preview…"""
        window = self._window
        self._run_report("preview_result", window, window.current_result, window.view_mode)

    def _export(self, name: str, suffix: str, filter_: str) -> None:
        window = self._window
        result = window.current_result
        if result is None:
            return
        a, b = (os.path.splitext(d.name)[0] for d in result.documents)
        default = os.path.join(os.path.dirname(result.documents[0].path or ""),
                               f"{a}-vs-{b}.{suffix}")
        path, _ = QFileDialog.getSaveFileName(window, f"Export {suffix.upper()}", default,
                                              filter_)
        if not path:
            return
        try:  # the report must never replace one of the documents compared
            ensure_not_input(path, [d.path for d in result.documents if d.path])
        except ConcordError as exc:
            window.show_error("Cannot export", str(exc))
            return
        if name == "export_pdf":
            self._run_report(name, result, path, "A4", window.view_mode)
        else:
            self._run_report(name, result, path, window.view_mode)
        window.statusBar().showMessage(f"Exported {path}", 5000)

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

        window = self._window
        loading = LoadOptions(window.max_bytes / MB, window.encoding, window.entities_enabled)
        dialog = SettingsDialog(window.options, window, loading)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        chosen = dialog.loading()
        self._window.max_bytes, self._window.entities_enabled = chosen.max_bytes, chosen.entities
        save_loading(chosen)
        if chosen != loading and dialog.options() == self._window.options:
            self._window.request_compare()  # entities on/off: the next run shows the change
        self.apply_options(dialog.options())
        save_options(self._window.options)

    def apply_options(self, options) -> None:
        """Use ``options`` from now on and compare again if they changed."""
        if options != self._window.options:
            self._window.options = options
            self._window.request_compare()
