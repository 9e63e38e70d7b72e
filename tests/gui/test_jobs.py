"""The one job runner behind compare and entity jobs: newest wins, cancel, failures."""

from __future__ import annotations

import threading

from core.errors import Cancelled
from gui.jobs import JobRunner


def test_newest_job_wins_and_stale_reports_are_dropped(qtbot):
    runner = JobRunner(threads=2)
    release = threading.Event()
    got = []
    runner.finished.connect(got.append)
    runner.run(lambda progress, cancel: (release.wait(5), "old")[1])
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(lambda progress, cancel: "new")
    release.set()
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: runner.dropped == 1, timeout=5000)
    assert got == ["new"] and not runner.busy and runner.current_job == 2


def test_cancel_reaches_the_job_and_the_ui(qtbot):
    runner = JobRunner(threads=1)
    started = threading.Event()

    def work(progress, should_cancel):
        started.set()
        while not should_cancel():
            progress("waiting", 0.5)
        raise Cancelled()

    runner.run(work)
    assert started.wait(5)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        runner.cancel()
    assert runner.wait(5000) and not runner.busy


def test_failures_are_reported_not_raised(qtbot):
    runner = JobRunner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.run(lambda progress, cancel: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_compare_and_entity_jobs_share_the_runner(window):
    from gui.window_entities import EntityController
    from gui.worker import CompareRunner

    controller = EntityController(window, extract=lambda a, b, should_cancel: ((), ()))
    assert isinstance(window.runner, JobRunner) and isinstance(window.runner, CompareRunner)
    assert isinstance(controller.runner, JobRunner)


def test_the_window_has_collaborators_not_mixins():
    """Design: the window renders; navigation, files and reports are small collaborators."""
    from PySide6.QtWidgets import QMainWindow

    from gui.main_window import MainWindow

    assert MainWindow.__mro__[1] is QMainWindow
    assert {"next_difference", "swap_sides", "export_pdf"} <= set(dir(MainWindow))
