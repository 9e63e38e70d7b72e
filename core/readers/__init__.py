"""Readers: a file's bytes to the text Concord displays (formats, decoding, normalisation)."""

from core.readers.load import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    document_from_text,
    is_url,
    load_bytes,
    load_document,
    load_input,
    normalise_text,
    read_file_bytes,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode_bytes",
    "document_from_text",
    "is_url",
    "load_bytes",
    "load_document",
    "load_input",
    "normalise_text",
    "read_file_bytes",
]
