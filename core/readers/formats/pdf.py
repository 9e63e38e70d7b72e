"""PDF: text in reading order (columns), page furniture removed, hyphens and ligatures undone.

PDFium (pypdfium2) gives every character with its box; Concord builds lines, finds the
columns of each page, orders them, drops running headers/footers and page numbers that
repeat across pages, and joins words hyphenated at a line end.
"""

from __future__ import annotations

import re
import threading

from core.errors import ConcordError, CorruptDocument, NoTextLayer, PasswordProtected
from core.model import Location
from core.readers.formats.base import ReadContext, ReadResult, normalise_text
from core.readers.formats.pdf_layout import (
    Line,
    Run,
    cut_at_gutters,
    find_gutters,
    flag_paragraphs,
    order_page,
)

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
            try:  # an empty password opens files whose only protection is a blank one
                return pdfium.PdfDocument(data, password="")
            except pdfium.PdfiumError:
                pass
            raise PasswordProtected(f"{ctx.name}: this PDF is password-protected; open it with "
                                    "its password and save an unprotected copy.") from None
        detail = str(exc).rstrip(".")
        raise CorruptDocument(f"{ctx.name} is a damaged PDF that cannot be opened "
                              f"({detail}).") from None


class _Chars:
    """Character positions of one text page, asked of PDFium only where they matter."""

    def __init__(self, textpage) -> None:
        import ctypes

        import pypdfium2.raw as raw

        self.raw, self.tp = raw, textpage.raw
        self.count = raw.FPDFText_CountChars(self.tp)
        text = textpage.get_text_range(0, self.count) if self.count > 0 else ""
        if len(text) != self.count:  # characters beyond the BMP: one call per character
            text = "".join(_char(raw.FPDFText_GetUnicode(self.tp, i)) for i in range(self.count))
        # PDFium marks a hyphen at a line end as 0x02 (U+FFFE through GetText) and may run
        # the next line on without a line break: the mark ends the line here.
        self.text = text.replace("\x02", "\ufffe")
        self._box = tuple(ctypes.c_double() for _ in range(4))
        self._origin = (ctypes.c_double(), ctypes.c_double())

    def box(self, i: int) -> tuple[float, float]:
        """Left and right edge of character ``i``."""
        left, right, bottom, top = self._box
        self.raw.FPDFText_GetCharBox(self.tp, i, left, right, bottom, top)
        return left.value, right.value

    def baseline(self, i: int) -> float:
        x, y = self._origin
        self.raw.FPDFText_GetCharOrigin(self.tp, i, x, y)
        return y.value

    def size(self, i: int) -> float:
        return self.raw.FPDFText_GetFontSize(self.tp, i) or 10.0


def _char(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 else ""


def _page_lines(page, number: int) -> tuple[list[Line], list[tuple[float, float]]]:
    """The text lines of one page, cut where a gutter between columns runs down the page."""
    textpage = page.get_textpage()
    chars = _Chars(textpage)
    runs: list[Run] = []
    for start, end in _runs(chars.text):
        runs.extend(_split_line(chars, start, end))
    textpage.close()
    gutters = find_gutters(runs)
    lines: list[Line] = []
    for run in runs:
        for first, last, x0, x1 in cut_at_gutters(run, gutters):
            lines.append(Line(_hyphen(chars.text[first:last]), x0, x1, run.y, run.size, number))
    return lines, gutters


def _runs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line of ``text`` (PDFium ends lines with CR LF), spaces trimmed."""
    runs = []
    for match in re.finditer("[^\r\n\ufffe]+\ufffe?", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            runs.append((start, end))
    return runs


def _hyphen(text: str) -> str:
    return text.replace("\ufffe", "-")


def _split_line(chars: _Chars, start: int, end: int) -> list[Run]:
    """One PDFium line as runs of one baseline, with the width of every gap between words."""
    text = chars.text
    out: list[Run] = []
    first, y, size = start, chars.baseline(start), chars.size(start)
    x0 = chars.box(start)[0]
    gaps: list[tuple[int, int, float, float]] = []
    i = start
    while (gap_at := text.find(" ", i, end)) >= 0:
        after = gap_at
        while after < end and text[after].isspace():
            after += 1
        before_right = chars.box(gap_at - 1)[1]
        next_left = chars.box(after)[0]
        next_y = chars.baseline(after)
        if abs(next_y - y) > 0.6 * size or next_left < before_right - size:
            out.append(Run(first, gap_at, x0, before_right, y, size, tuple(gaps)))
            first, y, size, x0, gaps = after, next_y, chars.size(after), next_left, []
        else:
            gaps.append((gap_at, after, before_right, next_left))
        i = after
    out.append(Run(first, end, x0, chars.box(end - 1)[1], y, size, tuple(gaps)))
    return out


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
    kept = [[ln for ln in lines if not (edge(ln, height) and (
        _furniture_key(ln) in repeated or _PAGE_NUMBER.match(_furniture_key(ln))))]
        for lines, height in zip(pages, heights)]
    # Furniture is a small part of a text; when it would be most of it (a chart, labels,
    # a form), the "furniture" is the content: keep everything.
    if sum(map(len, kept)) < 0.5 * sum(map(len, pages)):
        return pages
    return kept


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
            pages, heights, gutters = [], [], []
            for index in range(len(document)):
                ctx.check_time()
                page = document[index]
                heights.append(page.get_height())
                lines, page_gutters = _page_lines(page, index + 1)
                pages.append(lines)
                gutters.append(page_gutters)
                page.close()
        except ConcordError:
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
    for lines, page_gutters in zip(pages, gutters):
        ctx.check_time()
        blocks.extend(order_page(lines, page_gutters))
    ordered = flag_paragraphs(blocks)
    text, locations = _assemble(ordered)
    warnings = []
    if blank and len(blank) < len(pages):
        shown = ", ".join(blank[:10]) + (" ..." if len(blank) > 10 else "")
        warnings.append(f"Pages without a text layer (scanned images?) are left out: {shown}.")
    return ReadResult(text, locations, tuple(warnings), pages=len(pages))
