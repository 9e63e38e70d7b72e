"""PyInstaller's entry script for Concord: run `gui.app.main` (the `concord` console script)."""

import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())
