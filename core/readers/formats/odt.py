"""OpenDocument text (.odt): headings, paragraphs, lists and tables, then notes and comments.

Read from content.xml with defusedxml under the zip limits; tracked changes are shown as
their current text (the deleted passages live outside the body and are left out).
"""

from __future__ import annotations

from core.readers.formats.base import ReadContext, ReadResult, TextBuilder
from core.readers.limits import SafeZip, parse_xml

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CONTENT = "content.xml"

_BLOCKS = {TEXT + "p", TEXT + "h"}
_CONTAINERS = {TEXT + t for t in ("list", "list-item", "list-header", "section", "index-body",
                                  "table-of-content", "alphabetical-index",
                                  "illustration-index", "bibliography")}
_SKIP_INLINE = {TEXT + "note-citation", TEXT + "tracked-changes", OFFICE + "annotation-end"}


class _State:
    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.paragraphs = 0
        self.tables = 0
        self.notes: list[tuple[str, str]] = []  # (label, text), listed after the body
        self.tracked = False


def _inline(elem, state: _State, out: list[str]) -> None:
    """Append the text of a paragraph-level element, notes and comments set aside."""
    if elem.text:
        out.append(elem.text)
    for child in elem:
        tag = child.tag
        if tag == TEXT + "s":
            out.append(" " * min(int(child.get(TEXT + "c", "1") or 1), 100))
        elif tag in (TEXT + "tab", TEXT + "line-break"):
            out.append(" ")
        elif tag == TEXT + "note":
            body = child.find(TEXT + "note-body")
            kind = "endnote" if child.get(TEXT + "note-class") == "endnote" else "footnote"
            if body is not None:
                state.notes.append((kind, _flat(body, state)))
        elif tag == OFFICE + "annotation":
            state.notes.append(("comment", _flat(child, state)))
        elif tag not in _SKIP_INLINE:
            _inline(child, state, out)
        if child.tail:
            out.append(child.tail)


def _flat(elem, state: _State) -> str:
    parts = []
    for block in elem.iter():
        if block.tag in _BLOCKS:
            out: list[str] = []
            _inline(block, state, out)
            parts.append("".join(out))
    return " ".join(parts)


def _table(elem, state: _State, builder: TextBuilder) -> None:
    state.tables += 1
    for r, row in enumerate(elem.iter(TABLE + "table-row"), 1):
        cells = [_flat(cell, state) for cell in row.findall(TABLE + "table-cell")]
        builder.add(" | ".join(c.strip() for c in cells if c.strip()),
                    f"table {state.tables}, row {r}")


def _body(elem, state: _State, builder: TextBuilder) -> None:
    for child in elem:
        state.ctx.check_time()
        if child.tag in _BLOCKS:
            out: list[str] = []
            _inline(child, state, out)
            text = "".join(out)
            if text.strip():
                state.paragraphs += 1
                builder.add(text, f"paragraph {state.paragraphs}")
        elif child.tag == TABLE + "table":
            _table(child, state, builder)
        elif child.tag == TEXT + "tracked-changes":
            state.tracked = True
        elif child.tag in _CONTAINERS:
            _body(child, state, builder)


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """The text of an .odt as a reader sees it, with paragraph/table/note locations."""
    zf = SafeZip(data, ctx.name, ctx.limits)
    root = parse_xml(zf.read(CONTENT), ctx.name, CONTENT)
    state = _State(ctx)
    builder = TextBuilder()
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is not None:
        _body(body, state, builder)
    if ctx.include_notes:
        counts: dict[str, int] = {}
        for kind, text in state.notes:
            if text.strip():
                counts[kind] = counts.get(kind, 0) + 1
                builder.add(text, f"{kind} {counts[kind]}")
    warnings = []
    if state.tracked:
        warnings.append("This document has tracked changes: Concord shows its current text, "
                        "with insertions kept and deletions left out.")
    return builder.result(warnings=tuple(warnings))
