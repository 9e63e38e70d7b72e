"""The `concord` entry point: open the window, or dispatch to a headless command."""

from __future__ import annotations

import sys

from gui.compare_process import CHILD_FLAG  # no Qt there: the entry point stays light

HEADLESS_COMMANDS = {"compare"}
__all__ = ["CHILD_FLAG", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run Concord with ``argv`` (defaults to the process arguments); returns the exit code."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: let spawned workers run
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args == [CHILD_FLAG]:
        import os

        from gui.compare_process import child_main

        code = child_main()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # as in compare_process: its stdin watcher thread is still blocked
    if args and (args[0] in HEADLESS_COMMANDS or args[0] in ("-h", "--help", "--version")):
        from core.cli import main as cli_main

        code = cli_main(args)
        if argv is None:  # this process's own command: nothing is left to do after it
            _exit_now(code)
        return code
    if args and args[0] == "report":
        from gui.report_cli import main as report_main

        return report_main(args[1:])
    from gui.single_instance import launch  # one window for a pair: see that module

    return launch(args)


def _exit_now(code: int) -> None:
    """End the process once its output is out, without tearing the interpreter down: freeing
    the comparison, numpy's and onnxruntime's objects one by one takes 0.05-0.1 s for nothing.
    Exit handlers still run (they stop the entity child, if any is left)."""
    import atexit
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what was written is all there will be
            code = code or 1
    atexit._run_exitfuncs()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
