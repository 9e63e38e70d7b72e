"""How well main-text extractors recover a known article from a web page: trafilatura (what
Concord uses), readability-lxml and jusText (each when installed), and Concord's fallback
of every visible paragraph.

Score: share of the article found shared word for word in the extracted text / share of
the extracted text that is the article (menus, banners, comments and teasers lower it).

Run: `.venv/bin/python -m benchmarks.html_quality`
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from core.comparison.engine import compare
from core.readers.formats.html import visible_paragraphs
from core.readers.load import document_from_text, load_bytes
from tests.readers import fixtures
from tests.readers.article import PARAGRAPHS, TEXT, TITLE

OTHER = ("Readers have been asking us about the ferry timetable for weeks, and the harbour "
         "office finally answered their questions at a packed meeting in the town hall on "
         "Monday night, where the new summer crossings were explained one by one.")
COMMENTS = "".join(f"<div class='comment'><p>{c}</p></div>" for c in (
    "I have lived near the fish market for thirty years and nobody ever listened to us "
    "until the water came into the kitchen twice in one winter.",
    "Forty one million euros is a lot of money for two gates, and I would like to see the "
    "independent study before anyone signs a contract in my name.",
))


def news() -> str:
    return fixtures.make_html().decode()


def with_comments() -> str:
    page = news()
    extra = (f"<section id='comments'><h2>Comments</h2>{COMMENTS}</section>"
             f"<div class='related'><h3>Related</h3><p>{OTHER}</p></div>")
    return page.replace("</article>", f"</article>{extra}")


def blog() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{TITLE}</title></head><body><div id='top'><a href='/'>My "
            f"harbour blog</a> | <a href='/about'>About</a></div><div class='post-body'>"
            f"<h2>{TITLE}</h2>{body}</div><div id='sidebar'><p>About me: {OTHER}</p>"
            f"<p>Archive: January February March April May June</p></div></body></html>")


PAGES = {"news page": news, "with comments and teasers": with_comments, "blog": blog}


def concord(html: str) -> str:
    return load_bytes(html.encode(), "page.html").text


def readability(html: str) -> str:
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    return "\n".join(visible_paragraphs(summary))


def justext_text(html: str) -> str:
    import justext

    parts = justext.justext(html.encode(), justext.get_stoplist("English"))
    return "\n".join(p.text for p in parts if not p.is_boilerplate)


def fallback(html: str) -> str:
    return "\n".join(visible_paragraphs(html))


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "Concord (trafilatura)": concord, "readability-lxml": readability, "jusText": justext_text,
    "visible text (fallback)": fallback,
}


def score(text: str) -> tuple[float, float]:
    flat = " ".join(re.sub(r"\s+", " ", text).split())
    result = compare(document_from_text(flat, "got"),
                     document_from_text(" ".join(TEXT.split()), "truth"))
    return result.summary.b.share("shared"), result.summary.a.share("shared")


def main() -> int:
    pages = {name: make() for name, make in PAGES.items()}
    print("extractor | " + " | ".join(PAGES) + " | seconds")
    print("--- | " + " | ".join("---" for _ in PAGES) + " | ---")
    for label, extract in EXTRACTORS.items():
        cells, start = [], time.perf_counter()
        try:
            for html in pages.values():
                found, clean = score(extract(html))
                cells.append(f"{found:.1%} / {clean:.1%}")
        except ImportError:
            print(f"{label} | " + " | ".join("not installed" for _ in PAGES) + " | -")
            continue
        print(f"{label} | " + " | ".join(cells) + f" | {time.perf_counter() - start:.2f}")
    print("\ncells: article found in the text / text that is article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
