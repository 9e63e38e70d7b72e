"""PDF: text in reading order (columns), page furniture removed, hyphens and ligatures undone.

PDFium (pypdfium2) gives every character with its box; Concord builds lines, finds the
columns of each page, orders them, drops running headers/footers and page numbers that
repeat across pages, and joins words hyphenated at a line end.
"""

from __future__ import annotations

import re
import threading

from core.errors import CorruptDocument, NoTextLayer, PasswordProtected
from core.model import Location
from core.readers.formats.base import ReadContext, ReadResult, normalise_text
from core.readers.formats.pdf_layout import Line, flag_paragraphs, order_page

_LOCK = threading.Lock()  # PDFium is not thread-safe
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_PAGE_NUMBER = re.compile(r"^(page|p\.|seite|pág\.?|página)?\s*[-–(\[]?\s*(#+|[ivxlcdm]+)\s*"
                          r"[-–)\]]?\s*((of|/|de|von)\s*#+)?$", re.IGNORECASE)
FURNITURE_BAND = 0.12  # top/bottom share of the page where running heads and folios live


def _open(data: bytes, ctx: ReadContext):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise PasswordProtected(f"{ctx.name}: this PDF is password-protected; open it with "
                                    "its password and save an unprotected copy.") from None
        detail = str(exc).rstrip(".")
        raise CorruptDocument(f"{ctx.name} is a damaged PDF that cannot be opened "
                              f"({detail}).") from None


def _page_lines(page, number: int) -> list[Line]:
    """The text lines of one page, split where a wide gap shows a column boundary."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    lines: list[Line] = []
    chars: list[str] = []
    box: list[float] = []  # x0, x1, baseline, size of the line being built

    def flush() -> None:
        text = "".join(chars).strip()
        if text and box:
            lines.append(Line(text, box[0], box[1], box[2], box[3], number))
        chars.clear()
        box.clear()

    for i in range(count):
        code = raw.FPDFText_GetUnicode(tp, i)
        ch = "-" if code == 2 else chr(code) if code < 0x110000 else ""
        if ch in "\r\n":
            flush()
            continue
        if ch.isspace() or not ch:
            if chars:
                chars.append(" ")
            continue
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
        size = raw.FPDFText_GetFontSize(tp, i) or (top.value - bottom.value) or 10.0
        if box and (left.value - box[1] > 1.5 * size or abs(oy.value - box[2]) > 0.6 * size):
            flush()
        if not box:
            box.extend((left.value, right.value, oy.value, size))
        else:
            box[0], box[1] = min(box[0], left.value), max(box[1], right.value)
        chars.append(ch)
    flush()
    textpage.close()
    return lines


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


def _drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers, and lines near the top/bottom edge repeated on most pages."""
    def edge(line: Line, height: float) -> bool:
        return line.y > height * (1 - FURNITURE_BAND) or line.y < height * FURNITURE_BAND

    seen: dict[str, int] = {}
    for lines, height in zip(pages, heights):
        for key in {_furniture_key(ln) for ln in lines if edge(ln, height)}:
            seen[key] = seen.get(key, 0) + 1
    threshold = max(2, 0.5 * len(pages))
    repeated = {key for key, n in seen.items() if n >= threshold}
    return [[ln for ln in lines if not (edge(ln, height) and (
        _furniture_key(ln) in repeated or _PAGE_NUMBER.match(_furniture_key(ln))))]
        for lines, height in zip(pages, heights)]


def _assemble(ordered: list[tuple[Line, bool]]) -> tuple[str, tuple[Location, ...]]:
    """Lines (each flagged 'starts a paragraph') -> text with a 'p. N' location per page."""
    parts: list[str] = []
    length = 0
    locations: list[Location] = []
    prev: Line | None = None
    for line, new_para in ordered:
        text = normalise_text(" ".join(line.text.translate(_LIGATURES).split()))
        sep = ""
        if prev is not None:
            sep = "\n\n" if new_para else " "
            if (not new_para and parts[-1].endswith("-") and len(parts[-1]) > 1
                    and parts[-1][-2].isalpha() and text[:1].islower()):
                parts[-1] = parts[-1][:-1]  # "gov-" + "ernment" -> "government"
                length -= 1
                sep = ""
        if prev is None or line.page != prev.page:
            locations.append(Location(length + len(sep), f"p. {line.page}"))
        parts.append(sep)
        parts.append(text)
        length += len(sep) + len(text)
        prev = line
    return "".join(parts), tuple(locations)


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """The text of a PDF with a 'p. N' location for each page."""
    with _LOCK:
        document = _open(data, ctx)
        try:
            pages, heights = [], []
            for index in range(len(document)):
                ctx.check_time()
                page = document[index]
                heights.append(page.get_height())
                pages.append(_page_lines(page, index + 1))
                page.close()
        except CorruptDocument:
            raise
        except Exception as exc:  # PDFium on a damaged page object
            raise CorruptDocument(f"{ctx.name} is a damaged PDF ({exc}).") from None
        finally:
            document.close()
    if not pages:
        raise CorruptDocument(f"{ctx.name} is a PDF without pages.")
    if not any(pages):
        raise NoTextLayer(f"{ctx.name}: this PDF contains only scanned images; Concord cannot "
                          "read it without OCR.")
    blank = [str(i + 1) for i, lines in enumerate(pages) if not lines]
    pages = _drop_furniture(pages, heights)
    blocks = []
    for lines in pages:
        ctx.check_time()
        blocks.extend(order_page(lines))
    ordered = flag_paragraphs(blocks)
    text, locations = _assemble(ordered)
    warnings = []
    if blank and len(blank) < len(pages):
        shown = ", ".join(blank[:10]) + (" ..." if len(blank) > 10 else "")
        warnings.append(f"Pages without a text layer (scanned images?) are left out: {shown}.")
    return ReadResult(text, locations, tuple(warnings), pages=len(pages))
