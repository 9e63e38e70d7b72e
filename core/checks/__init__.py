"""The editor's checks: quotations, attribution and credit, figures and dates, roles."""

from __future__ import annotations

from core.checks.model import GROUPS, KINDS, Check, sort_checks
from core.model import Result

__all__ = ["GROUPS", "KINDS", "Check", "preload", "run_checks"]


def preload() -> None:
    """Import the checks' modules now (a process waiting for the entities has time to)."""
    import core.checks.credits
    import core.checks.figures
    import core.checks.quote_checks
    import core.checks.roles
    import core.checks.speakers
    import core.checks.text  # noqa: F401


def run_checks(result: Result) -> tuple[Check, ...]:
    """Every check for a compared pair (entities, when present, name speakers, sources and
    people); runs after the comparison, off its critical path."""
    from core.checks.credits import credit_checks
    from core.checks.figures import figure_checks
    from core.checks.quote_checks import quote_checks
    from core.checks.roles import role_checks
    from core.checks.speakers import Attributor
    from core.checks.text import Counterparts, TextIndex

    texts = (result.documents[0].text, result.documents[1].text)
    indexes = (TextIndex(texts[0]), TextIndex(texts[1]))
    entities = result.entities or ((), ())
    attributors = (Attributor(indexes[0], entities[0]), Attributor(indexes[1], entities[1]))
    counterparts = Counterparts(result, indexes)
    checks = quote_checks(texts, indexes, attributors, counterparts)
    checks += credit_checks(texts, indexes, attributors, counterparts)
    checks += figure_checks(result, indexes)
    if result.entities is not None:
        checks += role_checks(texts, entities, indexes)
    return sort_checks(checks)
