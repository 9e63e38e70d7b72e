"""Whether this process may be forked now: one check for every child Concord starts."""

from __future__ import annotations

import multiprocessing
import sys
import threading

# Modules that start threads of their own (or hold locks a fork would copy): once one is
# loaded, children are spawned rather than forked.
THREADED_MODULES = ("onnxruntime", "torch")


def fork_safe() -> bool:
    """Whether this process can be forked safely now (one thread, no threaded library; Linux:
    on macOS system frameworks may not survive a fork, and Windows has none)."""
    return (sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
            and not any(name in sys.modules for name in THREADED_MODULES)
            and not _qt_application_running())


def _qt_application_running() -> bool:
    """Whether Qt has an application object (and with it threads and an event loop).

    Qt merely imported starts no thread: the frozen app's PyInstaller hook imports QtCore
    before any command runs, which must not stop the command line's children from forking.
    """
    qtcore = sys.modules.get("PySide6.QtCore")  # looked up, never imported: core has no Qt
    application = getattr(qtcore, "QCoreApplication", None)
    return application is not None and application.instance() is not None


def start_method() -> str:
    """"fork" when it is safe (quick, needs no importable main module), else "spawn"."""
    return "fork" if fork_safe() else "spawn"
