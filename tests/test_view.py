"""The Qt-free view model (core.view): alignment map, one numbering, one verdict, one legend."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_report import SAMPLE, make_result

from core.model import Match, Span
from core.report import build_report, report_html
from core.report.rows import aligned_rows, match_groups
from core.report.text import render_text
from core.view.alignment import AlignmentMap
from core.view.legend import LEGEND, legend_text
from core.view.ranges import RangeIndex
from core.view.summary import banner, match_number, percent, verdict

ROOT = Path(__file__).resolve().parent.parent


def test_mapping_interpolates_inside_a_match():
    amap = AlignmentMap([Match(0, "shared", (100, 200), (300, 500), 1.0)], 1000, 1000)
    assert amap.map(100, 0) == 300
    assert amap.map(150, 0) == 400  # halfway through A -> halfway through B
    assert amap.map(400, 1) == 150


def test_mapping_interpolates_between_and_around_matches():
    matches = [Match(0, "shared", (100, 200), (100, 200), 1.0),
               Match(1, "reworded", (400, 500), (600, 700), 0.5)]
    amap = AlignmentMap(matches, 1000, 2000)
    assert amap.map(50, 0) == 50  # before the first anchor: from the document start
    assert amap.map(300, 0) == 400  # halfway between 200->400 in A, 200->600 in B
    assert amap.map(750, 0) == 700 + round(250 / 500 * 1300)  # after the last: to the end
    assert amap.map(0, 1) == 0


def test_moved_and_crossing_matches_are_not_anchors():
    matches = [Match(0, "shared", (100, 200), (500, 600), 1.0),
               Match(1, "shared", (300, 400), (100, 200), 1.0),  # crosses the first
               Match(2, "shared", (500, 600), (800, 900), 1.0, moved=True)]
    amap = AlignmentMap(matches, 1000, 1000)
    assert amap.anchors == [((100, 200), (500, 600))]


def test_range_index_finds_overlaps_and_points():
    index = RangeIndex([(10, 20, "a"), (0, 5, "b"), (30, 40, "c")])
    assert [r[2] for r in index.overlapping(4, 31)] == ["b", "a", "c"]
    assert index.at(12) == "a" and index.at(25) is None and len(index) == 3


def test_one_numbering_from_one_in_window_report_and_cli():
    """Seen: the same match was #0 in the CLI text, 1 in the window list, row 2 in the report."""
    result = make_result(SAMPLE)
    first = result.matches[0]
    assert match_number(first) == 1
    text = render_text(result)
    assert "Match 1: shared" in text and "#0" not in text
    rows = build_report(result).rows
    titled = [r.title for r in rows]
    assert titled[0] == "Match 1" and "Match 2" in titled
    assert "Match 1" in report_html(result)


def test_one_match_one_row_when_a_run_overlaps_a_reworded_pair():
    """Seen: a shared run covering the first half of a reworded sentence printed the pair as
    two rows (the run's row, then a reworded row with the rest)."""
    result = make_result([("reworded", "The minister flew on Monday to the conference in Siem "
                           "Reap.", "On Monday the minister flew to the conference in Siem "
                           "Reap.", ["The minister flew on Monday"],
                           ["On Monday the minister flew"])])
    text_a, text_b = result.documents[0].text, result.documents[1].text
    run = "to the conference in Siem Reap."
    a0, b0 = text_a.index(run), text_b.index(run)
    shared = Match(1, "shared", (a0 - 10, a0 + len(run)), (b0, b0 + len(run)), 1.0)
    result = replace(result, matches=(*result.matches, shared))
    assert [len(g) for g in match_groups(result.matches)] == [2]
    rows = aligned_rows(result)
    assert len(rows) == 1 and rows[0].matches == (1, 2) and rows[0].kind == "reworded"
    assert rows[0].title == "Matches 1, 2"


def test_each_match_number_heads_exactly_one_row():
    result = make_result(SAMPLE * 3)
    numbers = [n for row in aligned_rows(result) for n in row.matches]
    assert sorted(numbers) == [match_number(m) for m in result.matches]


def test_verdict_is_a_plain_sentence_with_one_rounding():
    result = make_result(SAMPLE)
    sentence = verdict(result)
    found_b = percent(result.summary.b.found_in_other)
    assert sentence.startswith(f"Most of B ({found_b}) comes from A; ")
    assert "reworded" in sentence and "copied word for word" in sentence
    assert banner(result) == ""


def test_banner_for_identical_and_unrelated_files():
    same = make_result([("shared", "One sentence that both files have, word for word.")])
    assert verdict(same) == banner(same) == "The files are identical."
    apart = make_result([("a", "Only the first file says this."),
                         ("b", "Only the second one says that.")])
    assert banner(apart).startswith("The files have nothing in common")
    assert verdict(apart) == banner(apart)


