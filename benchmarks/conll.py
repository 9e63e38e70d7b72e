"""Score entity extraction on the CoNLL-2003 English test set (PER, LOC, ORG; exact spans).

Usage: .venv/bin/python benchmarks/conll.py PATH/TO/test.txt   (or eng.testb)
The data is not in the repository (its licence does not allow it); public copies exist, e.g. the
`conll2003/test.txt` of several GitHub repositories. Prints precision, recall and F1 per label for
the bare spaCy model and for Concord's extractor (the model plus Concord's corrections and
propagation), on the same text in the same run.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LABELS = ("PER", "LOC", "ORG")
SPACY_TO_CONLL = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
CONCORD_TO_CONLL = {"Person": "PER", "Place": "LOC", "Organisation": "ORG"}

Span = tuple[int, int, str]  # first token, last token + 1, label


def read_conll(path: Path) -> list[tuple[str, list[tuple[int, int]], set[Span]]]:
    """Documents as (text, token character ranges, gold entity spans); sentences on lines."""
    docs, tokens, tags, lines = [], [], [], []

    def close() -> None:
        if tokens:
            docs.append(_document(tokens, tags, lines))
        tokens.clear()
        tags.clear()
        lines.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        parts = raw.split()
        if not parts:
            if tokens and (not lines or lines[-1] != len(tokens)):
                lines.append(len(tokens))
            continue
        if parts[0] == "-DOCSTART-":
            close()
            continue
        tokens.append(parts[0])
        tags.append(parts[-1])
    close()
    return docs


def _document(tokens: list[str], tags: list[str], breaks: list[int]):  # type: ignore[no-untyped-def]
    text, ranges, pos = [], [], 0
    breaks_set = set(breaks)
    for i, tok in enumerate(tokens):
        if i:
            sep = "\n" if i in breaks_set else " "
            text.append(sep)
            pos += 1
        ranges.append((pos, pos + len(tok)))
        text.append(tok)
        pos += len(tok)
    return "".join(text), ranges, _gold_spans(tags)


def _gold_spans(tags: list[str]) -> set[Span]:
    """Entity spans from IOB1 or IOB2 tags (an I- after O or another type starts one too)."""
    spans, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        begins = kind == "B" or (kind == "I" and lab != label)
        if start is not None and (kind == "O" or begins):
            if label in LABELS:
                spans.add((start, i, label))
            start, label = None, None
        if begins:
            start, label = i, lab
    return spans


def to_tokens(ranges: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The tokens a character span covers (None when it covers none)."""
    inside = [i for i, (s, e) in enumerate(ranges) if s < end and e > start]
    return (inside[0], inside[-1] + 1) if inside else None


def spans_of(ranges, mentions, mapping) -> set[Span]:  # type: ignore[no-untyped-def]
    out = set()
    for start, end, label in mentions:
        lab = mapping.get(label)
        tok = to_tokens(ranges, start, end) if lab else None
        if tok is not None:
            out.add((tok[0], tok[1], lab))
    return out


def score(gold: list[set[Span]], predicted: list[set[Span]]
          ) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 per label and over all three (exact token spans)."""
    counts: Counter = Counter()
    for g, p in zip(gold, predicted, strict=True):
        for label in LABELS:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            counts[label, "tp"] += len(gl & pl)
            counts[label, "pred"] += len(pl)
            counts[label, "gold"] += len(gl)
    out = {}
    for label in (*LABELS, "all"):
        keys = LABELS if label == "all" else (label,)
        tp = sum(counts[k, "tp"] for k in keys)
        pred = sum(counts[k, "pred"] for k in keys)
        gold_n = sum(counts[k, "gold"] for k in keys)
        p = tp / pred if pred else 0.0
        r = tp / gold_n if gold_n else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main(path: str) -> None:
    from core.entities.api import document_mentions
    from core.entities.backend import default_backend
    from core.entities.cache import EntityCache
    from core.entities.link import link_pair

    docs = read_conll(Path(path))
    texts = [d[0] for d in docs]
    gold = [d[2] for d in docs]
    print(f"{len(docs)} documents, {sum(len(d[1]) for d in docs):,} tokens, "
          f"{sum(len(g) for g in gold):,} PER/LOC/ORG entities")
    started = time.perf_counter()
    raw = default_backend().extract(texts)
    bare = [spans_of(d[1], [(m.start, m.end, m.label) for m in r], SPACY_TO_CONLL)
            for d, r in zip(docs, raw, strict=True)]
    middle = time.perf_counter()
    mentions = document_mentions(texts, cache=EntityCache())
    concord = []
    for d, ms in zip(docs, mentions, strict=True):
        ents, _ = link_pair((d[0], ""), (ms, []))
        concord.append(spans_of(d[1], [(e.start, e.end, e.label) for e in ents],
                                CONCORD_TO_CONLL))
    ended = time.perf_counter()
    rows = [("bare spaCy", score(gold, bare)), ("Concord", score(gold, concord))]
    print(f"{'':12}" + "".join(f"{lab:>22}" for lab in (*LABELS, "all")))
    print(f"{'':12}" + "".join(f"{'P     R     F1':>22}" for _ in (*LABELS, "all")))
    for name, result in rows:
        print(f"{name:12}" + "".join(
            f"{'{:.3f} {:.3f} {:.3f}'.format(*result[lab]):>22}" for lab in (*LABELS, "all")))
    print(f"time: model {middle - started:.1f} s; Concord (model, cached per text, + rules) "
          f"{ended - middle:.1f} s")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
