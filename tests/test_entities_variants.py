"""Units, approximators, figure completion, street/organisation/river labels, place folding."""

from __future__ import annotations

import pytest
from entity_gold import raw_mentions

from core.entities.correct import correct
from core.entities.link import link_pair
from core.entities.numbers import figure_key

_raw = raw_mentions


SAME_KEY = [  # spellings of one quantity
    ("4.5 metres", "4.5 meters"), ("4.5 metres", "4.5 m"), ("4.5 m", "4.5m"),
    ("62 millimetres", "62 mm"), ("62 millimeters", "62mm"), ("9 kilometres", "9 km"),
    ("9 kilometers", "9km"), ("7 per cent", "7 percent"), ("7 percent", "7%"),
    ("40 tonnes", "40 tons"), ("3 litres", "3 liters"), ("12 kilograms", "12 kg"),
    ("250 hectares", "250 ha"),
    # approximators do not change the value
    ("about 5,200", "5,200"), ("roughly 5,200", "nearly 5,200"), ("more than 5,200", "5,200"),
    ("at least 5,200", "some 5,200"), ("up to 5,200", "almost 5,200"),
    ("over 5,200", "under 5,200"), ("around £2.3 million", "£2.3m"),
    ("about 75m dinars", "75 million dinars"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_spellings_of_one_quantity_share_a_key(a: str, b: str) -> None:
    assert figure_key(a) is not None
    assert figure_key(a) == figure_key(b)


@pytest.mark.parametrize(("a", "b"), [("4.5 metres", "4.5 km"), ("62 mm", "62 cm"),
                                      ("40 tonnes", "40 people"), ("7 per cent", "7")])
def test_different_units_keep_different_keys(a: str, b: str) -> None:
    assert figure_key(a) != figure_key(b)


COMPLETED = [  # sentence, the model's span and label, the corrected mention
    ("Repairs cost 75m rupees last year.", "75m", "CARDINAL", "75m rupees", "Money"),
    ("It came to roughly 9.3 million dollars (est.)", "roughly 9.3 million", "CARDINAL",
     "roughly 9.3 million dollars", "Money"),
    ("Snow lay 64 centimetres deep.", "64", "CARDINAL", "64 centimetres", "Number/quantity"),
    ("Prices rose 8 per cent in June.", "8", "CARDINAL", "8 per cent", "Percent"),
    ("More than 900 villagers left.", "More than 900", "CARDINAL", "More than 900",
     "Number/quantity"),  # a count of people is not a unit: left as the model gave it
]


@pytest.mark.parametrize(("text", "span", "label", "want", "want_label"), COMPLETED)
def test_figures_take_in_their_currency_or_unit(
        text: str, span: str, label: str, want: str, want_label: str) -> None:
    got = correct(text, _raw(text, (span, label)))
    assert [(m.text, m.label) for m in got] == [(want, want_label)]


RELABELLED = [  # sentence, the model's span and label, the corrected label
    ("Cars queued on Hrushevskoho Street all day.", "Hrushevskoho Street", "PERSON", "Place"),
    ("Crowds filled Independence Square at dusk.", "Independence Square", "PERSON", "Place"),
    ("Trams stopped on Saltivske Shliakh today.", "Saltivske Shliakh", "PERSON", "Place"),
    ("Shops on Vulytsia Sumska closed early.", "Vulytsia Sumska", "PERSON", "Place"),
    ("Buses ran along Nauky Prospekt again.", "Nauky Prospekt", "ORG", "Place"),
    ("The Odesa Regional Gas Company said so.", "Odesa Regional Gas Company", "WORK_OF_ART",
     "Organisation"),
    ("The Lviv Chamber of Commerce agreed.", "Lviv Chamber of Commerce", "PRODUCT",
     "Organisation"),
    ("Both the Sula and Psel rivers rose.", "Sula", "ORG", "Place"),
    ("Both the Sula and Psel rivers rose.", "Psel", "PRODUCT", "Place"),
    ("Boats crossed the Vorskla river.", "Vorskla", "PERSON", "Place"),
    ("Ivan Sula and Petro Psel met.", "Ivan Sula", "PERSON", "Person"),
]


@pytest.mark.parametrize(("text", "span", "label", "want"), RELABELLED)
def test_labels_read_off_the_name(text: str, span: str, label: str, want: str) -> None:
    got = {m.text: m.label for m in correct(text, _raw(text, (span, label)))}
    assert got[span] == want


def _keys(a: str, spans_a: list, b: str, spans_b: list) -> dict[tuple[str, str], tuple]:
    ea, eb = link_pair((a, b), (correct(a, _raw(a, *spans_a)), correct(b, _raw(b, *spans_b))))
    return {(side, e.text): (e.key, e.label) for side, es in (("a", ea), ("b", eb)) for e in es}


LINKED = [  # A, its span, B, its span, the label both get
    ("The Odesa Port Authority said.", ("Odesa Port Authority", "WORK_OF_ART"),
     "The Odessa Port Authority said.", ("Odessa Port Authority", "ORG"), "Organisation"),
    ("The Lviv Bus Company warned.", ("Lviv Bus Company", "ORG"),
     "The Lvov Bus Company warned.", ("Lvov Bus Company", "ORG"), "Organisation"),
    ("It cost about €7.2 million.", ("about €7.2 million", "MONEY"),
     "It cost some 7.2 million euros.", ("some 7.2 million", "CARDINAL"), "Money"),
    ("Water rose 3.1 metres.", ("3.1 metres", "QUANTITY"),
     "Water rose 3.1 meters.", ("3.1 meters", "QUANTITY"), "Number/quantity"),
    ("It fell 95 millimetres overnight.", ("95", "CARDINAL"),
     "It fell 95 mm overnight.", ("95 mm", "QUANTITY"), "Number/quantity"),
    ("Power was off for under 20 hours.", ("under 20 hours", "TIME"),
     "Power was off for less than 20 hours.", ("less than 20 hours", "TIME"),
     "Number/quantity"),  # a duration is a figure (tests/test_entities_dates.py)
]


@pytest.mark.parametrize(("a", "span_a", "b", "span_b", "label"), LINKED)
def test_variants_link_across_the_pair(
        a: str, span_a: tuple, b: str, span_b: tuple, label: str) -> None:
    keys = _keys(a, [span_a], b, [span_b])
    (ka, la), = [v for (side, _), v in keys.items() if side == "a"]
    (kb, lb_), = [v for (side, _), v in keys.items() if side == "b"]
    assert ka == kb
    assert la == lb_ == label


def test_different_organisations_in_one_city_stay_apart() -> None:
    keys = _keys("The Lviv Bus Company warned.", [("Lviv Bus Company", "ORG")],
                 "The Lviv Water Company warned.", [("Lviv Water Company", "ORG")])
    assert keys["a", "Lviv Bus Company"][0] != keys["b", "Lviv Water Company"][0]


PROPAGATED = [  # A and its spans, B and its spans, a mention the model missed that must link
    ("Aid came from Odessa on Monday.", [("Odessa", "GPE")],
     "Aid came from Odesa, officials in Odesa said.", [],
     ("b", "Odesa"), ("a", "Odessa")),
    ("Funds were sought in Kyiv.", [],
     "Ministers in Kiev will decide.", [("Kiev", "GPE")],
     ("a", "Kyiv"), ("b", "Kiev")),
    ("Mykola Dorosh spoke. Later Dorosh left.", [("Mykola Dorosh", "PERSON")],
     "Dorosh declined to comment.", [],
     ("b", "Dorosh"), ("a", "Mykola Dorosh")),
    ("The Poltava Gas Board (PGB) warned.", [("Poltava Gas Board", "ORG")],
     "PGB engineers were called in.", [],
     ("b", "PGB"), ("a", "Poltava Gas Board")),
]


@pytest.mark.parametrize(("a", "spans_a", "b", "spans_b", "missed", "linked"), PROPAGATED)
def test_missed_names_are_found_across_the_pair(
        a: str, spans_a: list, b: str, spans_b: list, missed: tuple, linked: tuple) -> None:
    keys = _keys(a, spans_a, b, spans_b)
    assert keys[missed][0] == keys[linked][0]


def test_propagation_is_whole_word_and_case_sensitive() -> None:
    keys = _keys("Talks in Odesa went on.", [("Odesa", "GPE")],
                 "Odesan cooks and odesa-style dishes. ODESA fans.", [])
    assert [k for k in keys if k[0] == "b"] == []
