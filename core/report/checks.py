"""The report's "Checks" section: the editor's checks with both passages as evidence."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from core.model import Result
from core.view.summary import counted

MAX_PASSAGE = 400  # characters of a passage printed as evidence


@dataclass(frozen=True)
class CheckLine:
    """One check as the report prints it: what was found and the passage on each side."""

    group: str
    title: str
    summary: str
    detail: str
    text_a: str  # "" when A has no passage for it
    line_a: int
    text_b: str
    line_b: int
    is_issue: bool


def _passage(text: str, rng: tuple[int, int] | None) -> tuple[str, int]:
    if rng is None:
        return "", 0
    body = " ".join(text[rng[0] : rng[1]].split())
    if len(body) > MAX_PASSAGE:
        body = body[:MAX_PASSAGE].rstrip() + "…"
    return body, text.count("\n", 0, rng[0]) + 1


def check_lines(result: Result) -> tuple[CheckLine, ...]:
    """The result's checks in report order (empty when the checks did not run)."""
    out = []
    text_a, text_b = result.documents[0].text, result.documents[1].text
    for c in result.checks or ():
        (pa, la), (pb, lb) = _passage(text_a, c.a), _passage(text_b, c.b)
        out.append(CheckLine(c.group, c.title, c.summary, c.detail, pa, la, pb, lb, c.is_issue))
    return tuple(out)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _cell(text: str, line: int) -> str:
    if not text:
        return "<td class=\"note\">(no passage)</td>"
    return f"<td>{_e(text)} <span class=\"lines\">(line {line})</span></td>"


def render_checks(lines: tuple[CheckLine, ...]) -> str:
    """The section as HTML: differences by group, then agreements; each with both passages."""
    issues = sum(1 for x in lines if x.is_issue)
    out = ["<h2 style=\"page-break-before: always\">Checks</h2>\n",
           f"<p>{counted(issues, 'difference')} an editor should look at; "
           f"{counted(len(lines) - issues, 'agreement')}. Each check shows the passage of A "
           "and of B it rests on.</p>\n"]
    group = None
    for line in lines:
        heading = line.group if line.is_issue else "Agreements"
        if heading != group:
            if group is not None:
                out.append("</table>\n")
            group = heading
            out.append(f"<h3>{_e(heading)}</h3>\n<table class=\"grid\" border=\"1\" "
                       "cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n<thead><tr>"
                       "<th width=\"30%\">Check</th><th width=\"35%\">In A</th>"
                       "<th width=\"35%\">In B</th></tr></thead>\n")
        detail = f"<br><span class=\"note\">{_e(line.detail)}</span>" if line.detail else ""
        out.append(f"<tr><td><b>{_e(line.title)}</b><br>{_e(line.summary)}{detail}</td>"
                   f"{_cell(line.text_a, line.line_a)}{_cell(line.text_b, line.line_b)}</tr>\n")
    if group is not None:
        out.append("</table>\n")
    return "".join(out)
