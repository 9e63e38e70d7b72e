"""Exact-text accuracy of encoding detection on chardet's labelled test files.

Usage: python -m benchmarks.encoding_accuracy PATH [-v]

PATH is a chardet checkout or its bare git directory (``fetch github:chardet/chardet``); its
``tests/<label>/`` folders hold files in the labelled encoding. The files are read in place,
never copied. The truth is the file decoded with its label (or a superset of it when the
label is too narrow for the file); a file counts as right when Concord's decoder gives the
same displayed text (newlines and Unicode normalised as Concord shows them), whatever name it
gives the encoding. Wrong files are split into "warned" (the user was told the guess may be
wrong) and "silent"; "right, warned" counts right files that still carried a warning
(a low-confidence guess that happened to be right).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from core.errors import ConcordError
from core.readers import decode_bytes, normalise_text

# chardet's folder names -> Python codecs; a folder missing here is taken as a codec name.
LABELS = {
    "ascii": ("ascii",),
    "big5": ("big5", "big5hkscs", "cp950"),
    "cp932": ("cp932",),
    "cp949": ("cp949",),
    "euc-jp": ("euc_jp", "euc_jis_2004"),
    "euc-kr": ("euc_kr", "cp949"),
    "euc-tw": (),  # Python has no EUC-TW codec: no truth to compare with
    "gb2312": ("gb2312", "gbk", "gb18030"),
    "ibm855": ("cp855",),
    "ibm866": ("cp866",),
    "johab": ("johab",),
    "koi8-r": ("koi8_r",),
    "maccyrillic": ("mac_cyrillic",),
    "macroman": ("mac_roman",),
    "shift_jis": ("shift_jis", "cp932"),
    "tis-620": ("tis_620", "cp874"),
    "utf-16": ("utf-16",),
    "utf-32": ("utf-32",),
    "iso-8859-1": ("latin-1",),
    "windows-1252": ("cp1252",),
}


def codecs_for(label: str) -> tuple[str, ...]:
    """Codecs to try for a chardet folder name, narrowest first."""
    key = label.lower()
    for prefix in ("iso-8859-", "windows-125"):
        if key.startswith(prefix) and key.count("-") >= 2 + (prefix == "iso-8859-"):
            key = key.rsplit("-", 1)[0]  # "iso-8859-2-czech" -> "iso-8859-2"
    return LABELS.get(key, (key,))


def truth(data: bytes, label: str) -> str | None:
    """``data`` decoded with its label (a BOM dropped), or None if no codec fits it."""
    for codec in codecs_for(label):
        try:
            return data.decode(codec).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def labelled_files(root: Path) -> Iterator[tuple[str, str, bytes]]:
    """(label, file name, bytes) for every test file under a checkout or a bare git dir."""
    tests = root / "tests"
    if tests.is_dir():
        for path in sorted(tests.glob("*/*")):
            if path.is_file():
                yield path.parent.name, path.name, path.read_bytes()
        return
    git = ["git", f"--git-dir={root}"]
    listing = subprocess.run([*git, "ls-tree", "-r", "HEAD", "tests/"], check=True,
                             capture_output=True, text=True).stdout
    for line in listing.splitlines():
        meta, name = line.split("\t", 1)
        parts = name.split("/")
        if len(parts) != 3:
            continue
        blob = meta.split()[2]
        data = subprocess.run([*git, "cat-file", "blob", blob], check=True,
                              capture_output=True).stdout
        yield parts[1], parts[2], data


def judge(data: bytes, expected: str) -> tuple[str, str]:
    """("right" | "warned" | "silent" | "refused", detail) for one file."""
    try:
        decoded = decode_bytes(data, None, "file")
    except ConcordError as exc:
        return "refused", str(exc)
    warnings = getattr(decoded, "warnings", ())
    confidence = getattr(decoded, "confidence", 1.0)
    detail = f"{decoded.encoding} {confidence:.2f}"
    if normalise_text(decoded.text) == normalise_text(expected):
        return ("right" if not warnings else "right, warned"), detail
    return ("warned" if warnings else "silent"), detail


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="chardet checkout or bare git directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[str] = []
    for label, name, data in labelled_files(args.path):
        expected = truth(data, label)
        if expected is None:
            rows[label]["no truth"] += 1
            continue
        outcome, detail = judge(data, expected)
        rows[label][outcome] += 1
        if outcome == "right, warned":
            rows[label]["right"] += 1
        elif outcome != "right":
            misses.append(f"{outcome:8} {label}/{name}: {detail}")
    columns = ("files", "right", "right, warned", "warned", "silent", "refused", "no truth")
    print(f"{'label':28}" + "".join(f"{c:>14}" for c in columns))
    totals: dict[str, int] = defaultdict(int)
    for label in sorted(rows, key=str.lower):
        row = rows[label]
        row["files"] = sum(v for k, v in row.items() if k != "right, warned")
        for c in columns:
            totals[c] += row[c]
        print(f"{label:28}" + "".join(f"{row[c]:>14}" for c in columns))
    print(f"{'total':28}" + "".join(f"{totals[c]:>14}" for c in columns))
    judged = totals["files"] - totals["no truth"]
    print(f"\nexact text: {totals['right']}/{judged} = {totals['right'] / max(judged, 1):.1%}; "
          f"wrong without a warning: {totals['silent']}; refused: {totals['refused']}")
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
