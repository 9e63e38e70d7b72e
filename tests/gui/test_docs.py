"""Documentation checked against the code: what the docs say the window does, it does."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_packaging_readme_knows_the_window_icon_is_set():
    """Seen: packaging/README.md said the app does not call setWindowIcon; it does."""
    from gui.window_main import create_app

    text = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert not create_app().windowIcon().isNull()
    assert "does not yet call `setWindowIcon`" not in text


def test_readme_names_the_keys_the_window_uses(shown):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("next_diff", "prev_diff", "next_match", "prev_match", "find", "escape"):
        keys = [k.toString() for k in shown.actions_[name].shortcuts()]
        assert any(key in readme for key in keys), (name, keys)
    assert "Ctrl+L" in readme
