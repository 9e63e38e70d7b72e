"""How well PDF text extractors recover a known article: Concord's reader against the plain
text extraction of pypdf, pdfminer.six and PDFium (each when installed).

Score: share of the article found shared word for word in the extracted text and back
(the engine's summary), on PDFs with page furniture, hyphenation and ligatures, one or two
columns, with the columns written in order or interleaved in the content stream.

Run: `.venv/bin/python -m benchmarks.pdf_quality`
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable

from core.comparison.engine import compare
from core.readers.load import document_from_text, load_bytes
from tests.readers import fixtures
from tests.readers.article import TEXT

CASES = {
    "one column": {"columns": 1},
    "two columns": {},
    "two columns, interleaved": {"interleave": True},
    "two columns, wide title": {"interleave": True, "wide_title": True},
}


def concord(data: bytes) -> str:
    return load_bytes(data, "case.pdf").text


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "Concord (PDFium + layout)": concord, "pypdf": pypdf_text, "pdfminer.six": pdfminer_text,
    "PDFium plain": pdfium_text,
}


def score(text: str) -> tuple[float, float]:
    # Line breaks are made spaces for everyone (raw extractors keep the PDF's lines, which
    # would cut the engine's sentences); hyphens, ligatures, order and furniture still count.
    flat = " ".join(text.split())
    result = compare(document_from_text(flat, "got"),
                     document_from_text(" ".join(TEXT.split()), "truth"))
    return result.summary.b.share("shared"), result.summary.a.share("shared")


def main() -> int:
    pdfs = {name: fixtures.make_pdf(**kw) for name, kw in CASES.items()}
    print("extractor | " + " | ".join(CASES) + " | seconds")
    print("--- | " + " | ".join("---" for _ in CASES) + " | ---")
    for label, extract in EXTRACTORS.items():
        cells, start = [], time.perf_counter()
        try:
            for data in pdfs.values():
                found, clean = score(extract(data))
                cells.append(f"{found:.1%} / {clean:.1%}")
        except ImportError:
            print(f"{label} | " + " | ".join("not installed" for _ in CASES) + " | -")
            continue
        print(f"{label} | " + " | ".join(cells) + f" | {time.perf_counter() - start:.2f}")
    print("\ncells: article found in the text / text that is article (furniture lowers it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
