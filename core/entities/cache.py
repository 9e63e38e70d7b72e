"""Corrected mentions per document, cached by the sha256 of its text (memory, optionally disk)."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path

from core.entities.correct import Mention

CACHE_DIR_ENV = "CONCORD_ENTITY_CACHE"  # a directory: entities are also kept there across runs


def text_digest(text: str) -> str:
    """sha256 of the displayed text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class EntityCache:
    """A small LRU of mentions per (backend, rules, text hash), with an optional directory."""

    def __init__(self, size: int = 32, directory: str | os.PathLike | None = None) -> None:
        self._items: OrderedDict[str, list[Mention]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()
        env = os.environ.get(CACHE_DIR_ENV)
        self.directory = Path(directory) if directory else (Path(env) if env else None)

    def get(self, key: str) -> list[Mention] | None:
        """The cached mentions for ``key``, or None."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        found = self._read(key)
        if found is not None:
            self._remember(key, found)
        return found

    def put(self, key: str, mentions: list[Mention]) -> None:
        """Remember ``mentions`` under ``key``."""
        self._remember(key, mentions)
        self._write(key, mentions)

    def clear(self) -> None:
        """Forget what is held in memory (files on disk stay)."""
        with self._lock:
            self._items.clear()

    def _remember(self, key: str, mentions: list[Mention]) -> None:
        with self._lock:
            self._items[key] = mentions
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def _path(self, key: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{hashlib.sha256(key.encode()).hexdigest()}.json"

    def _read(self, key: str) -> list[Mention] | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [Mention(int(s), int(e), str(lab), str(t)) for s, e, lab, t in data]
        except (OSError, ValueError, TypeError):
            return None

    def _write(self, key: str, mentions: list[Mention]) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps([list(m) for m in mentions]), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written is only slower


DEFAULT_CACHE = EntityCache()
