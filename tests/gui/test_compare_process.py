"""The child-process engine runner: same results, cancel, crashes reported."""

from __future__ import annotations

import queue

import pytest
from gui_fixtures import FILE_A, FILE_B

from core.comparison.engine import compare
from core.errors import Cancelled
from core.readers.load import document_from_text
from gui.compare_process import WorkerCrashed, _wait, compare_in_process


def test_child_process_gives_the_same_result():
    a, b = document_from_text(FILE_A, "a.txt"), document_from_text(FILE_B, "b.txt")
    stages = []
    result = compare_in_process(a, b, progress=lambda stage, f: stages.append(stage))
    direct = compare(a, b)
    assert result.matches == direct.matches
    assert result.spans == direct.spans
    assert result.documents[0].text == FILE_A


def test_cancel_stops_waiting_for_the_child():
    a, b = document_from_text(FILE_A * 50, "a.txt"), document_from_text(FILE_B * 50, "b.txt")
    with pytest.raises(Cancelled):
        compare_in_process(a, b, should_cancel=lambda: True)


def test_a_child_that_dies_is_reported():
    class Dead:
        def wait(self, timeout=None):
            return -9

    inbox: queue.Queue = queue.Queue()
    inbox.put(("gone", None))
    with pytest.raises(WorkerCrashed, match="exit code -9"):
        _wait(Dead(), inbox, None, None)


def test_engine_errors_come_back_as_they_were():
    from core.errors import OptionError
    from core.model import Options

    a, b = document_from_text(FILE_A, "a.txt"), document_from_text(FILE_B, "b.txt")
    with pytest.raises(OptionError):
        compare_in_process(a, b, options=Options(min_phrase=0))


def test_a_frozen_build_starts_itself_as_the_child(monkeypatch) -> None:
    import sys

    from gui import compare_process

    assert compare_process.child_command()[1:] == ["-m", "gui.compare_process"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    from gui.app import CHILD_FLAG

    assert compare_process.child_command() == [sys.executable, CHILD_FLAG]


def test_no_import_circle_between_the_entry_point_and_the_worker():
    """gui.compare_process must not import gui.app (the entry point imports it)."""
    import ast
    from pathlib import Path

    from gui import compare_process

    source = Path(compare_process.__file__).read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom)}
    assert "gui.app" not in imported and "gui" not in imported
