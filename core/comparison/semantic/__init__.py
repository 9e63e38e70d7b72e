"""Semantic sentence scorer: a small sentence-embedding model, loaded lazily, once per process.

    enc = load_encoder()          # SemanticUnavailable(reason) when the model cannot run
    vecs = enc.encode(sentences)  # float32 (n, 384), rows L2-normalised; cached by sentence hash
    semantic_verdict(cosine, words_a, words_b)   # "same" / "different" / "undecided"

Nothing heavy (numpy, onnxruntime) is imported until load_encoder() is called.
"""

from __future__ import annotations

import importlib.util
import threading

from core.comparison.semantic.calibration import semantic_verdict
from core.comparison.semantic.encoder import SentenceEncoder
from core.comparison.semantic.model_files import SemanticUnavailable, find_model_files

__all__ = ["SemanticUnavailable", "SentenceEncoder", "availability", "load_encoder",
           "semantic_verdict"]

_lock = threading.Lock()
_encoder: SentenceEncoder | None = None
_failure: SemanticUnavailable | None = None


def load_encoder() -> SentenceEncoder:
    """The process-wide encoder, loaded on first call; raises SemanticUnavailable(reason)."""
    global _encoder, _failure
    with _lock:
        if _encoder is not None:
            return _encoder
        if _failure is not None:
            raise SemanticUnavailable(_failure.reason)
        try:
            _encoder = SentenceEncoder(find_model_files())
        except SemanticUnavailable as exc:
            _failure = exc
            raise
        return _encoder


def availability() -> str | None:
    """None when the model files are installed, else the reason the scorer is unavailable.

    Cheap (no model load, no hashing): for a settings dialog or a CLI message.
    """
    try:
        find_model_files(verify=False)
    except SemanticUnavailable as exc:
        return exc.reason
    for module in ("onnxruntime", "numpy"):
        if importlib.util.find_spec(module) is None:
            return f"the semantic scorer needs {module}, which is not installed"
    return None


def reset() -> None:
    """Forget the loaded encoder and any remembered failure (for tests)."""
    global _encoder, _failure
    with _lock:
        _encoder = None
        _failure = None
