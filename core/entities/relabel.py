"""Label rules read off a name's own words: streets, organisations, rivers named in a list."""

from __future__ import annotations

import re

from core.entities import labels as lb
from core.entities.gazetteer import lookup_place
from core.entities.mention import Mention

# Last words of street and square names ("Poltavskyi Shliakh", "Freedom Square", "Kotlova St").
STREET_LAST_WORDS = frozenset(
    "Street St Str Road Rd Avenue Ave Boulevard Blvd Square Sq Lane Ln Drive Dr Way Prospekt "
    "Prospect Prospekt Shliakh Shlyakh Ulitsa Vulytsia Vulitsa Ploshcha Maidan Embankment "
    "Highway Hwy Alley Terrace Crescent Place".split())
# First words of street names written the local way ("Vulytsia Sumska", "Ulitsa Lenina").
STREET_FIRST_WORDS = frozenset("Ulitsa Vulytsia Vulitsa Prospekt Ploshcha Maidan".split())
# Last words of organisation names ("Kharkiv Municipal Water Company").
ORG_LAST_WORDS = frozenset(
    "Company Co Corporation Corp Council Service Services Ministry Agency Commission Bank "
    "University College Institute Centre Center Authority Committee Association Federation "
    "Department Office Bureau Board Foundation Fund Trust Group Party Police Army Court "
    "Parliament Assembly Directorate Inspectorate Utility Utilities Chamber".split())
# Words after which the rest of the name is an organisation's field ("Chamber of Commerce").
ORG_HEAD_OF_RE = re.compile(
    r"\b(?:Chamber|Ministry|Department|Bank|University|Institute|Council|Commission|Agency|"
    r"Office|Bureau|Board|Court)\s+of\s+[A-Z]")
_STREET_FROM = frozenset({lb.PERSON, lb.ORGANISATION, lb.WORK, lb.GROUP, lb.EVENT})
_ORG_FROM = frozenset({lb.PERSON, lb.PLACE, lb.WORK, lb.GROUP, lb.EVENT})
_FEATURE_FROM = frozenset({lb.ORGANISATION, lb.PERSON, lb.GROUP, lb.WORK})
_FEATURES = "river|lake|sea|valley|basin|delta|mountains|hills|desert|rainforest|island|bay"
_PLURAL_FEATURES = "rivers|lakes|seas|valleys|basins|deltas|islands|bays|mountains|hills"
_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
# "the Udy river"; "the Udy and Lopan rivers", "the Dnipro, Desna and Sula rivers"
FEATURE_AFTER_RE = re.compile(
    rf"\s+(?:{_FEATURES}|{_PLURAL_FEATURES})\b|(?:\s*(?:,|\s(?:and|or|&))\s+{_NAME})+\s+(?:{_PLURAL_FEATURES})\b",
    re.IGNORECASE)


def relabel_by_words(text: str, m: Mention) -> Mention:
    """A street becomes a Place, an organisation-like name an Organisation, a river a Place."""
    if m.label in _FEATURE_FROM and feature_follows(text, m.end):
        return m._replace(label=lb.PLACE)
    words = m.text.split()
    if len(words) < 2:
        return m
    if m.label in _STREET_FROM and (
            words[-1].rstrip(".") in STREET_LAST_WORDS or words[0] in STREET_FIRST_WORDS):
        return m._replace(label=lb.PLACE)
    if m.label in _ORG_FROM and is_org_name(m.text) and lookup_place(m.text) is None:
        return m._replace(label=lb.ORGANISATION)
    return m


def is_org_name(name: str) -> bool:
    """Whether a multi-word name reads as an organisation's ("... Water Company")."""
    words = name.split()
    return len(words) > 1 and (words[-1].rstrip(".") in ORG_LAST_WORDS
                               or ORG_HEAD_OF_RE.search(name) is not None)


def feature_follows(text: str, end: int) -> bool:
    """Whether "river", "lake"... (or a list of names and "rivers") follows ``end``."""
    window = text[end : end + 200]
    found = FEATURE_AFTER_RE.match(window)
    if found is None:
        return False
    # the list must keep to names: stop at lower-case words other than and/or/the
    return all(w in ("and", "or", "the") or not w.islower() or w.lower() in _PLURAL_FEATURES
               or w.lower() in _FEATURES for w in re.findall(r"[\w'’-]+", found.group(0)))
