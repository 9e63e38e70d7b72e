"""Report renderer: a Report to one self-contained HTML page that Qt's rich-text engine prints."""

from __future__ import annotations

from html import escape

from core.report.checks import render_checks
from core.report.model import EntityLine, EntityTable, FigureLine, FileInfo, Report, percent
from core.report.rows import Cell, Row
from core.view.legend import LEGEND, sample_css
from core.view.modes import emphasis
from core.view.modes import mode as view_mode

KIND_NAME = {"shared": "Shared", "reworded": "Reworded", "unique": "Unique"}

CSS = """
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: 9pt;
       color: #000000; background-color: #FFFFFF; }
h1 { font-size: 16pt; margin-top: 0; margin-bottom: 4pt; }
h2 { font-size: 12pt; margin-top: 12pt; margin-bottom: 4pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
p.verdict { font-size: 11pt; font-weight: bold; margin-bottom: 6pt; }
p.note { color: #444444; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; }
table.rows { margin-top: 0; margin-bottom: 0; }
table.grid { border-width: 1px; border-style: solid; border-color: #999999; }
th { text-align: left; background-color: #E4E4E4; font-weight: bold; }
th.num, td.num { text-align: right; }
td, th { vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
td.k { width: 22%; font-weight: bold; color: #333333; }
td.hash, span.hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace;
                     font-size: 8pt; }
td.meta { font-size: 7.5pt; color: #333333; width: 14%; }
td.txt { width: 43%; white-space: pre-wrap; }
td.none { width: 43%; background-color: #FFFFFF; }
span.lbl { font-weight: bold; }
span.moved { font-weight: bold; color: #000000; }
span.lines { color: #444444; }
@page { size: A4; margin: 15mm; }
@media print { thead { display: table-header-group; } tr { page-break-inside: avoid; } }
"""
# What each view draws (core.view.modes); the marks themselves come from core.view.legend.
MARK_CLASS = {"shared": "sh", "reworded": "rw", "unique": "uq", "changed": "chg"}


def view_css(view: str | None = None) -> str:
    """The marks of ``view`` as CSS classes: the same cues as the window, in print colours."""
    rules = []
    for mark, cls in MARK_CLASS.items():
        strength = emphasis(view, mark)
        if strength == "strong":
            rules.append(f"span.{cls} {{ {sample_css(mark, print_=True)} }}")
            if mark != "changed":
                tint = sample_css(mark, print_=True).split(";")[0]
                rules.append(f"td.{mark} {{ {tint}; }}")
        elif strength == "faint" and mark != "changed":
            rules.append(f"span.{cls} {{ {sample_css(mark, print_=True).split(';', 1)[1]} }}")
    rules.append(f"span.mv {{ {sample_css('moved')} }}")
    rules.append(f"span.bp {{ {sample_css('boilerplate')} }}")
    return "\n".join(rules) + "\n"


def e(text: str) -> str:
    """Escape document or file text for HTML (quotes too: it may land in attributes)."""
    return escape(text, quote=True)


def render_html(report: Report, view: str | None = None) -> str:
    """The whole report as one HTML page (marks as in ``view``): no scripts, no files."""
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<title>{e(report.title)}: {e(report.files[0].name)} / {e(report.files[1].name)}"
        "</title>\n",
        f"<style>{CSS}{view_css(view)}</style>\n</head>\n<body>\n",
        f"<h1>{e(report.title)}</h1>\n",
        f"<p class=\"verdict\">{e(report.verdict)}</p>\n",
        render_files(report),
        render_summary(report),
        render_legend(view),
        render_rows(report.rows),
    ]
    if report.entities is not None:
        parts.append(render_entities(report.entities))
        if report.figure_lines:
            parts.append(render_figure_lines(report.figure_lines))
    if report.checks:
        parts.append(render_checks(report.checks))
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def _kv(label: str, value: str, cls: str = "") -> str:
    cls_attr = f" class=\"{cls}\"" if cls else ""
    return f"<tr><td class=\"k\">{e(label)}</td><td{cls_attr}>{e(value)}</td></tr>\n"


def render_files(report: Report) -> str:
    """The header tables: both files, then when, with what and with which settings."""
    out = ["<h2>Compared files</h2>\n"]
    for info in report.files:
        out.append(_file_table(info))
    out.append("<h2>Comparison</h2>\n")
    out.append("<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n")
    out.append(_kv("Compared at", report.generated))
    out.append(_kv("Concord version", report.version))
    for label, value in report.settings:
        out.append(_kv(label, value))
    out.append("</table>\n")
    return "".join(out)


