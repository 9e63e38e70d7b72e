"""Regenerate core/comparison/semantic/wordpiece_tables.py from the `tokenizers` package.

    .venv/bin/python scripts/gen_wordpiece_tables.py   # needs the dev extra (tokenizers)

The pure-Python tokenizer must give the ids `tokenizers` gives. `tokenizers` takes its character
classes (control, non-spacing mark, punctuation) from an old Unicode table, its lower case from
Rust's (newer) one and its decompositions from a third crate; Python's unicodedata agrees with
none of them everywhere. So the classes are read here, code point by code point, from
`tokenizers` itself, and only the decompositions and lower cases that differ from what the
tokenizer derives from Unicode 3.2 (unicodedata.ucd_3_2_0, the same in every Python) are listed.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from tokenizers import normalizers, pre_tokenizers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.comparison.semantic import wordpiece  # noqa: E402

OUT = ROOT / "core" / "comparison" / "semantic" / "wordpiece_tables.py"
CODE_POINTS = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def ranges(points: list[int]) -> str:
    """Sorted code points as 'a-b c d-e' in hex, wrapped for the module."""
    spans: list[list[int]] = []
    for cp in sorted(points):
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    words = [f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in spans]
    return wrap(words)


def mapping(table: dict[int, str]) -> str:
    """{code point: text} as 'cp:hex,hex cp:' (an empty text is 'cp:')."""
    return wrap([f"{cp:x}:" + ",".join(f"{ord(c):x}" for c in text)
                 for cp, text in sorted(table.items())])


def wrap(words: list[str]) -> str:
    lines, line = [], ""
    for word in words:
        if len(line) + len(word) > 90:
            lines.append(line)
            line = ""
        line += word + " "
    lines.append(line)
    return "\n".join(f'    "{text}"' for text in lines)


def main() -> int:
    clean = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=False,
                                       strip_accents=False, lowercase=False)
    strip = normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=False,
                                       strip_accents=True, lowercase=False)
    nfd, lower = normalizers.NFD(), normalizers.Lowercase()
    pre = pre_tokenizers.BertPreTokenizer()
    removed, spaces, marks, punct = [], [], [], []
    decomp: dict[int, str] = {}
    lowers: dict[int, str] = {}
    for cp in CODE_POINTS:
        ch = chr(cp)
        cleaned = clean.normalize_str(ch)
        if cleaned == "":
            removed.append(cp)
        elif cleaned == " " and ch != " ":
            spaces.append(cp)
        if nfd.normalize_str(ch) == ch and strip.normalize_str(ch) == "":
            marks.append(cp)
        if [p for p, _ in pre.pre_tokenize_str(f"a{ch}b")] == ["a", ch, "b"]:
            punct.append(cp)
        if nfd.normalize_str(ch) != wordpiece.base_decomposition(ch):
            decomp[cp] = nfd.normalize_str(ch)
        if lower.normalize_str(ch) != wordpiece.base_lower(ch):
            lowers[cp] = lower.normalize_str(ch)
    OUT.write_text(
        '"""Tables of the `tokenizers` BERT normaliser, '
        'written by scripts/gen_wordpiece_tables.py."""\n\n'
        "# Code point ranges in hex, 'a-b' or 'a'; mappings 'cp:hex,hex' (the text cp becomes).\n"
        f"REMOVED = (  # clean_text drops these (control, format, private use)\n"
        f"{ranges(removed)}\n)\n"
        f"SPACES = (  # clean_text turns these into a space (besides the space itself)\n"
        f"{ranges(spaces)}\n)\n"
        f"MARKS = (  # accent stripping drops these (non-spacing marks)\n{ranges(marks)}\n)\n"
        f"PUNCTUATION = (  # the pre-tokenizer makes each of these a word of its own\n"
        f"{ranges(punct)}\n)\n"
        f"DECOMPOSITIONS = (  # NFD where it differs from Unicode 3.2's\n{mapping(decomp)}\n)\n"
        f"LOWER = (  # lower case where it differs from Unicode 3.2's\n{mapping(lowers)}\n)\n",
        encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(removed)} removed, {len(spaces)} spaces, "
          f"{len(marks)} marks, {len(punct)} punctuation, {len(decomp)} decompositions, "
          f"{len(lowers)} lower cases (unicodedata {unicodedata.unidata_version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
