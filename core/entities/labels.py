"""Model labels (OntoNotes, as spaCy uses them) mapped to the plain words users see."""

from __future__ import annotations

PERSON = "Person"
ORGANISATION = "Organisation"
PLACE = "Place"
GROUP = "Nationality/group"
DATE = "Date"
TIME = "Time"
NUMBER = "Number/quantity"
MONEY = "Money"
PERCENT = "Percent"
LAW = "Law/treaty"
EVENT = "Event"
WORK = "Work/product"

# Order in which the sidebar lists labels.
LABELS: tuple[str, ...] = (
    PERSON, ORGANISATION, PLACE, GROUP, LAW, EVENT, WORK, DATE, TIME, NUMBER, MONEY, PERCENT,
)
NAME_LABELS = frozenset({PERSON, ORGANISATION, PLACE, GROUP, LAW, EVENT, WORK})
FIGURE_LABELS = frozenset({NUMBER, MONEY, PERCENT, DATE})

_FROM_ONTONOTES = {
    "PERSON": PERSON,
    "ORG": ORGANISATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": GROUP,
    "LANGUAGE": GROUP,
    "DATE": DATE,
    "TIME": TIME,
    "CARDINAL": NUMBER,
    "QUANTITY": NUMBER,
    "MONEY": MONEY,
    "PERCENT": PERCENT,
    "LAW": LAW,
    "EVENT": EVENT,
    "WORK_OF_ART": WORK,
    "PRODUCT": WORK,
}


def plain_label(model_label: str) -> str | None:
    """The plain-word label for a model label, or None for labels not shown (e.g. ORDINAL)."""
    if model_label in LABELS:
        return model_label
    return _FROM_ONTONOTES.get(model_label)


def label_slug(label: str) -> str:
    """A short lowercase token for ``label`` for entity keys ("Nationality/group" -> "group")."""
    return {GROUP: "group", NUMBER: "number", LAW: "law", WORK: "work"}.get(
        label, label.lower()
    )
