"""Sentence embeddings: all-MiniLM-L6-v2 on onnxruntime, batched, cached by sentence hash."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.comparison.semantic.model_files import (
    MODEL_ID,
    ModelFiles,
    SemanticUnavailable,
)

if TYPE_CHECKING:
    import numpy as np

DIMENSION = 384
MAX_TOKENS = 256       # the model's max_seq_length (sentence-transformers config)
BATCH_SIZE = 64
CACHE_SIZE = 50_000    # vectors kept (384 float32 each: about 77 MB when full)
# Folding the int8 weights into float32 constants costs about 0.45 CPU s when the session is
# made (onnxruntime 1.20) and saves about 0.09 CPU s per 100 sentences: the encoder starts
# without it and makes the folded session once this many sentences are to be encoded.
FOLD_AFTER = 400


def _session(ort, files: ModelFiles, threads: int, fold: bool):
    """An onnxruntime session on the model file: 0.05 CPU s, or 0.5 folding the weights."""
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.log_severity_level = 3
    # No memory arena: with it, resident memory grew by 100-200 MB with the batches' shapes
    # and stayed there; without it, it stays flat, at no measurable cost in speed.
    options.enable_cpu_mem_arena = False
    # No busy-waiting between operators: the app shares the CPU with its own UI and workers.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(files.model), sess_options=options,
                                providers=["CPUExecutionProvider"],
                                disabled_optimizers=[] if fold else ["ConstantFolding"])


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SentenceEncoder:
    """Turns sentences into L2-normalised float32 vectors; identical sentences are encoded once."""

    model_id = MODEL_ID
    dimension = DIMENSION

    def __init__(self, files: ModelFiles, threads: int = 0) -> None:
        try:
            import numpy  # noqa: F401
            import onnxruntime as ort
        except ImportError as exc:
            raise SemanticUnavailable(
                f"the semantic scorer needs {exc.name or 'a runtime library'}, which is not "
                "installed") from exc
        from core.comparison.semantic.wordpiece import WordPieceTokenizer

        try:
            tokenizer = WordPieceTokenizer.from_file(files.tokenizer, max_length=MAX_TOKENS)
            session = _session(ort, files, threads, fold=False)
        except Exception as exc:  # a corrupt file or an incompatible runtime: say so, fall back
            raise SemanticUnavailable(f"the semantic model could not be loaded ({exc})") from exc
        self._tokenizer = tokenizer
        self._session = session
        self._fold = (ort, files, threads)  # until the folded session replaces the first one
        self._inputs = {i.name for i in session.get_inputs()}
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.encoded = 0   # sentences run through the network (cache misses), for benchmarks
        self.requested = 0

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        """An (n, 384) float32 array, row i the unit vector of sentences[i]."""
        import numpy as np

        keys = [_key(s) for s in sentences]
        out = np.empty((len(sentences), DIMENSION), dtype=np.float32)
        todo: dict[bytes, list[int]] = {}
        with self._lock:
            self.requested += len(sentences)
            for i, k in enumerate(keys):
                vec = self._cache.get(k)
                if vec is None:
                    todo.setdefault(k, []).append(i)
                else:
                    self._cache.move_to_end(k)
                    out[i] = vec
        if todo:
            texts = [sentences[rows[0]] for rows in todo.values()]
            vecs = self._run(texts)
            with self._lock:
                for (k, rows), vec in zip(todo.items(), vecs):
                    out[rows] = vec
                    self._cache[k] = vec.copy()  # a row alone, not a view pinning its batch
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return out

    def _run(self, texts: list[str]) -> np.ndarray:
        """Encode without the cache: sorted by token count so batches carry little padding."""
        import numpy as np

        if self._fold and self.encoded + len(texts) >= FOLD_AFTER:
            self._fold_weights()
        encodings = [self._tokenizer.encode(text) for text in texts]
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i]))
        result = np.empty((len(texts), DIMENSION), dtype=np.float32)
        for start in range(0, len(order), BATCH_SIZE):
            rows = order[start:start + BATCH_SIZE]
            result[rows] = self._forward([encodings[i] for i in rows])
        self.encoded += len(texts)
        return result

    def _fold_weights(self) -> None:
        """Replace the session by one with the weights folded (same vectors, faster batches)."""
        with self._lock:
            args, self._fold = self._fold, None
        if args:
            with contextlib.suppress(Exception):  # the first session still works: keep it
                self._session = _session(*args, fold=True)

    def _forward(self, token_ids: list[list[int]]) -> np.ndarray:
        """One padded batch through the network, then mean pooling over real tokens and L2."""
        import numpy as np

        width = max(len(ids) for ids in token_ids)
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, seq in enumerate(token_ids):
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = np.einsum("bth,bto->bh", hidden, weights) / weights.sum(axis=1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def cache_clear(self) -> None:
        with self._lock:
            self._cache.clear()
