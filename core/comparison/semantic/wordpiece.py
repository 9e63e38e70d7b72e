"""BERT WordPiece in pure Python: the ids `tokenizers` gives for the model's tokenizer.json."""

from __future__ import annotations

import bisect
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from core.comparison.semantic import wordpiece_tables as tables

# The ideograph blocks `tokenizers` puts spaces around (its list, not today's Unicode: it skips
# 2B820-2B91F and knows nothing past 2CEAF).
CJK = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF),
       (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0x2F800, 0x2FA1F))
CACHE_LIMIT = 100_000  # distinct chunks remembered (a chunk: text between two spaces)
_OLD = unicodedata.ucd_3_2_0  # the same in every Python: the base the tables correct


def base_decomposition(ch: str) -> str:
    """NFD of one character by Unicode 3.2 (the tables list where `tokenizers` differs)."""
    return _OLD.normalize("NFD", ch)


def base_lower(ch: str) -> str:
    """Lower case of one character, for characters Unicode 3.2 had (the tables list the rest)."""
    return ch if _OLD.category(ch) == "Cn" else ch.lower()


class _Ranges:
    """Membership in a set of code point ranges ('a-b c' in hex, as the tables store them)."""

    def __init__(self, text: str) -> None:
        spans = sorted((int(w.split("-")[0], 16), int(w.split("-")[-1], 16)) for w in text.split())
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def __contains__(self, cp: int) -> bool:
        i = bisect.bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]

    def regex_class(self) -> str:
        return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                       for a, b in zip(self.starts, self.ends))


def _mapping(text: str) -> dict[int, str]:
    table = {}
    for word in text.split():
        cp, _, chars = word.partition(":")
        table[int(cp, 16)] = "".join(chr(int(c, 16)) for c in chars.split(",") if c)
    return table


class _CharMap(dict):
    """A str.translate table filled on first sight of each character."""

    def __init__(self, convert: Callable[[int], str]) -> None:
        super().__init__()
        self._convert = convert

    def __missing__(self, cp: int) -> str:
        self[cp] = text = self._convert(cp)
        return text


def _reorder(text: str) -> str:
    """Canonical ordering (the part of NFD that spans characters): marks sorted by class."""
    classes = [unicodedata.combining(c) for c in text]
    if not any(a and b for a, b in itertools.pairwise(classes)):
        return text
    out, run = [], []
    for ch, cls in zip(text, classes):
        if cls:
            run.append((cls, len(run), ch))
            continue
        out.extend(c for _, _, c in sorted(run))
        run = []
        out.append(ch)
    out.extend(c for _, _, c in sorted(run))
    return "".join(out)


