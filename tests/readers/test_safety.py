"""Format by content, hostile containers, protected and scanned PDFs, Word's tracked changes."""

from __future__ import annotations

import io
import struct
import time

import pytest

from core.errors import (
    BinaryFile,
    CorruptDocument,
    FileTooLarge,
    NoTextLayer,
    PasswordProtected,
    ReadTimeout,
    UnsafeDocument,
    UnsupportedFormat,
)
from core.readers.limits import run_bounded
from core.readers.load import load_bytes, load_document
from tests.readers import fixtures
from tests.readers.article import PARAGRAPHS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_from(body: str, extra: dict[str, bytes] | None = None, rels: str = "",
              prolog: str = "") -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML)."""
    document = (f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}'
                "</w:body></w:document>")
    members = {"[Content_Types].xml": b"<Types/>", "word/document.xml": document.encode()}
    if rels:
        members["word/_rels/document.xml.rels"] = (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{rels}</Relationships>').encode()
    members.update(extra or {})
    return fixtures.make_zip(members)


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


# -- format by content ---------------------------------------------------------------------

@pytest.mark.parametrize(("name", "builder", "fmt"), [
    ("renamed.txt", fixtures.make_pdf, "pdf"),
    ("no-extension", fixtures.make_docx, "docx"),
    ("saved-page.txt", fixtures.make_html, "html"),
    ("letter.txt", fixtures.make_odt, "odt"),
    ("memo.txt", fixtures.make_rtf, "rtf"),
    ("word.pdf", fixtures.make_docx, "docx"),
])
def test_format_comes_from_the_content(name: str, builder, fmt: str) -> None:
    doc = load_bytes(builder(), name)
    assert doc.format == fmt
    assert PARAGRAPHS[0][:40] in doc.text


def test_renamed_word_file_on_disk_is_read_not_called_binary(tmp_path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(fixtures.make_docx())
    doc = load_document(path)
    assert doc.format == "docx" and doc.path == str(path.resolve())


@pytest.mark.parametrize(("data", "error", "words"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, BinaryFile, "PNG image"),
    (fixtures.make_zip({"xl/workbook.xml": b"<x/>"}), UnsupportedFormat, "Excel"),
    (fixtures.make_zip({"notes.txt": b"hello"}), UnsupportedFormat, "zip archive"),
    (b"PK\x03\x04 truncated", CorruptDocument, "damaged"),
])
def test_non_documents_are_named(data: bytes, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        load_bytes(data, "thing.docx")


def test_a_docx_that_is_not_one_is_called_damaged() -> None:
    with pytest.raises(CorruptDocument, match="does not look like a DOCX"):
        load_bytes(b"just some words in a file", "fake.docx")


# -- hostile containers --------------------------------------------------------------------

def zip_bomb(size: int = 40 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml inflates to ``size`` bytes of zeros (1000:1 packed)."""
    return fixtures.make_zip({"word/document.xml": bytes(size)})


def test_zip_bomb_is_refused_fast() -> None:
    data = zip_bomb()
    assert len(data) < 100 * 1024
    start = time.monotonic()
    with pytest.raises(UnsafeDocument, match="zip bomb"):
        load_bytes(data, "bomb.docx")
    assert time.monotonic() - start < 1.0


def test_zip_bomb_with_a_lying_size_header_is_refused() -> None:
    # 40 MB of zeros whose headers claim 100 bytes: inflation must stop at the claim.
    data = bytearray(zip_bomb())
    struct.pack_into("<I", data, data.index(b"PK\x03\x04") + 22, 100)
    struct.pack_into("<I", data, data.index(b"PK\x01\x02") + 24, 100)
    start = time.monotonic()
    with pytest.raises(CorruptDocument, match=r"document\.xml cannot be read"):
        load_bytes(bytes(data), "liar.docx")
    assert time.monotonic() - start < 1.0


BILLION_LAUGHS = """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>"""


@pytest.mark.parametrize("container", ["docx", "odt"])
def test_billion_laughs_is_refused_fast(container: str) -> None:
    if container == "docx":
        data = docx_from(para("&lol9;"), prolog=BILLION_LAUGHS)
    else:
        content = (f'<?xml version="1.0"?>{BILLION_LAUGHS}<office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                   'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
                   "<office:text><text:p>&lol9;</text:p></office:text></office:body>"
                   "</office:document-content>")
        data = fixtures.make_zip({"mimetype": b"application/vnd.oasis.opendocument.text",
                                  "content.xml": content.encode()})
    start = time.monotonic()
    with pytest.raises(UnsafeDocument, match="entity bomb"):
        load_bytes(data, f"laughs.{container}")
    assert time.monotonic() - start < 1.0


def test_malformed_xml_is_called_damaged() -> None:
    with pytest.raises(CorruptDocument, match="not well-formed"):
        load_bytes(docx_from("<w:p><w:r>"), "broken.docx")


