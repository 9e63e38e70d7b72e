"""Fuzz every reader with random and mutated bytes: a Document or a clear error, fast."""

from __future__ import annotations

import io
import random
import time
import zipfile

import pytest

from core.errors import ConcordError
from core.readers.load import load_bytes
from tests.readers import fixtures
from tests.readers.article import TEXT

BUDGET = 2.5  # seconds of fuzzing per format (the whole file stays under 30 s)
SLOWEST = 5.0  # no single input may take longer than this
SEEDS = {
    "text": lambda: TEXT.encode(),
    "markdown": lambda: ("# Title\n\n" + TEXT).encode(),
    "html": fixtures.make_html,
    "eml": fixtures.make_eml,
    "rtf": fixtures.make_rtf,
    "pdf": fixtures.make_pdf,
    "docx": fixtures.make_docx,
    "odt": fixtures.make_odt,
}
INNER = {"docx": "word/document.xml", "odt": "content.xml"}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip, delete, duplicate or truncate pieces of ``data``; sometimes pure noise."""
    choice = rng.random()
    if choice < 0.1:
        return rng.randbytes(rng.randint(1, 4096))
    buf = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not buf:
            break
        at = rng.randrange(len(buf))
        op = rng.random()
        if op < 0.5:
            buf[at] = rng.randrange(256)
        elif op < 0.7:
            del buf[at:at + rng.randint(1, 64)]
        elif op < 0.9:
            buf[at:at] = buf[at:at + rng.randint(1, 64)] * rng.randint(1, 8)
        else:
            del buf[at:]
    return bytes(buf)


def mutate_inside(data: bytes, member: str, rng: random.Random) -> bytes:
    """Mutate one XML part of a zip container and pack it again (CRCs stay valid)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, mutate(body, rng) if info.filename == member else body)
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(SEEDS))
def test_reader_survives_mutated_input(fmt: str) -> None:
    rng = random.Random(f"concord-{fmt}")
    seed = SEEDS[fmt]()
    stop = time.monotonic() + BUDGET
    tried = loaded = 0
    while time.monotonic() < stop:
        if fmt in INNER and rng.random() < 0.7:
            data = mutate_inside(seed, INNER[fmt], rng)
        else:
            data = mutate(seed, rng)
        start = time.monotonic()
        try:
            doc = load_bytes(data, f"fuzz.{fmt}", fmt=fmt)
        except ConcordError as exc:
            assert "\n" not in exc.message and exc.message
        else:
            loaded += 1
            assert doc.text.strip() and "\r" not in doc.text
            assert all(a.start <= b.start for a, b in zip(doc.locations, doc.locations[1:]))
        assert time.monotonic() - start < SLOWEST, data[:200]
        tried += 1
    assert tried >= 10
