"""Entry points: extract linked entities for a pair, and the grouped view the sidebar shows."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Literal

from core.entities import labels as lb
from core.entities.backend import CancelCheck, NerBackend, default_backend
from core.entities.cache import DEFAULT_CACHE, EntityCache, text_digest
from core.entities.correct import CORRECTION_VERSION, Mention, correct
from core.entities.gazetteer import fold, warm_up
from core.entities.link import acronym, canonical_name, link_pair
from core.errors import Cancelled
from core.model import Document, Entity, Result

Status = Literal["both", "only_a", "only_b"]
STATUSES: tuple[Status, ...] = ("both", "only_a", "only_b")


@dataclass(frozen=True)
class EntityGroup:
    """One entity across the pair: its name, label, spellings seen and mentions per side."""

    key: str
    name: str
    label: str
    variants: tuple[str, ...]  # distinct spellings, most frequent first ("Kyiv", "Kiev")
    mentions_a: tuple[tuple[int, int], ...]
    mentions_b: tuple[tuple[int, int], ...]
    status: Status
    # Why mentions spelled differently on the two sides were linked ("spelled differently",
    # "acronym", "surname only", "another name of the place"); "" when a spelling is shared.
    link_reason: str = ""

    @property
    def count_a(self) -> int:
        """Mentions in document A."""
        return len(self.mentions_a)

    @property
    def count_b(self) -> int:
        """Mentions in document B."""
        return len(self.mentions_b)


def document_mentions(
    texts: list[str],
    should_cancel: CancelCheck | None = None,
    backend: NerBackend | None = None,
    cache: EntityCache | None = None,
) -> list[list[Mention]]:
    """Corrected mentions of each text, from the cache where possible."""
    backend = backend or default_backend()
    cache = cache if cache is not None else DEFAULT_CACHE
    keys = cache_keys(texts, backend)
    found = [cache.get(k) for k in keys]
    todo = [i for i, f in enumerate(found) if f is None]
    if todo:
        done = compute_mentions([texts[i] for i in todo], should_cancel, backend)
        for i, mentions in zip(todo, done, strict=True):
            found[i] = mentions
            cache.put(keys[i], mentions)
    return [f or [] for f in found]


def cache_keys(texts: list[str], backend: NerBackend | None = None) -> list[str]:
    """The cache key of each text's corrected mentions (model, rules, text)."""
    name = (backend or default_backend()).name
    return [f"{name}|{CORRECTION_VERSION}|{text_digest(t)}" for t in texts]


def compute_mentions(texts: list[str], should_cancel: CancelCheck | None = None,
                     backend: NerBackend | None = None) -> list[list[Mention]]:
    """Corrected mentions of each text, computed (no cache)."""
    backend = backend or default_backend()
    # the place index takes seconds to build: build it while the model runs
    threading.Thread(target=warm_up, name="gazetteer-warm-up", daemon=True).start()
    raw = backend.extract(texts, should_cancel)
    out = []
    for text, mentions in zip(texts, raw, strict=True):
        if should_cancel and should_cancel():
            raise Cancelled()
        out.append(correct(text, mentions))
    return out


def prefetch_mentions(texts: list[str], backend: NerBackend | None = None,
                      cache: EntityCache | None = None) -> None:
    """Start the model on large texts in worker processes before the comparison, so that both
    run at once on a machine with several cores (small texts: nothing to gain, nothing done)."""
    backend = backend or default_backend()
    cache = cache if cache is not None else DEFAULT_CACHE
    keys = [f"{backend.name}|{CORRECTION_VERSION}|{text_digest(t)}" for t in texts]
    if all(cache.get(k) is not None for k in keys):
        return
    start = getattr(backend, "prefetch", None)
    if start is not None:
        start(texts)


