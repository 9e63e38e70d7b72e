"""The visual language, defined once: colours and cues per kind, for window, report and README."""

from __future__ import annotations

from dataclasses import dataclass

# Okabe-Ito: blue, orange, vermillion stay distinct under the common colour-vision deficiencies.
STRONG_LIGHT = {"shared": "#0072B2", "reworded": "#E69F00", "unique": "#D55E00"}
STRONG_DARK = {"shared": "#56B4E9", "reworded": "#F0C05A", "unique": "#FF8A50"}
TINT_LIGHT = {"shared": "#D3E7F5", "reworded": "#FCEBC4", "unique": "#E4E4E4"}
TINT_DARK = {"shared": "#173A52", "reworded": "#4A3A12", "unique": "#454545"}
CHANGED_LIGHT = "#F2B33D"
CHANGED_DARK = "#9C6F0C"
MUTED_LIGHT = "#8A8A8A"  # boilerplate text
MUTED_DARK = "#8C8C8C"
# Underline colours for print: darker than the screen colours so they survive a grey printer.
STRONG_PRINT = {"shared": "#0072B2", "reworded": "#B07800", "unique": "#555555"}

# The second cue, independent of colour: how each kind is underlined (CSS / Qt names).
UNDERLINE = {"shared": "solid", "reworded": "wavy", "unique": "dotted"}


@dataclass(frozen=True)
class LegendEntry:
    """One thing the reader sees: its name, how it looks and what it means."""

    key: str
    label: str
    looks: str  # how it is drawn, in words (identical in window, report and README)
    meaning: str


LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("shared", "Shared word for word", "blue tint, solid underline",
                "Found word for word in the other document."),
    LegendEntry("reworded", "Reworded", "orange tint, wavy underline",
                "Says the same thing as a passage of the other document, in other words."),
    LegendEntry("changed", "Changed words", "bold on a deeper orange",
                "Words that differ inside a reworded passage."),
    LegendEntry("unique", "Unique", "grey tint, dotted underline",
                "No counterpart in the other document."),
    LegendEntry("moved", "Moved", "italics; dashed connector band",
                "The counterpart sits elsewhere in the other document (out of order)."),
    LegendEntry("boilerplate", "Boilerplate", "grey text, no tint",
                "Site furniture (share buttons, newsletter lines, bylines); "
                "counted apart from unique content."),
)
BY_KEY = {entry.key: entry for entry in LEGEND}


def entry(key: str) -> LegendEntry:
    """The legend entry of ``key`` (shared, reworded, changed, unique, moved, boilerplate)."""
    return BY_KEY[key]


def sample_css(key: str, dark: bool = False, print_: bool = False) -> str:
    """Inline CSS that draws ``key`` as the panes do (Qt rich text and browsers both read it)."""
    tint = TINT_DARK if dark else TINT_LIGHT
    strong = STRONG_PRINT if print_ else (STRONG_DARK if dark else STRONG_LIGHT)
    if key in UNDERLINE:
        style = UNDERLINE[key]
        # Browsers read text-decoration-*, Qt's rich text reads text-underline-style (and
        # would reset it to a plain line on a "text-decoration: underline" shorthand).
        qt_style = {"solid": "solid", "wavy": "wave", "dotted": "dotted"}[style]
        return (f"background-color: {tint[key]}; text-decoration-line: underline;"
                f" text-decoration-style: {style}; text-underline-style: {qt_style};"
                f" text-decoration-color: {strong[key]};")
    if key == "changed":
        return (f"background-color: {CHANGED_DARK if dark else CHANGED_LIGHT};"
                " font-weight: bold;")
    if key == "moved":
        return "font-style: italic;"
    if key == "boilerplate":
        return f"color: {MUTED_DARK if dark else MUTED_LIGHT};"
    raise KeyError(key)


def legend_text() -> str:
    """The legend as plain sentences ("Shared word for word: blue tint, solid underline. ...")."""
    return " ".join(f"{e.label}: {e.looks}." for e in LEGEND)
