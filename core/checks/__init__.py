"""The editor's checks: quotations, attribution and credit, figures and dates, roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from core.checks.model import GROUPS, KINDS, Check, sort_checks
from core.model import Result

if TYPE_CHECKING:
    from core.checks.credits import Credits
    from core.checks.quote_checks import QuotePairs
    from core.checks.text import Counterparts, TextIndex

__all__ = ["GROUPS", "KINDS", "Check", "prepare", "run_checks"]


_PREPARED: list = []  # [documents, matches, _Prepared] of the last pair prepared


class _Prepared(NamedTuple):
    """What the checks of a pair need that its entities do not change."""

    indexes: tuple[TextIndex, TextIndex]
    counterparts: Counterparts
    quotes: QuotePairs
    credits: Credits


def _prepare(result: Result) -> _Prepared:
    from core.checks.credits import agency_credits
    from core.checks.quote_checks import pair_quotes
    from core.checks.text import Counterparts, TextIndex

    texts = (result.documents[0].text, result.documents[1].text)
    indexes = (TextIndex(texts[0]), TextIndex(texts[1]))
    return _Prepared(indexes, Counterparts(result, indexes), pair_quotes(texts),
                     agency_credits(texts))


def prepare(result: Result) -> None:
    """Do now what the checks need and the entities do not change (the text indexes, the
    passages paired, the quotations and their pairs by wording, the agencies and bylines, the
    figures that differ), for :func:`run_checks` of the same pair: a process waiting for the
    entities has the time, and they then take less after them."""
    from core.checks import roles, speakers  # noqa: F401  (imported now, not then)
    from core.entities.figures import figure_differences

    prepared = _prepare(result)
    for index in prepared.indexes:
        index.word_positions()
    _PREPARED[:] = [result.documents, result.matches, prepared]
    figure_differences(result)  # remembered for the same matches and documents


def _prepared(result: Result) -> _Prepared:
    if _PREPARED and _PREPARED[0] is result.documents and _PREPARED[1] is result.matches:
        return _PREPARED[2]
    return _prepare(result)


def run_checks(result: Result) -> tuple[Check, ...]:
    """Every check for a compared pair (entities, when present, name speakers, sources and
    people); runs after the comparison, off its critical path."""
    from core.checks.credits import credit_checks
    from core.checks.figures import figure_checks
    from core.checks.quote_checks import quote_checks
    from core.checks.roles import role_checks
    from core.checks.speakers import Attributor

    texts = (result.documents[0].text, result.documents[1].text)
    indexes, counterparts, quotes, credits = _prepared(result)
    _PREPARED.clear()  # used once: a long-lived process does not keep a pair's indexes
    entities = result.entities or ((), ())
    attributors = (Attributor(indexes[0], entities[0]), Attributor(indexes[1], entities[1]))
    checks = quote_checks(texts, indexes, attributors, counterparts, quotes)
    checks += credit_checks(texts, indexes, attributors, counterparts, credits)
    checks += figure_checks(result, indexes)
    if result.entities is not None:
        checks += role_checks(texts, entities, indexes)
    return sort_checks(checks)
