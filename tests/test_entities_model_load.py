"""The entity model as Concord loads it (no string table) finds what the model with it finds."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from core.entities import backend

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[1] / "examples"


def _texts() -> list[str]:
    files = sorted(DATA.rglob("*.txt")) + sorted(EXAMPLES.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    return [t for t in texts if t.strip()]


def test_the_slim_load_finds_the_same_entities_as_the_whole_model() -> None:
    try:
        slim = backend._load_model()
    except backend.ModelMissing:
        pytest.skip("the entity model is not installed")
    whole = importlib.import_module(backend.MODEL_PACKAGE).load(exclude=list(backend.EXCLUDE))
    texts = _texts()
    assert len(texts) >= 20

    def found(nlp) -> list[list[tuple[int, int, str]]]:  # type: ignore[no-untyped-def]
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in nlp.pipe(texts)]

    slim_found = found(slim)
    assert sum(map(len, slim_found)) > 300
    assert slim_found == found(whole)
    assert len(slim.vocab.strings) < len(whole.vocab.strings)  # the table was really left out


def test_langcodes_waits_until_spacy_needs_it() -> None:
    """spaCy imports langcodes at start-up (~0.05 s of tables) but an English model never uses
    it: it stays a stand-in until first used, and then works as the real module."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from core.entities import backend\n"
            "backend._load_model()\n"
            "print('loaded' if 'langcodes.data_dicts' in sys.modules else 'deferred')\n"
            "import spacy.util\n"
            "print(spacy.util.find_matching_language('eng'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[1])
    if "ModelMissing" in done.stderr:
        pytest.skip("the entity model is not installed")
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["deferred", "en"]
