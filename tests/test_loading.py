"""Loading files: encodings, normalisation, and a clear error for every bad input."""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from core.errors import (
    BinaryFile,
    CorruptDocument,
    DecodeFailed,
    EmptyFile,
    FileMissing,
    FileTooLarge,
    IsADirectory,
    UnsupportedFormat,
)
from core.readers.load import load_document

TEXT = "Café owners in Zürich said the “new” rules were unfair.\nThey will appeal."


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_decodes_bom_and_utf8(tmp_path: Path, data: bytes, expected_encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.text == TEXT
    assert doc.encoding == expected_encoding


def test_detects_a_legacy_encoding_with_chardet(tmp_path: Path) -> None:
    text = ("Les élèves ont été très déçus par la décision du ministère, a déclaré le "
            "représentant des étudiants à Genève. ") * 20
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.encoding in ("cp1252", "iso8859-1", "iso8859-15")


def test_forced_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("naïve".encode("latin-1"))
    assert load_document(path, encoding="latin-1").text == "naïve"


def test_newlines_and_unicode_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Cafe\u0301 one.\r\nTwo.\rThree.".encode())
    doc = load_document(path)
    assert doc.text == "Café one.\nTwo.\nThree."
    assert "\u0301" not in doc.text  # NFC: é is one code point
    assert len(doc.text) == 21


def test_metadata_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    data = b"# Title\n\nSome words here."
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.format == "markdown"
    assert doc.name == "notes.md"
    assert doc.size == len(data)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def _write(tmp_path: Path, name: str, data: bytes | None) -> Path:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("missing.txt", None, FileMissing, "no such file"),
        ("empty.txt", b"", EmptyFile, "empty"),
        ("blank.txt", b"  \n\t\n", EmptyFile, "empty"),
        ("nul.txt", b"abc\x00\x01\x02def", BinaryFile, "binary"),
        ("report.pdf", b"%PDF-1.4 ...", CorruptDocument, "damaged"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, UnsupportedFormat,
         "save it as .docx"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", DecodeFailed, "not valid"),
    ],
)
def test_bad_input_gets_a_clear_error(tmp_path: Path, name: str, data: bytes | None,
                                      error: type, words: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(error) as info:
        load_document(path)
    assert words in str(info.value)
    assert name in str(info.value)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectory, match="folder"):
        load_document(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(FileTooLarge, match="limit"):
        load_document(path, max_bytes=1000)


def test_wrong_forced_encoding_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("“quoted”".encode())
    with pytest.raises(DecodeFailed, match="ascii"):
        load_document(path, encoding="ascii")


def test_loading_never_changes_the_file(tmp_path: Path) -> None:
    path = tmp_path / "keep.txt"
    path.write_bytes(b"Line one.\r\nLine two.\r\n")
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    load_document(path)
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
