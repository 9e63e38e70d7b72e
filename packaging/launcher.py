"""PyInstaller's entry script for Concord: run `gui.app.main` (the `concord` console script)."""

import os
import sys


def use_desktop_portal(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether the Linux bundle should ask for native dialogs through the XDG desktop portal.

    The bundle leaves out Qt's GTK theme plugin (it would drag GTK and ~22 libraries from the
    build machine along); on a desktop session with D-Bus, the portal theme gives the desktop's
    own file dialogs instead. Headless runs (no desktop, no bus) keep Qt's default theme.
    """
    return (platform.startswith("linux") and not environ.get("QT_QPA_PLATFORMTHEME")
            and bool(environ.get("XDG_CURRENT_DESKTOP"))
            and bool(environ.get("DBUS_SESSION_BUS_ADDRESS")))


if __name__ == "__main__":
    if getattr(sys, "frozen", False) and use_desktop_portal():
        os.environ["QT_QPA_PLATFORMTHEME"] = "xdgdesktopportal"
    from gui.app import main

    sys.exit(main())