def _file_table(info: FileInfo) -> str:
    size = f"{info.size:,} bytes"
    return "".join([
        "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n",
        f"<tr><th colspan=\"2\">Document {info.side}: {e(info.name)}</th></tr>\n",
        _kv("Full path", info.path),
        _kv("Size", size),
        _kv("Last modified", info.modified),
        # Word, PDF... have no text encoding ("binary"): their format is the whole answer.
        (_kv("Format", info.format) if info.encoding == "binary"
         else _kv("Encoding / format", f"{info.encoding} / {info.format}")),
        _kv("SHA-256", info.sha256, "hash"),
        "</table>\n<p></p>\n",
    ])


def render_summary(report: Report) -> str:
    """Shares of each document and passage counts."""
    # Figures are right-aligned in their cells, so their headings are too (a class, not the
    # align attribute: browsers let a "th" style rule override that).
    head = "<th>Document</th>" + "".join(f"<th class=\"num\">{h}</th>" for h in (
        "Shared", "Reworded", "Unique", "Found in the other", "Words"))
    out = ["<h2>Summary</h2>\n",
           "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n",
           f"<tr>{head}</tr>\n"]
    for f in report.figures:
        cells = [pct(f.shared), pct(f.reworded), pct(f.unique), pct(f.found), f"{f.words:,}"]
        out.append(f"<tr><td>{f.side}</td>"
                   + "".join(f"<td class=\"num\">{c}</td>" for c in cells) + "</tr>\n")
    out.append("</table>\n<p class=\"note\">Shares are of each document's non-blank "
               "characters.</p>\n<p>")
    out.append(" &nbsp;·&nbsp; ".join(f"{e(label)}: <b>{n:,}</b>" for label, n in report.counts))
    out.append("</p>\n")
    out.extend(f"<p class=\"note\">{e(note)}</p>\n" for note in report.notes)
    return "".join(out)


def pct(fraction: float) -> str:
    """Same rounding as the verdict line."""
    return percent(fraction)


def render_legend(view: str | None = None) -> str:
    """What each mark means, drawn and worded as in the window (core.view.legend)."""
    chosen = view_mode(view)
    out = ["<h2>Legend</h2>\n",
           f"<p class=\"note\">View: {e(chosen.label)}. {e(chosen.question)}</p>\n",
           "<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"]
    samples = {"shared": "<span class=\"sh\">Shared word for word</span>",
               "reworded": "<span class=\"rw\">Reworded</span>",
               "changed": "<span class=\"rw\"><span class=\"chg\">Changed words</span></span>",
               "unique": "<span class=\"uq\">Unique</span>",
               "moved": "<span class=\"mv\">Moved</span> "
                        "<span class=\"moved\">MOVED in B</span>",
               "boilerplate": "<span class=\"bp\">Boilerplate</span>"}
    for item in LEGEND:
        if item.key in samples:
            out.append(f"<tr><td width=\"30%\">{samples[item.key]}</td>"
                       f"<td>{e(item.looks)}. {e(item.meaning)}</td></tr>\n")
    out.append("<tr><td width=\"30%\">Rows</td><td>Rows follow A's order; passages only in "
               "B follow the row of their neighbour in B. A row is headed by its match "
               "numbers, the same numbers as in the window's list.</td></tr>\n")
    out.append("</table>\n")
    return "".join(out)


ROWS_PER_TABLE = 20  # Qt lays out and paints many small tables much faster than one big one
ROW_TABLE = ("<table class=\"grid rows\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
             "width=\"100%\">\n")