def test_report_and_cli_say_the_same_verdict():
    result = make_result(SAMPLE)
    assert build_report(result).verdict == verdict(result)
    assert verdict(result) in render_text(result)


def test_html_report_headings_over_figures_align_right():
    """Seen: 'th {text-align:left}' beat align=right, so 'Unique 45%' sat under the wrong
    heading in a browser. Figures' headings carry the class that right-aligns them."""
    html = report_html(make_result(SAMPLE))
    assert "th.num, td.num { text-align: right; }" in html
    for heading in ("Shared", "Reworded", "Unique", "Found in the other", "Words"):
        assert f"<th class=\"num\">{heading}</th>" in html
    assert "align=\"right\">Shared" not in html


def test_report_legend_words_come_from_the_one_legend():
    html = report_html(make_result(SAMPLE))
    for item in LEGEND:
        if item.key != "boilerplate":
            assert item.looks in html
    assert "italic" not in html.split("<h2>Legend</h2>")[1].split("</table>")[0].replace(
        "italics; dashed connector band", "")  # italics mean moved, nothing else


def test_readme_describes_the_marks_as_the_legend_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for item in LEGEND:
        assert f"{item.label}: {item.looks}" in readme, item.key
    assert legend_text().startswith("Shared word for word: blue tint, solid underline.")


def test_unique_span_alone_has_no_match_number():
    result = make_result([("a", "Only in the first."), ("b", "Only in the second.")])
    rows = aligned_rows(result)
    assert sorted(r.title for r in rows) == ["Only in A", "Only in B"]
    assert all(isinstance(s, Span) for s in result.spans[0])


def _rule(html: str, selector: str) -> str:
    for line in html.splitlines():
        if line.startswith(selector + " {"):
            return line
    return ""


def test_report_follows_the_chosen_view():
    result = make_result(SAMPLE)
    everything = report_html(result)
    assert "background-color" in _rule(everything, "span.rw")
    copied = report_html(result, view="copied")
    assert "background-color" in _rule(copied, "span.sh")
    assert "wavy" in _rule(copied, "span.rw") and "background" not in _rule(copied, "span.rw")
    assert _rule(copied, "span.uq") == "" and _rule(copied, "span.chg") == ""
    assert "View: Copied." in copied
    plain = report_html(result, view="plain")
    assert all(_rule(plain, f"span.{c}") == "" for c in ("sh", "rw", "uq", "chg"))


def test_boilerplate_lines_are_found_and_content_is_not():
    from core.view.boilerplate import boilerplate_ranges

    furniture = ["No comments", "No comments:", "Post a Comment", "Share this",
                 "Share this article",
                 "Subscribe", "Sign up for our daily newsletter", "By Jane Doe",
                 "By Olena Vasylenko and Petro Bondar, Kyiv", "Published 14 May 2024",
                 "May 14, 2024", "Updated: 14:05 GMT", "3 comments", "Related articles",
                 "Facebook | Twitter | Email", "Tags: floods, Kharkiv",
                 "© 2024 The Daily Example. All rights reserved."]
    content = ["By noon the river had risen two metres above its banks.",
               "The council said 3,400 people left their homes on Tuesday night.",
               "Share prices fell sharply after the flood warnings were issued to every "
               "business in the lower town, the chamber said.",
               "Subscribers to the water company were told to boil their water.",
               "By then it was over.", "by the river"]
    text = "\n".join(furniture + content)
    found = {text[s:e] for s, e in boilerplate_ranges(text)}
    assert found == set(furniture)


def test_unique_boilerplate_is_counted_apart():
    from core.view.boilerplate import boilerplate_ranges, unique_boilerplate_chars

    result = make_result([("shared", "The river rose two metres overnight in the town."),
                          ("b", "Share this"), ("b", "A new sentence only B has here.")])
    text_b = result.documents[1].text
    ranges = boilerplate_ranges(text_b)
    assert [text_b[s:e] for s, e in ranges] == ["Share this"]
    assert unique_boilerplate_chars(text_b, result.spans[1], ranges) == len("Sharethis")


def test_report_notes_boilerplate_apart():
    result = make_result([("shared", "The river rose two metres overnight in the town."),
                          ("b", "Share this"), ("b", "A new sentence only B has here.")])
    notes = build_report(result).notes
    assert any(n.endswith("counted in its unique share.") and " of B is site furniture" in n
               for n in notes)
    assert not build_report(make_result(SAMPLE)).notes
