"""Every option, declared once: CLI flags, settings dialog, validation and report follow from it.

A row of :data:`OPTIONS` names a field of :class:`core.model.Options` (what the engine reads)
or of :class:`LoadOptions` (how files are read), with its type, range, unit, help for the
command line, a plain-language label for the window and the report, and the engine's own
name for the tooltip. Adding a row adds the flag, the widget, the check and the report line.
"""

from __future__ import annotations

import argparse
import codecs
import math
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Literal

from core.errors import OptionError
from core.model import Options

MB = 1_000_000  # one unit everywhere: 1 MB = 1,000,000 bytes (not MiB)
DEFAULT_MAX_MB = 50.0
DEFAULT_MAX_BYTES = int(DEFAULT_MAX_MB * MB)

Scope = Literal["engine", "load"]


@dataclass(frozen=True)
class LoadOptions:
    """How the two files are read before they are compared."""

    max_size: float = DEFAULT_MAX_MB  # MB; larger files are refused
    encoding: str | None = None  # None: detect
    entities: bool = True  # find named entities after comparing

    @property
    def max_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_size * MB)


@dataclass(frozen=True)
class OptionSpec:
    """One option: where it lives, what it accepts, and how people see it."""

    name: str  # field of Options ("engine") or LoadOptions ("load")
    scope: Scope
    type: type  # int, float, bool or str
    label: str  # plain language, for the settings dialog
    short: str  # a few words, for the report's settings block
    help: str  # command-line help (the default is appended)
    tooltip: str  # what the engine calls it, for people who know
    unit: str = ""  # "words", "s", "MB"
    minimum: float | None = None
    maximum: float | None = None
    minimum_excluded: bool = False  # the value must be above ``minimum``
    step: float = 1.0  # dialog spin box step
    decimals: int = 0  # dialog spin box decimals (floats)
    metavar: str = ""
    in_dialog: bool = True

    @property
    def default(self) -> object:
        """The dataclass default of the field this row describes."""
        owner = Options if self.scope == "engine" else LoadOptions
        return next(f.default for f in fields(owner) if f.name == self.name)

    @property
    def flag(self) -> str:
        """The command-line flag: ``--min-phrase``, or ``--no-fold-case`` for an on switch."""
        dashed = self.name.replace("_", "-")
        return f"--no-{dashed}" if self.type is bool and self.default else f"--{dashed}"

    def range_text(self) -> str:
        """The accepted values in words, e.g. "above 0 and at most 1"."""
        unit = f" {self.unit}" if self.unit else ""
        low = "above" if self.minimum_excluded else "at least"
        if self.minimum is not None and self.maximum is not None:
            if self.minimum_excluded:
                return f"above {self.minimum:g} and at most {self.maximum:g}{unit}"
            return f"between {self.minimum:g} and {self.maximum:g}{unit}"
        if self.minimum is not None:
            return f"{low} {self.minimum:g}{unit}"
        return f"at most {self.maximum:g}{unit}" if self.maximum is not None else "any value"

    def check(self, value: object) -> object:
        """``value`` if this option accepts it; OptionError naming the option otherwise."""
        if value is None and self.default is None:
            return value
        if self.type is bool:
            if not isinstance(value, bool):
                raise self._error(value, "must be on or off")
            return value
        if self.type is str:
            return self._check_text(value)
        numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not numeric or (self.type is int and not isinstance(value, int)):
            kind = "a whole number" if self.type is int else "a number"
            raise self._error(value, f"must be {kind} {self.range_text()}")
        if not self._in_range(float(value)):
            raise self._error(value, f"must be {self.range_text()}")
        return value

    def _in_range(self, value: float) -> bool:
        if math.isnan(value) or math.isinf(value):
            return False
        if self.minimum is not None and (value < self.minimum or (
                self.minimum_excluded and value == self.minimum)):
            return False
        return self.maximum is None or value <= self.maximum

    def _check_text(self, value: object) -> object:
        if not isinstance(value, str) or not value.strip():
            raise self._error(value, "must be a name")
        if self.name == "encoding":
            try:
                codecs.lookup(value)
            except LookupError:
                raise self._error(value, "is not an encoding Python knows (try utf-8, "
                                  "cp1252, latin-1)") from None
        return value

    def _error(self, value: object, problem: str) -> OptionError:
        return OptionError(f"{self.flag} ({self.short}) {problem}; got {value!r}.")

    def format(self, value: object) -> str:
        """``value`` as a person reads it: "6 words", "yes", "0.3", "detected"."""
        if self.type is bool:
            return "yes" if value else "no"
        if value is None:
            return "detected" if self.name == "encoding" else "none"
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return f"{shown} {self.unit}" if self.unit else shown


OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec(
        "min_phrase", "engine", int,
        label="Shortest passage that counts as copied word for word",
        short="Minimum phrase",
        help="shortest verbatim run, in words, that counts as shared",
        tooltip="Minimum verbatim run (min_phrase, --min-phrase): the word n-gram length "
                "that seeds a shared match.",
        unit="words", minimum=1, maximum=1000, metavar="N"),
    OptionSpec(
        "threshold", "engine", float,
        label="How similar sentences must be to count as reworded",
        short="Rewording threshold",
        help="sentence similarity (0-1) from which a pair counts as reworded",
        tooltip="Reworded threshold (threshold, --threshold): the sentence-similarity score "
                "(TF-IDF cosine over word stems, or the sentence-embedding score) at or above "
                "which two sentences are paired.",
        minimum=0.0, maximum=1.0, minimum_excluded=True, step=0.05, decimals=3, metavar="F"),
    OptionSpec(
        "fold_case", "engine", bool,
        label="Ignore capital letters (“Minister” and “minister” are the same word)",
        short="Ignore case",
        help="treat 'Minister' and 'minister' as different words",
        tooltip="Case folding (fold_case; --no-fold-case turns it off)."),
    OptionSpec(
        "fold_punctuation", "engine", bool,
        label="Ignore punctuation and the style of quotes",
        short="Ignore punctuation",
        help="treat punctuation and curly/straight quotes as part of words",
        tooltip="Punctuation folding (fold_punctuation; --no-fold-punctuation turns it off)."),
    OptionSpec(
        "semantic", "engine", bool,
        label="Recognise rewording that uses other words (slower)",
        short="Meaning-based matching",
        help="compare sentences by word overlap only, without the sentence-embedding model "
             "(faster)",
        tooltip="Semantic sentence scorer (semantic; --no-semantic): a sentence-embedding "
                "model confirms or rejects pairs the word-overlap (TF-IDF) score leaves "
                "undecided."),
    OptionSpec(
        "diff_timeout", "engine", float,
        label="Time allowed to mark the changed words of one sentence pair",
        short="Word-diff time limit",
        help="seconds the word diff may spend on one reworded pair",
        tooltip="diff-match-patch Diff_Timeout (diff_timeout, --diff-timeout), per "
                "reworded pair; past it the changed words are marked coarsely.",
        unit="s", minimum=0.01, maximum=60.0, step=0.5, decimals=2, metavar="SECONDS"),
    OptionSpec(
        "max_size", "load", float,
        label="Largest file to open",
        short="Size limit",
        help="refuse files larger than this many MB, 1 MB being 1,000,000 bytes",
        tooltip="Size limit (max_size, --max-size), in MB of 1,000,000 bytes.",
        unit="MB", minimum=0.0, maximum=2000.0, minimum_excluded=True, step=10.0,
        decimals=1, metavar="MB"),
    OptionSpec(
        "encoding", "load", str,
        label="Text encoding of both files",
        short="Encoding",
        help="read both files with this encoding instead of detecting it",
        tooltip="Forced decoder (encoding, --encoding); by default the encoding is detected.",
        metavar="ENC",
        # The window picks an encoding per pane ("Reopen with encoding"), not for both.
        in_dialog=False),
    OptionSpec(
        "entities", "load", bool,
        label="List the people, places, organisations, dates and figures each file names, and "
              "run the editor's checks",
        short="Named entities",
        help="skip named entities and the editor's checks (faster)",
        tooltip="Named entities and the editor's checks (--no-entities turns both off)."),
)