class WordPieceTokenizer:
    """tokenizer.json's BertNormalizer, BertPreTokenizer, WordPiece and [CLS] ... [SEP]."""

    def __init__(self, config: dict, max_length: int) -> None:
        norm, model = config["normalizer"], config["model"]
        _require(norm.get("type") == "BertNormalizer" and norm.get("clean_text", True),
                 "normalizer")
        _require((config.get("pre_tokenizer") or {}).get("type") == "BertPreTokenizer",
                 "pre-tokenizer")
        _require(model.get("type") == "WordPiece", "model")
        self._chinese = norm.get("handle_chinese_chars", True)
        self._lowercase = norm.get("lowercase", True)
        strip = norm.get("strip_accents")
        self._strip = self._lowercase if strip is None else strip
        self._vocab: dict[str, int] = model["vocab"]
        self._prefix = model.get("continuing_subword_prefix", "##")
        self._max_chars = model.get("max_input_chars_per_word", 100)
        self._longest = max(map(len, self._vocab))
        self._unk = self._vocab[model["unk_token"]]
        self._cls, self._sep = _template(config["post_processor"])
        self._limit = max_length - 2
        self._special = _added_tokens(config.get("added_tokens") or [])
        names = sorted(self._special, key=len, reverse=True)  # leftmost-longest, as tokenizers
        self._special_re = (re.compile("(" + "|".join(map(re.escape, names)) + ")")
                            if names else None)
        removed, self._marks = _Ranges(tables.REMOVED), _Ranges(tables.MARKS)
        spaces = _Ranges(tables.SPACES + " 20")
        self._decomp, self._lower = _mapping(tables.DECOMPOSITIONS), _mapping(tables.LOWER)
        self._chunk_re = re.compile(f"[^{spaces.regex_class()}]+")
        punct = _Ranges(tables.PUNCTUATION).regex_class()
        self._word_re = re.compile(f"[{punct}]|[^{punct} ]+")
        self._stage1 = _CharMap(lambda cp: self._first(cp, removed, spaces))
        self._stage2 = _CharMap(self._second)
        self._chunks: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_file(cls, path: str | Path, max_length: int) -> WordPieceTokenizer:
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh), max_length)

    def encode(self, text: str) -> list[int]:
        """[CLS], the text's ids cut to max_length - 2, [SEP]."""
        ids = [self._cls]
        cache = self._chunks
        for chunk in self._chunk_re.findall(text):
            got = cache.get(chunk)
            if got is None:
                if len(cache) >= CACHE_LIMIT:
                    cache.clear()
                got = cache[chunk] = tuple(self._chunk_ids(chunk))
            ids.extend(got)
            if len(ids) > self._limit:
                del ids[self._limit + 1:]
                break
        ids.append(self._sep)
        return ids

    def _chunk_ids(self, chunk: str) -> Iterator[int]:
        """Ids of text without spaces: added tokens as they stand, the rest normalised."""
        parts = self._special_re.split(chunk) if self._special_re else [chunk]
        for i, part in enumerate(parts):
            if i % 2:
                yield self._special[part]
            elif part:
                for word in self.words(part):
                    yield from self._word_ids(word)

    def words(self, text: str) -> list[str]:
        """The normalised text cut at spaces and around each punctuation mark."""
        return self._word_re.findall(self.normalize(text))

    def normalize(self, text: str) -> str:
        """BertNormalizer: clean, space out ideographs, NFD and strip marks, lower case."""
        text = text.translate(self._stage1)
        if self._strip and not text.isascii():
            text = _reorder(text)
        return text.translate(self._stage2)

    def _first(self, cp: int, removed: _Ranges, spaces: _Ranges) -> str:
        if cp in removed:
            return ""
        if cp in spaces:
            return " "
        ch = chr(cp)
        if self._strip:
            ch = self._decomp[cp] if cp in self._decomp else base_decomposition(ch)
        if self._chinese and any(a <= cp <= b for a, b in CJK):
            return f" {ch} "
        return ch

    def _second(self, cp: int) -> str:
        if self._strip and cp in self._marks:
            return ""
        if not self._lowercase:
            return chr(cp)
        return self._lower[cp] if cp in self._lower else base_lower(chr(cp))

    def _word_ids(self, word: str) -> list[int]:
        """Greedy longest match from the left; a word with an unknown piece is [UNK] whole."""
        if len(word) > self._max_chars:
            return [self._unk]
        vocab, ids, start = self._vocab, [], 0
        while start < len(word):
            end = min(len(word), start + self._longest)
            while end > start:
                piece = word[start:end] if start == 0 else self._prefix + word[start:end]
                if piece in vocab:
                    ids.append(vocab[piece])
                    break
                end -= 1
            else:
                return [self._unk]
            start = end
        return ids


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"tokenizer.json: unsupported {what}")


def _template(post: dict) -> tuple[int, int]:
    """The ids of [CLS] and [SEP] from a 'CLS A SEP' TemplateProcessing."""
    _require(post.get("type") == "TemplateProcessing", "post-processor")
    single = post["single"]
    _require(len(single) == 3 and "Sequence" in single[1], "post-processor template")
    first, last = single[0]["SpecialToken"]["id"], single[2]["SpecialToken"]["id"]
    specials = post["special_tokens"]
    return specials[first]["ids"][0], specials[last]["ids"][0]


def _added_tokens(added: list[dict]) -> dict[str, int]:
    """Added tokens, matched in the raw text (the only kind this tokenizer.json has)."""
    for token in added:
        _require(not (token.get("normalized") or token.get("single_word")
                      or token.get("lstrip") or token.get("rstrip")), "added token")
    return {token["content"]: token["id"] for token in added}
