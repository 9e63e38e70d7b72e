"""Fuzzing the input side: random and mutated bytes through the decoder, the loader and the CLI.

Seeded loops (reproducible: a failure names its seed) with a time budget, so the whole file
stays under ~20 s. Whatever the bytes, Concord must answer with text or a one-line error,
exit 0 or 2, never a traceback, and a result whose spans tile the text.
"""

from __future__ import annotations

import codecs
import json
import random
import time
from pathlib import Path

import pytest

from core.cli import main
from core.errors import ConcordError
from core.readers.decode import decode_bytes
from core.readers.load import load_document

SEED_TEXTS = (
    "The minister said “the budget is final” and left. Critics in Zürich called it a "
    "disgrace – and demanded a new vote on Tuesday.\n\nThe café owners will appeal.",
    "Overnight the river rose two metres; officials said the “new” flood walls held. "
    "Résumé of events: 3,400 people moved, 12 schools closed.\n",
    "Городской совет утвердил бюджет. 市議会は予算案を可決した。 Les élèves ont été déçus.",
)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32-le", "cp1251", "shift_jis", "gb18030", "iso2022_jp", "koi8-r")
FORCED = ("utf-8", "cp1252", "utf-16", "shift_jis", "ascii", "klingon", "base64")
DECODER_BUDGET_S = 6.0
CLI_BUDGET_S = 12.0


def _encode(rng: random.Random) -> bytes:
    text = rng.choice(SEED_TEXTS)
    return text.encode(rng.choice(ENCODINGS), "replace")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """Byte flips, insertions (NUL, ESC, BOMs, high bytes), cuts and splices."""
    buf = bytearray(data)
    for _ in range(rng.randint(0, 6)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = bytes(rng.choice((0, 0x1B, 0x80, 0xC3, 0xE2, 0xFF, 0x0E, 0x0F))
                                 for _ in range(rng.randint(1, 4)))
        elif op == 2:
            buf[pos:pos] = rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE,
                                       b"\x1b$B", b"\x1b$)C", b"\r\n", b"\r"))
        elif op == 3:
            del buf[pos:pos + rng.randint(1, 16)]
        elif op == 4:
            buf[pos:pos] = buf[: rng.randint(0, 32)]
        else:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 24)))
    return bytes(buf)


def _random_input(rng: random.Random) -> bytes:
    if rng.random() < 0.15:  # pure noise, sometimes tiny
        return bytes(rng.randrange(256) for _ in range(rng.choice((1, 3, 17, 200, 2000))))
    return _mutate(_encode(rng), rng)


def test_the_decoder_answers_text_or_a_clear_error_for_any_bytes() -> None:
    rng = random.Random(8)
    deadline = time.monotonic() + DECODER_BUDGET_S
    cases = 0
    while cases < 3000 and time.monotonic() < deadline:
        data = _random_input(rng)
        cases += 1
        try:
            decoded = decode_bytes(data, name="fuzz.txt")
        except ConcordError as exc:
            assert "\n" not in str(exc), (cases, data)
            continue
        decoded.text.encode("utf-8")  # no lone surrogates leak into the text
        assert 0.0 <= decoded.confidence <= 1.0, (cases, data)
        # A guess below the bar always says so.
        assert decoded.confidence >= 0.9 or decoded.warnings, (cases, data)
    assert cases >= 300  # the budget was not eaten by a few slow cases


def _check_spans(text: str, spans: list[dict]) -> None:
    owners = [0] * len(text)
    last = 0
    for span in spans:
        assert last <= span["start"] < span["end"] <= len(text), span
        last = span["end"]
        for i in range(span["start"], span["end"]):
            owners[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owners[i] == 1, (i, ch)


def test_compare_on_mutated_files_exits_0_or_2_and_tiles_the_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(88)
    deadline = time.monotonic() + CLI_BUDGET_S
    runs = compared = 0
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "out.json"
    while runs < 300 and time.monotonic() < deadline:
        a.write_bytes(_random_input(rng))
        b.write_bytes(_random_input(rng) if rng.random() < 0.7 else _encode(rng))
        out.unlink(missing_ok=True)
        forced = ["--encoding", rng.choice(FORCED)] if rng.random() < 0.1 else []
        code = main(["compare", str(a), str(b), "--no-entities", "--format", "json",
                     "-o", str(out), "--max-size", "1", *forced])
        err = capsys.readouterr().err
        runs += 1
        assert code in (0, 2), (runs, err)
        assert "Traceback" not in err and "internal error" not in err, (runs, err)
        if code == 2:
            assert err.count("\n") == 1 + err.count("warning:"), err
            continue
        compared += 1
        result = json.loads(out.read_text(encoding="utf-8"))
        for doc, spans in zip(result["documents"], result["spans"], strict=True):
            _check_spans(doc["text"], spans)
    assert runs >= 20 and compared >= 5, (runs, compared)


def test_the_loader_never_changes_a_fuzzed_file(tmp_path: Path) -> None:
    rng = random.Random(888)
    path = tmp_path / "f.txt"
    for _ in range(100):
        data = _random_input(rng)
        path.write_bytes(data)
        try:
            doc = load_document(path)
        except ConcordError:
            pass
        else:
            assert doc.size == len(data)
        assert path.read_bytes() == data
