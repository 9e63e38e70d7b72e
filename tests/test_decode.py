"""Decoding: what a user expects to read from files in every common encoding (issue #8 item 5)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from core.cli import main
from core.errors import BinaryFile, DecodeFailed
from core.readers.decode import (
    ENCODING_CHOICES,
    WARN_BELOW,
    codec_name,
    decode_bytes,
    describe_encoding,
    encoding_label,
)
from core.readers.load import load_document

DATA = Path(__file__).parent / "data" / "encodings"

RU = ("Городской совет утвердил новый бюджет на следующий год. Депутаты долго спорили о "
      "расходах на транспорт и школы. Мэр заявил, что налоги не вырастут, а ремонт мостов "
      "начнётся весной.\n")
JA = ("市議会は来年度の予算案を可決した。議員たちは交通と学校への支出について長い時間議論した。"
      "市長は税金を上げないと述べ、橋の修理は春に始まると説明した。\n")
ZH = ("市议会通过了明年的预算。议员们就交通和学校的开支进行了长时间的辩论。"
      "市长表示不会提高税收，桥梁维修工程将于春季开始。\n")
KO = "시의회는 내년도 예산안을 통과시켰다. 시장은 세금을 올리지 않겠다고 말했다.\n"
EN = "The river rose two metres overnight in the northern city of Zürich, officials said.\n"


@pytest.mark.parametrize(
    ("name", "expected", "encodings"),
    [
        ("utf16le_nobom.txt", EN, {"utf-16-le"}),
        ("utf16be_nobom.txt", EN, {"utf-16-be"}),
        ("utf16le_nobom_japanese.txt", JA, {"utf-16-le"}),
        ("utf32le_nobom.txt", EN, {"utf-32-le"}),
        ("utf32be_nobom.txt", EN, {"utf-32-be"}),
        ("iso2022jp.txt", JA, {"iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"}),
        ("iso2022kr.txt", KO, {"iso2022_kr"}),
        ("cp1251_russian.txt", RU, {"cp1251"}),
        ("koi8r_russian.txt", RU, {"koi8-r"}),
        ("shift_jis.txt", JA, {"shift_jis", "cp932"}),
        ("euc_jp.txt", JA, {"euc_jp"}),
        ("gb18030.txt", ZH, {"gb2312", "gbk", "gb18030"}),
        ("euc_kr.txt", KO, {"euc_kr", "cp949"}),
    ],
)
def test_fixture_decodes_to_the_exact_text(name: str, expected: str, encodings: set[str]) -> None:
    decoded = decode_bytes((DATA / name).read_bytes(), name=name)
    assert decoded.text == expected
    assert decoded.encoding in encodings
    assert "\x1b" not in decoded.text  # ISO-2022 escapes are decoded, not shown
    # A guess is either sure or says so.
    assert decoded.confidence >= WARN_BELOW or decoded.warnings


def test_utf8_with_three_bad_bytes_stays_utf8_with_a_warning() -> None:
    decoded = decode_bytes((DATA / "utf8_3_bad_bytes.txt").read_bytes())
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 3
    assert "“the budget is final”" in decoded.text  # curly quotes intact, not ÔÇ£
    assert "The city’s mayor" in decoded.text
    assert "3 bytes could not be decoded; shown as \ufffd." in decoded.warnings
    assert decoded.confidence < 1.0


def test_a_latin1_paragraph_in_a_utf8_file_is_decoded_per_line() -> None:
    decoded = decode_bytes((DATA / "mixed_utf8_latin1.txt").read_bytes())
    assert decoded.text == (
        "Officials in Zürich said the “new” rules for cafés would start in May.\n\n"
        "Les élèves ont été très déçus par la décision du ministère.\n\n"
        "The council meets again on Tuesday – as usual.\n")
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == (
        "Line 3 was not UTF-8 like the rest of the file; read as Windows-1252.",)


def test_short_latin1_prefers_western_over_exotic_code_pages() -> None:
    decoded = decode_bytes((DATA / "latin1_cafe.txt").read_bytes())
    assert decoded.text == "Café au lait.\n"  # not Cafι (ISO-8859-7)
    assert decoded.encoding == "cp1252"
    assert decoded.confidence < WARN_BELOW
    assert any("Windows-1252" in w and "% sure" in w for w in decoded.warnings)


@pytest.mark.parametrize("text", ["naïve façade résumé", "Él está aquí, señor.",
                                  "Über die Brücke gehen wir."])
def test_short_western_texts(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")).text == text


def test_utf8_bom_with_bad_bytes_is_repaired_not_refused() -> None:
    data = (codecs.BOM_UTF8 + "“Quoted” text here.\n".encode() + b"broken \xff byte "
            + "“ok”\n".encode())
    decoded = decode_bytes(data)
    assert decoded.text == "“Quoted” text here.\nbroken \ufffd byte “ok”\n"
    assert decoded.warnings == ("1 byte could not be decoded; shown as \ufffd.",)


def test_valid_utf8_and_boms_are_sure_and_silent() -> None:
    for data in ("Zürich “quotes”".encode(), codecs.BOM_UTF16_LE + "Zürich".encode("utf-16-le")):
        decoded = decode_bytes(data)
        assert (decoded.confidence, decoded.warnings) == (1.0, ())


def test_forced_encoding_wins_and_wrong_ones_are_explained() -> None:
    assert decode_bytes("Café".encode("cp1252"), "latin-1").text == "Café"
    for bogus in ("klingon", "base64", "zlib"):  # the last two are codecs, not encodings
        with pytest.raises(DecodeFailed, match=f"unknown encoding '{bogus}'"):
            decode_bytes(b"abc", bogus, "a.txt")
    with pytest.raises(DecodeFailed, match="not valid ascii"):
        decode_bytes("é".encode(), "ascii", "a.txt")


def test_binary_data_is_refused() -> None:
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    with pytest.raises(BinaryFile, match="binary"):
        decode_bytes(png_like, name="image.txt")


def test_load_document_carries_confidence_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes((DATA / "latin1_cafe.txt").read_bytes())
    doc = load_document(path)
    assert doc.text == "Café au lait.\n"
    assert doc.encoding_confidence < WARN_BELOW
    assert doc.warnings
    clean = tmp_path / "clean.txt"
    clean.write_text("All good “here”.", encoding="utf-8")
    assert (load_document(clean).encoding_confidence, load_document(clean).warnings) == (1.0, ())


def test_encoding_names_people_know() -> None:
    assert describe_encoding("cp1252") == "Windows-1252"
    assert describe_encoding("iso8859-2") == "ISO-8859-2"
    assert encoding_label("utf-8", 1.0) == "UTF-8"
    assert encoding_label("cp1252", 0.5) == "Windows-1252 (guessed, 50% sure)"


def test_the_cli_shows_decoding_warnings(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((DATA / "utf8_3_bad_bytes.txt").read_bytes())
    b.write_text("The minister said the budget is final and left the chamber.")
    assert main(["compare", str(a), str(b), "--no-entities", "--format", "json",
                 "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert err == "concord: warning: a.txt: 3 bytes could not be decoded; shown as \ufffd.\n"


def test_every_encoding_offered_for_reopening_exists_and_reads_its_own_text() -> None:
    for codec, label in ENCODING_CHOICES:
        assert codec_name(codec) == codec, label  # canonical names: they match Document.encoding
        assert decode_bytes("Text 123.\n".encode(codec), codec).text == "Text 123.\n"


def test_an_undecodable_file_names_no_guess_that_is_0_percent_sure() -> None:
    """'best guess Mac Cyrillic, 0% sure' is no guess: the message leaves it out."""
    with pytest.raises(DecodeFailed) as caught:
        decode_bytes(b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 40, name="odd.txt")
    message = str(caught.value)
    assert "cannot tell which text encoding it uses" in message
    assert "0% sure" not in message
