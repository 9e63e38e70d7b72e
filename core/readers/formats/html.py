"""Web pages: the article's main text (trafilatura), else every visible paragraph.

The declared charset (BOM, HTTP header, <meta>) is honoured before any guess.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from typing import ClassVar

from core.readers.formats.base import (
    ReadContext,
    ReadResult,
    TextBuilder,
    decode_declared,
    normalise_text,
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Below this share of the page's visible words, the "main text" found is taken as a miss.
MIN_ARTICLE_SHARE = 0.15
MIN_ARTICLE_WORDS = 40


def declared_charset(data: bytes, header_charset: str | None = None) -> str | None:
    """The charset a page declares: byte-order mark, then HTTP header, then <meta>."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    candidates = [header_charset]
    match = _META_CHARSET.search(data[:8192])
    if match:
        candidates.append(match.group(1).decode("ascii", "replace"))
    for name in candidates:
        if name:
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


class _Visible(HTMLParser):
    """Every visible paragraph of a page, without scripts, styles, menus, headers, footers."""

    HIDDEN: ClassVar[set[str]] = {
        "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
        "form", "button", "select", "head", "iframe"}
    BLOCKS: ClassVar[set[str]] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "section", "article",
        "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "main", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data)


def visible_paragraphs(html: str) -> list[str]:
    """All visible paragraphs of ``html`` (the fallback when no article is found)."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.paragraphs


def _article(html: str) -> list[str]:
    import trafilatura  # heavy (lxml, dateparser): loaded only for web pages

    text = trafilatura.extract(html, output_format="txt", include_comments=False,
                               include_tables=True, include_images=False, deduplicate=False,
                               with_metadata=False)
    return [line for line in normalise_text(text or "").split("\n") if line.strip()]


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """The main text of a web page, one paragraph per block, with paragraph locations."""
    decoded = decode_declared(data, ctx, declared_charset(data, ctx.declared_charset))
    html = decoded.text
    visible = visible_paragraphs(html)
    ctx.check_time()
    article = _article(html)
    warnings = list(decoded.warnings)
    visible_words = sum(len(p.split()) for p in visible)
    article_words = sum(len(p.split()) for p in article)
    if article_words < min(MIN_ARTICLE_WORDS, visible_words) or (
            article_words < MIN_ARTICLE_SHARE * visible_words):
        article = visible
        if visible:
            warnings.append("Concord could not tell this page's main text from its menus and "
                            "boxes; it shows all of the page's visible text.")
    builder = TextBuilder()
    for number, para in enumerate(article, 1):
        builder.add(para, f"paragraph {number}")
    return builder.result(warnings=tuple(warnings), encoding=decoded.encoding,
                          encoding_confidence=decoded.confidence)