def extract_entities(
    doc_a: Document,
    doc_b: Document,
    should_cancel: CancelCheck | None = None,
    *,
    backend: NerBackend | None = None,
    cache: EntityCache | None = None,
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """Entities of both documents, linked: one entity's mentions share a key on both sides."""
    ma, mb = document_mentions([doc_a.text, doc_b.text], should_cancel, backend, cache)
    if should_cancel and should_cancel():
        raise Cancelled()
    return link_pair((doc_a.text, doc_b.text), (ma, mb))


def entity_groups(result: Result) -> list[EntityGroup]:
    """One group per key, ordered: in both, only in A, only in B; then by label and name."""
    if not result.entities:
        return []
    by_key: dict[str, list[list[Entity]]] = defaultdict(lambda: [[], []])
    for side in (0, 1):
        for ent in result.entities[side]:
            by_key[ent.key][side].append(ent)
    groups = [_group(key, a, b) for key, (a, b) in by_key.items()]
    groups = _inside_longer_names(groups, result.entities)
    groups.sort(key=lambda g: (STATUSES.index(g.status), _label_rank(g.label),
                               -(g.count_a + g.count_b), g.name.casefold()))
    return groups


_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
MAX_INNER_WORDS = 5


def _inner_names(entities: tuple[Entity, ...], wanted: set[tuple[str, ...]]
                 ) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Where each of the ``wanted`` word runs (folded) is written inside a longer name
    ("Ukrainian" in "Ukrainian Defense Ministry")."""
    sizes: dict[str, set[int]] = defaultdict(set)  # first word -> lengths of the runs wanted
    for key in wanted:
        if 0 < len(key) <= MAX_INNER_WORDS:
            sizes[key[0]].add(len(key))
    runs: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    if not sizes:
        return runs
    for e in entities:
        if e.label not in lb.NAME_LABELS:
            continue
        words = [(fold(m.group(0)), e.start + m.start(), e.start + m.end())
                 for m in _WORD_RE.finditer(e.text)]
        for i, (first, start, _) in enumerate(words):
            for n in sizes.get(first, ()):
                if n < len(words) and i + n <= len(words):  # inside: shorter than the name
                    key = tuple(w for w, _, _ in words[i : i + n])
                    if key in wanted:
                        runs[key].append((start, words[i + n - 1][2]))
    return runs


def _inside_longer_names(groups: list[EntityGroup], entities) -> list[EntityGroup]:  # type: ignore[no-untyped-def]
    """A name only one side lists counts as present on the other when it is written there
    inside a longer name (its mentions there are the words inside that name)."""
    # the folded variants of each group listed on one side only, by the other side
    wanted: list[dict[int, list[tuple[str, ...]]]] = [{}, {}]
    for gi, g in enumerate(groups):
        if g.status != "both" and g.label in lb.NAME_LABELS:
            wanted[1 if g.status == "only_a" else 0][gi] = [
                tuple(fold(w) for w in _WORD_RE.findall(v)) for v in g.variants]
    inner = [_inner_names(entities[side], {k for keys in wanted[side].values() for k in keys})
             for side in (0, 1)]
    out = []
    for gi, g in enumerate(groups):
        other = 1 if g.status == "only_a" else 0
        if gi in wanted[other]:
            found = sorted({r for key in wanted[other][gi] for r in inner[other].get(key, ())})
            if found:
                side = {"mentions_b" if other else "mentions_a": tuple(found)}
                g = dataclasses.replace(g, status="both", **side)
        out.append(g)
    return out


def _label_rank(label: str) -> int:
    return lb.LABELS.index(label) if label in lb.LABELS else len(lb.LABELS)


def _group(key: str, a: list[Entity], b: list[Entity]) -> EntityGroup:
    texts = [e.text for e in a + b]
    counts = Counter(texts)
    variants: dict[str, str] = {}
    for t in sorted(counts, key=lambda t: (-counts[t], t)):
        variants.setdefault(t.casefold(), t)
    label = (a or b)[0].label
    status: Status = "both" if a and b else ("only_a" if a else "only_b")
    return EntityGroup(
        key=key,
        name=canonical_name(label, texts),
        label=label,
        variants=tuple(variants.values()),
        mentions_a=tuple((e.start, e.end) for e in a),
        mentions_b=tuple((e.start, e.end) for e in b),
        status=status,
        link_reason=link_reason(label, [e.text for e in a], [e.text for e in b]),
    )


def link_reason(label: str, texts_a: list[str], texts_b: list[str]) -> str:
    """Why two sides' mentions are one entity when no spelling is shared (empty otherwise)."""
    if not texts_a or not texts_b or label not in lb.NAME_LABELS:
        return ""
    if {fold(t) for t in texts_a} & {fold(t) for t in texts_b}:
        return ""
    full_a, full_b = [t for t in texts_a if " " in t], [t for t in texts_b if " " in t]
    if label == lb.PLACE:
        return "another name of the place"
    if full_a and full_b:  # both sides give the full name, spelled differently
        return "spelled differently"
    if all(acronym(t) for t in texts_a) or all(acronym(t) for t in texts_b):
        return "acronym"
    if label == lb.PERSON and (not full_a or not full_b):
        return "surname only"
    return "spelled differently"
