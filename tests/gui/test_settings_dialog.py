"""The settings dialog and saved settings follow the option table."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLabel, QSpinBox

import core.options
from core.model import Options
from core.options import OPTIONS, LoadOptions, OptionSpec, rows


def dialog_for(options: Options, loading: LoadOptions | None = None):
    from gui.settings_dialog import SettingsDialog

    return SettingsDialog(options, loading=loading)


def test_every_dialog_row_has_its_widget_label_tooltip_and_range(qapp) -> None:
    dialog = dialog_for(Options())
    texts = [w.text() for w in dialog.findChildren(QLabel)] + [
        w.text() for w in dialog.findChildren(QCheckBox)]
    for row in rows(dialog=True):
        widget = dialog.widgets[row.name]
        assert widget.toolTip() == row.tooltip
        assert any(row.label in text for text in texts), row.label
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            assert widget.maximum() == row.maximum
            assert widget.minimum() >= row.minimum
            assert row.check(widget.minimum()) == widget.minimum()  # the lowest value is valid
    assert [r.name for r in OPTIONS if not r.in_dialog] == ["encoding"]
    dialog.deleteLater()


def test_the_dialog_returns_what_was_edited(qapp) -> None:
    dialog = dialog_for(Options(), LoadOptions(encoding="cp1252"))
    dialog.set_value("diff_timeout", 2.5)
    dialog.set_value("semantic", False)
    dialog.set_value("max_size", 12.5)
    dialog.set_value("entities", False)
    assert dialog.options() == Options(diff_timeout=2.5, semantic=False)
    assert dialog.loading() == LoadOptions(max_size=12.5, encoding="cp1252", entities=False)
    dialog.deleteLater()


def test_the_threshold_example_follows_the_value(qapp) -> None:
    dialog = dialog_for(Options(threshold=0.1))
    low = dialog.example.text()
    assert low.count("<b>reworded</b>") == len(core.options.EXAMPLES)
    dialog.set_value("threshold", 0.99)
    high = dialog.example.text()
    assert "<b>reworded</b>" not in high and high.count("not reworded") == 3
    dialog.set_value("threshold", 0.3)
    middle = dialog.example.text()
    assert 0 < middle.count("<b>reworded</b>") < 3
    dialog.deleteLater()


@dataclass(frozen=True)
class WiderOptions(Options):
    max_gap: int = 3


NEW_ROW = OptionSpec("max_gap", "engine", int, label="Sentences skipped between pairs",
                     short="Gap", help="sentences a gap may hold", tooltip="max_gap (--max-gap)",
                     unit="sentences", minimum=0, maximum=9, metavar="N")


def test_a_new_table_row_appears_in_the_dialog(qapp, monkeypatch) -> None:
    monkeypatch.setattr(core.options, "Options", WiderOptions)
    monkeypatch.setattr(core.options, "OPTIONS", (*OPTIONS, NEW_ROW))
    dialog = dialog_for(WiderOptions())
    widget = dialog.widgets["max_gap"]
    assert isinstance(widget, QSpinBox) and (widget.minimum(), widget.maximum()) == (0, 9)
    assert widget.suffix() == " sentences" and widget.value() == 3
    widget.setValue(7)
    assert dialog.options().max_gap == 7
    dialog.deleteLater()


def test_loading_settings_round_trip_and_bad_values_fall_back(qapp) -> None:
    from gui.settings import app_settings, load_loading, load_options, save_loading

    assert load_loading() == LoadOptions()
    save_loading(LoadOptions(max_size=7.5, entities=False))
    assert load_loading() == LoadOptions(max_size=7.5, entities=False)
    store = app_settings()
    store.setValue("loading/max_size", "nan")
    store.setValue("engine/threshold", "7")
    store.sync()
    assert load_loading().max_size == LoadOptions().max_size
    assert load_options().threshold == Options().threshold


@pytest.mark.parametrize("argv, expected", [
    (["--diff-timeout", "2.5"], Options(diff_timeout=2.5)),
    (["--no-semantic", "--min-phrase", "4"], Options(semantic=False, min_phrase=4)),
])
def test_window_takes_every_option_from_the_command_line(qtbot, argv, expected) -> None:
    from gui.window_main import open_window

    window = open_window(argv)
    qtbot.addWidget(window)
    assert window.options == expected
    window.close()


def test_window_refuses_a_nonsense_size_limit(qapp, capsys) -> None:
    from gui.window_main import run_window

    assert run_window(["--max-size", "inf"]) == 2
    assert "--max-size" in capsys.readouterr().err


def test_window_size_limit_and_entities_from_the_command_line(qtbot) -> None:
    from gui.window_main import open_window

    window = open_window(["--max-size", "0.5", "--no-entities"])
    qtbot.addWidget(window)
    assert window.max_bytes == 500_000 and window.entities_enabled is False
    window.close()
