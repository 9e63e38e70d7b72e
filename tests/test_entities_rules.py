"""Correction and linking rules on hand-made model output (no model needed, gazetteer only)."""

from __future__ import annotations

from entity_gold import raw_mentions

from core.entities.correct import correct
from core.entities.link import link_pair

_raw = raw_mentions


def test_places_misread_as_people_and_possessives() -> None:
    text = "They met in Siem Reap. Officials in Kyiv's ministry and the United States agreed."
    got = correct(text, _raw(text, ("Siem Reap", "PERSON"), ("Kyiv's", "ORG"),
                             ("the United States", "GPE")))
    assert [(m.text, m.label) for m in got] == [
        ("Siem Reap", "Place"), ("Kyiv", "Place"), ("United States", "Place")]


def test_split_person_name_is_joined() -> None:
    text = "Mines were laid, said Oleksandr Riabtsev of the ministry."
    got = correct(text, _raw(text, ("Oleksandr", "GPE")))
    assert [(m.text, m.label) for m in got] == [("Oleksandr Riabtsev", "Person")]


def test_capitalised_common_word_dropped() -> None:
    text = "Landmine victims gathered. Each landmine kills."
    assert correct(text, _raw(text, ("Landmine", "PERSON"))) == []


def test_links_across_the_pair() -> None:
    a = "Kiev said the US would help. Anna Berg and Olaf Berg spoke. Berg left."
    b = "Kyiv thanked the United States. Olaf Berg spoke to AFP, Agence France-Presse said."
    ma = correct(a, _raw(a, ("Kiev", "GPE"), ("US", "GPE"), ("Anna Berg", "PERSON"),
                         ("Olaf Berg", "PERSON"), ("Berg", "PERSON")))
    mb = correct(b, _raw(b, ("Kyiv", "GPE"), ("the United States", "GPE"),
                         ("Olaf Berg", "PERSON"), ("AFP", "ORG"), ("Agence France-Presse", "ORG")))
    ea, eb = link_pair((a, b), (ma, mb))
    key = {(side, e.text): e.key for side, es in (("a", ea), ("b", eb)) for e in es}
    assert key["a", "Kiev"] == key["b", "Kyiv"]
    assert key["a", "US"] == key["b", "United States"]
    assert key["a", "Anna Berg"] != key["a", "Olaf Berg"]
    assert key["a", "Olaf Berg"] == key["b", "Olaf Berg"]
    assert key["a", "Berg"] == key["a", "Olaf Berg"]  # the nearest full name before it
    assert key["b", "AFP"] == key["b", "Agence France-Presse"]


def test_an_organisation_name_the_model_missed_is_added() -> None:
    """Seen: "Ukraine's Hydrometeorological Center" was in no list (the model tagged nothing
    there). A name ending in an organisation's word is added where the model found nothing; a
    title-case headline of common words is not, nor a known place, nor a line break."""
    text = ("Man Shot Outside Police\n"
            "A man was shot outside the police station, police said.\n"
            "Ukraine's Hydrometeorological Center recorded 118 mm of rain; the Russian "
            "Federation denied it. Results of the National\nBasketball Association.")
    found = [(m.text, m.label) for m in correct(text, [])]
    assert ("Hydrometeorological Center", "Organisation") in found
    assert not any(t.startswith(("Man Shot", "Russian Federation", "Basketball")) or "\n" in t
                   for t, _ in found), found


def test_british_and_american_spellings_of_a_name_are_linked() -> None:
    a = "The Ministry of Defence and the World Health Organisation met at the Kyiv Centre."
    b = "The Ministry of Defense and the World Health Organization met at the Kyiv Center."
    names = ("Ministry of Defence", "World Health Organisation", "Kyiv Centre")
    ma = correct(a, _raw(a, *((n, "ORG") for n in names)))
    mb = correct(b, _raw(b, *((n.replace("Defence", "Defense").replace("isation", "ization")
                                .replace("Centre", "Center"), "ORG") for n in names)))
    ea, eb = link_pair((a, b), (ma, mb))
    assert [e.key for e in ea] == [e.key for e in eb] and len({e.key for e in ea}) == 3


def test_a_country_adjective_and_the_country_name_one_organisation() -> None:
    """ "the Ukrainian Defence Ministry" in A is "Ukraine's Defense Ministry" in B, and the
    Ukrainian Hydrometeorological Centre "Ukraine's Hydrometeorological Center"; the Russian
    ministry stays apart."""
    a = ("The Ukrainian Hydrometeorological Centre warned. The Ukrainian Defence Ministry and "
         "the Russian Defence Ministry disagreed.")
    b = ("Ukraine's Hydrometeorological Center warned. Ukraine's Defense Ministry and the "
         "Russian Defense Ministry disagreed.")
    ma = correct(a, _raw(a, ("Ukrainian Hydrometeorological Centre", "ORG"),
                         ("Ukrainian Defence Ministry", "ORG"),
                         ("Russian Defence Ministry", "ORG")))
    mb = correct(b, _raw(b, ("Ukraine's Hydrometeorological Center", "ORG"),
                         ("Ukraine's Defense Ministry", "ORG"),
                         ("Russian Defense Ministry", "ORG")))
    ea, eb = link_pair((a, b), (ma, mb))
    key = {(side, e.text): e.key for side, es in (("a", ea), ("b", eb)) for e in es}
    assert key["a", "Ukrainian Hydrometeorological Centre"] == key[
        "b", "Ukraine's Hydrometeorological Center"]
    assert key["a", "Ukrainian Defence Ministry"] == key["b", "Ukraine's Defense Ministry"]
    assert key["a", "Russian Defence Ministry"] == key["b", "Russian Defense Ministry"]
    assert key["a", "Ukrainian Defence Ministry"] != key["a", "Russian Defence Ministry"]
