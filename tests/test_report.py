"""Report converter and HTML renderer: rows, figures, escaping, entities (no Qt needed)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from core.model import DocSummary, Document, Entity, Match, Result, Span, Summary
from core.report import build_report, report_html, write_report_html
from core.report.model import entity_table, percent

ROOT = Path(__file__).resolve().parents[1]


def _doc(name: str, text: str) -> Document:
    data = text.encode("utf-8")
    return Document(path=f"/tmp/{name}", name=name, encoding="utf-8", format="text", text=text,
                    size=len(data), mtime=1_700_000_000.0,
                    sha256=hashlib.sha256(data).hexdigest())


def _summary(text: str, spans: list[Span]) -> DocSummary:
    counts = {"shared": [0, 0], "reworded": [0, 0], "unique": [0, 0]}
    for s in spans:
        chunk = text[s.start:s.end]
        counts[s.kind][0] += sum(not c.isspace() for c in chunk)
        counts[s.kind][1] += len(chunk.split())
    return DocSummary(
        chars=sum(c[0] for c in counts.values()), words=sum(c[1] for c in counts.values()),
        shared_chars=counts["shared"][0], reworded_chars=counts["reworded"][0],
        unique_chars=counts["unique"][0], shared_words=counts["shared"][1],
        reworded_words=counts["reworded"][1], unique_words=counts["unique"][1])


def make_result(parts: list[tuple], names: tuple[str, str] = ("a.txt", "b.txt"),
                moved_to_end: tuple[int, ...] = ()) -> Result:
    """A hand-built Result from passages.

    ``parts``: ("shared", text) | ("reworded", text_a, text_b, changed_a, changed_b)
    | ("a", text) | ("b", text). Changed words are given as substrings. Shared parts
    whose index is in ``moved_to_end`` are placed at the end of B and marked moved.
    """
    pieces_a: list[tuple[str, str, int | None, list[str]]] = []
    pieces_b: list[tuple[str, str, int | None, list[str]]] = []
    tail_b = []
    kinds: list[tuple[str, bool]] = []
    for n, part in enumerate(parts):
        kind = part[0]
        if kind in ("shared", "reworded"):
            mid = len(kinds)
            kinds.append((kind, n in moved_to_end))
            text_b = part[1] if kind == "shared" else part[2]
            pieces_a.append((part[1], kind, mid, list(part[3]) if kind == "reworded" else []))
            entry = (text_b, kind, mid, list(part[4]) if kind == "reworded" else [])
            (tail_b if n in moved_to_end else pieces_b).append(entry)
        else:
            target = pieces_a if kind == "a" else pieces_b
            target.append((part[1], "unique", None, []))
    pieces_b.extend(tail_b)
    text_a, spans_a, where_a, changes_a = _lay_out(pieces_a)
    text_b, spans_b, where_b, changes_b = _lay_out(pieces_b)
    matches = tuple(
        Match(i, kind, where_a[i], where_b[i], 1.0 if kind == "shared" else 0.6, moved,
              tuple(changes_a.get(i, ())), tuple(changes_b.get(i, ())))
        for i, (kind, moved) in enumerate(kinds))
    summary = Summary(_summary(text_a, spans_a), _summary(text_b, spans_b),
                      sum(k == "shared" for k, _ in kinds), sum(k == "reworded" for k, _ in kinds),
                      sum(m for _, m in kinds), sum(s.kind == "unique" for s in spans_a),
                      sum(s.kind == "unique" for s in spans_b))
    return Result((_doc(names[0], text_a), _doc(names[1], text_b)),
                  (tuple(spans_a), tuple(spans_b)), matches, summary, elapsed=0.25)


def _lay_out(pieces):
    text, spans, where, changes = "", [], {}, {}
    for body, kind, mid, changed in pieces:
        if text:
            text += "\n\n"
        start = len(text)
        text += body
        spans.append(Span(start, len(text), kind, mid))
        if mid is not None:
            where[mid] = (start, len(text))
            for word in changed:
                at = body.index(word)
                changes.setdefault(mid, []).append((start + at, start + at + len(word)))
    return text, spans, where, changes


SAMPLE = [
    ("shared", "The river rose two metres overnight and flooded the lower town."),
    ("reworded", "Officials said 300 people were evacuated on Tuesday.",
     "About 300 residents were moved out on Tuesday, officials said.",
     ["Officials said", "people", "evacuated"],
     ["About", "residents", "moved out", "officials said"]),
    ("a", "A paragraph only the first writer kept."),
    ("b", "A quotation only the second writer added."),
    ("shared", "Schools will stay closed until Friday, the council announced."),
]


def sample_result(**kw) -> Result:
    return make_result(SAMPLE, **kw)


def test_rows_follow_a_and_place_b_unique_after_its_neighbour():
    rows = build_report(sample_result()).rows
    assert [(r.kind, r.a is not None, r.b is not None) for r in rows] == [
        ("shared", True, True), ("reworded", True, True), ("unique", False, True),
        ("unique", True, False), ("shared", True, True)]
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]


def test_every_character_appears_once():
    result = sample_result(moved_to_end=(0,))
    rows = build_report(result).rows
    for side, doc in enumerate(result.documents):
        cells = [r.a if side == 0 else r.b for r in rows]
        shown = "".join(c.text for c in cells if c is not None)
        assert sorted(shown.replace(" ", "")) == sorted(doc.text.replace(" ", "").replace("\n", ""))
    assert rows[0].moved and rows[0].a.text.startswith("The river")


def test_changed_words_are_pieces():
    row = build_report(sample_result()).rows[1]
    changed_a = [p.text for p in row.a.pieces if p.changed]
    changed_b = [p.text for p in row.b.pieces if p.changed]
    assert changed_a == ["Officials said", "people", "evacuated"]
    assert changed_b == ["About", "residents", "moved out", "officials said"]


def test_summary_figures_and_verdict():
    report = build_report(sample_result())
    fig_a, fig_b = report.figures
    assert abs(fig_a.shared + fig_a.reworded + fig_a.unique - 1) < 1e-9
    assert report.verdict.startswith(f"Most of B ({percent(fig_b.found)}) comes from A;")
    assert percent(0.001) == "<1%" and percent(0.999) == ">99%" and percent(0.5) == "50%"


def test_header_has_files_hashes_settings_and_version():
    import core

    result = sample_result()
    html = report_html(result, generated="2026-01-02T03:04:05+00:00")
    for doc in result.documents:
        assert doc.sha256 in html and doc.path in html and f"{doc.size:,} bytes" in html
    for text in ("2026-01-02T03:04:05+00:00", core.__version__, "Minimum phrase",
                 "6 words", "Rewording threshold", "Ignore case", "Ignore punctuation"):
        assert text in html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.data.append(data)


def test_hostile_text_is_escaped():
    evil = "<script>alert('x')</script></table></td><img src=x onerror=alert(1)> & \"q\""
    result = make_result([("shared", f"Shared {evil} text here."), ("a", evil),
                          ("b", f"B says {evil}")], names=("<b>a</b>.txt", "b&amp;.txt"))
    html = report_html(result)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    plain = report_html(sample_result())
    parsed, parsed_plain = _Tags(), _Tags()
    parsed.feed(html)
    parsed_plain.feed(plain)
    # the same structure as a harmless report: no injected or closed-early elements
    assert parsed.tags.count("table") == parsed_plain.tags.count("table")
    assert "img" not in parsed.tags and "script" not in parsed.tags
    assert evil in "".join(parsed.data)  # shown to the reader, verbatim
    assert "<b>a</b>.txt" in "".join(parsed.data)


def test_html_is_self_contained():
    html = report_html(sample_result()).lower()
    for banned in ("<script", "<link", "src=", "@import", "http://", "https://"):
        assert banned not in html
    assert html.startswith("<!doctype html>") and "<meta charset=\"utf-8\">" in html


def test_entity_table_groups_by_key_and_label():
    ents_a = (Entity("Kiev", "GPE", 0, 4, "gpe:kyiv"), Entity("Kiev", "GPE", 9, 13, "gpe:kyiv"),
              Entity("Salenko", "PERSON", 20, 27, "person:salenko"),
              Entity("SES", "ORG", 30, 33, "org:ses"))
    ents_b = (Entity("Kyiv", "GPE", 0, 4, "gpe:kyiv"), Entity("Moroz", "PERSON", 5, 10,
                                                                "person:moroz"))
    table = entity_table((ents_a, ents_b))
    assert [(e.label, e.form_a, e.form_b, e.count_a, e.count_b) for e in table.both] == [
        ("GPE", "Kiev", "Kyiv", 2, 1)]
    assert [e.form_a for e in table.only_a] == ["SES", "Salenko"]
    assert [e.form_b for e in table.only_b] == ["Moroz"]
    result = sample_result()
    from dataclasses import replace

    html = report_html(replace(result, entities=(ents_a, ents_b)))
    assert "Named entities" in html and "In both documents (1)" in html
    assert "Only in A (2)" in html and "Only in B (1)" in html
    assert "Named entities" not in report_html(result)


def test_write_report_html_is_atomic(tmp_path):
    out = tmp_path / "report.html"
    write_report_html(sample_result(), out)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_core_report_does_not_import_qt():
    code = ("import sys, core.report; "
            "print(any(m.startswith(('PySide6', 'gui')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_report_of_the_example_pair_with_the_engine():
    from core.comparison.engine import compare
    from core.readers.load import load_document

    a, b = ROOT / "examples" / "original.txt", ROOT / "examples" / "rewrite.txt"
    result = compare(load_document(a), load_document(b))
    report = build_report(result)
    for side, doc in enumerate(result.documents):
        cells = [r.a if side == 0 else r.b for r in report.rows]
        shown = " ".join(c.text for c in cells if c is not None).replace(" […] ", " ")
        assert sorted(shown.split()) == sorted(doc.text.split())


def test_site_furniture_is_grey_in_the_report_as_in_the_window():
    result = make_result([
        ("shared", "The council approved the new bridge on Monday. "),
        ("b", "Share on Facebook\nThe mayor was not available for comment.\n"),
    ])
    rows = build_report(result).rows
    pieces = [p for r in rows if r.b is not None for p in r.b.pieces]
    muted = [p.text.strip() for p in pieces if p.boilerplate]
    assert muted == ["Share on Facebook"]
    assert not any(p.boilerplate for p in pieces if "mayor" in p.text)
    html = report_html(result)
    assert '<span class="bp">Share on Facebook</span>' in html
    assert "span.bp {" in html and "Boilerplate" in html


def test_report_escapes_control_characters_in_file_names_and_names_no_binary_encoding() -> None:
    """A file name holding a newline or ESC is shown escaped (one line, as in the CLI's
    messages); a Word or PDF file is described by its format, not as 'binary'."""
    import dataclasses

    result = make_result([("shared", "The council voted on Tuesday to build the barrier.")],
                         names=("two\nlines\x1b[2J.txt", "b.docx"))
    odd, word = result.documents
    result = dataclasses.replace(result, documents=(
        odd, dataclasses.replace(word, encoding="binary", format="docx")))
    page = report_html(result)
    assert "\x1b" not in page and "two\nlines" not in page
    assert r"Document A: two\nlines\e[2J.txt" in page
    assert "binary" not in page
    assert ">docx<" in page