def render_rows(rows: tuple[Row, ...]) -> str:
    """The aligned comparison: one table row per pair of corresponding passages."""
    out = ["<h2 style=\"page-break-before: always\">Aligned comparison</h2>\n", ROW_TABLE,
           "<thead><tr><th width=\"14%\">Match</th>"
           "<th width=\"43%\">A</th>"
           "<th width=\"43%\">B</th></tr></thead>\n<tbody>\n"]
    for n, row in enumerate(rows):
        if n and n % ROWS_PER_TABLE == 0:
            out.append(f"</tbody>\n</table>\n{ROW_TABLE}<tbody>\n")
        out.append(render_row(row))
    if not rows:
        out.append("<tr><td colspan=\"3\">Both documents are blank.</td></tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def render_row(row: Row) -> str:
    """One row: a meta cell (number, kind, lines) and the A and B passages."""
    return (f"<tr><td class=\"meta\" width=\"14%\">{_meta(row)}</td>"
            f"{_cell(row, row.a)}{_cell(row, row.b)}</tr>\n")


def _meta(row: Row) -> str:
    parts = [f"<span class=\"lbl\">{e(row.title)}</span>"]
    if row.kind != "unique":
        parts.append(KIND_NAME[row.kind])
    if row.partial:
        parts.append("rest of the pair above")
    if row.similarity is not None:
        parts.append(f"{row.similarity:.0%} similar")
    if row.moved:
        parts.append("<span class=\"moved\">MOVED in B</span>")
    if row.diff_fallback:
        parts.append("coarse word diff")
    for side, cell in (("A", row.a), ("B", row.b)):
        if cell is not None:
            parts.append(f"<span class=\"lines\">{side} {cell.lines}</span>")
    return "<br>".join(parts)


PIECE_CLASS = {"shared": "sh", "reworded": "rw", "unique": "uq"}


def _cell(row: Row, cell: Cell | None) -> str:
    if cell is None:
        return "<td class=\"none\" width=\"43%\"></td>"
    out = []
    for piece in cell.pieces:
        text = e(piece.text)
        if piece.changed:
            text = f"<span class=\"chg\">{text}</span>"
        cls = "bp" if piece.boilerplate else PIECE_CLASS.get(piece.kind or "")
        out.append(f"<span class=\"{cls}\">{text}</span>" if cls else text)
    body = "".join(out)
    if row.moved:
        body = f"<span class=\"mv\">{body}</span>"
    return f"<td class=\"txt {row.kind}\" width=\"43%\">{body}</td>"


def render_entities(table: EntityTable) -> str:
    """Entities named in both documents, only in A, only in B, grouped by label."""
    out = ["<h2 style=\"page-break-before: always\">Named entities</h2>\n",
           f"<p>In both: <b>{len(table.both)}</b> &nbsp;·&nbsp; only in A: "
           f"<b>{len(table.only_a)}</b> &nbsp;·&nbsp; only in B: <b>{len(table.only_b)}</b>"
           "</p>\n"]
    for title, lines in (("In both documents", table.both), ("Only in A", table.only_a),
                         ("Only in B", table.only_b)):
        out.append(_entity_section(title, lines))
    return "".join(out)


def _entity_section(title: str, lines: tuple[EntityLine, ...]) -> str:
    out = [f"<h3>{e(title)} ({len(lines)})</h3>\n"]
    if not lines:
        out.append("<p class=\"note\">None.</p>\n")
        return "".join(out)
    out.append("<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
               "width=\"100%\">\n<thead><tr><th width=\"16%\">Label</th><th width=\"33%\">"
               "As written in A</th><th width=\"33%\">As written in B</th>"
               "<th width=\"9%\" class=\"num\">In A</th>"
               "<th width=\"9%\" class=\"num\">In B</th></tr></thead>\n")
    label = None
    for line in lines:
        shown = e(line.label) if line.label != label else ""
        label = line.label
        out.append(f"<tr><td><b>{shown}</b></td><td>{e(line.form_a)}</td>"
                   f"<td>{e(line.form_b)}</td><td class=\"num\">{line.count_a}</td>"
                   f"<td class=\"num\">{line.count_b}</td></tr>\n")
    out.append("</table>\n")
    return "".join(out)


def render_figure_lines(lines: tuple[FigureLine, ...]) -> str:
    """Facts stated with different figures in reworded passages (number, sum, date...)."""
    out = [f"<h3>Figures that differ ({len(lines)})</h3>\n",
           "<p class=\"note\">The same fact with a different figure in a reworded passage.</p>\n",
           "<table class=\"grid\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
           "width=\"100%\">\n<thead><tr><th width=\"16%\">Label</th><th width=\"42%\">"
           "In A</th><th width=\"42%\">In B</th></tr></thead>\n"]
    for line in lines:
        out.append(f"<tr><td><b>{e(line.label)}</b></td>"
                   f"<td>{e(line.text_a)} <span class=\"lines\">(line {line.line_a})</span></td>"
                   f"<td>{e(line.text_b)} <span class=\"lines\">(line {line.line_b})</span></td>"
                   "</tr>\n")
    out.append("</table>\n")
    return "".join(out)
