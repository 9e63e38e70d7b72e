"""Every format gives back the known article: complete, in order, without page furniture."""

from __future__ import annotations

import pytest

from core.comparison.engine import compare
from core.readers.load import document_from_text, load_bytes
from tests.readers import fixtures
from tests.readers.article import PARAGRAPHS, TEXT, TITLE

FURNITURE = ("Westmere Gazette", "Page 1", "Page 2", "cookies", "Most read", "Share this",
             "Copyright", "Sport", "Confidential draft", "sourdough")
BUILDERS = {
    "article.pdf": fixtures.make_pdf,
    "article.docx": fixtures.make_docx,
    "article.odt": fixtures.make_odt,
    "article.rtf": fixtures.make_rtf,
    "article.html": fixtures.make_html,
    "article.eml": fixtures.make_eml,
    "article.md": lambda: TEXT.encode(),
}
EXPECTED_FORMAT = {"pdf": "pdf", "docx": "docx", "odt": "odt", "rtf": "rtf", "html": "html",
                   "eml": "eml", "md": "markdown"}


def shared_both_ways(text: str) -> tuple[float, float]:
    result = compare(document_from_text(text, "read"), document_from_text(TEXT, "truth"))
    return result.summary.a.share("shared"), result.summary.b.share("shared")


def assert_in_order(text: str) -> None:
    flat = " ".join(text.split())
    positions = [flat.find(" ".join(p.split()[:8])) for p in (TITLE, *PARAGRAPHS)]
    assert -1 not in positions, positions
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_article_comes_back_complete_in_order_and_clean(name: str) -> None:
    doc = load_bytes(BUILDERS[name](), name)
    assert doc.format == EXPECTED_FORMAT[name.rsplit(".", 1)[1]]
    text = doc.text
    if doc.format == "eml":  # the headers come first (the subject is the title)
        body = next(loc.start for loc in doc.locations if loc.label == "message body")
        text = f"{TITLE}\n\n{text[body:]}"
    read_in_truth, truth_in_read = shared_both_ways(text)
    assert read_in_truth >= 0.97, text
    assert truth_in_read >= 0.97, text
    assert_in_order(text)
    for furniture in FURNITURE:
        assert furniture not in doc.text
    assert "\r" not in doc.text


@pytest.mark.parametrize(("interleave", "wide_title"),
                         [(False, False), (True, False), (True, True)])
def test_pdf_two_columns_are_read_column_by_column(interleave: bool, wide_title: bool) -> None:
    # Interleaved: the content stream alternates the columns' lines; only positions tell.
    data = fixtures.make_pdf(interleave=interleave, wide_title=wide_title)
    doc = load_bytes(data, "two-col.pdf")
    assert_in_order(doc.text)
    assert doc.pages == 2
    assert [loc.label for loc in doc.locations] == ["p. 1", "p. 2"]
    # Every paragraph is one paragraph again: lines joined, blank lines between paragraphs.
    assert doc.text.split("\n\n") == [TITLE, *PARAGRAPHS]


def test_pdf_ligatures_and_hyphenated_line_ends_are_undone() -> None:
    data = fixtures.make_pdf()
    assert "\ufb01" in data.decode("latin-1") or b"DejaVu" in data  # the fixture has them
    doc = load_bytes(data, "lig.pdf")
    for word in ("fisherman", "office", "Efficient", "flood", "finished"):
        assert word in doc.text
    assert "\ufb01" not in doc.text and "\ufb02" not in doc.text
    assert "-\n" not in doc.text and "- " not in doc.text


def test_pdf_page_location_points_at_the_right_page() -> None:
    doc = load_bytes(fixtures.make_pdf(), "pages.pdf")
    last = doc.text.index("Insurance companies")
    assert doc.location_at(0) == "p. 1"
    assert doc.location_at(last) == "p. 2"


