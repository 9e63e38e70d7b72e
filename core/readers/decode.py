"""Decode a file's bytes to text: BOM, UTF-8 (repaired if need be), UTF-16/32, ISO-2022, guesses.

The order follows how sure each step can be: a BOM or an escape-sequence encoding declares
itself; valid UTF-8 is almost never an accident; a NUL in every other byte is UTF-16; only
then is the encoding guessed (chardet), preferring the common Western encodings for short
or unsure texts. Every result says how sure it is, and anything short of sure carries a
warning the window and the CLI show.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from core.errors import BinaryFile, DecodeFailed

# Below this confidence the encoding is a guess the user is told about.
WARN_BELOW = 0.9
# Longest BOMs first: UTF-32-LE's BOM starts with UTF-16-LE's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# When a guessed encoding cannot decode the file strictly, its supersets are tried in turn;
# the narrowest that fits wins, so a file gets the characters its own label means.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb2312", "gb18030"),
    "gbk": ("gb2312", "gb18030"),
    "gb18030": ("gb2312", "gb18030"),
    "shift_jis": ("shift_jis", "cp932"),
    "cp932": ("shift_jis", "cp932"),
    "euc_kr": ("euc_kr", "cp949"),
    "cp949": ("euc_kr", "cp949"),
    "big5": ("big5", "cp950", "big5hkscs"),
    "cp950": ("big5", "cp950", "big5hkscs"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "iso8859-1": ("iso8859-1", "cp1252"),
    "ascii": ("cp1252",),
    "tis-620": ("tis-620", "cp874"),
}
# Typographic characters a Western text (cp1252 / Latin-1) is full of.
_WESTERN_PUNCT = set("‘’‚“”„–—…•·«»‹›°©®™€£¥§¶¿¡ºª±×÷¢¹²³¼½¾µ†‡‰´¨¸¯¦¬\xa0\xad")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ACCENTED_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
_STRAY = re.compile(r"[\udc80-\udcff]")  # bytes surrogateescape could not decode
_CLEAR_UTF8 = re.compile(r"(?<![\udc80-\udcff])[^\x00-\x7f\udc80-\udcff](?![\udc80-\udcff])")
_UTF8_CHAR = re.compile(r"[^\x00-\x7f\udc80-\udcff]")
# How much text the plausibility checks read (they decide for the whole file).
_SAMPLE_CHARS = 200_000
# Share of non-ASCII letters above which cp1252 text is another alphabet misread.
_MAX_WESTERN_ACCENTS = 0.3
_WESTERN_CODECS = ("cp1252", "iso8859-1", "iso8859-15")
# Below this, chardet's favourite is noise: refuse rather than show garbage.
_MIN_CONFIDENCE = 0.02
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
# Accented letters in Latin words from which a Western guess chardet agrees with is sure.
_MANY_ACCENTS = 20
# With this few non-ASCII bytes no statistics can tell one code page from another.
_FEW_ACCENTS = 3
# Mainframe code pages: a desktop text file in one is far rarer than a misleading guess.
_EBCDIC = frozenset({"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"})
# How much of a file is examined to tell damaged UTF-8 from a legacy encoding.
_EVIDENCE_BYTES = 2_000_000
# Controls allowed in text; any other makes the text "binary" past a tiny share.
_TEXT_CONTROLS = set("\n\r\t\f\v\x1a")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used, how sure that is, and what went wrong."""

    text: str
    encoding: str
    confidence: float = 1.0
    warnings: tuple[str, ...] = ()


def codec_name(encoding: str) -> str:
    """The canonical Python name of ``encoding`` ('UTF8' -> 'utf-8', 'latin1' -> 'iso8859-1')."""
    return codecs.lookup(encoding).name


def decode_bytes(data: bytes, encoding: str | None = None, name: str = "file") -> Decoded:
    """Decode ``data``; ``encoding`` forces one, otherwise it is detected.

    Raises DecodeFailed (unknown or wrong forced encoding, no sensible guess) or BinaryFile.
    ``name`` is used in messages only (pass it through core.errors.display_name).
    """
    if encoding:
        return _decode_forced(data, encoding, name)
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom):], bom_encoding, name)
    if b"\x1b" in data and max(data) < 0x80:
        escaped = _decode_iso2022(data)
        if escaped is not None:
            return escaped
    if b"\x00" in data:
        wide = _decode_wide(data)
        if wide is None:
            raise BinaryFile(BinaryFile.template.format(name=name, why="it contains NUL bytes"))
        return wide
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_not_utf8(data, name)


