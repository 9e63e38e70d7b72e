"""Report: the table of figures that differ in reworded passages (no Qt needed)."""

from __future__ import annotations

from dataclasses import replace

from core.model import Entity
from core.report import build_report, report_html
from core.report.model import FigureLine
from tests.test_report import make_result

PARTS = [
    ("shared", "The river rose two metres overnight and flooded the lower town."),
    ("reworded", "Officials said 3,400 people were evacuated on Tuesday.",
     "At least 3,500 people were evacuated on Tuesday, officials said.",
     ["Officials said 3,400"], ["At least 3,500", "officials said"]),
    ("reworded", "The repairs will cost €4.1 million <urgently>.",
     "Repairs will cost 4.1 million euros <urgently>.", ["The repairs"], ["Repairs", "euros"]),
]
ENTITIES = ((Entity("Tuesday", "Date", 0, 0, "weekday:1"),), ())


def test_figure_lines_list_differences_with_line_numbers() -> None:
    result = replace(make_result(PARTS), entities=ENTITIES)
    report = build_report(result)
    # equal sums in other words ("€4.1 million" / "4.1 million euros") are not listed
    assert report.figure_lines == (FigureLine("Number/quantity", "3,400 people", 3,
                                              "3,500 people", 3),)


def test_html_has_the_table_escaped() -> None:
    parts = [("reworded", "Officials said 3,400 <b>people</b> were evacuated.",
              "Officials said 3,500 <b>people</b> were evacuated.", ["3,400"], ["3,500"])]
    html = report_html(replace(make_result(parts), entities=ENTITIES))
    assert "Figures that differ (1)" in html
    assert "<td>3,400 <span class=\"lines\">(line 1)</span></td>" in html
    assert "<b>people</b>" not in html.split("Figures that differ")[1]


def test_no_table_without_entities_or_differences() -> None:
    result = make_result(PARTS)
    assert build_report(result).figure_lines == ()
    assert "Figures that differ" not in report_html(result)
    same = [("reworded", "Fourteen boats sank.", "14 boats sank.", ["Fourteen"], ["14"])]
    assert "Figures that differ" not in report_html(replace(make_result(same), entities=ENTITIES))


def test_renderer_escapes_figure_text() -> None:
    from core.report.html import render_figure_lines

    html = render_figure_lines((FigureLine("Money", "<script>£4m", 2, "A&B £5m", 7),))
    assert "&lt;script&gt;£4m" in html and "A&amp;B £5m" in html and "<script>" not in html
    assert "(line 2)" in html and "(line 7)" in html
