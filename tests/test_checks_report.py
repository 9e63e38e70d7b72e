"""The report's Checks section: every check with both passages, escaped."""

from __future__ import annotations

from dataclasses import replace

from core.report import report_html
from core.report.checks import check_lines
from tests.checks_gold import checked


def test_the_report_lists_each_check_with_its_passages() -> None:
    result, checks = checked("port")
    html = report_html(replace(result, checks=checks))
    assert "<h2 style=\"page-break-before: always\">Checks</h2>" in html
    lines = check_lines(replace(result, checks=checks))
    assert len(lines) == len(checks)
    moved = next(x for x in lines if x.title == "Quotation attributed to someone else")
    assert "Bakker said" in moved.text_a and "said Karin Visser" in moved.text_b
    assert "This strike hurts the workers" in html and "Economy minister Karin Visser" in html


def test_no_checks_section_when_the_checks_did_not_run() -> None:
    result, _ = checked("library")
    assert ">Checks</h2>" not in report_html(replace(result, checks=None))


def test_the_checks_section_counts_in_words_not_with_plural_s() -> None:
    result, checks = checked("port")
    lines = check_lines(replace(result, checks=checks))
    issues = sum(1 for x in lines if x.is_issue)
    agreements = len(lines) - issues
    html = report_html(replace(result, checks=checks))
    section = html[html.index(">Checks</h2>"):]
    assert "(s)" not in section
    assert (f"{issues} difference{'s' if issues != 1 else ''} an editor should look at; "
            f"{agreements} agreement{'s' if agreements != 1 else ''}.") in section
