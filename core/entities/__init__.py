"""Named entities: extraction behind a small backend interface, correction, linking."""

from core.entities.api import EntityGroup, entity_groups, extract_entities
from core.entities.serialize import entities_to_json, groups_to_json

__all__ = ["EntityGroup", "entities_to_json", "entity_groups", "extract_entities", "groups_to_json"]
