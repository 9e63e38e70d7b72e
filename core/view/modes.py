"""The view switch: which marks are strong, faint or off in each view (Everything... Plain)."""

from __future__ import annotations

from dataclasses import dataclass

Emphasis = str  # "strong" (tint and underline), "faint" (underline only) or "none"


@dataclass(frozen=True)
class ViewMode:
    """One way of looking at the comparison."""

    key: str
    label: str
    question: str  # the question this view answers (tooltip, help page)
    marks: dict[str, Emphasis]  # shared, reworded, changed, unique -> emphasis


MODES: tuple[ViewMode, ...] = (
    ViewMode("everything", "Everything", "Everything at once: shared, reworded and unique.",
             {"shared": "strong", "reworded": "strong", "changed": "strong",
              "unique": "strong"}),
    ViewMode("copied", "Copied", "What was lifted word for word? (shared strong, reworded faint)",
             {"shared": "strong", "reworded": "faint", "changed": "none", "unique": "none"}),
    ViewMode("changes", "Changes", "What changed? (changed words and unique passages strong, "
             "the rest faint)",
             {"shared": "faint", "reworded": "faint", "changed": "strong",
              "unique": "strong"}),
    ViewMode("plain", "Plain", "Just the text: no colour, the connector bands only.",
             {"shared": "none", "reworded": "none", "changed": "none", "unique": "none"}),
)
BY_KEY = {mode.key: mode for mode in MODES}
DEFAULT = "everything"


def mode(key: str | None) -> ViewMode:
    """The view mode called ``key`` (unknown or None: Everything)."""
    return BY_KEY.get(key or DEFAULT, BY_KEY[DEFAULT])


def emphasis(key: str | None, mark: str) -> Emphasis:
    """How strongly view ``key`` draws ``mark`` (shared, reworded, changed, unique)."""
    return mode(key).marks[mark]
