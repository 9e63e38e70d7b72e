"""Shared fixtures: small documents built in memory."""

from __future__ import annotations

import os

import pytest

# Qt tests run without a display; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.model import Document
from core.readers.load import document_from_text


@pytest.fixture
def make_doc():
    """Build a Document from text: make_doc("text", "name.txt")."""

    def build(text: str, name: str = "doc.txt") -> Document:
        return document_from_text(text, name)

    return build