def _decode_forced(data: bytes, encoding: str, name: str) -> Decoded:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # base64, zlib...
        raise DecodeFailed(DecodeFailed.template.format(
            name=name, why=f"unknown encoding '{encoding}'."))
    codec = info.name
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        raise DecodeFailed(DecodeFailed.template.format(
            name=name, why=f"not valid {encoding} (byte {exc.start}); try another encoding."
        )) from None


def _decode_bom(data: bytes, encoding: str, name: str) -> Decoded:
    if encoding == "utf-8":
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            return _repair_utf8(data, 1.0)
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        raise DecodeFailed(DecodeFailed.template.format(
            name=name, why=f"it starts with a {encoding} mark but is not valid {encoding}."
        )) from None


def _decode_iso2022(data: bytes) -> Decoded | None:
    """7-bit text switching character sets with escape sequences (Japanese, Korean mail)."""
    candidates = ("iso2022_kr",) if b"\x1b$)C" in data else (
        "iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not any(ch in text for ch in "\x1b\x0e\x0f") and max(map(ord, text)) > 0x7F:
            return Decoded(text, codec_name(codec), 0.99)
    return None


def _decode_wide(data: bytes) -> Decoded | None:
    """BOM-less UTF-32 or UTF-16, told by where the NUL bytes fall; None if it is neither."""
    for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        strength = _nul_pattern(data, codec)
        if not strength:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # Few NULs (CJK text has none but its newlines) need the text itself to convince.
        if _binary_share(text) < 0.01 and (strength == "strong" or _wordlike(text)):
            return Decoded(text.removeprefix("\ufeff"), codec, 0.95)
    return None


def _nul_pattern(data: bytes, codec: str) -> str:
    """'strong' when NULs sit where ``codec`` puts them for ASCII, 'weak' if only there, or ''."""
    width = 4 if "32" in codec else 2
    if len(data) % width or len(data) < width * 2:
        return ""
    lanes = [data[i::width].count(0) for i in range(width)]
    units = len(data) // width
    if width == 4:  # the top byte of a code point is always 0, the next one mostly
        high = (3, 2) if codec.endswith("le") else (0, 1)
        low = 0 if codec.endswith("le") else 3
        fits = lanes[high[0]] == units and lanes[high[1]] >= units * 0.5
        return "strong" if fits and lanes[low] < units * 0.5 else ""
    high, low = (1, 0) if codec.endswith("le") else (0, 1)
    if lanes[low] > lanes[high] * 0.05:
        return ""
    return "strong" if lanes[high] >= units * 0.3 else "weak"


def _wordlike(text: str) -> bool:
    """True when nearly every character is a letter, digit, space or punctuation."""
    sample = text[:20_000]
    good = sum(1 for ch in sample if unicodedata.category(ch)[0] in "LNPZ" or ch in "\n\r\t")
    return good >= len(sample) * 0.95


def _binary_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample
              if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Cs"))
    return bad / len(sample)


def _decode_not_utf8(data: bytes, name: str) -> Decoded:
    """Invalid UTF-8: repaired UTF-8, a per-line mix, or a guessed legacy encoding."""
    lines = data[:_EVIDENCE_BYTES].splitlines(keepends=True)
    clear, stray, clean = _utf8_evidence(lines)
    # Damaged UTF-8: stray bytes are few against characters that decode cleanly around them.
    damaged = clear >= 3 and stray <= clear
    # UTF-8 with foreign lines: some lines are clean UTF-8, every other reads as Western text.
    mixed = clean >= 3 and all(
        _western(line) is not None for line in lines if not _valid_utf8(line))
    if damaged or mixed:
        return _repair_utf8(data, clear / (clear + stray))
    return _decode_guessed(data, name)


def _valid_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_evidence(lines: list[bytes]) -> tuple[int, int, int]:
    """Counts that tell damaged or mixed UTF-8 from a legacy encoding.

    (multi-byte characters standing clear of stray bytes, stray bytes that fit no UTF-8
    sequence, multi-byte characters in lines without any stray byte). In a legacy
    multi-byte file (EUC, GBK...) some byte pairs are valid UTF-8 by accident, but they sit
    between stray bytes and rarely fill a whole line; in damaged UTF-8 the valid characters
    stand among ASCII and each other.
    """
    clear = stray = clean = 0
    for line in lines:
        if line.isascii():
            continue
        text = line.decode("utf-8", "surrogateescape")
        line_stray = len(_STRAY.findall(text))
        stray += line_stray
        clear += len(_CLEAR_UTF8.findall(text))
        if not line_stray:
            clean += len(_UTF8_CHAR.findall(text))
    return clear, stray, clean


def _repair_utf8(data: bytes, confidence: float) -> Decoded:
    """UTF-8 with some bad lines: Western lines read as cp1252, stray bytes shown as U+FFFD."""
    parts: list[str] = []
    legacy_lines: list[int] = []
    bad_bytes = 0
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        text = line.decode("utf-8", "surrogateescape")
        western = None if _UTF8_CHAR.search(text) else _western(line)
        if western is not None:
            parts.append(western[0])
            legacy_lines.append(number)
            continue
        repaired, bad = _STRAY.subn("\ufffd", text)
        bad_bytes += bad
        parts.append(repaired)
    warnings = []
    if legacy_lines:
        warnings.append(f"{_line_list(legacy_lines).capitalize()} "
                        f"{'was' if len(legacy_lines) == 1 else 'were'} not UTF-8 like the rest "
                        "of the file; read as Windows-1252.")
    if bad_bytes:
        warnings.append(f"{_count(bad_bytes, 'byte')} could not be decoded; shown as \ufffd.")
    return Decoded("".join(parts), "utf-8", round(min(confidence, 0.99), 2), tuple(warnings))


def _count(n: int, noun: str) -> str:
    return f"1 {noun}" if n == 1 else f"{n:,} {noun}s"


def _line_list(numbers: list[int], most: int = 5) -> str:
    shown = ", ".join(str(n) for n in numbers[:most])
    more = f" and {len(numbers) - most:,} more" if len(numbers) > most else ""
    return ("line " if len(numbers) == 1 else "lines ") + shown + more


def _western(data: bytes) -> tuple[str, int] | None:
    """``data`` as cp1252 and its count of accented letters, if it reads as Western text.

    Western text has accents inside Latin words ("déçus"); Cyrillic or Greek read as
    cp1252 gives words made of accented letters only ("Ïðèâåò"). Judged on a sample.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned
        return None
    sample = text[:_SAMPLE_CHARS]
    for ch in set(_NON_ASCII.findall(sample)):
        if not ch.isalpha() and ch not in _WESTERN_PUNCT:
            return None
    accents = 0
    for match in _ACCENTED_WORD.finditer(sample):
        word = match.group()
        foreign = len(_NON_ASCII.findall(word))
        accents += foreign
        if (foreign == len(word) and len(word) > 1) or foreign * 2 > len(word) + 1:
            return None
    letters = sum(len(word) for word in _WORD.findall(sample))
    if not letters or accents > letters * _MAX_WESTERN_ACCENTS:
        return None
    return text, accents


def _decode_guessed(data: bytes, name: str) -> Decoded:
    """A legacy encoding guessed by chardet; short or unsure texts prefer Windows-1252."""
    encoding, confidence, western_confidence = _guess(data)
    western = _western(data)
    # chardet hesitates on short texts and picks exotic code pages for "Café" (Greek, by a
    # hair): when the bytes read as plausible Western text and chardet rates Windows-1252
    # about as high as its favourite, or there are too few accents to judge, take cp1252.
    few_accents = len(_HIGH_BYTES.findall(data[:_SAMPLE_CHARS])) <= _FEW_ACCENTS
    if western is not None and (few_accents or western_confidence >= 0.8 * confidence):
        text, accents = western
        if encoding not in _WESTERN_CODECS:
            sure = min(confidence, 0.5)
        elif accents >= _MANY_ACCENTS:  # chardet and the word test agree, on ample evidence
            sure = max(confidence, WARN_BELOW)
        else:
            sure = confidence
        return _with_warning(Decoded(text, "cp1252", round(sure, 2)))
    if encoding is None or confidence < _MIN_CONFIDENCE:
        # A guess under 1% sure is no guess: naming it would only mislead.
        best = f" (best guess {describe_encoding(encoding)}, {confidence:.0%} sure)" if (
            encoding and confidence >= 0.005) else ""
        raise DecodeFailed(DecodeFailed.template.format(
            name=name, why=f"cannot tell which text encoding it uses{best}; choose one "
                           "(--encoding)."))
    text, encoding, bad = _decode_family(data, encoding)
    if _binary_share(text) > 0.01:
        raise BinaryFile(BinaryFile.template.format(name=name, why="it holds control codes"))
    warnings: tuple[str, ...] = ()
    if bad:
        if bad > max(3, len(data) // 200):
            raise DecodeFailed(DecodeFailed.template.format(
                name=name, why=f"cannot tell which text encoding it uses (not valid "
                               f"{describe_encoding(encoding)}); choose one (--encoding)."))
        warnings = (f"{_count(bad, 'byte')} could not be decoded; shown as \ufffd.",)
        confidence = min(confidence, 0.5)
    return _with_warning(Decoded(text, encoding, round(confidence, 2), warnings))


def _guess(data: bytes) -> tuple[str | None, float, float]:
    """chardet's best encoding (a Python codec name), its confidence, and Windows-1252's."""
    import chardet  # loaded lazily: only non-UTF-8 files need it

    ranked = chardet.detect_all(data[:200_000])
    best: str | None = None
    confidence = western = 0.0
    for guess in ranked:
        try:
            codec = codec_name(guess.get("encoding") or "")
        except LookupError:
            continue
        if codec in _EBCDIC:
            continue
        score = float(guess.get("confidence") or 0.0)
        if best is None:
            best, confidence = codec, score
        if codec in _WESTERN_CODECS:
            western = max(western, score)
    if best == "iso8859-1" and any(0x80 <= b <= 0x9F for b in data):
        best = "cp1252"  # C1 controls are never meant; Windows-1252 puts quotes there
    return best, confidence, western


def _decode_family(data: bytes, encoding: str) -> tuple[str, str, int]:
    """(text, codec, bytes replaced): the narrowest codec of the family that fits ``data``."""
    family = _FAMILIES.get(encoding, ())
    for codec in (*family, encoding) if encoding not in family else family:
        try:
            return data.decode(codec), codec_name(codec), 0
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode(encoding, "replace")
    return text, encoding, text.count("\ufffd")


def _with_warning(decoded: Decoded) -> Decoded:
    """Add the "this is a guess" warning when the confidence is low."""
    if decoded.confidence >= WARN_BELOW:
        return decoded
    note = (f"The text encoding was guessed as {describe_encoding(decoded.encoding)} "
            f"({decoded.confidence:.0%} sure); if letters look wrong, choose another encoding.")
    return Decoded(decoded.text, decoded.encoding, decoded.confidence, (*decoded.warnings, note))


_NICE_NAMES = {
    "cp1250": "Windows-1250", "cp1251": "Windows-1251", "cp1252": "Windows-1252",
    "cp1253": "Windows-1253", "cp1254": "Windows-1254", "cp1255": "Windows-1255",
    "cp1256": "Windows-1256", "cp1257": "Windows-1257", "cp1258": "Windows-1258",
    "utf-8": "UTF-8", "shift_jis": "Shift-JIS", "cp932": "Shift-JIS (Windows)",
    "gb2312": "GB2312", "gb18030": "GB18030", "big5": "Big5", "euc_kr": "EUC-KR",
    "euc_jp": "EUC-JP", "koi8-r": "KOI8-R", "mac-roman": "Mac Roman",
    "mac-cyrillic": "Mac Cyrillic",
}


# What "Reopen with encoding..." offers: (codec, name shown), the usual suspects first.
ENCODING_CHOICES: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"), ("cp1252", "Windows-1252 (Western)"),
    ("iso8859-1", "ISO-8859-1 (Latin-1)"), ("iso8859-15", "ISO-8859-15 (Latin-9)"),
    ("cp1250", "Windows-1250 (Central European)"), ("iso8859-2", "ISO-8859-2 (Latin-2)"),
    ("cp1251", "Windows-1251 (Cyrillic)"), ("koi8-r", "KOI8-R (Russian)"),
    ("cp1253", "Windows-1253 (Greek)"), ("cp1254", "Windows-1254 (Turkish)"),
    ("cp1255", "Windows-1255 (Hebrew)"), ("cp1256", "Windows-1256 (Arabic)"),
    ("cp1257", "Windows-1257 (Baltic)"), ("cp1258", "Windows-1258 (Vietnamese)"),
    ("mac-roman", "Mac Roman"), ("cp437", "DOS (US)"), ("cp850", "DOS (Western)"),
    ("shift_jis", "Shift-JIS (Japanese)"), ("euc_jp", "EUC-JP (Japanese)"),
    ("iso2022_jp", "ISO-2022-JP (Japanese)"), ("gb18030", "GB18030 (Chinese)"),
    ("big5", "Big5 (Traditional Chinese)"), ("euc_kr", "EUC-KR (Korean)"),
    ("iso2022_kr", "ISO-2022-KR (Korean)"), ("tis-620", "TIS-620 (Thai)"),
    ("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
)


def describe_encoding(codec: str) -> str:
    """A name people know for ``codec`` ('cp1252' -> 'Windows-1252', 'iso8859-2' -> ...)."""
    if codec in _NICE_NAMES:
        return _NICE_NAMES[codec]
    if codec.startswith("iso8859-"):
        return "ISO-8859-" + codec.split("-", 1)[1]
    return codec.upper()


def encoding_label(encoding: str, confidence: float) -> str:
    """What a pane header shows: 'UTF-8', or 'Windows-1252 (guessed, 50% sure)'."""
    name = describe_encoding(encoding)
    return name if confidence >= WARN_BELOW else f"{name} (guessed, {confidence:.0%} sure)"
