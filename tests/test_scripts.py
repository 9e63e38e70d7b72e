"""Languages other than English: unsegmented scripts (Chinese, Japanese) and legacy encodings."""

from __future__ import annotations

import pytest

from core.app import compare_files
from core.comparison.segment import segment, sentence_bounds
from core.model import Options

JAPANESE = (
    "政府は月曜日に新しい橋の建設計画を発表した。交通大臣の山田太郎氏は、工事は春に始まると"
    "述べた。事業費は20億円になる見込みだ。",
    "交通大臣の山田太郎氏は、工事は春に始まると述べた。政府は月曜日、新たな橋の建設計画を"
    "発表した。事業費はおよそ20億円となる。",
)
CHINESE = (
    "政府周一宣布了新的桥梁建设计划。交通部长王伟表示，工程将于春季开始。项目总投资为20亿元。",
    "交通部长王伟表示，工程将于春季开始。政府周一公布了新的桥梁建设计划。该项目投资约20亿元。",
)
RUSSIAN = (
    "Правительство объявило в понедельник о новом плане строительства мостов. Министр "
    "транспорта Иван Петров сказал, что работы начнутся весной.",
    "Министр транспорта Иван Петров сказал, что работы начнутся весной. В понедельник "
    "правительство объявило о новом плане строительства мостов.",
)


def test_chinese_and_japanese_sentences_end_at_full_width_stops() -> None:
    text = JAPANESE[0]
    pieces = [text[s:e] for s, e in sentence_bounds(text)]
    assert pieces == ["政府は月曜日に新しい橋の建設計画を発表した。",
                      "交通大臣の山田太郎氏は、工事は春に始まると述べた。",
                      "事業費は20億円になる見込みだ。"]
    seg = segment(text, Options())
    assert len(seg.sentences) == 3 and len(seg.sentences[0].stems) > 5  # character bigrams


@pytest.mark.parametrize("pair,encoding", [(JAPANESE, "shift_jis"), (JAPANESE, "euc-jp"),
                                           (CHINESE, "gb18030"), (CHINESE, "utf-8"),
                                           (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r")])
def test_a_rewrite_in_another_script_and_encoding(tmp_path, pair, encoding) -> None:
    paths = []
    for name, text in zip(("a.txt", "b.txt"), pair, strict=True):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        paths.append(path)
    result = compare_files(paths, Options(), entities=False)
    assert [d.text for d in result.documents] == list(pair)  # decoded right
    doc_a = result.documents[0].text
    shared = [doc_a[s.start:s.end] for s in result.spans[0] if s.kind == "shared"]
    # The sentence copied unchanged is shared word for word, the others are found.
    copied = pair[1].split("。")[0] if "。" in pair[1] else pair[0][pair[0].index("Министр"):]
    assert any(copied.rstrip("。.") in s for s in shared)
    assert result.summary.a.share("unique") == 0.0 and result.summary.b.share("unique") == 0.0


def test_an_en_dash_inside_a_word_matches_a_hyphen() -> None:
    # Translations and typesetters differ: "Beer–sheba" (en dash) is "Beer-Sheba".
    from core.comparison.engine import compare
    from core.readers.load import document_from_text

    a = "And Abraham planted a grove in Beer–sheba, and called there on the name of the Lord."
    b = "And Abraham planted a grove in Beer-Sheba, and called there on the name of the Lord."
    result = compare(document_from_text(a, "a.txt"), document_from_text(b, "b.txt"))
    assert result.summary.a.share("shared") == 1.0
