"""Help > How Concord compares: one offline page with the legend, the views and an example."""

from __future__ import annotations

from html import escape

from core.model import Options
from core.view.legend import LEGEND, sample_css
from core.view.modes import MODES

# A tiny example pair, marked by hand the way the engine marks it.
EXAMPLE_A = [("shared", "The river rose two metres overnight"), (None, " and "),
             ("reworded", "officials "), ("changed", "evacuated"),
             ("reworded", " 300 people on Tuesday."), (None, " "),
             ("unique", "The mayor was on holiday.")]
EXAMPLE_B = [("shared", "The river rose two metres overnight"), (None, "; "),
             ("reworded", "300 people were "), ("changed", "moved out"),
             ("reworded", " on Tuesday, officials said."), (None, " "),
             ("unique", "Schools are closed.")]


def _marked(pieces: list[tuple[str | None, str]], dark: bool) -> str:
    out = []
    for key, text in pieces:
        css = sample_css(key, dark) if key else ""
        if key == "changed":
            css = sample_css("reworded", dark) + " " + css
        out.append(f"<span style=\"{css}\">{escape(text)}</span>" if css else escape(text))
    return "".join(out)


def how_it_compares_html(dark: bool = False) -> str:
    """The page, as HTML that Qt's rich text shows (no scripts, no network)."""
    legend = "".join(
        f"<tr><td><span style=\"{sample_css(e.key, dark)}\">&nbsp;{escape(e.label)}&nbsp;"
        f"</span></td><td>{escape(e.looks)}</td><td>{escape(e.meaning)}</td></tr>"
        for e in LEGEND)
    views = "".join(f"<li><b>{escape(m.label)}</b>: {escape(m.question)}</li>" for m in MODES)
    return f"""
<h2>How Concord compares</h2>
<p>Concord reads both documents the way a careful editor would. It cuts them into sentences
and words, then looks for three things:</p>
<ol>
<li><b>Shared passages</b>: runs of at least {Options().min_phrase} words found word for word
in both (case, quote styles and punctuation are ignored by default; Edit &gt; Settings
changes that).</li>
<li><b>Reworded passages</b>: sentences that say the same thing in other words. Concord pairs
sentences that share distinctive words (names, figures, rare words), checks that their
neighbours agree, and marks inside each pair the words that changed.</li>
<li><b>Unique passages</b>: everything else, found in one document only.</li>
</ol>
<p>A passage whose counterpart sits elsewhere (out of order) is <i>moved</i>. Percentages
are shares of each document's non-blank characters; matches are numbered from 1 in A's
reading order, the same numbers in the list, the report and the command line.</p>
<h3>An example</h3>
<table cellpadding="4"><tr><td><b>A</b></td><td>{_marked(EXAMPLE_A, dark)}</td></tr>
<tr><td><b>B</b></td><td>{_marked(EXAMPLE_B, dark)}</td></tr></table>
<h3>Legend</h3>
<table cellpadding="4">{legend}</table>
<h3>Views</h3>
<ul>{views}</ul>
<p>The report (File &gt; Print, Export) follows the view you chose.</p>
"""


def shortcuts_html(rows: list[tuple[str, str, str]]) -> str:
    """Help > Keyboard shortcuts: (menu, action, keys) rows as an HTML table."""
    body = "".join(f"<tr><td>{escape(menu)}</td><td>{escape(action)}</td>"
                   f"<td><b>{escape(keys)}</b></td></tr>" for menu, action, keys in rows)
    return ("<h2>Keyboard shortcuts</h2><table cellpadding=\"3\">"
            "<tr><th align=\"left\">Menu</th><th align=\"left\">Action</th>"
            f"<th align=\"left\">Keys</th></tr>{body}</table>")
