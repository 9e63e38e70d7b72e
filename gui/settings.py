"""Remembered preferences (QSettings): engine options, recent files, view toggles."""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from PySide6.QtCore import QSettings

from core.errors import OptionError
from core.model import Options
from core.options import LoadOptions, rows

T = TypeVar("T")
SECTIONS = {"engine": "engine", "load": "loading"}

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


def _load(settings: QSettings, scope: str, base: T) -> T:
    """``base`` with every saved value of the table's ``scope`` that passes its check."""
    for row in rows(scope):  # type: ignore[arg-type]
        key = f"{SECTIONS[scope]}/{row.name}"
        if row.in_dialog and settings.contains(key):
            try:
                value = row.check(_convert(settings.value(key), row.type(0)))
            except (TypeError, ValueError, OptionError):
                continue  # an edited or stale INI value: keep the default
            base = replace(base, **{row.name: value})  # type: ignore[type-var]
    return base


def _save(settings: QSettings, scope: str, values: object) -> None:
    for row in rows(scope, dialog=True):  # type: ignore[arg-type]
        settings.setValue(f"{SECTIONS[scope]}/{row.name}", getattr(values, row.name))
    settings.sync()


def load_options(settings: QSettings | None = None) -> Options:
    """The saved engine options; defaults for anything missing or unreadable."""
    return _load(settings or app_settings(), "engine", Options())


def save_options(options: Options, settings: QSettings | None = None) -> None:
    """Remember ``options`` for the next run."""
    _save(settings or app_settings(), "engine", options)


def load_loading(settings: QSettings | None = None) -> LoadOptions:
    """The saved loading options (size limit, entities on/off)."""
    return _load(settings or app_settings(), "load", LoadOptions())


def save_loading(loading: LoadOptions, settings: QSettings | None = None) -> None:
    """Remember the loading options shown in the settings dialog."""
    _save(settings or app_settings(), "load", loading)


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
