"""Build documents of every format from known paragraphs (reportlab, python-docx, odfpy)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from tests.readers.article import PARAGRAPHS, TITLE

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LIGATURES = {"fi": "\ufb01", "fl": "\ufb02"}


def _ligate(word: str) -> str:
    for pair, lig in LIGATURES.items():
        word = word.replace(pair, lig)
    return word


def _wrap(words: list[str], width: float, measure) -> list[str]:
    """Greedy line breaking; a long word that does not fit is hyphenated at a line end."""
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if measure(candidate) <= width:
            line = candidate
            continue
        if len(word) >= 8:  # split "government" into "govern-" / "ment" when half fits
            cut = len(word) // 2
            head = f"{line} {word[:cut]}-".strip()
            if measure(head) <= width:
                lines.append(head)
                line = word[cut:]
                continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def make_pdf(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE, *, columns: int = 2,
             interleave: bool = False, ligatures: bool = True, font_size: float = 16,
             header: str = "Westmere Gazette - Local news", wide_title: bool = False) -> bytes:
    """A paged PDF: running header, 'Page N' footer, columns, hyphenated line ends.

    ``interleave`` writes the lines of both columns alternately in the content stream, so
    only a reader that looks at positions gets the reading order right. ``wide_title`` sets
    the title across both columns above them, in a larger size.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if DEJAVU.exists():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
        font = "DejaVu"
    ligatures = ligatures and font == "DejaVu"
    page_w, page_h = A4
    margin, gap = 56.0, 24.0
    col_w = (page_w - 2 * margin - gap * (columns - 1)) / columns
    leading = font_size * 1.35
    rows = int((page_h - 2 * margin - 40) / leading)

    def measure(s: str) -> float:
        return pdfmetrics.stringWidth(s, font, font_size)

    lines: list[str] = []
    for para in ((*paragraphs,) if wide_title else (title, *paragraphs)):
        words = [(_ligate(w) if ligatures else w) for w in para.split()]
        lines.extend(_wrap(words, col_w, measure))
        lines.append("")
    pages: list[list[str]] = []
    while lines:
        top = 3 if wide_title and not pages else 0  # rows kept for the title on page 1
        per_page = (rows - top) * columns
        pages.append(lines[:per_page])
        lines = lines[per_page:]
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for number, page in enumerate(pages, 1):
        pdf.setFont(font, 9)
        pdf.drawString(margin, page_h - margin + 14, header)
        pdf.drawCentredString(page_w / 2, margin - 30, f"Page {number}")
        top = 0
        if wide_title and number == 1:
            pdf.setFont(font, font_size * 1.6)
            pdf.drawString(margin, page_h - margin - 10, title)
            top = 3
        pdf.setFont(font, font_size)
        placed = []
        for index, text in enumerate(page):
            col, row = divmod(index, rows - top)
            placed.append((row + top, col, text) if interleave else (col, row + top, text))
        for first, second, text in sorted(placed):
            col, row = (second, first) if interleave else (first, second)
            if text:
                pdf.drawString(margin + col * (col_w + gap), page_h - margin - 20 - row * leading,
                               text)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def make_docx(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE, *,
              furniture: bool = True, table: Sequence[Sequence[str]] = ()) -> bytes:
    """A Word document: heading, paragraphs, optional table, running header and footer."""
    import docx

    document = docx.Document()
    if furniture:
        section = document.sections[0]
        section.header.paragraphs[0].text = "Westmere Gazette - Local news"
        section.footer.paragraphs[0].text = "Confidential draft - page footer"
    document.add_heading(title, level=1)
    for para in paragraphs:
        document.add_paragraph(para)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_odt(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE, *,
             note: str = "") -> bytes:
    """An OpenDocument text: heading and paragraphs (and a footnote in the first one)."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, Note, NoteBody, NoteCitation, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for index, para in enumerate(paragraphs):
        p = P(text=para)
        if note and index == 0:
            n = Note(id="ftn1", noteclass="footnote")
            n.addElement(NoteCitation(text="1"))
            body = NoteBody()
            body.addElement(P(text=note))
            n.addElement(body)
            p.addElement(n)
        document.text.addElement(p)
    buf = io.BytesIO()
    document.write(buf)
    return buf.getvalue()


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append(f"\\'{ch.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(ch)}?")
    return "".join(out)


def make_rtf(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE) -> bytes:
    """An RTF file in the Windows-1252 code page, as Word and WordPad write it."""
    body = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}",
            r"{\header\pard Westmere Gazette - Local news\par}",
            rf"\pard\b {_rtf_escape(title)}\b0\par"]
    body += [rf"\pard {_rtf_escape(p)}\par" for p in paragraphs]
    body.append("}")
    return "\n".join(body).encode("ascii")


def make_html(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE, *,
              charset: str = "utf-8", declare: bool = True) -> bytes:
    """A news page: menu, cookie banner, share buttons, 'most read', footer around the article."""
    meta = f'<meta charset="{charset}">' if declare else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="en"><head>{meta}<title>{title} | Westmere Gazette</title>
<script>var tracking = {{"id": 12345}}; function consent() {{ return true; }}</script>
<style>body {{ font-family: serif; }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
Accept all cookies or manage your preferences in the privacy centre. <button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By Staff Reporter</p>
{body}
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a>
<a href="#">Email</a></div>
</article>
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a">Ferry timetable changes announced for the summer season</a></li>
<li><a href="/b">Local bakery wins national award for sourdough bread</a></li>
<li><a href="/c">School sports day moved because of the forecast rain</a></li>
</ol></aside></main>
<footer><p>Copyright 2026 Westmere Gazette. All rights reserved. Terms of use. Privacy
policy. Contact us. Advertise with us.</p></footer>
</body></html>"""
    return page.encode(charset)


def make_eml(paragraphs: Sequence[str] = PARAGRAPHS, title: str = TITLE) -> bytes:
    """An email whose body is the article (quoted-printable, UTF-8)."""
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "Desk <desk@example.org>"
    msg["To"] = "Editor <editor@example.org>"
    msg["Subject"] = title
    msg["Date"] = "Tue, 03 Mar 2026 18:30:00 +0000"
    msg.set_content("\n\n".join(paragraphs), cte="quoted-printable")
    return msg.as_bytes()


def make_zip(members: dict[str, bytes]) -> bytes:
    """A zip archive holding ``members`` (for broken and hostile containers)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()