def test_docx_locations_tables_and_notes() -> None:
    table = (("Vote", "Count"), ("For", "9"), ("Against", "4"))
    doc = load_bytes(fixtures.make_docx(table=table), "with-table.docx")
    assert doc.location_at(doc.text.index("The barrier, estimated")) == "paragraph 3"
    assert doc.location_at(doc.text.index("Against | 4")) == "table 1, row 3"
    assert doc.text.endswith("Against | 4")
    assert doc.warnings == ()


def test_markdown_is_shown_as_written() -> None:
    doc = load_bytes(b"# Heading\n\nSome *emphasis* here.\n", "notes.md")
    assert doc.text == "# Heading\n\nSome *emphasis* here.\n"
    assert doc.locations == ()


def test_html_declared_charset_is_honoured() -> None:
    paragraphs = [p.replace("Westmere", "Zürich-Café") for p in PARAGRAPHS]
    data = fixtures.make_html(paragraphs, charset="windows-1252")
    doc = load_bytes(data, "page.html")
    assert "Zürich-Café" in doc.text
    assert doc.encoding == "cp1252"


def test_rtf_code_page_is_used() -> None:
    doc = load_bytes(fixtures.make_rtf(["Café owners in Zürich – “new” rules."]), "cafe.rtf")
    assert "Café owners in Zürich – “new” rules." in doc.text
    assert "Westmere Gazette" not in doc.text  # the running header


def test_eml_headers_then_body() -> None:
    doc = load_bytes(fixtures.make_eml(), "story.eml")
    assert doc.text.startswith("From: Desk <desk@example.org>")
    assert f"Subject: {TITLE}" in doc.text
    assert doc.location_at(doc.text.index(PARAGRAPHS[0][:30])) == "message body"


def test_odt_footnote_follows_the_body() -> None:
    doc = load_bytes(fixtures.make_odt(note="Figures from the council minutes."), "n.odt")
    assert doc.text.endswith("Figures from the council minutes.")
    assert doc.location_at(len(doc.text) - 3) == "footnote 1"
    assert "Figures from" not in doc.text[: doc.text.index(PARAGRAPHS[-1][:20])]


def test_open_dialog_lists_every_format() -> None:
    from core.readers.formats import FORMATS, dialog_filters

    filters = dialog_filters()
    assert filters[0].startswith("Documents (") and filters[-1] == "All files (*)"
    for pattern in ("*.docx", "*.pdf", "*.odt", "*.rtf", "*.html", "*.md", "*.eml", "*.txt"):
        assert pattern in filters[0]
    assert len(filters) == len(FORMATS) + 2


def test_html_without_an_article_falls_back_to_visible_text() -> None:
    page = (b"<html><head><title>t</title><script>var x = 1;</script></head><body>"
            b"<nav>Home News</nav><div>Gate closes at noon.</div><div>Bring your ticket."
            b"</div></body></html>")
    doc = load_bytes(page, "note.html")
    assert "Gate closes at noon." in doc.text and "Bring your ticket." in doc.text
    assert "var x" not in doc.text


def test_eml_with_an_html_body_reads_the_article() -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "desk@example.org"
    msg["Subject"] = TITLE
    msg.set_content("\n\n".join(PARAGRAPHS))
    msg.add_alternative(fixtures.make_html().decode(), subtype="html")
    msg.make_mixed()
    doc = load_bytes(msg.as_bytes(), "alt.eml")
    assert PARAGRAPHS[0] in doc.text and PARAGRAPHS[-1] in doc.text


def test_docx_page_breaks_give_page_labels() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(PARAGRAPHS[0])
    document.add_page_break()
    document.add_paragraph(PARAGRAPHS[1])
    buf = io.BytesIO()
    document.save(buf)
    doc = load_bytes(buf.getvalue(), "paged.docx")
    assert doc.location_at(0) == "p. 1, paragraph 1"
    assert doc.location_at(doc.text.index(PARAGRAPHS[1][:30])) == "p. 2, paragraph 2"
