"""The sentence aligner tested directly: a fake scorer, a fake semantic judge, look-alikes."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Sequence

import numpy as np
import pytest

from core.comparison.align import Group, SentenceScorer, align_sentences
from core.comparison.engine import compare
from core.comparison.evidence import weak_stems
from core.comparison.lexical import TfidfScorer
from core.comparison.segment import Segmented, Sentence, content_stem, segment
from core.model import Options
from core.readers.load import document_from_text


def seg(text: str) -> Segmented:
    return segment(text, Options())


class TableScorer:
    """A scorer that knows nothing of words: similarities come from a table of sentence texts."""

    def __init__(self, table: dict[tuple[str, str], float], sa: Sequence[Sentence],
                 sb: Sequence[Sentence]):
        self.table, self.sa, self.sb = table, sa, sb
        self.calls: list[str] = []

    def _sim(self, a: Sentence, b: Sentence) -> float:
        return self.table.get((a.folded, b.folded), 0.0)

    def candidates(self, floor: float, check: Callable[[], None]) -> dict[tuple[int, int], float]:
        self.calls.append("candidates")
        return {(a.index, b.index): self._sim(a, b) for a in self.sa for b in self.sb
                if self._sim(a, b) >= floor}

    def score(self, a: Sequence[Sentence], b: Sequence[Sentence]) -> float:
        self.calls.append("score")
        return self._sim(a[0], b[0]) if len(a) == len(b) == 1 else 0.0

    def coverage(self, part: Sequence[Sentence], other: Sequence[Sentence]) -> float:
        return 0.0


def table_factory(table: dict[tuple[str, str], float], made: list[TableScorer]):
    def factory(sa: Sequence[Sentence], sb: Sequence[Sentence]) -> SentenceScorer:
        scorer = TableScorer(table, sa, sb)
        made.append(scorer)
        return scorer
    return factory


A = "The cat sat on the mat. Rain fell all day. Prices rose sharply."
B = "Costs went up a lot. A feline rested on the rug. It poured from dawn to dusk."


def test_the_aligner_pairs_what_the_scorer_says_even_without_common_words() -> None:
    sa, sb = seg(A).sentences, seg(B).sentences
    table = {("the cat sat on the mat", "a feline rested on the rug"): 0.9,
             ("rain fell all day", "it poured from dawn to dusk"): 0.6,
             ("prices rose sharply", "costs went up a lot"): 0.2}
    scorer = TableScorer(table, sa, sb)
    groups = align_sentences(sa, sb, 0.3, scorer=scorer)
    assert groups == [Group(0, 1, 1, 2, 0.9), Group(1, 2, 2, 3, 0.6)]
    assert "candidates" in scorer.calls


def test_the_lexical_scorer_agrees_with_the_protocol() -> None:
    sa = seg("Floods forced thousands from homes in Kharkiv. The mayor closed schools.").sentences
    sb = seg("The mayor shut the schools. Thousands fled flooded homes in Kharkiv.").sentences
    scorer: SentenceScorer = TfidfScorer(sa, sb)
    pairs = scorer.candidates(0.1, lambda: None)
    assert set(pairs) == {(0, 1), (1, 0)}
    assert pairs[(0, 1)] == pytest.approx(scorer.score(sa[0:1], sb[1:2]))
    assert 0 < scorer.coverage(sa[1:2], sb[0:1]) <= 1


def test_compare_takes_a_scorer() -> None:
    made: list[TableScorer] = []
    table = {("the cat sat on the mat", "a feline rested on the rug"): 0.9}
    result = compare(document_from_text(A), document_from_text(B),
                     Options(), scorer=table_factory(table, made))
    assert made and "candidates" in made[0].calls
    [match] = result.matches
    assert match.kind == "reworded" and match.similarity == 0.9
    text_a, text_b = A, B
    assert text_a[match.a[0]:match.a[1]] == "The cat sat on the mat."
    assert text_b[match.b[0]:match.b[1]] == "A feline rested on the rug."


def test_a_pair_sharing_only_names_is_not_reworded() -> None:
    a = "Harwood Rovers FC, Mill Lane, Harwood"
    b = "Harwood Rovers fans will march down Mill Lane on Saturday to protest at ticket prices."
    result = compare(document_from_text(a), document_from_text(b), Options())
    assert result.matches == ()
    assert result.summary.a.found_in_other == result.summary.b.found_in_other == 0.0


def test_names_and_figures_are_weak_but_ordinary_words_are_not() -> None:
    weak = weak_stems(seg("Harwood Rovers FC won 30 games. The club is in Mill Lane."),
                      seg("Fans of Harwood Rovers marched. Tickets cost twenty pounds."))
    stems = lambda words: {content_stem(w) for w in words.split()}  # noqa: E731
    assert stems("Harwood Rovers FC Mill Lane 30 twenty") <= weak
    assert not stems("club fans tickets marched games pounds") & weak


def test_a_look_alike_pair_is_kept_when_a_neighbour_vouches_for_it() -> None:
    a = ("Harwood Rovers beat Millford 3-1 on Saturday in front of a record crowd at the "
         "ground. Harwood Rovers FC, Mill Lane. Ticket prices will rise next season, the "
         "chairman announced after the match.")
    b = ("Harwood Rovers defeated Millford 3-1 on Saturday before a record crowd at the "
         "ground. Harwood Rovers play at Mill Lane. The chairman announced after the match "
         "that ticket prices will rise next season.")
    result = compare(document_from_text(a), document_from_text(b), Options())
    middle = [m for m in result.matches if a[m.a[0]:m.a[1]] == "Harwood Rovers FC, Mill Lane."]
    assert middle and b[middle[0].b[0]:middle[0].b[1]] == "Harwood Rovers play at Mill Lane."


def test_a_short_sentence_never_makes_a_long_one_found() -> None:
    a = "The council approved the new harbour budget on Monday."
    b = ("The council approved the new harbour budget on Monday, although several members "
         "complained that the fishermen whose boats have been moored along the eastern wall "
         "for generations were never consulted, that the dredging contract went to a firm "
         "from outside the region without a tender, and that nobody has explained where the "
         "money for the promised repairs to the lighthouse, the slipway and the old customs "
         "house will come from once the grant from the national heritage fund runs out next "
         "spring, leaving the town to find the rest from its own reserves.")
    result = compare(document_from_text(a), document_from_text(b), Options())
    words_a = result.summary.a.words
    found_b = result.summary.b.shared_words + result.summary.b.reworded_words
    assert result.summary.b.unique_words > 0
    assert found_b <= 1.5 * words_a + 4


def test_a_long_added_clause_is_unique_inside_a_reworded_pair() -> None:
    a = "Mayor Dmytro Salenko declared a state of emergency and closed all city schools."
    b = ("Mayor Dmytro Salenko declared an emergency and shut every city school, a decision "
         "that angry parents' groups denounced in a petition signed by thousands of families "
         "overnight.")
    result = compare(document_from_text(a), document_from_text(b), Options())
    [match] = [m for m in result.matches if m.kind == "reworded"]
    unique_b = " ".join(b[s.start:s.end] for s in result.spans[1] if s.kind == "unique")
    assert "petition signed by thousands of families" in unique_b
    assert "declared" not in unique_b
    assert match.a == (0, len(a)) and match.b == (0, len(b))  # the pair keeps its sentences


def fake_judge(verdicts: dict[tuple[str, str], str], sa: Sequence[Sentence],
               sb: Sequence[Sentence], asked: list):
    def judge(pairs):
        asked.append(list(pairs))
        out = {}
        for i, j in pairs:
            v = verdicts.get((sa[i].folded, sb[j].folded), "undecided")
            out[(i, j)] = (v, {"same": 0.9, "different": 0.2}.get(v, 0.6))
        return out
    return judge


def test_the_judge_pairs_unmatched_sentences_between_aligned_neighbours() -> None:
    a = ("Flood waters rose through the night across the southern districts of Kharkiv. "
         "About 1,200 homes lost power. "
         "Rescue crews in boats reached elderly residents trapped on upper floors.")
    b = ("Flood waters rose overnight across southern Kharkiv districts. "
         "Power was cut to roughly 1,250 households, the utility said on Tuesday. "
         "Crews in boats reached elderly residents stranded on upper floors.")
    sa, sb = seg(a).sentences, seg(b).sentences
    lexical = align_sentences(sa, sb, 0.3)
    assert [(g.a0, g.b0) for g in lexical] == [(0, 0), (2, 2)]
    asked: list = []
    verdicts = {(sa[1].folded, sb[1].folded): "same"}
    groups = align_sentences(sa, sb, 0.3, judge=fake_judge(verdicts, sa, sb, asked))
    assert [(g.a0, g.b0) for g in groups] == [(0, 0), (1, 1), (2, 2)]
    assert len(asked) == 1  # one batch


def test_the_judge_rejects_a_doubtful_pair_it_finds_different() -> None:
    a = "Police closed the road near the old station on Monday. The weather was mild."
    b = ("Reporters waited at the old station road for hours while police searched a van. "
         "Snow fell all day.")
    sa, sb = seg(a).sentences, seg(b).sentences
    lexical = align_sentences(sa, sb, 0.3)
    assert [(g.a0, g.b0) for g in lexical] == [(0, 0)]
    verdicts = {(sa[0].folded, sb[0].folded): "different"}
    assert align_sentences(sa, sb, 0.3, judge=fake_judge(verdicts, sa, sb, [])) == []


CONCEPTS = {"24": "24", "two": "24", "dozen": "24", "ambulances": "ambulance",
            "ministry": "ministry", "ordered": "order", "order": "order",
            "1,200": "1200", "1,250": "1200", "homes": "home", "households": "home",
            "power": "power", "lost": "cut", "cut": "cut"}


class ConceptEncoder:
    """A stand-in for the sentence-embedding model: bags of hand-made concepts."""

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        keys = sorted(set(CONCEPTS.values()))
        out = np.zeros((len(texts), len(keys) + 1), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, -1] = 0.3  # every sentence is a little alike
            for word in text.lower().replace(".", " ").replace(",", " ").split():
                if word in CONCEPTS:
                    out[row, keys.index(CONCEPTS[word])] += 1.0
            out[row] /= np.linalg.norm(out[row])
        return out


@pytest.fixture
def fake_semantic(monkeypatch: pytest.MonkeyPatch) -> ConceptEncoder:
    encoder = ConceptEncoder()
    module = types.ModuleType("core.comparison.semantic")
    module.load_encoder = lambda: encoder  # type: ignore[attr-defined]
    module.semantic_verdict = (  # type: ignore[attr-defined]
        lambda cos, wa, wb: "same" if cos >= 0.8 else "different" if cos < 0.5 else "undecided")
    monkeypatch.setitem(sys.modules, "core.comparison.semantic", module)
    return encoder


def test_compare_uses_the_semantic_scorer_for_heavy_paraphrase(fake_semantic) -> None:
    a = ("Storm damage\n\nWinds of 120 km/h tore roofs off houses in the harbour district. "
         "The ministry has ordered 24 ambulances. About 1,200 homes lost power.")
    b = ("Storm damage\n\nWinds of 120 km/h tore the roofs off houses in the harbour area. "
         "Two dozen ambulances are on order, the ministry said. "
         "Power was cut to roughly 1,250 households.")
    result = compare(document_from_text(a), document_from_text(b), Options())
    pairs = {(a[m.a[0]:m.a[1]], b[m.b[0]:m.b[1]]) for m in result.matches}
    assert ("The ministry has ordered 24 ambulances.",
            "Two dozen ambulances are on order, the ministry said.") in pairs
    assert ("About 1,200 homes lost power.", "Power was cut to roughly 1,250 households.") in pairs
    assert fake_semantic.calls == 1 and result.notes == ()


def test_without_the_semantic_scorer_the_result_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("core.comparison.semantic")

    class Unavailable(Exception):
        reason = "the model package is not installed"

    def load_encoder():
        raise Unavailable()

    module.load_encoder = load_encoder  # type: ignore[attr-defined]
    module.semantic_verdict = lambda cos, wa, wb: "undecided"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "core.comparison.semantic", module)
    result = compare(document_from_text(A), document_from_text(B), Options())
    assert result.notes == ("semantic scoring unavailable: the model package is not installed",)
    assert result.matches == ()


def test_semantic_off_asks_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("core.comparison.semantic")
    module.load_encoder = lambda: pytest.fail("model loaded")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "core.comparison.semantic", module)

    result = compare(document_from_text(A), document_from_text(B), options_without_semantic())
    assert result.notes == ()


def options_without_semantic() -> Options:
    try:
        return Options(semantic=False)  # type: ignore[call-arg]
    except TypeError:  # before the option exists, the engine reads it with getattr
        class Off(Options):
            semantic = False
        return Off()


def _real_semantic_or_skip() -> None:
    try:
        from core.comparison.semantic import load_encoder
        load_encoder()
    except Exception as exc:  # the model package is optional
        pytest.skip(f"semantic model unavailable: {exc}")


def test_heavy_paraphrase_with_the_real_model() -> None:
    _real_semantic_or_skip()
    a = ("Rivers flood southern Kharkov, forcing thousands from their homes\n\n"
         "Winds of 120 km/h tore roofs off houses in the harbour district overnight. "
         "About 1,200 homes lost power. The ministry has ordered 24 ambulances. "
         "Crews in boats reached elderly residents trapped on upper floors.")
    b = ("More than 3,400 people had to leave their homes on Tuesday after the rivers of "
         "Kharkov burst their banks in the south of the city.\n\n"
         "Winds of 120 km/h tore the roofs off houses in the harbour area during the night. "
         "Power was cut to roughly 1,250 households, the utility said on Tuesday. "
         "Two dozen ambulances are on order, the ministry said. "
         "Rescuers in boats reached elderly people stranded on upper floors.")
    result = compare(document_from_text(a), document_from_text(b), Options())
    pairs = {(a[m.a[0]:m.a[1]], b[m.b[0]:m.b[1]]) for m in result.matches if m.kind == "reworded"}
    firsts = {(x.split()[0], y.split()[0]) for x, y in pairs}
    assert {("Rivers", "More"), ("About", "Power"), ("The", "Two")} <= firsts
    assert result.notes == ()
