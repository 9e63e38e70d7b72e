"""Remembered preferences (QSettings): engine options, recent files, view toggles."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QSettings

from core.model import Options

ORGANISATION = "Concord"
APPLICATION = "Concord"
MAX_RECENT = 10


def app_settings() -> QSettings:
    """The settings store (an INI file in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def _convert(value: object, default: object) -> object:
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
    if isinstance(default, int):
        return int(value)  # type: ignore[arg-type]
    if isinstance(default, float):
        return float(value)  # type: ignore[arg-type]
    return value


def load_options(settings: QSettings | None = None) -> Options:
    """The saved engine options; defaults for anything missing or unreadable."""
    settings = settings or app_settings()
    options = Options()
    for f in fields(Options):
        key = f"engine/{f.name}"
        if settings.contains(key):
            default = getattr(options, f.name)
            try:
                options = replace(options, **{f.name: _convert(settings.value(key), default)})
            except (TypeError, ValueError):
                continue
    return options


def save_options(options: Options, settings: QSettings | None = None) -> None:
    """Remember ``options`` for the next run."""
    settings = settings or app_settings()
    for f in fields(Options):
        settings.setValue(f"engine/{f.name}", getattr(options, f.name))
    settings.sync()


def recent_files(settings: QSettings | None = None) -> list[str]:
    """Recently opened files, newest first."""
    settings = settings or app_settings()
    value = settings.value("recent/files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or [])][:MAX_RECENT]


def add_recent_file(path: str, settings: QSettings | None = None) -> list[str]:
    """Put ``path`` at the top of the recent files; returns the new list."""
    settings = settings or app_settings()
    files = [path] + [p for p in recent_files(settings) if p != path]
    settings.setValue("recent/files", files[:MAX_RECENT])
    settings.sync()
    return files[:MAX_RECENT]


def load_flag(name: str, default: bool, settings: QSettings | None = None) -> bool:
    """A remembered view toggle."""
    settings = settings or app_settings()
    return bool(_convert(settings.value(f"view/{name}", default), default))


def save_flag(name: str, value: bool, settings: QSettings | None = None) -> None:
    """Remember a view toggle."""
    settings = settings or app_settings()
    settings.setValue(f"view/{name}", bool(value))
