"""PyInstaller runtime hook: `import blis.py` loads concord_blis_py (see that module)."""

import sys
from importlib.machinery import ModuleSpec


class _BlisPyFinder:
    """Finds `blis.py` (the bundle leaves blis's second copy of BLIS out)."""

    @staticmethod
    def find_spec(name, path=None, target=None):  # type: ignore[no-untyped-def]
        return ModuleSpec(name, _BlisPyFinder) if name == "blis.py" else None

    @staticmethod
    def create_module(spec):  # type: ignore[no-untyped-def]
        import concord_blis_py

        return concord_blis_py

    @staticmethod
    def exec_module(module) -> None:  # type: ignore[no-untyped-def]
        return None


sys.meta_path.insert(0, _BlisPyFinder)
