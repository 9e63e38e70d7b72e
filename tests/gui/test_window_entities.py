"""The Entities tab: filled after the diff shows, stale jobs dropped, mentions highlighted."""

from __future__ import annotations

import threading

from core.errors import ConcordError
from core.model import Entity


def _find(text: str, word: str, label: str, key: str) -> Entity:
    start = text.index(word)
    return Entity(word, label, start, start + len(word), key)


def fake_extract_for(docs):
    def extract(doc_a, doc_b, should_cancel):
        first = doc_a.text.split()[0].strip(".,")
        other = doc_b.text.split()[0].strip(".,")
        return ((_find(doc_a.text, first, "Place", "place:x"),),
                (_find(doc_b.text, other, "Place", "place:x"),))
    return extract


def test_entities_arrive_after_the_diff_and_are_listed(shown, docs, qtbot) -> None:
    from gui.window_entities import EntityController

    controller = EntityController(shown, extract=fake_extract_for(docs))
    assert [shown.sidebar.tabText(i) for i in range(shown.sidebar.count())][-2:] == [
        "Entities", "Checks"]
    controller.on_result(shown.current_result)
    qtbot.waitUntil(lambda: shown.current_result.entities is not None, timeout=5000)
    groups = controller.panel.groups()
    assert [g.key for g in groups] == ["place:x"]
    assert shown.actions_["print"].isEnabled()  # the report now has the entity table


def test_clicking_an_entity_marks_its_mentions_in_both_panes(shown, docs, qtbot,
                                                              monkeypatch) -> None:
    from gui.window_entities import EntityController

    marked = []
    monkeypatch.setattr(shown, "highlight_ranges",
                        lambda side, ranges, scroll_to_first=True: marked.append((side, ranges)))
    controller = EntityController(shown, extract=fake_extract_for(docs))
    controller.on_result(shown.current_result)
    qtbot.waitUntil(lambda: shown.current_result.entities is not None, timeout=5000)
    group = controller.panel.groups()[0]
    controller.panel.select_group(group)
    sides = {side for side, ranges in marked if ranges}
    assert sides == {0, 1}


def test_a_newer_result_drops_the_older_entities(shown, qtbot) -> None:
    from gui.window_entities import EntityController

    release = threading.Event()
    stale = Entity("stale", "Place", 0, 5, "place:stale")

    calls = []

    def extract(doc_a, doc_b, should_cancel):
        calls.append(1)
        if len(calls) == 1:  # the first job is still running when the second starts
            release.wait(5)
            return ((stale,), ())
        return ((), ())  # the second job's answer, whenever its thread gets to run

    controller = EntityController(shown, extract=extract)
    controller.on_result(shown.current_result)
    shown.request_compare()  # a new comparison replaces the result before entities arrive
    qtbot.waitUntil(lambda: controller._job == 2, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: shown.current_result is not None
                    and shown.current_result.entities is not None, timeout=5000)
    controller.wait(5000)
    qtbot.wait(50)
    assert shown.current_result.entities == ((), ())


def test_extraction_errors_are_shown_in_the_panel(shown, qtbot) -> None:
    from gui.window_entities import EntityController

    def broken(doc_a, doc_b, should_cancel):
        raise ConcordError("The NER model is not installed.")

    controller = EntityController(shown, extract=broken)
    controller.on_result(shown.current_result)
    qtbot.waitUntil(lambda: "could not be found" in controller.panel.status.text(), timeout=5000)
    assert "not installed" in controller.panel.status.text()
    assert shown.current_result.entities is None


def test_a_new_document_drops_the_old_entity_list_and_mention_marks(shown, docs, qtbot) -> None:
    """The entity list and the ruler ticks belong to the old pair: after Swap sides or a new
    file they must not point at offsets of the other document (seen: ticks of an entity of
    the old pair left on the rulers of the new one)."""
    from gui.window_entities import EntityController

    controller = EntityController(shown, extract=fake_extract_for(docs))
    controller.on_result(shown.current_result)
    qtbot.waitUntil(lambda: shown.current_result.entities is not None, timeout=5000)
    controller.panel.select_group(controller.panel.groups()[0])
    assert shown.rulers[0].marks() and shown.rulers[1].marks()
    shown.swap_sides()  # the stand-in engine cannot compare the swapped pair: swap back
    assert shown.current_result is None
    assert controller.panel.groups() == []
    assert shown.rulers[0].marks() == [] and shown.rulers[1].marks() == []
    shown.swap_sides()
    assert controller.panel.groups() == []
    assert shown.rulers[0].marks() == [] and shown.rulers[1].marks() == []
    assert shown.panes[0].layer_ranges("marks") == []
    qtbot.waitUntil(lambda: shown.current_result is not None
                    and shown.current_result.entities is not None, timeout=5000)
    assert shown.rulers[0].marks() == [] and shown.rulers[1].marks() == []
    assert [g.key for g in controller.panel.groups()] == ["place:x"]


def test_checks_tab_lists_checks_and_marks_their_evidence(shown, qtbot) -> None:
    from core.checks.model import KINDS, Check
    from gui.window_entities import EntityController

    text_a = shown.current_result.documents[0].text
    text_b = shown.current_result.documents[1].text
    a = (text_a.index("Beta"), text_a.index("Beta") + 4)
    b = (text_b.index("Beta"), text_b.index("Beta") + 4)
    kind = next(iter(KINDS))
    check = Check(kind, a, b, "Something differs here.", marks_a=(a,), marks_b=(b,))
    seen = []

    def checks(result):
        seen.append(result.entities)
        return (check,)

    controller = EntityController(shown, extract=lambda d_a, d_b, should_cancel: ((), ()),
                                  checks=checks)
    controller.on_result(shown.current_result)
    qtbot.waitUntil(lambda: shown.current_result.checks is not None, timeout=5000)
    assert seen == [((), ())]  # the checks see the entities found just before
    panel = controller.checks_panel
    assert panel.checks() == (check,)
    shown.sidebar.setCurrentWidget(panel)
    panel.select(check)
    assert shown.panes[0].layer_ranges("marks") == [a]
    assert shown.panes[1].layer_ranges("marks") == [b]
    shown.sidebar.setCurrentIndex(0)  # the marks belong to the Checks tab
    assert shown.panes[0].layer_ranges("marks") == []
    controller.wait(5000)
