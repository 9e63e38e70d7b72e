"""Find figures in text (numbers, money, percentages, dates, times) and normalise their values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from core.entities import labels as lb

_TOKEN_RE = re.compile(r"\d[\d,.\u00a0\u202f]*\d|\d|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[%$€£¥:]|\S")
_RANGE_DASHES = ("-", "‐", "‑", "–")
_SCORE_WORDS = frozenset("win wins defeat defeats victory victories draw loss losses lead "
                         "scoreline score vote votes majority split".split())
_DIGITS_RE = re.compile(r"\d{1,3}(?:([,\u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_SMALL = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9,
           "trillion": 10**12, "bn": 10**9, "tn": 10**12}
_MONEY_SCALES = {"m": 10**6, "mn": 10**6, "k": 10**3}  # only next to a currency ("$4.1m")
_SYMBOLS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
_SYMBOL_PREFIX = {"US": "usd", "A": "aud", "C": "cad", "NZ": "nzd", "HK": "hkd"}
_CURRENCY_WORDS = {
    "dollar": "usd", "dollars": "usd", "usd": "usd", "euro": "eur", "euros": "eur",
    "eur": "eur", "pound": "gbp", "pounds": "gbp", "sterling": "gbp", "gbp": "gbp",
    "yen": "jpy", "jpy": "jpy", "yuan": "cny", "renminbi": "cny", "rouble": "rub",
    "roubles": "rub", "ruble": "rub", "rubles": "rub", "hryvnia": "uah", "hryvnias": "uah",
    "hryvnias'": "uah", "rupee": "inr", "rupees": "inr", "franc": "chf", "francs": "chf",
    "reais": "brl", "real": "brl",
}
_PERCENT_WORDS = ("per cent", "percent", "pc", "%")
# Units of measure by their spellings, so "2.7 metres", "2.7 meters" and "2.7 m" share a key.
_UNIT_SPELLINGS = {
    "metre": ("m", "metre", "metres", "meter", "meters"),
    "millimetre": ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    "centimetre": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "kilometre": ("km", "kilometre", "kilometres", "kilometer", "kilometers", "kms"),
    "kilogram": ("kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo",
                 "kilos"),
    "gram": ("g", "gram", "grams", "gramme", "grammes"),
    "tonne": ("tonne", "tonnes", "ton", "tons", "t"),
    "litre": ("litre", "litres", "liter", "liters", "l"),
    "millilitre": ("ml", "millilitre", "millilitres", "milliliter", "milliliters"),
    "hectare": ("ha", "hectare", "hectares"),
    "mile": ("mile", "miles", "mi"),
    "foot": ("ft", "foot", "feet"),
    "inch": ("in.", "inch", "inches"),
    "degree": ("degree", "degrees", "°"),
}
UNITS = {spelling: unit for unit, spellings in _UNIT_SPELLINGS.items() for spelling in spellings}
MEASURE_UNITS = frozenset(f"number:{unit}" for unit in _UNIT_SPELLINGS)
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9})
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SUFFIXES = frozenset({"m", "mn", "bn", "tn", "k", "st", "nd", "rd", "th", "am", "pm", "mm", "cm",
                       "km", "kg", "ha", "ml", "ft"})
_YEAR_CUES = frozenset({"in", "since", "by", "until", "till", "from", "to", "before", "after",
                        "during", "of", "early", "late", "mid", "spring", "summer", "autumn",
                        "winter", "fall", "year"})
_FILLERS = frozenset({"more", "additional", "other", "extra", "new", "further", "fewer", "or",
                      "so"})
_NOT_UNITS = frozenset(
    "and of to in on at by for from the a an than as with was were is are be been have has had "
    "who which that this these those per but since said says say more less up down into over "
    "after before while when where had its their his her it they he she we you i".split())


@dataclass(frozen=True)
class Figure:
    """One figure in a text: [start, end) covers the number and its unit word.

    ``unit`` says what is counted ("number:people", "money:eur", "percent", "date", "time",
    "weekday"); ``value`` is a Decimal, or for dates a (year, month, day) tuple with None
    for the parts not given.
    """

    start: int
    end: int
    text: str
    label: str
    unit: str
    value: object
    high: Decimal | None = None  # the upper end of a range ("20 to 30 millimetres")

    def same_value(self, other: Figure) -> bool:
        """Whether the two figures state the same value (a date's missing parts match any)."""
        if isinstance(self.value, tuple) and isinstance(other.value, tuple):
            return all(x is None or y is None or x == y
                       for x, y in zip(self.value, other.value, strict=True))
        return self.value == other.value and self.high == other.high

    def key(self) -> str:
        """A value key for linking: "number:6000000", "money:eur:4100000", "date:2021-3-x"."""
        if isinstance(self.value, tuple):
            return "date:" + "-".join("x" if v is None else str(v) for v in self.value)
        upper = f"-{plain(self.high)}" if self.high is not None else ""
        return f"{self.unit.rstrip(':')}:{plain(self.value)}{upper}"


def plain(value: object) -> str:
    """A Decimal without exponent or trailing zeros ("4100000", "12.5")."""
    if not isinstance(value, Decimal):
        return str(value)
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str


class _Scanner:
    """Reads figures token by token; each ``_at_*`` returns (next token index, Figure) or None."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = [_Tok(m.start(), m.end(), w := m.group(0), w.lower())
                     for m in _TOKEN_RE.finditer(text)]

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        t = self.tok(i)
        return t.low if t is not None else ""

    def adjacent(self, i: int) -> bool:
        """Token i directly follows token i - 1 (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start

    def figure(self, i: int, j: int, label: str, unit: str, value: object,
               high: Decimal | None = None) -> tuple[int, Figure]:
        start, end = self.toks[i].start, self.toks[j - 1].end
        return j, Figure(start, end, self.text[start:end], label, unit, value, high)

    def scan(self) -> list[Figure]:
        out: list[Figure] = []
        i = 0
        while i < len(self.toks):
            if not _may_start(self.toks[i]):
                i += 1
                continue
            found = (self._at_date(i) or self._at_time(i) or self._at_quantity(i)
                     or self._at_weekday(i))
            if found is None:
                i += 1
                continue
            i, fig = found
            out.append(fig)
        return out

    # numbers -----------------------------------------------------------------------------

    def digits(self, i: int) -> Decimal | None:
        """The value of a digit token that stands alone (not in "COVID-19", "G7", "3-4")."""
        t = self.tok(i)
        if t is None or not t.text[0].isdecimal() or not _DIGITS_RE.fullmatch(t.text):
            return None
        before = self.text[max(0, t.start - 2) : t.start]
        if before[-1:].isalpha() or (before[-1:] in "-‐–/" and before[:1].isalnum()):
            return None
        after = self.text[t.end : t.end + 2]
        if after[:1] in "-‐–/" and after[1:].isdecimal():
            return None
        letters = re.match(r"[^\W\d_]*", self.text[t.end : t.end + 4]).group(0).lower()
        if letters and letters not in _SUFFIXES:
            return None  # "1990s", "4x4", "3D"
        try:
            return Decimal(re.sub(r"[,\u00a0\u202f]", "", t.text))
        except InvalidOperation:
            return None

    def number(self, i: int) -> tuple[int, Decimal] | None:
        """A number in digits or words, with any scale word: "4.1 million", "twenty-five"."""
        value = self.digits(i)
        if value is not None:
            j = i + 1
        else:
            words = self._number_words(i)
            if words is None:
                return None
            j, value = words
        scale = _SCALES.get(self.low(j))
        if scale is not None and scale >= 1000:
            return j + 1, value * scale
        return j, value

    def _number_words(self, i: int) -> tuple[int, Decimal] | None:
        total, current, j = 0, 0, i
        while (w := self.low(j)) :
            if (add := _word_value(w, current)) is not None:
                current += add
            elif w in ("hundred", "thousand", "million", "billion", "trillion") and (
                    current or (w != "hundred" and j > i)):
                scale = _SCALES[w]
                if scale == 100:
                    current *= 100
                else:
                    total, current = total + current * scale, 0
            elif w == "and" and current and self.low(j + 1) in {**_SMALL, **_TENS}:
                pass
            elif w in ("a", "an") and j == i and self.low(j + 1) in _SCALES:
                current = 1
            else:
                break
            j += 1
        if j == i or (j == i + 1 and self.low(i) in ("a", "an")):
            return None
        if self.low(j - 1) == "and":
            j -= 1
        return j, Decimal(total + current)

    # quantities: money, percent, counted things ------------------------------------------

    def _at_quantity(self, i: int) -> tuple[int, Figure] | None:
        start, currency = i, None
        t = self.tok(i)
        if t is not None and t.text in _SYMBOLS:
            currency = _SYMBOLS[t.text]
            if self.adjacent(i) and self.toks[i - 1].text in _SYMBOL_PREFIX:
                start, currency = i - 1, _SYMBOL_PREFIX[self.toks[i - 1].text]
            i += 1
        elif t is not None and t.text in ("USD", "EUR", "GBP"):
            currency = _CURRENCY_WORDS[t.low]
            i += 1
        num = self.number(i)
        if num is None:
            return self._hyphen_range(start, i) if currency is None else None
        j, value = num
        high = None
        if currency is None and (upper := self._range_end(start, j)) is not None:
            j, high = upper
        elif currency is None and (spaced := self._spaced_range(start, j, value)) is not None:
            return spaced
        word = self.low(j)
        if high is not None:
            return self._range_figure(start, j, value, high)
        if word in _MONEY_SCALES and self.adjacent(j) and (
                currency or self.low(j + 1) in _CURRENCY_WORDS):
            value, j = value * _MONEY_SCALES[word], j + 1
        word = self.low(j)
        if currency is None and word in _CURRENCY_WORDS and not (
                word == "real" or (word == "pound" and value != 1)):
            return self.figure(start, j + 1, lb.MONEY, f"money:{_CURRENCY_WORDS[word]}", value)
        if currency is None and self.low(j) == "us" and self.low(j + 1).startswith("dollar"):
            return self.figure(start, j + 2, lb.MONEY, "money:usd", value)
        if currency is not None:
            return self.figure(start, j, lb.MONEY, f"money:{currency}", value)
        end = self._percent_end(j)
        if end is not None:
            return self.figure(start, end, lb.PERCENT, "percent", value)
        return self._counted(start, j, value)

    def _range_end(self, start: int, j: int) -> tuple[int, Decimal] | None:
        """The upper end of "20 to 30" or "between 20 and 30" (not "from 20 to 30", a change)."""
        word, before = self.low(j), self.low(start - 1)
        if not (word == "to" and before != "from") and not (word == "and" and before == "between"):
            return None
        upper = self.number(j + 1)
        if upper is None or upper[1] <= 0:
            return None
        return upper

    def _spaced_range(self, start: int, j: int, low: Decimal) -> tuple[int, Figure] | None:
        """ "20 – 30 mm", "20 - 30%": a range with spaces around its dash, read as "20–30 mm"
        is (digits on both sides, and a unit, a percent sign or a counted word after it)."""
        dash = self.tok(j)
        if (dash is None or dash.text not in _RANGE_DASHES or self.adjacent(j)
                or self.adjacent(j + 1) or self.digits(start) is None):
            return None
        high = self.digits(j + 1)
        if high is None or self.low(j + 2) in _SCALES or self.low(j + 2) in _SCORE_WORDS:
            return None
        return self._dashed_range(start, j + 2, low, high)

    def _hyphen_range(self, start: int, i: int) -> tuple[int, Figure] | None:
        """ "20-30 mm", "20–30%", "20–30 soldiers": a range as "20 to 30" is, when a unit, a
        percent sign or a counted word follows (a bare "3-4" may be a score, "2020-21" a
        season, "COVID-19" a name, "a 1-2 defeat" a result)."""
        t, dash, u = self.tok(i), self.tok(i + 1), self.tok(i + 2)
        if t is None or dash is None or u is None or dash.text not in _RANGE_DASHES:
            return None
        if (t.end, dash.end) != (dash.start, u.start) or not (
                _DIGITS_RE.fullmatch(t.text) and _DIGITS_RE.fullmatch(u.text)):
            return None
        before, after = self.text[max(0, t.start - 1) : t.start], self.text[u.end : u.end + 2]
        if before.isalpha() or before in (*_RANGE_DASHES, "/") or before in _SYMBOLS or (
                after[:1] in (*_RANGE_DASHES, "/", ".") and after[1:2].isdecimal()
                ) or after[:1].isalpha() or self.low(i + 3) in _SCALES or (
                self.low(i + 3) in _SCORE_WORDS):
            return None  # "COVID-19", "1-2-3", "10-12th", "$20-30 million", "a 1-2 defeat"
        low = Decimal(re.sub(r"[,\u00a0\u202f]", "", t.text))
        high = Decimal(re.sub(r"[,\u00a0\u202f]", "", u.text))
        return self._dashed_range(start, i + 3, low, high)

    def _dashed_range(self, i: int, j: int, low: Decimal, high: Decimal
                      ) -> tuple[int, Figure] | None:
        """A range written with a dash: a figure only with its unit, percent sign or counted
        word (a bare "3-4" may be a score)."""
        found = self._range_figure(i, j, low, high)
        if found is None or (found[1].label == lb.NUMBER and found[1].unit == "number:"):
            return None
        return found

    def _range_figure(self, i: int, j: int, low: Decimal, high: Decimal
                      ) -> tuple[int, Figure] | None:
        """A range with its percent sign or counted unit ("20 to 30 millimetres")."""
        if low >= high:
            return None
        end = self._percent_end(j)
        if end is not None:
            return self.figure(i, end, lb.PERCENT, "percent", low, high)
        unit_tok = self.tok(j)
        if unit_tok is not None and (unit_tok.low in _MONTHS or unit_tok.low in _WEEKDAYS
                                     or unit_tok.low in ("am", "pm", "a", "p")):
            return None  # "3 to 5 May", "6 to 7 pm": dates and times, read one by one
        if unit_tok is None or not unit_tok.text[0].isalpha() or unit_tok.low in _NOT_UNITS:
            return self.figure(i, j, lb.NUMBER, "number:", low, high)
        unit = UNITS.get(unit_tok.low) or _singular(unit_tok.low)
        return self.figure(i, j + 1, lb.NUMBER, f"number:{unit}", low, high)

    def _percent_end(self, j: int) -> int | None:
        word = self.low(j)
        if word == "%" or (word in ("percent", "pc") and self.low(j + 1) != "point"):
            return j + 1
        if word == "per" and self.low(j + 1) == "cent":
            return j + 2
        return None

    def _counted(self, i: int, j: int, value: Decimal) -> tuple[int, Figure] | None:
        """A bare number: a year, or a count of the word that follows ("3,400 people")."""
        t = self.toks[i]
        is_word = not t.text[0].isdecimal()
        k = j
        if self._million_suffix(k):  # "75m dinars": millions of a plural noun, not metres
            value, j, k = value * 10**6, j + 1, k + 1
        while self.low(k) in _FILLERS:
            k += 1
        unit_tok = self.tok(k)
        unit = ""
        if is_word and value == 1 and j == i + 1:
            return None  # "no one", "one of them": too vague to compare
        if unit_tok is not None and unit_tok.text[0].isalpha() and unit_tok.low not in _NOT_UNITS:
            unit = UNITS.get(unit_tok.low) or _singular(unit_tok.low)
            if unit == "percentage" and self.low(k + 1).startswith("point"):
                unit, k = "percentage point", k + 1
        if (not is_word and j == i + 1 and re.fullmatch(r"1[5-9]\d\d|20\d\d", t.text)
                and (not unit or self.low(i - 1) in _YEAR_CUES)):
            return self.figure(i, j, lb.DATE, "date", (int(t.text), None, None))
        if not unit:
            return self.figure(i, j, lb.NUMBER, "number:", value)
        return self.figure(i, k + 1, lb.NUMBER, f"number:{unit}", value)

    def _million_suffix(self, k: int) -> bool:
        """An "m" stuck to a number and followed by a plural noun ("75m dinars")."""
        after = self.tok(k + 1)
        return (self.low(k) == "m" and self.adjacent(k) and after is not None
                and after.text.islower() and after.low.endswith("s")
                and after.low not in _NOT_UNITS and after.low not in UNITS)

    # dates and times ---------------------------------------------------------------------

    def _month(self, i: int) -> int | None:
        t = self.tok(i)
        if t is None or not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1):
            return None
        return _MONTHS.get(t.low)

    def _day(self, i: int) -> tuple[int, int] | None:
        t = self.tok(i)
        if t is None or not t.text.isdecimal() or not 1 <= int(t.text) <= 31 or len(t.text) > 2:
            return None
        if self.low(i + 1) in _ORDINAL_SUFFIXES and self.adjacent(i + 1):
            return i + 2, int(t.text)
        return i + 1, int(t.text)

    def _year(self, i: int) -> int | None:
        t = self.tok(i)
        if t is not None and re.fullmatch(r"1[5-9]\d\d|20\d\d", t.text):
            return int(t.text)
        return None

    def _at_date(self, i: int) -> tuple[int, Figure] | None:
        day = self._day(i)
        if day is not None and (month := self._month(day[0] + (self.low(day[0]) == "of"))):
            j = day[0] + (self.low(day[0]) == "of") + 1
            j += self.low(j) == "."
            year = self._year(j)
            return self.figure(i, j + (year is not None), lb.DATE, "date", (year, month, day[1]))
        month = self._month(i)
        if month is None:
            return None
        j = i + 1 + (self.low(i + 1) == ".")
        day = self._day(j)
        if day is not None:
            j = day[0]
            year = self._year(j + (self.low(j) == ","))
            end = j + (self.low(j) == ",") + 1 if year is not None else j
            return self.figure(i, end, lb.DATE, "date", (year, month, day[1]))
        year = self._year(j)
        if year is not None:
            return self.figure(i, j + 1, lb.DATE, "date", (year, month, None))
        return None

    def _at_time(self, i: int) -> tuple[int, Figure] | None:
        """ "10:30", "3 p.m.", "3.30pm" (a bare "10.30" is left to be a number)."""
        t = self.toks[i]
        clock = re.fullmatch(r"(\d{1,2})(?:\.(\d\d))?", t.text)
        if clock is None or int(clock[1]) > 24 or self.digits(i) is None:
            return None
        h, minute, j = int(clock[1]), int(clock[2] or 0), i + 1
        if clock[2] is None and self.low(j) == ":" and self.adjacent(j) and re.fullmatch(
                r"\d\d", self.low(j + 1)) and self.adjacent(j + 1):
            minute, j = int(self.low(j + 1)), j + 2
        j, meridiem = self._meridiem(j)
        if meridiem is None and (j == i + 1 or clock[2] is not None):
            return None
        if meridiem == "pm" and h < 12:
            h += 12
        elif meridiem == "am" and h == 12:
            h = 0
        return self.figure(i, j, lb.TIME, "time", Decimal(h * 60 + minute))

    def _meridiem(self, j: int) -> tuple[int, str | None]:
        word = self.low(j)
        if word in ("am", "pm"):
            return j + 1, word
        if word in ("a", "p") and self.low(j + 1) == "." and self.low(j + 2) == "m":
            return j + 3 + (self.low(j + 3) == "."), word + "m"
        return j, None

    def _at_weekday(self, i: int) -> tuple[int, Figure] | None:
        t = self.toks[i]
        if t.low in _WEEKDAYS and t.text[0].isupper():
            return self.figure(i, i + 1, lb.DATE, "weekday", Decimal(_WEEKDAYS[t.low]))
        return None


_STARTERS = frozenset({*_SMALL, *_TENS, *_MONTHS, *_WEEKDAYS, "a", "an", "usd", "eur", "gbp",
                       *(p.lower() for p in _SYMBOL_PREFIX), *_SYMBOLS})


def _may_start(tok: _Tok) -> bool:
    """Whether a figure can begin at ``tok`` (most words are ruled out at once)."""
    return tok.text[0].isdecimal() or tok.low.split("-", 1)[0] in _STARTERS


def _word_value(word: str, current: int) -> int | None:
    """What a number word adds to ``current`` ("five" after "twenty"), or None if it cannot."""
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _SMALL and 0 < _SMALL[parts[1]] < 10:
        value = _TENS[parts[0]] + _SMALL[parts[1]]
    elif len(parts) == 1 and (parts[0] in _SMALL or parts[0] in _TENS):
        value = _SMALL.get(parts[0], 0) + _TENS.get(parts[0], 0)
    else:
        return None
    rest = current % 100
    if rest == 0 or (rest % 10 == 0 and rest >= 20 and value < 10):
        return value
    return None


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order; offsets are code points into ``text``."""
    return _Scanner(text).scan()


@lru_cache(maxsize=8_192)
def figure_key(text: str) -> str | None:
    """The value key of a mention that states exactly one figure, else None."""
    figures = find_figures(text)
    return figures[0].key() if len(figures) == 1 else None
