"""Readers: a file's bytes to the text Concord displays (decoding, formats, normalisation)."""

from core.readers.load import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    document_from_text,
    load_document,
    normalise_text,
    read_file_bytes,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode_bytes",
    "document_from_text",
    "load_document",
    "normalise_text",
    "read_file_bytes",
]
