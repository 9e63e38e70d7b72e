"""Word .docx: body paragraphs and tables in reading order, then footnotes, endnotes, comments.

Read straight from the zip container (under the limits of core.readers.limits) with
defusedxml, so that tracked changes can be taken as accepted and every part is bounded.
Running headers and footers are left out: they repeat on every page and are not the text.
"""

from __future__ import annotations

from core.readers.formats.base import ReadContext, ReadResult, TextBuilder
from core.readers.limits import SafeZip, parse_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOCUMENT = "word/document.xml"

_SKIP = {W + t for t in ("del", "moveFrom", "delText", "instrText", "rPr", "pPr", "tblPr",
                         "trPr", "tcPr", "sectPr", "commentReference", "footnoteReference",
                         "endnoteReference", "delInstrText")}
_TRACKED = {W + t for t in ("ins", "del", "moveFrom", "moveTo")}
_BREAKS = {W + "tab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}


class _State:
    """Per-document facts collected while walking: tracked changes seen, tables counted."""

    def __init__(self, ctx: ReadContext, page_marks: set[str] | None = None) -> None:
        self.ctx = ctx
        self.tracked = False
        self.tables = 0
        self.paragraphs = 0
        self.page = 1
        self.page_marks = page_marks  # what counts as a new page; None: no pages known

    def label(self, what: str) -> str:
        """'paragraph 12', or 'p. 3, paragraph 12' when the file records its pages."""
        return f"p. {self.page}, {what}" if self.page_marks else what


def _text(elem, state: _State, out: list[str]) -> None:
    """Append the visible text under ``elem`` in document order (insertions kept)."""
    for child in elem:
        tag = child.tag
        if tag in _TRACKED:
            state.tracked = True
        if tag in _SKIP:
            continue
        if state.page_marks and tag in state.page_marks and (
                tag != W + "br" or child.get(W + "type") == "page"):
            state.page += 1
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in _BREAKS:
            out.append(_BREAKS[tag])
        elif tag == MC + "AlternateContent":  # the Choice is what Word shows; Fallback repeats it
            choice = child.find(MC + "Choice")
            if choice is not None:
                _text(choice, state, out)
        elif tag == W + "p" and out and not out[-1].endswith(" "):
            out.append(" ")  # a paragraph inside a text box
            _text(child, state, out)
        else:
            _text(child, state, out)


def _paragraph(elem, state: _State) -> str:
    out: list[str] = []
    _text(elem, state, out)
    return "".join(out)


def _table(elem, state: _State, builder: TextBuilder) -> None:
    state.tables += 1
    number = state.tables
    for r, row in enumerate(elem.iter(W + "tr"), 1):
        label = state.label(f"table {number}, row {r}")
        cells = [" ".join(_paragraph(p, state) for p in cell.iter(W + "p"))
                 for cell in row.findall(W + "tc")]
        builder.add(" | ".join(c.strip() for c in cells if c.strip()), label)


def _body(elem, state: _State, builder: TextBuilder) -> None:
    for child in elem:
        state.ctx.check_time()
        if child.tag == W + "p":
            page = state.page
            text = _paragraph(child, state)
            if text.strip():
                state.paragraphs += 1
                now, state.page = state.page, page  # the label names the page it starts on
                builder.add(text, state.label(f"paragraph {state.paragraphs}"))
                state.page = now
        elif child.tag == W + "tbl":
            _table(child, state, builder)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins",
                           W + "moveTo", W + "smartTag"):
            if child.tag in _TRACKED:
                state.tracked = True
            _body(child, state, builder)


def _related_parts(zf: SafeZip, ctx: ReadContext) -> dict[str, str]:
    """Relationship type (last word: footnotes, endnotes, comments) -> part name."""
    rels = "word/_rels/document.xml.rels"
    parts = {"footnotes": "word/footnotes.xml", "endnotes": "word/endnotes.xml",
             "comments": "word/comments.xml"}
    if zf.has(rels):
        for rel in parse_xml(zf.read(rels), ctx.name, rels).iter(REL + "Relationship"):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "").lstrip("/")
            if kind in parts and target and rel.get("TargetMode") != "External":
                parts[kind] = target if target.startswith("word/") else "word/" + target
    return {k: v for k, v in parts.items() if zf.has(v)}


def _notes(zf: SafeZip, part: str, kind: str, state: _State, builder: TextBuilder) -> None:
    root = parse_xml(zf.read(part), state.ctx.name, part)
    tag = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
    number = 0
    state.page_marks = None  # notes are listed after the body, outside its pages
    for note in root.findall(W + tag):
        if note.get(W + "type") in ("separator", "continuationSeparator",
                                    "continuationNotice"):
            continue
        text = " ".join(_paragraph(p, state) for p in note.iter(W + "p"))
        if text.strip():
            number += 1
            builder.add(text, f"{tag} {number}")


def _page_marks(root) -> set[str] | None:
    """Word records where its last layout broke pages; else explicit page breaks count."""
    if root.find(f".//{W}lastRenderedPageBreak") is not None:
        return {W + "lastRenderedPageBreak"}
    if any(br.get(W + "type") == "page" for br in root.iter(W + "br")):
        return {W + "br"}
    return None


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """The text of a .docx as a reader sees it, with paragraph/table/note locations."""
    zf = SafeZip(data, ctx.name, ctx.limits)
    root = parse_xml(zf.read(DOCUMENT), ctx.name, DOCUMENT)
    body = root.find(W + "body")
    state = _State(ctx, _page_marks(root))
    builder = TextBuilder()
    if body is not None:
        _body(body, state, builder)
    if ctx.include_notes:
        for kind, part in _related_parts(zf, ctx).items():
            _notes(zf, part, kind, state, builder)
    warnings = []
    if state.tracked:
        warnings.append("This document has tracked changes: Concord shows its current text, "
                        "with insertions kept and deletions left out.")
    return builder.result(warnings=tuple(warnings))
