"""The pure-Python WordPiece tokenizer gives the ids `tokenizers` gives, on any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.comparison.segment import segment
from core.comparison.semantic import model_files
from core.comparison.semantic.encoder import MAX_TOKENS
from core.comparison.semantic.wordpiece import WordPieceTokenizer
from core.model import Options

tokenizers = pytest.importorskip("tokenizers")  # the dev extra: the reference implementation

ROOT = Path(__file__).resolve().parent.parent
UNLIMITED = 10**9

HOSTILE = [
    "", " ", "\t\n\r  \u3000", "Hello, world!", "naïve CAFÉ Crème brûlée, Ærøskøbing, Łódź",
    "İstanbul ISTANBUL ıi", "ΟΔΥΣΣΕΥΣ ΣΑΣ ς σ", "Straße STRASSE ẞ", "ﬁnance ﬂoor ² ½ ℌ Ⅻ",
    "東京は日本の首都です。北京市朝阳区", "한국어 문장입니다. 뷁",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３",
    "emoji 😀🤣🥰 👩‍👩‍👧‍👦 🇫🇷 👍🏽 ❤️", "a\x00b\x01c\x0bd\x0ce\x1cf\x1fg\x7fh\x85i",
    "soft\xadhyphen zero\u200bwidth joiner\u200dx non\u200cjoiner \ufeffbom \ufffdrepl",
    "nbsp\xa0here line\u2028para\u2029 narrow\u202fthin\u2009hair\u200a",
    "RTL \u202eevil\u202c עברית العربية مرحبا",
    "tags \U000e0041\U000e0042 private \ue000\U000f0000",
    "e\u0301 e\u0301\u0327 a\u0323\u0302 \u1e09 \u0344", "\u0300\u0301 starts with marks",
    "[CLS] [SEP] [UNK] [PAD] [MASK] [cls] a[SEP]b [SEP[SEP]] [SE\x0bP] [MASK][PAD]",
    "x" * 99, "y" * 100, "z" * 101, "antidisestablishmentarianism" * 5,
    "supercalifragilisticexpialidocious ⟨angle⟩ «guillemets» „quotes“ — dash – … ¿¡",
    "$1,250.00 €3.5m 24% 2026-11-26 10:30 a.m. U.S.A. e-mail o'clock rock'n'roll",
    "\U00020000\U0002a6df\U0002b820\U0002b920\U0002ceaf\U0002ceb0\U00030000 \uf900\U0002f800",
    "ᬆᬻ ꟋꟌ Ᲊ \U00011938 \u1734 \u08d4\u1b44 Ꭰꭰ Ⴀ Ა",
    " ".join(["word"] * 300), "punctuation" + "!" * 300, "日本" * 200,
]


@pytest.fixture(scope="module")
def files() -> model_files.ModelFiles:
    return model_files.find_model_files(verify=False)


@pytest.fixture(scope="module")
def ours(files) -> WordPieceTokenizer:
    return WordPieceTokenizer.from_file(files.tokenizer, max_length=MAX_TOKENS)


@pytest.fixture(scope="module")
def reference(files):
    tok = tokenizers.Tokenizer.from_file(str(files.tokenizer))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.no_padding()
    return tok


def fixture_sentences() -> list[str]:
    """Every sentence of the example pair and of the test documents."""
    paths = [ROOT / "examples" / "original.txt", ROOT / "examples" / "rewrite.txt",
             *sorted((ROOT / "tests" / "data").rglob("*.txt"))]
    out = []
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        out += [text[s.start:s.end] for s in segment(text, Options()).sentences]
    return out


def test_fixture_sentences_get_the_reference_ids(ours, reference) -> None:
    sentences = fixture_sentences()
    assert len(sentences) > 300
    assert [ours.encode(s) for s in sentences] == [e.ids for e in
                                                   reference.encode_batch(sentences)]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_text_gets_the_reference_ids(ours, reference, text) -> None:
    assert ours.encode(text) == reference.encode(text).ids


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_text_is_normalised_and_split_as_the_reference(ours, reference, text) -> None:
    # Finer than the ids: two orders of the same marks are often one [UNK] all the same.
    normalised = reference.normalizer.normalize_str(text)
    assert ours.words(text) == [w for w, _ in reference.pre_tokenizer.pre_tokenize_str(normalised)]


def test_long_text_is_cut_to_the_model_length_with_its_end_marker(ours, reference) -> None:
    text = " ".join(f"word{i}" for i in range(400))
    ids = ours.encode(text)
    assert len(ids) == MAX_TOKENS
    assert ids == reference.encode(text).ids
    assert ids[-1] == reference.token_to_id("[SEP]")


def test_words_read_as_a_person_would(ours, reference) -> None:
    def ids(*tokens: str) -> list[int]:
        return [reference.token_to_id(t) for t in ("[CLS]", *tokens, "[SEP]")]

    assert ours.encode("Naïve CAFÉ!") == ids("naive", "cafe", "!")
    assert ours.encode("東京") == ids("東", "京")
    assert ours.encode("a" * 101) == ids("[UNK]")
    assert ours.encode("hello [SEP] world") == ids("hello", "[SEP]", "world")


def every_code_point_sampled() -> list[int]:
    """All of planes 0-3 and the tags block; one in 61 of the unassigned and private planes."""
    low = [c for c in range(0x40000) if not 0xD800 <= c <= 0xDFFF]
    return low + list(range(0xE0000, 0xE1000)) + list(range(0x40000, 0x110000, 61))


def test_every_character_is_normalised_and_split_as_the_reference(ours, reference) -> None:
    # Each character alone and between letters: dropped, a space, a word of its own, or part
    # of the word, with its accents, case and ideograph spacing as `tokenizers` has them.
    points = every_code_point_sampled()
    wrong = []
    for i in range(0, len(points), 500):
        text = " ".join(f"{chr(c)} a{chr(c)}b" for c in points[i:i + 500])
        normalised = reference.normalizer.normalize_str(text)
        want = [w for w, _ in reference.pre_tokenizer.pre_tokenize_str(normalised)]
        if ours.words(text) != want:
            wrong.append(hex(points[i]))
    assert wrong == []


def test_every_character_is_looked_up_as_the_reference(files, reference) -> None:
    # The vocabulary look-up of each (normalised) character, alone and as a continuation.
    ours = WordPieceTokenizer.from_file(files.tokenizer, max_length=UNLIMITED)
    ref = tokenizers.Tokenizer.from_file(str(files.tokenizer))
    ref.no_truncation()
    ref.no_padding()
    points = every_code_point_sampled()[::7]
    texts = [" ".join(f"{chr(c)} a{chr(c)}b" for c in points[i:i + 500])
             for i in range(0, len(points), 500)]
    assert [ours.encode(t) for t in texts] == [e.ids for e in ref.encode_batch(texts)]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300))
def test_any_text_gets_the_reference_ids(ours, reference, text) -> None:
    assert ours.encode(text) == reference.encode(text).ids


def test_an_unsupported_tokenizer_is_refused(files) -> None:
    config = json.loads(Path(files.tokenizer).read_text(encoding="utf-8"))
    config["normalizer"] = {"type": "NFKC"}
    with pytest.raises(ValueError, match="normalizer"):
        WordPieceTokenizer(config, max_length=MAX_TOKENS)
