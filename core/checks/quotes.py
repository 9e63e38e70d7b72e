"""Quotations of one document: straight and curly quotes, « », „ “, ‹ ›, and quotes that run
over several paragraphs (each paragraph opens again, only the last one closes)."""

from __future__ import annotations

from dataclasses import dataclass

from core.checks.text import Range, words

# opening mark -> the marks that close it
_CLOSERS: dict[str, str] = {'"': '"', "“": "”", "„": "“”", "«": "»", "‹": "›", "‘": "’",
                            "「": "」", "『": "』"}
MAX_QUOTE_CHARS = 4_000  # a longer "quotation" is an unbalanced mark, not a quote


@dataclass(frozen=True)
class Quote:
    """One quotation: ``span`` covers the marks; ``inner`` the quoted text of each paragraph."""

    span: Range
    inner: tuple[Range, ...]
    words: tuple[str, ...]  # folded words of the quoted text
    word_ranges: tuple[Range, ...]  # where each word is in the document


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quotation (an apostrophe or a stray mark does not)."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if ch == "‘":  # also an apostrophe ("‘90s", "rock ‘n’ roll"): only before a letter
        prev = text[i - 1] if i else " "
        return nxt.isalpha() and not prev.isalnum()
    return True


def _close_at(text: str, i: int, end: int, closers: str) -> int:
    """Index of the mark closing the quotation opened at ``i`` (before ``end``), or -1."""
    j = i + 1
    while j < end:
        ch = text[j]
        if ch in closers:
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if ch != "’" or not nxt.isalpha():  # "don’t" is not the end of a quote
                return j
        j += 1
    return -1


def _paragraphs(text: str) -> list[Range]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _continues(text: str, para: Range | None, mark: str) -> bool:
    """Whether paragraph ``para`` opens again with ``mark`` (a quotation carried over)."""
    if para is None:
        return False
    body = text[para[0] : para[1]].lstrip()
    return body.startswith(mark) or (mark in "“„" and body[:1] in "“„")


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of ``text``, in order."""
    paras = _paragraphs(text)
    quotes: list[Quote] = []
    p, i = 0, paras[0][0] if paras else 0
    while p < len(paras):
        start, end = paras[p]
        i = max(i, start)
        while i < end:
            ch = text[i]
            if ch not in _CLOSERS or not _opens(text, i):
                i += 1
                continue
            found = _quote_from(text, paras, p, i)
            if found is None:
                i += 1
                continue
            quote, p_end = found
            quotes.append(quote)
            i = quote.span[1]
            if p_end != p:
                p = p_end
                start, end = paras[p]
        p += 1
    return quotes


def _quote_from(text: str, paras: list[Range], p: int, i: int) -> tuple[Quote, int] | None:
    """The quotation opened at ``i`` in paragraph ``p``, and the paragraph where it ends."""
    mark = text[i]
    inner: list[Range] = []
    while True:
        end = paras[p][1]
        j = _close_at(text, i, end, _CLOSERS[mark])
        if j >= 0:
            inner.append((i + 1, j))
            break
        nxt = paras[p + 1] if p + 1 < len(paras) else None
        if not _continues(text, nxt, mark) or end - inner_start(inner, i) > MAX_QUOTE_CHARS:
            return None
        inner.append((i + 1, end))
        p += 1
        i = nxt[0] + (len(text[nxt[0] : nxt[1]]) - len(text[nxt[0] : nxt[1]].lstrip()))
        mark = text[i]
    span = (inner[0][0] - 1, inner[-1][1] + 1)
    if span[1] - span[0] > MAX_QUOTE_CHARS:
        return None
    found = [w for s, e in inner for w in words(text, s, e)]
    if not found:
        return None
    return Quote(span, tuple(inner), tuple(w[0] for w in found),
                 tuple((w[1], w[2]) for w in found)), p


def inner_start(inner: list[Range], i: int) -> int:
    return inner[0][0] if inner else i
