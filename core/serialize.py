"""The result as JSON-ready data, in the stable `concord/1` shape other tools read."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from core import __version__
from core.model import RESULT_FORMAT, Entity, Match, Result, Span


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "kind": span.kind, "match": span.match}


def _match(match: Match) -> dict[str, Any]:
    return {
        "id": match.id,
        "kind": match.kind,
        "a": list(match.a),
        "b": list(match.b),
        "similarity": match.similarity,
        "moved": match.moved,
        "changes": {
            "a": [list(r) for r in match.changes_a],
            "b": [list(r) for r in match.changes_b],
        },
        "diff_fallback": match.diff_fallback,
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {"text": entity.text, "label": entity.label, "start": entity.start,
            "end": entity.end, "key": entity.key}


def _summary(result: Result) -> dict[str, Any]:
    s = result.summary
    per_doc = {}
    for side, doc in (("a", s.a), ("b", s.b)):
        per_doc[side] = {
            **asdict(doc),
            "shared": round(doc.share("shared"), 4),
            "reworded": round(doc.share("reworded"), 4),
            "unique": round(doc.share("unique"), 4),
            "found_in_other": round(doc.found_in_other, 4),
        }
    return {
        **per_doc,
        "a_in_b": per_doc["a"]["found_in_other"],
        "b_in_a": per_doc["b"]["found_in_other"],
        "shared_matches": s.shared_matches,
        "reworded_matches": s.reworded_matches,
        "moved_matches": s.moved_matches,
        "unique_passages": [s.unique_passages_a, s.unique_passages_b],
        "elapsed_seconds": round(result.elapsed, 4),
    }


def result_to_dict(result: Result) -> dict[str, Any]:
    """The whole result as plain data: documents, spans, matches, summary, options."""
    data: dict[str, Any] = {
        "format": RESULT_FORMAT,
        "generator": f"concord {__version__}",
        "documents": [
            {"path": d.path, "name": d.name, "encoding": d.encoding, "format": d.format,
             "text": d.text, "size": d.size, "mtime": d.mtime, "sha256": d.sha256,
             "encoding_confidence": d.encoding_confidence, "warnings": list(d.warnings),
             "pages": d.pages,
             "locations": [[loc.start, loc.label] for loc in d.locations]}
            for d in result.documents
        ],
        "spans": [[_span(s) for s in spans] for spans in result.spans],
        "matches": [_match(m) for m in result.matches],
        "summary": _summary(result),
        "options": asdict(result.options),
        "notes": list(result.notes),
    }
    if result.entities is not None:
        from core.entities import entity_groups, groups_to_json
        from core.entities.figures import figure_differences

        data["entities"] = [[_entity(e) for e in ents] for ents in result.entities]
        # The sidebar's view: each entity once, with its variants and counts per side.
        data["entity_groups"] = groups_to_json(entity_groups(result))
        data["figure_differences"] = [
            {"match": f.match_id, "label": f.label, "a": {"text": f.a_text, "range": list(
                f.a_range)}, "b": {"text": f.b_text, "range": list(f.b_range)}}
            for f in figure_differences(result)
        ]
    if result.checks is not None:
        from core.checks.serialize import checks_to_json

        data["checks"] = checks_to_json(result.checks)
    return data