# -- PDFs that cannot be read --------------------------------------------------------------

def test_encrypted_pdf_says_password_protected() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(fixtures.make_pdf())).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(PasswordProtected, match="this PDF is password-protected"):
        load_bytes(buf.getvalue(), "locked.pdf")


def test_scanned_pdf_says_ocr_is_needed() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for _ in range(2):
        pdf.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
        pdf.showPage()
    pdf.save()
    with pytest.raises(NoTextLayer, match="only scanned images; Concord cannot read it without"):
        load_bytes(buf.getvalue(), "scan.pdf")


# -- Word specifics ------------------------------------------------------------------------

def test_tracked_changes_give_the_current_text_and_a_warning() -> None:
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">The council voted </w:t></w:r>"
            "<w:del w:id=\"1\" w:author=\"E\"><w:r><w:delText>eight</w:delText></w:r></w:del>"
            "<w:ins w:id=\"2\" w:author=\"E\"><w:r><w:t>nine</w:t></w:r></w:ins>"
            "<w:r><w:t xml:space=\"preserve\"> to four.</w:t></w:r></w:p>")
    doc = load_bytes(docx_from(body), "tracked.docx")
    assert doc.text == "The council voted nine to four."
    assert any("tracked changes" in w for w in doc.warnings)


def test_footnotes_endnotes_comments_come_after_the_body() -> None:
    def notes(kind: str, text: str) -> bytes:
        return (f'<w:{kind}s xmlns:w="{W_NS}"><w:{kind} w:type="separator" w:id="-1">'
                f"{para('____')}</w:{kind}><w:{kind} w:id=\"1\">{para(text)}</w:{kind}>"
                f"</w:{kind}s>").encode()

    body = para("First body paragraph.") + "<w:tbl><w:tr><w:tc>" + para("cell") + \
        "</w:tc></w:tr></w:tbl>" + para("Last body paragraph.")
    data = docx_from(body, {"word/footnotes.xml": notes("footnote", "A footnote."),
                            "word/endnotes.xml": notes("endnote", "An endnote."),
                            "word/comments.xml": notes("comment", "A comment.")})
    doc = load_bytes(data, "notes.docx")
    assert doc.text.split("\n\n") == ["First body paragraph.", "cell", "Last body paragraph.",
                                      "A footnote.", "An endnote.", "A comment."]
    labels = [loc.label for loc in doc.locations]
    assert labels == ["paragraph 1", "table 1, row 1", "paragraph 2", "footnote 1",
                      "endnote 1", "comment 1"]


# -- readers run apart (C libraries cannot be interrupted from inside) -----------------------

def _sleep_forever() -> None:
    time.sleep(60)


def _eat_memory() -> int:
    hog = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
    return len(hog)


def _refuse() -> None:
    raise PasswordProtected("x.pdf: this PDF is password-protected")


def test_a_reader_that_hangs_is_stopped_at_the_time_limit() -> None:
    start = time.monotonic()
    with pytest.raises(ReadTimeout, match="took more than 1 s"):
        run_bounded(_sleep_forever, name="slow.pdf", seconds=1)
    assert time.monotonic() - start < 3


def test_cancelling_stops_the_reader_child_at_once() -> None:
    # Esc in the window: the PDF child must die now, not at its 60 s time limit.
    import multiprocessing

    from core.errors import Cancelled

    start = time.monotonic()
    with pytest.raises(Cancelled):
        run_bounded(_sleep_forever, name="slow.pdf", seconds=60,
                    should_cancel=lambda: time.monotonic() - start > 0.3)
    assert time.monotonic() - start < 3
    assert multiprocessing.active_children() == []


def test_a_reader_that_eats_memory_is_stopped() -> None:
    with pytest.raises(FileTooLarge, match="more than 512 MB of memory"):
        run_bounded(_eat_memory, name="huge.pdf", seconds=20, memory=512 * 1024 * 1024)


def test_errors_and_results_come_back_from_the_child() -> None:
    with pytest.raises(PasswordProtected, match="password-protected"):
        run_bounded(_refuse, name="x.pdf", seconds=20)
    doc = load_bytes(fixtures.make_pdf(), "apart.pdf", isolate=True)
    assert doc.pages == 2 and doc.text.startswith("Harbour Council")


def test_reading_apart_also_works_from_a_threaded_program() -> None:
    # With other threads alive (a GUI), the child is spawned rather than forked.
    import threading

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait, daemon=True)
    helper.start()
    try:
        doc = load_bytes(fixtures.make_pdf(), "threaded.pdf", isolate=True)
    finally:
        stop.set()
    assert doc.pages == 2 and doc.locations[0].label == "p. 1"


def test_a_text_that_mentions_the_pdf_header_stays_text() -> None:
    doc = load_bytes(b"Notes on file formats: a PDF starts with %PDF-1.7 and a zip with PK.",
                     "notes.txt")
    assert doc.format == "text"
