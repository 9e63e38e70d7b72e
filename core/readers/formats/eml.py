"""E-mail messages (.eml): the main headers, then the body (plain text, or HTML read as a page)."""

from __future__ import annotations

from core.readers.formats.base import ReadContext, ReadResult, TextBuilder, normalise_text

HEADERS = ("From", "To", "Cc", "Date", "Subject")


def _body_part(message):
    return message.get_body(preferencelist=("plain", "html"))


def read(data: bytes, ctx: ReadContext) -> ReadResult:
    """Headers (From, To, Cc, Date, Subject) as one paragraph each, then the body."""
    from email import policy
    from email.parser import BytesParser

    message = BytesParser(policy=policy.default).parsebytes(data)
    builder = TextBuilder()
    for header in HEADERS:
        value = message.get(header)
        if value:
            builder.add(f"{header}: {value}", "headers")
    part = _body_part(message)
    warnings: list[str] = []
    encoding = "utf-8"
    if part is not None:
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset()
        if part.get_content_subtype() == "html":
            from core.readers.formats.html import read as read_html

            body = read_html(payload, _with_charset(ctx, charset))
            warnings.extend(body.warnings)
            text = body.text
        else:
            from core.readers.formats.base import decode_declared

            decoded = decode_declared(payload, ctx, _known(charset))
            text, encoding = decoded.text, decoded.encoding
            warnings.extend(decoded.warnings)
        builder.mark("message body")
        for para in normalise_text(text).split("\n\n"):
            builder.add(para)
    if not message.keys():
        warnings.append("This file has no e-mail headers; it was read as a message anyway.")
    return builder.result(warnings=tuple(warnings), encoding=encoding)


def _known(charset: str | None) -> str | None:
    import codecs

    if not charset:
        return None
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    return charset


def _with_charset(ctx: ReadContext, charset: str | None) -> ReadContext:
    from dataclasses import replace

    return replace(ctx, declared_charset=_known(charset))
