"""Structural checks of the gold annotations in tests/data/gold (independent of the engine)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
KINDS = {"shared", "reworded"}
WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# Characters that may end a sentence (after optional closing quotes/brackets).
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def _folded_words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().translate(QUOTES))


def _side_strings(gold: dict, side: str) -> list[str]:
    """All gold strings for one side, in the order they are listed."""
    out = [s for pair in gold["pairs"] for s in pair[side]]
    return out + list(gold[f"unique_{side}"])


def test_gold_files_exist() -> None:
    names = {p.stem for p in GOLD_FILES}
    assert {"example", "press_release", "contract"} <= names


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_schema(path: Path) -> None:
    gold = _load(path)
    assert set(gold) == {"a", "b", "pairs", "unique_a", "unique_b"}
    for pair in gold["pairs"]:
        assert set(pair) == {"a", "b", "kind"}
        assert pair["kind"] in KINDS
        assert 1 <= len(pair["a"]) <= 2 and 1 <= len(pair["b"]) <= 2
        assert len(pair["a"]) + len(pair["b"]) <= 3, "only 1:1, 1:2 and 2:1 pairs"
    for side in ("a", "b"):
        assert (ROOT / gold[side]).is_file()


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("side", ["a", "b"])
def test_strings_occur_once(path: Path, side: str) -> None:
    gold = _load(path)
    text = _text(gold[side])
    strings = _side_strings(gold, side)
    assert len(strings) == len(set(strings)), "a sentence is listed twice"
    for s in strings:
        assert s == s.strip() and s, f"empty or padded: {s!r}"
        assert text.count(s) == 1, f"occurs {text.count(s)} times: {s!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("side", ["a", "b"])
def test_strings_are_whole_sentences(path: Path, side: str) -> None:
    gold = _load(path)
    text = _text(gold[side])
    for s in _side_strings(gold, side):
        start = text.index(s)
        end = start + len(s)
        before = text[:start].rstrip(" ")
        assert not before or before.endswith("\n") or SENTENCE_END.search(before), s
        at_line_end = end == len(text) or text[end] == "\n"
        assert at_line_end or (text[end] == " " and SENTENCE_END.search(s)), s


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("side", ["a", "b"])
def test_every_sentence_is_covered(path: Path, side: str) -> None:
    gold = _load(path)
    text = _text(gold[side])
    strings = sorted(_side_strings(gold, side), key=len, reverse=True)
    for line in text.splitlines():
        rest = line
        for s in strings:
            rest = rest.replace(s, "")
        assert not re.search(r"\w", rest), f"not covered in {gold[side]}: {rest.strip()!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_multi_sentence_sides_are_adjacent(path: Path) -> None:
    gold = _load(path)
    for pair in gold["pairs"]:
        for side in ("a", "b"):
            if len(pair[side]) < 2:
                continue
            text = _text(gold[side])
            first, second = pair[side]
            gap = text[text.index(first) + len(first):text.index(second)]
            assert gap.strip() == "", f"not adjacent: {first!r} / {second!r}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_kind_matches_wording(path: Path) -> None:
    gold = _load(path)
    for pair in gold["pairs"]:
        words_a = _folded_words(" ".join(pair["a"]))
        words_b = _folded_words(" ".join(pair["b"]))
        identical = words_a == words_b
        if pair["kind"] == "shared":
            assert identical and len(words_a) >= 6, pair
        else:
            assert not identical, f"identical words but marked reworded: {pair}"