def spec(name: str) -> OptionSpec:
    """The row for ``name``."""
    for row in OPTIONS:
        if row.name == name:
            return row
    raise KeyError(name)


def rows(scope: Scope | None = None, dialog: bool = False) -> tuple[OptionSpec, ...]:
    """The rows of ``scope`` (all when None); only those shown in the dialog if ``dialog``."""
    return tuple(r for r in OPTIONS
                 if (scope is None or r.scope == scope) and (not dialog or r.in_dialog))


def validate(options: Options) -> None:
    """Reject engine options no comparison can honour, with a message naming the option."""
    for row in rows("engine"):
        row.check(getattr(options, row.name))


def validate_loading(loading: LoadOptions) -> None:
    """Reject loading options out of range (a NaN or negative size limit, unknown encoding)."""
    for row in rows("load"):
        row.check(getattr(loading, row.name))


def add_arguments(parser: argparse.ArgumentParser, with_defaults: bool = True,
                  scopes: Iterable[Scope] = ("engine", "load")) -> None:
    """One flag per row. Without defaults an option not given is None (saved settings apply)."""
    group = parser.add_argument_group("comparison options")
    for row in OPTIONS:
        if row.scope not in scopes:
            continue
        default = row.default if with_defaults else None
        if row.type is bool:
            action = "store_false" if row.default else "store_true"
            group.add_argument(row.flag, dest=row.name, action=action, default=default,
                               help=row.help)
            continue
        shown = f" ({row.range_text()}; default {row.format(row.default)})" if (
            row.default is not None) else ""
        group.add_argument(row.flag, dest=row.name, type=_parser_type(row), default=default,
                           metavar=row.metavar or None, help=row.help.replace("%", "%%") + shown)


def _parser_type(row: OptionSpec):
    def convert(text: str) -> object:
        try:
            return row.type(text)
        except ValueError:
            kind = "a whole number" if row.type is int else "a number"
            raise argparse.ArgumentTypeError(f"{text!r} is not {kind}") from None

    convert.__name__ = row.type.__name__
    return convert if row.type in (int, float) else row.type


def _given(args: argparse.Namespace, scope: Scope) -> dict[str, object]:
    changes = {}
    for row in rows(scope):
        value = getattr(args, row.name, None)
        if value is not None:
            changes[row.name] = row.check(value)
    return changes


def engine_options(args: argparse.Namespace, base: Options | None = None) -> Options:
    """``base`` (default: the defaults) with the engine options given on the command line."""
    return replace(base or Options(), **_given(args, "engine"))


def loading_options(args: argparse.Namespace, base: LoadOptions | None = None) -> LoadOptions:
    """``base`` (default: the defaults) with the loading options given on the command line."""
    return replace(base or LoadOptions(), **_given(args, "load"))


def describe(options: Options) -> tuple[tuple[str, str], ...]:
    """The engine options as (short label, value) pairs, for the report's settings block."""
    return tuple((row.short, row.format(getattr(options, row.name))) for row in rows("engine"))


# Sentence pairs for the dialog's live example: a close rewording, a look-alike on the same
# subject, and a paraphrase in other words that word overlap alone scores low.
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Heavy rain flooded the main road into the village overnight.",
     "The main road into the village was closed after overnight flooding."),
    ("Heavy rain flooded the main road into the village overnight.",
     "Villagers say the road floods every winter and want a new drain."),
    ("The council approved the new budget for the harbour on Monday.",
     "On Monday councillors voted through a fresh spending plan for the harbour."),
)


def example_similarity(text_a: str, text_b: str) -> float:
    """The word-overlap (TF-IDF) score of two sentences, as the engine computes it."""
    from core.comparison.lexical import TfidfScorer
    from core.comparison.segment import segment

    options = Options()
    sa = segment(text_a, options).sentences
    sb = segment(text_b, options).sentences
    return TfidfScorer(sa, sb).score(sa, sb)
