"""The editor's checks: quotations, attribution and credit, figures and dates, roles."""

from __future__ import annotations

from core.checks.model import GROUPS, KINDS, Check, sort_checks
from core.model import Result

__all__ = ["GROUPS", "KINDS", "Check", "prepare", "run_checks"]


_PREPARED: list = []  # [documents, matches, (indexes, counterparts)] of the last pair prepared


def prepare(result: Result) -> None:
    """Do now what the checks need and the entities do not change (the text indexes, the
    passages paired, the figures that differ), for :func:`run_checks` of the same pair."""
    from core.checks.text import Counterparts, TextIndex
    from core.entities.figures import figure_differences

    texts = (result.documents[0].text, result.documents[1].text)
    indexes = (TextIndex(texts[0]), TextIndex(texts[1]))
    _PREPARED[:] = [result.documents, result.matches, (indexes, Counterparts(result, indexes))]
    figure_differences(result)  # remembered for the same matches and documents


def _prepared(result: Result):  # type: ignore[no-untyped-def]
    if _PREPARED and _PREPARED[0] is result.documents and _PREPARED[1] is result.matches:
        return _PREPARED[2]
    from core.checks.text import Counterparts, TextIndex

    texts = (result.documents[0].text, result.documents[1].text)
    indexes = (TextIndex(texts[0]), TextIndex(texts[1]))
    return indexes, Counterparts(result, indexes)


def run_checks(result: Result) -> tuple[Check, ...]:
    """Every check for a compared pair (entities, when present, name speakers, sources and
    people); runs after the comparison, off its critical path."""
    from core.checks.credits import credit_checks
    from core.checks.figures import figure_checks
    from core.checks.quote_checks import quote_checks
    from core.checks.roles import role_checks
    from core.checks.speakers import Attributor

    texts = (result.documents[0].text, result.documents[1].text)
    indexes, counterparts = _prepared(result)
    _PREPARED.clear()  # used once: a long-lived process does not keep a pair's indexes
    entities = result.entities or ((), ())
    attributors = (Attributor(indexes[0], entities[0]), Attributor(indexes[1], entities[1]))
    checks = quote_checks(texts, indexes, attributors, counterparts)
    checks += credit_checks(texts, indexes, attributors, counterparts)
    checks += figure_checks(result, indexes)
    if result.entities is not None:
        checks += role_checks(texts, entities, indexes)
    return sort_checks(checks)
