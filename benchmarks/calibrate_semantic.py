"""Calibrate the semantic verdict's cut-offs on public paraphrase sets and the gold pairs.

    python -m benchmarks.calibrate_semantic --sts-repo /work/.mirror/brmson+dataset-sts/repo/.git

The public sets are read from a git mirror of github.com/brmson/dataset-sts (MSRP and the
SemEval STS 2012-2016 sets, the sources of STS-B); nothing of them is copied into the repo.
Prints markdown tables (the figures in docs/calibration.md): cosine distributions per class,
the fitted length-aware rule and its precision/recall on every set.

Labels. STS: "same" when the gold score >= 3 (same content, details may differ: the engine
pairs such sentences as reworded and marks the changed words), "different" when <= 2 (at most
some shared details or the same topic), the 2-3 band is reported but not scored. MSRP: its
own binary labels (stricter: a changed fact makes a pair "not paraphrase"). Gold: the
annotated pairs are "same"; every other sentence pair between the two texts of a gold file
is "different" (same topic, same names). Partial pairs: a "same" pair whose one side is
extended with one to four other sentences of the same text or set, so that the longer side
mostly carries new content ("different", the failure of issue #10).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.comparison.segment import WORD_RE
from core.comparison.semantic import calibration, load_encoder

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
STS_FILES = [
    "2012/MSRpar.test", "2012/SMTnews.test", "2013/headlines.test", "2014/headlines.test",
    "2014/deft-news.test", "2015/headlines.test", "2016/headlines.test",
    "2016/plagiarism.test", "2015/answers-students.test",
]
MSRP_FILE = "data/para/msr/msr-para-test.tsv"
SAME_FROM, DIFFERENT_TO = 3.0, 2.0
SHORT_WORDS = 6  # headline-sized: tested in the fit, found not to matter
# Share of "same" pairs a "different" verdict may lose (a lost pair cannot come back), and of
# "different" pairs a "same" verdict may take, each set weighing the same.
LOSS_RATE = 0.01
FALSE_SAME_RATE = 0.03
# The examples: two heavy paraphrases, a look-alike, unrelated sentences.
EXAMPLES = [
    ("The ministry has ordered 24 ambulances.",
     "Two dozen ambulances are on order, the ministry said."),
    ("About 1,200 homes lost power.",
     "Power was cut to roughly 1,250 households, the utility said on Tuesday."),
    ("The WHO and the ECDC were informed.",
     "The company notified the World Health Organization and Europe's disease-control agency."),
    ("Harwood Rovers FC, Mill Lane, Harwood",
     "Harwood Rovers fans will march down Mill Lane on Saturday to protest at ticket prices"),
    ("The ministry has ordered 24 ambulances.",
     "Interest rates rose sharply in the third quarter, the central bank said."),
]


@dataclass
class Item:
    """One labelled sentence pair; label 1 = same content, 0 = different, None = unscored."""

    group: str
    a: str
    b: str
    label: int | None
    cosine: float = 0.0

    @property
    def words(self) -> tuple[int, int]:
        return len(WORD_RE.findall(self.a)), len(WORD_RE.findall(self.b))


def git_text(repo: Path, path: str) -> str:
    out = subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"],
                         capture_output=True, check=True)
    return out.stdout.decode("utf-8-sig", "replace")


def load_sts(repo: Path) -> list[Item]:
    items = []
    for name in STS_FILES:
        group = "STS " + name.replace(".test", "")
        for line in git_text(repo, f"data/sts/semeval-sts/{name}.tsv").splitlines():
            score, a, b = line.split("\t")
            if not score.strip():
                continue
            s = float(score)
            label = 1 if s >= SAME_FROM else 0 if s <= DIFFERENT_TO else None
            items.append(Item(group, a, b, label))
    return items


def load_msrp(repo: Path) -> list[Item]:
    rows = git_text(repo, MSRP_FILE).splitlines()[1:]
    return [Item("MSRP test", r.split("\t")[3], r.split("\t")[4], int(r.split("\t")[0]))
            for r in rows]


def load_gold() -> tuple[list[Item], list[Item]]:
    """Gold pairs and same-topic non-pairs, and partial pairs built from the gold texts."""
    items, partial = [], []
    rng = random.Random(10)
    for path in sorted(GOLD_DIR.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        group = f"gold {path.stem}"
        a_sents = [s for p in gold["pairs"] for s in p["a"]] + gold["unique_a"]
        b_sents = [s for p in gold["pairs"] for s in p["b"]] + gold["unique_b"]
        partner = {(a, b) for p in gold["pairs"] for a in p["a"] for b in p["b"]}
        for p in gold["pairs"]:
            items.append(Item(group, " ".join(p["a"]), " ".join(p["b"]), 1))
        items += [Item(group, a, b, 0) for a in a_sents for b in b_sents
                  if (a, b) not in partner]
        b_text = (ROOT / gold["b"]).read_text(encoding="utf-8")
        b_order = sorted(b_sents, key=b_text.find)
        for p in gold["pairs"]:
            if len(p["a"]) == 1 and len(p["b"]) == 1:
                extra = [s for s in b_order if s != p["b"][0]]
                partial.append(Item("partial gold", p["a"][0], _extend(p["b"][0], extra, rng), 0))
    return items, partial


def _extend(side: str, others: Sequence[str], rng: random.Random) -> str:
    """`side` plus other sentences until it is at least 2.5 times as long (new content)."""
    words = len(WORD_RE.findall(side))
    parts = [side]
    while sum(len(WORD_RE.findall(p)) for p in parts) < 2.5 * words and len(parts) < 5:
        parts.append(rng.choice(others))
    return " ".join(parts)


def partial_pairs(items: Sequence[Item], group: str, n: int) -> list[Item]:
    rng = random.Random(11)
    same = [it for it in items if it.label == 1]
    pool = [it.b for it in items]
    return [Item(group, it.a, _extend(it.b, pool, rng), 0)
            for it in rng.sample(same, min(n, len(same)))]


def encode_all(items: Sequence[Item]) -> float:
    enc = load_encoder()
    texts = sorted({t for it in items for t in (it.a, it.b)})
    start = time.perf_counter()
    vecs = enc.encode(texts)
    elapsed = time.perf_counter() - start
    index = {t: i for i, t in enumerate(texts)}
    for it in items:
        it.cosine = float(vecs[index[it.a]] @ vecs[index[it.b]])
    return len(texts) / elapsed


def features(items: Sequence[Item]) -> np.ndarray:
    """cosine, log2 of the length ratio, short (fewer than SHORT_WORDS words on one side)."""
    rows = []
    for it in items:
        short, long = sorted(max(1, w) for w in it.words)
        rows.append((it.cosine, math.log2(long / short), float(short < SHORT_WORDS)))
    return np.array(rows)


def fit_logistic(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted logistic regression by Newton steps; returns [bias, coefficients...]."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(xb.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ beta))
        grad = xb.T @ (weights * (y - p)) - 1e-3 * beta
        hess = (xb * (weights * p * (1 - p))[:, None]).T @ xb + 1e-3 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def adjusted(items: Sequence[Item], rise: float, free: float) -> np.ndarray:
    """Cosine minus the rule's length rise (the cut-offs' shift, moved onto the cosine)."""
    if not items:
        return np.zeros(0)
    f = features(items)
    return f[:, 0] - rise * np.maximum(0.0, f[:, 1] - math.log2(free))


def weighted_quantile(per_set: Sequence[np.ndarray], q: float) -> float:
    """Quantile of the pooled values, each set weighing the same."""
    vals = np.concatenate(per_set)
    weights = np.concatenate([np.full(len(v), 1.0 / len(v)) for v in per_set])
    order = np.argsort(vals)
    cum = np.cumsum(weights[order]) / weights.sum()
    return float(vals[order][np.searchsorted(cum, q)])


def grid(groups: dict[str, list[Item]]) -> list[tuple[float, ...]]:
    """For each rule shape, the cut-offs at the two error rates and the share then decided."""
    rows = []
    for rise in (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        for free in (1.0, 1.25, 1.5, 2.0, 2.5, 3.0):
            pos = [adjusted([it for it in v if it.label == 1], rise, free)
                   for v in groups.values()]
            neg = [adjusted([it for it in v if it.label == 0], rise, free)
                   for v in groups.values()]
            pos, neg = [p for p in pos if len(p)], [n for n in neg if len(n)]
            low = weighted_quantile(pos, LOSS_RATE)
            high = weighted_quantile(neg, 1 - FALSE_SAME_RATE)
            same = float(np.mean([np.mean(p >= high) for p in pos]))
            different = float(np.mean([np.mean(n < low) for n in neg]))
            rows.append((same + different, rise, free, low, high, same, different))
    return sorted(rows, reverse=True)


def pct(values: Sequence[float], q: float) -> str:
    return f"{np.percentile(values, q):.2f}" if len(values) else "-"


def print_distributions(groups: dict[str, list[Item]]) -> None:
    print("| set | class | pairs | p5 | p25 | median | p75 | p95 | words (median) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, items in groups.items():
        for label, cls in ((1, "same"), (None, "2-3 band"), (0, "different")):
            sel = [it for it in items if it.label == label]
            if not sel:
                continue
            cos = [it.cosine for it in sel]
            words = np.median([sum(it.words) / 2 for it in sel])
            print(f"| {name} | {cls} | {len(sel)} | {pct(cos, 5)} | {pct(cos, 25)} | "
                  f"{pct(cos, 50)} | {pct(cos, 75)} | {pct(cos, 95)} | {words:.0f} |")


def score(items: Sequence[Item]) -> tuple[float, float, float, float, int, int]:
    """Precision/recall of "same", and of "different", plus the undecided share."""
    verdicts = [calibration.semantic_verdict(it.cosine, *it.words) for it in items]
    labels = [it.label for it in items]
    def pr(v: str, lab: int) -> tuple[float, float]:
        hit = sum(1 for x, y in zip(verdicts, labels) if x == v and y == lab)
        said = sum(1 for x in verdicts if x == v)
        real = sum(1 for y in labels if y == lab)
        return (hit / said if said else float("nan"), hit / real if real else float("nan"))
    p_same, r_same = pr("same", 1)
    p_diff, r_diff = pr("different", 0)
    undecided = sum(1 for v in verdicts if v == "undecided")
    return p_same, r_same, p_diff, r_diff, undecided, len(items)


def print_scores(groups: dict[str, list[Item]]) -> None:
    print("| set | same / different pairs | \"same\" precision | \"same\" recall | "
          "\"different\" precision | \"different\" recall | undecided |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, items in groups.items():
        sel = [it for it in items if it.label is not None]
        pos = sum(it.label for it in sel)
        p1, r1, p0, r0, und, n = score(sel)
        if pos == 0:  # only "different" pairs: how many were wrongly called "same"
            same = sum(1 for it in sel
                       if calibration.semantic_verdict(it.cosine, *it.words) == "same")
            first = f"{same} of {n} called same | -"
        else:
            first = f"{p1:.3f} | {r1:.3f}"
        print(f"| {name} | {pos} / {n - pos} | {first} | {p0:.3f} | {r0:.3f} | {und / n:.0%} |")


def cutoffs_from(groups: dict[str, list[Item]], rise: float, free: float) -> tuple[float, float]:
    pos = [adjusted([it for it in v if it.label == 1], rise, free) for v in groups.values()]
    neg = [adjusted([it for it in v if it.label == 0], rise, free) for v in groups.values()]
    pos, neg = [p for p in pos if len(p)], [n for n in neg if len(n)]
    return weighted_quantile(pos, LOSS_RATE), weighted_quantile(neg, 1 - FALSE_SAME_RATE)


def print_held_out(fitting: dict[str, list[Item]]) -> None:
    """Each set scored with cut-offs chosen on the other sets only (same rule shape)."""
    rise, free = calibration.RISE_PER_DOUBLING, calibration.FREE_RATIO
    print("| held-out set | cut-offs from the others | \"same\" precision | \"same\" recall | "
          "\"different\" called on true pairs | \"same\" called on different pairs |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, items in fitting.items():
        others = {k: v for k, v in fitting.items() if k != name}
        low, high = cutoffs_from(others, rise, free)
        sel = [it for it in items if it.label is not None]
        adj = adjusted(sel, rise, free)
        lab = np.array([it.label for it in sel])
        same, diff = adj >= high, adj < low
        prec = (f"{(same & (lab == 1)).sum() / same.sum():.3f}"
                if same.sum() and (lab == 1).any() else "-")
        rec = f"{(same & (lab == 1)).sum() / (lab == 1).sum():.3f}" if (lab == 1).any() else "-"
        lost = f"{(diff & (lab == 1)).sum() / (lab == 1).sum():.1%}" if (lab == 1).any() else "-"
        false_same = f"{(same & (lab == 0)).sum() / (lab == 0).sum():.1%}"
        print(f"| {name} | {low:.3f} / {high:.3f} | {prec} | {rec} | {lost} | {false_same} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sts-repo", type=Path, required=True,
                        help="git dir of a mirror of github.com/brmson/dataset-sts")
    parser.add_argument("--partial", type=int, default=600,
                        help="partial pairs built from each public set")
    parser.add_argument("--cosines", type=Path,
                        help="reuse (or save) the computed cosines in this JSON file")
    args = parser.parse_args(argv)

    sts, msrp = load_sts(args.sts_repo), load_msrp(args.sts_repo)
    gold, gold_partial = load_gold()
    groups: dict[str, list[Item]] = {}
    for it in sts:
        groups.setdefault(it.group, []).append(it)
    groups["MSRP test"] = msrp
    for it in gold:
        groups.setdefault(it.group, []).append(it)
    groups["partial STS"] = partial_pairs(sts, "partial STS", args.partial)
    groups["partial MSRP"] = partial_pairs(msrp, "partial MSRP", args.partial)
    groups["partial gold"] = gold_partial
    everything = [it for items in groups.values() for it in items]
    if args.cosines and args.cosines.exists():
        for it, c in zip(everything, json.loads(args.cosines.read_text())):
            it.cosine = c
    else:
        rate = encode_all(everything)
        print(f"encoded {len({t for it in everything for t in (it.a, it.b)})} sentences "
              f"at {rate:.0f}/s\n")
        if args.cosines:
            args.cosines.write_text(json.dumps([it.cosine for it in everything]))
    print_distributions(groups)

    # Fit on everything labelled except MSRP (its "not paraphrase" pairs are often true
    # pairs for an editor: same event, one figure changed), each set weighing the same.
    fitting = {name: items for name, items in groups.items() if name != "MSRP test"}
    fit = [it for items in fitting.values() for it in items if it.label is not None]
    sizes = {name: sum(1 for it in items if it.label is not None)
             for name, items in fitting.items()}
    x, y = features(fit), np.array([it.label for it in fit], dtype=float)
    beta = fit_logistic(x, y, np.array([len(fit) / sizes[it.group] for it in fit]))
    print(f"\nlogistic fit, P(same) ~ {beta[0]:.2f} + {beta[1]:.2f} cosine "
          f"{beta[2]:+.2f} log2(length ratio) {beta[3]:+.2f} short(<{SHORT_WORDS} words): "
          f"one doubling of the ratio is worth {-beta[2] / beta[1]:.3f} of cosine, "
          f"shortness {-beta[3] / beta[1]:.3f}")
    ratios = [max(it.words) / max(1, min(it.words)) for it in fit if it.label == 1]
    print(f"length ratio of 'same' pairs: median {pct(ratios, 50)}, p95 {pct(ratios, 95)}, "
          f"p99 {pct(ratios, 99)}, max {max(ratios):.1f}\n")
    print("| rise per doubling | free ratio | different below | same from | "
          "'same' pairs decided | 'different' pairs decided |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = grid(fitting)
    chosen = [r for r in rows if (r[1], r[2]) == (calibration.RISE_PER_DOUBLING,
                                                  calibration.FREE_RATIO)]
    for _, rise, free, low, high, same, different in rows[:6] + chosen:
        print(f"| {rise:.2f} | {free:.2f} | {low:.3f} | {high:.3f} | {same:.1%} | "
              f"{different:.1%} |")
    print(f"\nconstants in use: SAME_COSINE {calibration.SAME_COSINE}, DIFFERENT_COSINE "
          f"{calibration.DIFFERENT_COSINE}, FREE_RATIO {calibration.FREE_RATIO}, "
          f"RISE_PER_DOUBLING {calibration.RISE_PER_DOUBLING}\n")
    print_scores(groups)
    print()
    print_held_out(fitting)
    print_examples()
    return 0


def print_examples() -> None:
    enc = load_encoder()
    print("\n| A | B | cosine | verdict |\n| --- | --- | ---: | --- |")
    for a, b in EXAMPLES:
        va, vb = enc.encode([a, b])
        cos = float(va @ vb)
        verdict = calibration.semantic_verdict(cos, len(WORD_RE.findall(a)),
                                               len(WORD_RE.findall(b)))
        print(f"| {a} | {b} | {cos:.2f} | {verdict} |")


if __name__ == "__main__":
    raise SystemExit(main())
