"""PDF / HTML export, printing through QPrinter, and the headless `concord report` command."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from test_report import SAMPLE, make_result, sample_result  # noqa: E402

from core.report.model import percent  # noqa: E402
from gui.printing import (  # noqa: E402
    export_html,
    export_pdf,
    paint_pages,
    report_document,
    running_text,
)
from gui.report_cli import main as report_main  # noqa: E402

EXAMPLE_A = ROOT / "examples" / "original.txt"
EXAMPLE_B = ROOT / "examples" / "rewrite.txt"
# A known input: the sample passages twelve times over (60 rows) -> this many A4 pages.
KNOWN_PAGES_A4 = 5


@pytest.fixture(scope="module", autouse=True)
def app():
    return QApplication.instance() or QApplication([])


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _squash(text: str) -> str:
    return "".join(text.split())


def test_pdf_has_header_hashes_summary_and_passages(tmp_path):
    result = sample_result(names=("first draft.txt", "second draft.txt"))
    out = tmp_path / "report.pdf"
    pages = export_pdf(result, str(out))
    reader = PdfReader(out)
    assert len(reader.pages) == pages >= 2
    text = _squash(_text(out))
    for doc in result.documents:
        assert doc.sha256 in text
        assert _squash(doc.name) in text
    fig_b = result.summary.b
    assert _squash(f"of B ({percent(fig_b.found_in_other)}) comes from A") in text
    for part in SAMPLE:
        assert _squash(part[1]) in text  # every passage of A (and B's own ones below)
    assert _squash("A quotation only the second writer added.") in text
    assert _squash(f"Page 1 of {pages}") in text and _squash("A: first draft.txt") in text
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temp file left


def test_known_input_page_count_and_page_sizes(tmp_path):
    result = make_result(SAMPLE * 12)
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    assert export_pdf(result, str(a4)) == KNOWN_PAGES_A4
    assert len(PdfReader(a4).pages) == KNOWN_PAGES_A4
    export_pdf(result, str(letter), page_size="Letter")
    box_a4, box_letter = PdfReader(a4).pages[0].mediabox, PdfReader(letter).pages[0].mediabox
    assert (round(box_a4.width), round(box_a4.height)) == (595, 842)
    assert (round(box_letter.width), round(box_letter.height)) == (612, 792)
    with pytest.raises(ValueError):
        export_pdf(result, str(tmp_path / "x.pdf"), page_size="A3")


def test_hostile_text_in_pdf_and_html(tmp_path):
    evil = "<script>alert(1)</script></table></td>"
    result = make_result([("shared", f"Start {evil} end of passage."), ("a", evil)])
    export_pdf(result, str(tmp_path / "r.pdf"))
    assert _squash(evil) in _squash(_text(tmp_path / "r.pdf"))
    export_html(result, str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script" not in html and "&lt;script&gt;" in html


def test_print_path_paints_through_qprinter(tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    result = make_result(SAMPLE * 12)
    doc = report_document(__import__("core.report").report.report_html(result))
    total = paint_pages(printer, doc, running_text(result, "now"), first=2, last=3)
    assert total >= 3
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_many_pages_do_not_exhaust_none_refcount(tmp_path):
    # PySide6 6.12 drops a reference to None on every void call; without the guard a few
    # hundred pages abort the interpreter.
    result = make_result(SAMPLE * 300)
    before = sys.getrefcount(None)
    pages = export_pdf(result, str(tmp_path / "long.pdf"))
    assert pages > 50
    assert sys.getrefcount(None) >= before - 50


def _cli(*args: str, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                              "QT_QPA_PLATFORM")}
    env.update(env_extra or {})
    code = "import sys; from gui.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "report", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(not EXAMPLE_A.exists(), reason="example pair not present")
def test_cli_writes_pdf_and_html_headless(tmp_path):
    before = (EXAMPLE_A.read_bytes(), EXAMPLE_B.read_bytes())
    pdf, html = tmp_path / "r.pdf", tmp_path / "r.html"
    done = _cli(str(EXAMPLE_A), str(EXAMPLE_B), "-o", str(pdf), "--no-entities",
                "--page-size", "letter", "--min-phrase", "5")
    assert done.returncode == 0, done.stderr
    text = _squash(_text(pdf))
    assert "original.txt" in text and "rewrite.txt" in text and _squash("5 words") in text
    assert round(PdfReader(pdf).pages[0].mediabox.width) == 612
    done = _cli(str(EXAMPLE_A), str(EXAMPLE_B), "-o", str(html), "--no-entities")
    assert done.returncode == 0, done.stderr
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (EXAMPLE_A.read_bytes(), EXAMPLE_B.read_bytes()) == before


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    empty, binary = tmp_path / "empty.txt", tmp_path / "bin.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02abc")
    good = tmp_path / "good.txt"
    good.write_text("Some text to compare.", encoding="utf-8")
    out = str(tmp_path / "r.html")
    cases = [
        [str(tmp_path / "missing.txt"), str(good), "-o", out],
        [str(tmp_path), str(good), "-o", out],
        [str(empty), str(good), "-o", out],
        [str(binary), str(good), "-o", out],
        [str(good), str(good), "-o", str(tmp_path / "r.docx")],
        [str(good), str(good), "-o", str(tmp_path / "nofolder" / "r.pdf")],
        [str(good), str(good), "-o", out, "--encoding", "no-such-codec"],
    ]
    for argv in cases:
        assert report_main([*argv, "--no-entities"]) == 2, argv
        err = capsys.readouterr().err.strip()
        assert err.startswith("concord report:") and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()
    assert good.read_text(encoding="utf-8") == "Some text to compare."


def test_report_internal_error_exits_1_without_a_traceback(tmp_path, capsys, monkeypatch):
    import gui.report_cli as report_cli

    def broken(args):
        raise RuntimeError("unexpected state")

    monkeypatch.setattr(report_cli, "run", broken)
    code = report_cli.main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                            "-o", str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err
    assert code == 1 and "internal error" in err and "Traceback" not in err


def _pages_of(result, width=1800.0, height=2400.0):
    from gui.pagination import _row_at, _rows, paginate

    doc = report_document(__import__("core.report").report.report_html(result))
    pages = paginate(doc, width, height)
    return pages, _rows(doc)[0], _row_at


def test_rows_that_fit_a_page_are_never_split():
    """Seen: a row continued on the next page without its number (Qt split it anywhere)."""
    pages, rows, row_at = _pages_of(make_result(SAMPLE * 12))
    assert len(pages) >= 3
    for page in pages[:-1]:
        cut = row_at(rows, page.bottom)
        assert cut is None or cut.bottom - cut.top > 2400.0
    assert all(not p.continued for p in pages)


def test_a_table_running_onto_a_new_page_repeats_its_header_row(tmp_path):
    """Seen: the checks table went on over the page with no "Check / In A / In B" row."""
    pages, rows, _ = _pages_of(make_result(SAMPLE * 12))
    inside = [p for p in pages[1:] if any(r.top < p.top + 1 < r.bottom for r in rows)
              or p.header is not None]
    assert inside and all(p.header is not None for p in inside)
    for page in pages:
        if page.header is not None:
            assert page.header[1] <= page.top + 0.5  # the header row itself is not cut
    out = tmp_path / "long.pdf"
    count = export_pdf(make_result(SAMPLE * 12), str(out))
    assert count >= 3
    third = PdfReader(str(out)).pages[2].extract_text()  # the aligned comparison goes on
    words = third.split()
    body = words[words.index("of", words.index("Page")) + 2:]  # after the running bands
    assert body[:3] == ["Match", "A", "B"], body[:6]


def test_a_row_taller_than_a_page_says_continued(tmp_path):
    long_a = " ".join(f"Sentence {i} of a very long reworded passage in the first text."
                      for i in range(200))
    long_b = long_a.replace("first text", "second text")
    result = make_result([("shared", "An opening line that both texts share word for word."),
                          ("reworded", long_a, long_b, ["first"], ["second"])])
    pages, _rows, _ = _pages_of(result, height=1200.0)
    continued = [p.continued for p in pages if p.continued]
    assert continued and set(continued) == {"Match 2 (continued)"}
    out = tmp_path / "long.pdf"
    export_pdf(result, str(out))
    assert _squash("Match 2 (continued)") in _squash(_text(out))


def test_runs_without_spaces_are_cut_in_the_report(tmp_path):
    """Seen: 100,000-character 'words' made a 151-page PDF (56 s); now two pages."""
    blob = "x7" * 50_000
    result = make_result([("shared", f"Before the blob. {blob} After the blob.")])
    pages = export_pdf(result, str(tmp_path / "blob.pdf"))
    assert pages <= 3
    text = _squash(_text(tmp_path / "blob.pdf"))
    assert _squash("more characters without a space") in text and _squash("After the blob.") in text


def test_a_new_section_page_never_says_continued():
    """Seen: the 'Named entities' page (a forced page break) repeated 'Match 27 (continued)'."""
    import dataclasses

    from core.model import Entity

    result = make_result(SAMPLE * 6)
    text_a = result.documents[0].text
    start = text_a.index("Schools")
    person = Entity("Schools", "ORG", start, start + 7, "org:schools")
    result = dataclasses.replace(result, entities=((person,), ()))
    pages, _rows, _ = _pages_of(result)
    assert len(pages) >= 3
    assert all(not p.continued for p in pages)


@pytest.mark.parametrize(("flags", "started"), [([], True), (["--no-entities"], False)])
def test_report_starts_the_entity_child_before_reading_the_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str], started: bool) -> None:
    import core.app

    calls: list[str] = []

    def compare_with(*args: object, **kwargs: object) -> None:
        calls.append("compare")
        raise KeyboardInterrupt  # stop there: only the order matters

    monkeypatch.setattr(core.app, "prestart_entities", lambda: calls.append("prestart"))
    monkeypatch.setattr(core.app, "compare_with", compare_with)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Kyiv said so.", encoding="utf-8")
    report_main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                 "-o", str(tmp_path / "r.html"), *flags])
    assert calls == (["prestart", "compare"] if started else ["compare"])


def test_running_header_shows_an_odd_file_name_on_one_line() -> None:
    """A name with a newline or ESC would wrap the page header onto the rule: escaped."""
    result = make_result(SAMPLE, names=("two\nlines\x1b[2J.txt", "b.txt"))
    running = running_text(result, "now")
    assert running.left == r"A: two\nlines\e[2J.txt"
    assert running.right == "B: b.txt"
