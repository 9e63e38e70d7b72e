"""The comparison engine on small hand-written pairs: what an editor would check."""

from __future__ import annotations

import pytest

from core.comparison.engine import compare
from core.errors import Cancelled, OptionError
from core.model import Options
from core.readers import document_from_text

ORIGINAL = (
    "The city council approved a new budget for the harbour district on Monday evening.\n\n"
    "Mayor Elena Varga said the plan would repair three bridges and widen the riverside path.\n\n"
    "Critics argued that the spending on the waterfront would raise local taxes next year.\n\n"
    "The vote passed by nine votes to four after a debate lasting almost five hours."
)
REWRITE = (
    "After a debate lasting almost five hours, the vote passed by nine votes to four.\n\n"
    "The city council approved a new budget for the harbour district on Monday evening.\n\n"
    "According to Mayor Elena Varga, the programme will mend three bridges and make the "
    "riverside path wider.\n\n"
    "A separate fire destroyed two warehouses near the old railway station overnight."
)


def texts(result, side: int, kind: str) -> list[str]:
    doc = result.documents[side].text
    return [doc[s.start:s.end] for s in result.spans[side] if s.kind == kind]


def test_identical_documents_are_all_shared(make_doc) -> None:
    result = compare(make_doc(ORIGINAL, "a.txt"), make_doc(ORIGINAL, "b.txt"))
    assert result.summary.a.share("shared") == 1.0
    assert result.summary.b.share("shared") == 1.0
    assert not any(m.moved for m in result.matches)


def test_verbatim_reworded_moved_and_unique(make_doc) -> None:
    result = compare(make_doc(ORIGINAL, "a.txt"), make_doc(REWRITE, "b.txt"))
    assert "The city council approved a new budget for the harbour district on Monday evening." \
        in texts(result, 0, "shared")
    reworded_b = " ".join(texts(result, 1, "reworded"))
    assert "Mayor Elena Varga" in reworded_b
    assert "A separate fire destroyed two warehouses" in " ".join(texts(result, 1, "unique"))
    assert "Critics argued" in " ".join(texts(result, 0, "unique"))
    assert any(m.moved for m in result.matches), "the last sentence moved to the top"


def test_changed_words_are_marked_inside_a_reworded_pair(make_doc) -> None:
    a = make_doc("The minister defended the new defence budget in parliament on Tuesday.")
    b = make_doc("The minister justified the new defense budget before parliament on Tuesday.")
    result = compare(a, b)
    [match] = [m for m in result.matches if m.kind == "reworded"]
    changed_a = [a.text[s:e] for s, e in match.changes_a]
    changed_b = [b.text[s:e] for s, e in match.changes_b]
    assert changed_a == ["defended", "defence", "in"]
    assert changed_b == ["justified", "defense", "before"]
    assert not match.diff_fallback


def test_sentence_split_is_one_pair(make_doc) -> None:
    a = make_doc("Rescue teams reached the flooded village at dawn and evacuated forty residents "
                 "by boat before the river rose again.")
    b = make_doc("Rescue crews got to the flooded village at dawn. They took forty residents "
                 "away by boat before the river rose again.")
    result = compare(a, b)
    reworded = [m for m in result.matches if m.kind == "reworded"]
    assert len(reworded) == 1
    start, end = reworded[0].b
    assert "Rescue crews" in b.text[start:end] and "rose again" in b.text[start:end]


def test_only_common_words_give_no_match(make_doc) -> None:
    a = make_doc("The government said it would not comment. The minister said that the plan was "
                 "fair and that the government would act.")
    b = make_doc("Farmers in the valley said the harvest was poor. The weather was dry and the "
                 "rivers were low, the farmers said.")
    result = compare(a, b)
    assert result.matches == ()
    assert result.summary.a.share("unique") == 1.0


def test_curly_and_straight_quotes_and_case_fold(make_doc) -> None:
    a = make_doc('He said “we will rebuild the old market hall within two years” today.')
    b = make_doc('He said "We will rebuild the old market hall within two years" today.')
    result = compare(a, b)
    assert result.summary.a.share("shared") == 1.0


def test_without_case_folding_case_differences_count(make_doc) -> None:
    a = make_doc("We Will Rebuild The Old Market Hall Within Two Years, the mayor promised.")
    b = make_doc("we will rebuild the old market hall within two years, the mayor promised.")
    folded = compare(a, b)
    strict = compare(a, b, Options(fold_case=False))
    assert folded.summary.a.share("shared") == 1.0
    assert strict.summary.a.share("shared") < 1.0


def test_min_phrase_controls_short_runs(make_doc) -> None:
    a = make_doc("Yesterday storm damage closed the coastal railway line, officials said.")
    b = make_doc("Travellers were stranded when storm damage closed the coastal railway line.")
    strict = Options(min_phrase=6, threshold=0.99)
    assert compare(a, b, strict).summary.shared_matches == 1  # a 7-word run
    assert compare(a, b, Options(min_phrase=8, threshold=0.99)).summary.shared_matches == 0


def test_identical_short_sentences_count_as_shared(make_doc) -> None:
    a = make_doc("Nobody was hurt. The harbour reopened at noon after the storm.")
    b = make_doc("Nobody was hurt. Ferries were cancelled all day on the north coast.")
    result = compare(a, b)
    assert texts(result, 0, "shared") == ["Nobody was hurt."]


@pytest.mark.parametrize("options", [Options(min_phrase=0), Options(threshold=0.0),
                                     Options(threshold=1.5), Options(diff_timeout=-1)])
def test_bad_options_are_refused(make_doc, options: Options) -> None:
    with pytest.raises(OptionError):
        compare(make_doc("a b c"), make_doc("a b c"), options)


def test_cancel_stops_the_comparison(make_doc) -> None:
    doc = make_doc(ORIGINAL)
    with pytest.raises(Cancelled):
        compare(doc, doc, should_cancel=lambda: True)


def test_progress_is_reported_in_order(make_doc) -> None:
    seen: list[float] = []
    compare(make_doc(ORIGINAL), make_doc(REWRITE), progress=lambda stage, f: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_summary_is_directional(make_doc) -> None:
    short = make_doc("The city council approved a new budget for the harbour district on Monday.")
    long = make_doc("The city council approved a new budget for the harbour district on Monday. "
                    "The budget includes money for schools, parks and a new public library.")
    result = compare(short, long)
    assert result.summary.a.found_in_other == 1.0
    assert result.summary.b.found_in_other < 0.7


def test_repetitive_documents_still_line_up(make_doc) -> None:
    # Each sentence occurs hundreds of times: too common to seed from everywhere, so the
    # engine must look where the other document's position puts it.
    sentences = ["The council met on Monday to discuss the harbour budget.",
                 "Residents complained about the noise from the port at night.",
                 "The mayor promised a decision on the new ferry terminal next week."]
    text_a = " ".join(sentences[(k * 7) % 3] for k in range(600))
    text_b = text_a.replace("next week", "within days", 20)
    result = compare(make_doc(text_a), make_doc(text_b))
    assert result.summary.a.share("shared") > 0.9
    assert result.summary.b.share("shared") > 0.9


def test_a_copied_sentence_stays_shared_beside_a_related_free_sentence() -> None:
    a = "Harbour bridge council? Harbour bridge council mayor."
    b = "Harbour bridge council mayor. Harbour bridge mayor? Harbour bridge council?"
    result = compare(document_from_text(a), document_from_text(b))
    assert [m.kind for m in result.matches] == ["shared", "shared"]
    assert result.summary.a.share("shared") == 1.0
