"""Named entities: extraction behind a small backend interface, correction, linking."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.entities.api import EntityGroup, entity_groups, extract_entities
    from core.entities.serialize import entities_to_json, groups_to_json

# Exported names and their modules, imported on first use: the command line forks its entity
# child from `core.entities.background`, and every 10 ms spent importing the rest first is
# 10 ms later that the child starts loading the model.
_EXPORTS = {"EntityGroup": "core.entities.api", "entity_groups": "core.entities.api",
            "extract_entities": "core.entities.api", "entities_to_json": "core.entities.serialize",
            "groups_to_json": "core.entities.serialize"}

__all__ = ["EntityGroup", "entities_to_json", "entity_groups", "extract_entities", "groups_to_json"]


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'core.entities' has no attribute {name!r}")
