"""Deterministic news-like document pairs with known rewrites, for benchmarks and accuracy."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from benchmarks import vocab
from benchmarks.accuracy import Gold, GoldPair

NGRAM = 6  # accidental shared runs of this many words between unrelated sentences are avoided
WORD_RE = re.compile(r"\w+")
# Share of A's sentences given each fate in B (the rest are kept verbatim).
P_DELETE = 0.15
P_REWORD = 0.33
P_SPLIT = 0.08  # drawn for any sentence; one-clause sentences are reworded instead
P_MERGE = 0.06  # merged with the next sentence (else reworded)
P_INSERT = 0.15  # new sentences in B, per A sentence
P_MOVE_PARAGRAPH = 0.06
PLACE_POOL = 2_500  # invented place names
SURNAME_POOL = 3_000  # invented surnames
ZIPF_EXPONENT = 3.0
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


@dataclass(frozen=True)
class Clause:
    """subject + verb + rest; ``proper`` when the subject starts with a proper noun."""

    subject: str
    verb: str
    rest: str
    proper: bool


@dataclass(frozen=True)
class Plan:
    """The parts of one sentence, so a rewrite can reorder and rephrase them."""

    clauses: tuple[Clause, ...]
    mods: tuple[str, ...] = ()
    connector: str = "and"
    speaker: str = ""  # who is quoted or credited, e.g. "Anna Novak"
    report: str = "said"
    quote: bool = False
    adverb: str = ""


@dataclass
class Generated:
    """One generated pair: texts plus the known sentence correspondence."""

    gold: Gold
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def text_a(self) -> str:
        """Document A."""
        return self.gold.text_a

    @property
    def text_b(self) -> str:
        """Document B."""
        return self.gold.text_b


class Grammar:
    """Random news sentences from vocab word lists."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[object] = set()  # modifier kinds used in the current sentence
        # Listed names come first (frequent), then a long tail of invented ones.
        self.places = vocab.PLACES + vocab.invented_names(rng, PLACE_POOL, vocab.PLACE_ENDINGS)
        self.surnames = vocab.SURNAMES + vocab.invented_names(
            rng, SURNAME_POOL, vocab.SURNAME_ENDINGS)

    def pick(self, items: tuple) -> object:
        """One random item."""
        return items[self.rng.randrange(len(items))]

    def zipf(self, items: tuple[str, ...]) -> str:
        """An item, early ones far more often than late ones (a Zipf-like long tail)."""
        return items[int(len(items) * self.rng.random() ** ZIPF_EXPONENT)]

    def place(self) -> str:
        """A place name."""
        return self.zipf(self.places)

    def person(self) -> str:
        """A full name."""
        return f"{self.pick(vocab.FIRST_NAMES)} {self.zipf(self.surnames)}"

    def org(self) -> str:
        """An organisation name, e.g. 'Harwick Port Authority'."""
        return f"{self.place()} {self.pick(vocab.ORG_KINDS)}"

    def number(self) -> str:
        """A figure as news copy writes it."""
        r = self.rng.random()
        if r < 0.4:
            return str(self.rng.randint(2, 95))
        if r < 0.7:
            return f"{self.rng.randint(1, 9)},{self.rng.randint(0, 999):03d}"
        return str(self.rng.randint(100, 999))

    def money(self) -> str:
        """An amount of money."""
        n = f"{self.rng.randint(1, 90)}.{self.rng.randint(1, 9)}"
        return str(self.pick((f"€{n} million", f"{n} million euros", f"£{n}m", f"${n} billion")))

    def subject(self) -> tuple[str, bool]:
        """A clause subject and whether it starts with a proper noun."""
        r = self.rng.random()
        if r < 0.35:
            return f"the {self.org()}", False
        if r < 0.55:
            return f"{self.person()}, {self.pick(vocab.ROLES)} of the {self.org()},", True
        if r < 0.75:
            return f"{self.pick(vocab.GROUPS)} in {self.place()}", False
        if r < 0.9:
            return f"officials in {self.place()}", False
        return f"{self.number()} {self.pick(vocab.GROUPS)}", False

    def obj(self) -> str:
        """A verb's object noun phrase."""
        noun, plural = self.pick(vocab.NOUNS)
        adj = self.pick(vocab.ADJECTIVES)
        r = self.rng.random()
        if r < 0.3:
            return f"the {adj} {noun} for {self.place()}"
        if r < 0.5:
            return f"a {adj} {noun} worth {self.money()}"
        if r < 0.65:
            return f"{self.number()} {plural}"
        if r < 0.8:
            other = self.pick(vocab.NOUNS)[0]
            return f"the {noun} of the {adj} {other}"
        return f"plans to {self.pick(vocab.VERBS)[1]} the {adj} {plural}"

    def modifier(self) -> str:
        """A time, place, cause or amount phrase of a kind not yet used in this sentence."""
        options = (
            lambda: f"on {self.pick(vocab.DAYS)}",
            lambda: f"in {self.pick(vocab.MONTHS)}",
            lambda: f"last {self.pick(vocab.PERIODS)}",
            lambda: f"after {self.pick(vocab.EVENT_NOUNS)}",
            lambda: f"despite {self.pick(vocab.EVENT_NOUNS)}",
            lambda: f"for the first time since {self.rng.randint(1950, 2020)}",
            lambda: f"in {self.place()}",
            lambda: f"by more than {self.rng.randint(2, 60)} per cent",
            lambda: f"at a cost of about {self.money()}",
        )
        # Time phrases (0-2, 5) exclude each other, as do cause phrases (3, 4).
        families = {0: "time", 1: "time", 2: "time", 5: "time", 3: "cause", 4: "cause"}
        free = [k for k in range(len(options)) if families.get(k, k) not in self.used]
        k = free[self.rng.randrange(len(free))]
        self.used.add(families.get(k, k))
        return str(options[k]())

    def clause(self) -> Clause:
        """subject, verb, object (and sometimes a modifier inside the clause)."""
        subject, proper = self.subject()
        rest = self.obj()
        if self.rng.random() < 0.3:
            rest = f"{rest} {self.modifier()}"
        return Clause(subject, str(self.pick(vocab.VERBS)[0]), rest, proper)

    def plan(self) -> Plan:
        """A whole sentence plan."""
        rng = self.rng
        self.used = set()
        clauses = (self.clause(),) if rng.random() < 0.6 else (self.clause(), self.clause())
        mods = tuple(self.modifier() for _ in range(rng.choice((0, 1, 1, 2))))
        speaker = self.person() if rng.random() < 0.35 else ""
        quote = bool(speaker) and len(clauses) == 1 and rng.random() < 0.3
        if quote:
            opener = str(self.pick(vocab.QUOTE_OPENERS))
            noun, _ = self.pick(vocab.NOUNS)
            clauses = (Clause("", opener, f"the {self.pick(vocab.ADJECTIVES)} {noun}", True),)
        return Plan(clauses, mods, str(self.pick(vocab.CONNECTORS)), speaker,
                    str(self.pick(vocab.REPORT_VERBS)), quote)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def render_clause(c: Clause, adverb: str = "") -> str:
    """One clause as text (no capital, no full stop)."""
    verb = f"{adverb} {c.verb}" if adverb else c.verb
    return " ".join(part for part in (c.subject, verb, c.rest) if part)


def render(plan: Plan, front_mod: bool = False, front_speaker: bool = False) -> str:
    """A sentence from its plan, optionally with a modifier or the speaker moved first."""
    if plan.quote:
        body = render_clause(plan.clauses[0])
        return f'"{_capital(body)}," {plan.speaker} {plan.report}.'
    mods = list(plan.mods)
    lead = f"{_capital(mods.pop(0))}, " if front_mod and mods else ""
    body = render_clause(plan.clauses[0], plan.adverb)
    if mods:
        body = f"{body} {' '.join(mods)}"
    for c in plan.clauses[1:]:
        body = f"{body}, {plan.connector} {render_clause(c)}"
    if plan.speaker and front_speaker and not lead:
        return f"{plan.speaker} {plan.report} that {body}."
    if plan.speaker:
        body = f"{body}, {plan.speaker} {plan.report}"
    return _capital(f"{lead}{body}") + "."


def fix_articles(text: str) -> str:
    """'a ageing' -> 'an ageing', 'an pricey' -> 'a pricey'."""
    def fix(m: re.Match[str]) -> str:
        article, word = m.group(1), m.group(2)
        vowel = word[0].lower() in "aeiou"
        wanted = "an" if vowel else "a"
        return f"{wanted.capitalize() if article[0].isupper() else wanted} {word}"

    return re.sub(r"\b([Aa]n?) (\w+)", fix, text)


_SYNONYM_KEYS = sorted(vocab.SYNONYMS, key=len, reverse=True)
_SYNONYM_RE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _SYNONYM_KEYS) + r")\b")


def swap_synonyms(text: str, rng: random.Random, share: float) -> tuple[str, int]:
    """Replace about ``share`` of the words the synonym table knows; returns the count."""
    swapped = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal swapped
        if rng.random() >= share:
            return m.group(0)
        swapped += 1
        return rng.choice(vocab.SYNONYMS[m.group(0)])

    return _SYNONYM_RE.sub(sub, text), swapped


def folded_ngrams(text: str, n: int = NGRAM) -> set[tuple[str, ...]]:
    """Word n-grams after folding case and punctuation (as the engine compares words)."""
    words = WORD_RE.findall(text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@dataclass
class ASentence:
    """A sentence of A with its plan and the choices used to render it."""

    plan: Plan
    text: str
    front_mod: bool
    front_speaker: bool

    @property
    def starts_proper(self) -> bool:
        """True when the first word keeps its capital in mid-sentence."""
        if self.front_mod and self.plan.mods:
            return False
        if self.plan.speaker and self.front_speaker:
            return True
        return self.plan.clauses[0].proper


@dataclass
class BSentence:
    """A sentence of B and the A sentences it comes from (empty: new in B)."""

    text: str
    sources: tuple[int, ...] = ()
    kind: str = "reworded"
    moved: bool = False  # in a paragraph moved elsewhere in B


class Builder:
    """Generates A, rewrites it into B and records the correspondence."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.grammar = Grammar(self.rng)
        self.owner: dict[tuple[str, ...], int] = {}
        self.a: list[ASentence] = []
        self.counts = dict.fromkeys(
            ("verbatim", "reworded", "split", "merged", "deleted", "inserted",
             "moved_paragraphs"), 0)

    def fresh(self, owner: int) -> ASentence:
        """A new sentence sharing no NGRAM-word run with any earlier sentence."""
        for _ in range(30):
            plan = self.grammar.plan()
            front_mod = self.rng.random() < 0.2
            front_speaker = self.rng.random() < 0.3
            text = fix_articles(render(plan, front_mod, front_speaker))
            grams = folded_ngrams(text)
            if not any(g in self.owner for g in grams):
                break
        for g in grams:
            self.owner.setdefault(g, owner)
        return ASentence(plan, text, front_mod, front_speaker)

    def reword(self, s: ASentence, owners: tuple[int, ...]) -> str:
        """A rewrite of ``s``: reordered parts, synonyms, an adverb or a dropped modifier."""
        best = s.text
        for _ in range(8):
            text = self._reword_once(s)
            foreign = any(self.owner.get(g, owners[0]) not in owners
                          for g in folded_ngrams(text))
            if text != s.text and not foreign:
                return text
            best = text if text != s.text else best
        return best

    def _reword_once(self, s: ASentence) -> str:
        rng = self.rng
        plan = s.plan
        if len(plan.mods) > 1 and rng.random() < 0.3:
            plan = replace(plan, mods=plan.mods[:-1])
        if not plan.quote and rng.random() < 0.35:
            plan = replace(plan, adverb=rng.choice(vocab.ADVERBS))
        if plan.speaker and rng.random() < 0.4:
            plan = replace(plan, report=rng.choice(vocab.REPORT_VERBS))
        front_mod = (not s.front_mod) if rng.random() < 0.5 else s.front_mod
        front_speaker = (not s.front_speaker) if rng.random() < 0.5 else s.front_speaker
        text = render(plan, front_mod, front_speaker)
        text, _ = swap_synonyms(text, rng, share=rng.uniform(0.3, 0.7))
        return fix_articles(text)

    def build_a(self, size: int) -> list[list[int]]:
        """Paragraphs of A (lists of sentence ids) totalling about ``size`` characters."""
        paragraphs: list[list[int]] = []
        total = 0
        while total < size:
            paragraph = []
            for _ in range(self.rng.randint(2, 5)):
                sentence = self.fresh(len(self.a))
                paragraph.append(len(self.a))
                self.a.append(sentence)
                total += len(sentence.text) + 1
            paragraphs.append(paragraph)
            total += 1
        return paragraphs

    def rewrite_paragraph(self, ids: list[int]) -> list[BSentence]:
        """B's version of one A paragraph: kept, reworded, split, merged or deleted."""
        out: list[BSentence] = []
        k = 0
        while k < len(ids):
            i = ids[k]
            s = self.a[i]
            nxt = ids[k + 1] if k + 1 < len(ids) else None
            fate = self._fate(i, nxt)
            if fate == "split":
                out.extend(self._split(i))
            elif fate == "merge":
                out.append(self._merge(i, nxt))
                k += 1
            elif fate == "reword":
                out.append(BSentence(self.reword(s, (i,)), (i,)))
                self.counts["reworded"] += 1
            elif fate == "keep":
                out.append(BSentence(s.text, (i,), "shared"))
                self.counts["verbatim"] += 1
            else:
                self.counts["deleted"] += 1
            k += 1
        return out

    def _fate(self, i: int, nxt: int | None) -> str:
        """delete, split, merge, reword or keep (a split or merge that cannot be: reword)."""
        r = self.rng.random()
        if r < P_DELETE:
            return "delete"
        r -= P_DELETE
        if r < P_SPLIT:
            plan = self.a[i].plan
            return "split" if len(plan.clauses) == 2 and not plan.quote else "reword"
        r -= P_SPLIT
        if r < P_MERGE:
            return "merge" if nxt is not None and self._mergeable(i, nxt) else "reword"
        return "reword" if r - P_MERGE < P_REWORD else "keep"

    def _split(self, i: int) -> list[BSentence]:
        s = self.a[i]
        first = replace(s.plan, clauses=s.plan.clauses[:1])
        text1 = fix_articles(render(first, s.front_mod, s.front_speaker))
        text2 = fix_articles(_capital(render_clause(s.plan.clauses[1])) + ".")
        if self.rng.random() < 0.5:
            text2, _ = swap_synonyms(text2, self.rng, 0.5)
        self.counts["split"] += 1
        return [BSentence(text1, (i,)), BSentence(fix_articles(text2), (i,))]

    def _mergeable(self, i: int, j: int) -> bool:
        return not (self.a[i].plan.quote or self.a[j].plan.quote)

    def _merge(self, i: int, j: int) -> BSentence:
        first, second = self.a[i].text, self.a[j].text
        if not self.a[j].starts_proper:
            second = second[0].lower() + second[1:]
        connector = self.rng.choice(("and", "while", "and meanwhile"))
        text = f"{first[:-1]}, {connector} {second}"
        if self.rng.random() < 0.5:
            text = fix_articles(swap_synonyms(text, self.rng, 0.3)[0])
        self.counts["merged"] += 1
        return BSentence(text, (i, j))

    def insert_new(self, paragraph: list[BSentence]) -> list[BSentence]:
        """``paragraph`` with new sentences (unique to B) inserted at random places."""
        out = list(paragraph)
        expected = P_INSERT * max(1, len(paragraph))
        n = int(expected) + (self.rng.random() < expected - int(expected))
        for _ in range(n):
            s = self.fresh(-1 - self.counts["inserted"])
            out.insert(self.rng.randint(0, len(out)), BSentence(s.text))
            self.counts["inserted"] += 1
        return out

    def move_paragraphs(self, paragraphs: list[list[BSentence]]) -> list[list[BSentence]]:
        """Move about P_MOVE_PARAGRAPH of the paragraphs to other places."""
        out = list(paragraphs)
        moves = max(1, round(P_MOVE_PARAGRAPH * len(out))) if len(out) > 2 else 0
        for _ in range(moves):
            src = self.rng.randrange(len(out))
            paragraph = out.pop(src)
            for sentence in paragraph:
                sentence.moved = True
            dst = self.rng.randrange(len(out) + 1)
            while abs(dst - src) < 2 and len(out) > 3:
                dst = self.rng.randrange(len(out) + 1)
            out.insert(dst, paragraph)
            self.counts["moved_paragraphs"] += 1
        return out


def join_paragraphs(paragraphs: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """Text with one paragraph per line and blank lines between, and sentence ranges."""
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    pos = 0
    for p, sentences in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        for k, s in enumerate(sentences):
            if k:
                parts.append(" ")
                pos += 1
            parts.append(s)
            ranges.append((pos, pos + len(s)))
            pos += len(s)
    parts.append("\n")
    return "".join(parts), ranges


def _gold_pairs(b_sentences: list[BSentence]) -> list[GoldPair]:
    """Group B sentences by their A sources into gold pairs (a split gives a 1:2 pair)."""
    by_source: dict[tuple[int, ...], list[int]] = {}
    kinds: dict[tuple[int, ...], str] = {}
    for j, s in enumerate(b_sentences):
        if s.sources:
            by_source.setdefault(s.sources, []).append(j)
            kinds[s.sources] = s.kind if len(by_source[s.sources]) == 1 else "reworded"
    return [GoldPair(src, tuple(js), kinds[src], b_sentences[js[0]].moved)
            for src, js in sorted(by_source.items())]


def generate_pair(size: int, seed: int = 1) -> Generated:
    """A pair of about ``size`` characters per side with known rewrites (deterministic)."""
    builder = Builder(seed * 1_000_003 + size)
    a_paragraphs = builder.build_a(size)
    b_paragraphs = [builder.rewrite_paragraph(p) for p in a_paragraphs]
    b_paragraphs = [builder.insert_new(p) for p in b_paragraphs]
    b_paragraphs = [p for p in builder.move_paragraphs(b_paragraphs) if p]
    text_a, ranges_a = join_paragraphs([[builder.a[i].text for i in p] for p in a_paragraphs])
    text_b, ranges_b = join_paragraphs([[s.text for s in p] for p in b_paragraphs])
    b_flat = [s for p in b_paragraphs for s in p]
    gold = Gold(text_a, text_b, ranges_a, ranges_b, _gold_pairs(b_flat))
    return Generated(gold, dict(builder.counts))


def parse_size(label: str) -> int:
    """'10k' -> 10_000, '1m' -> 1_000_000, '2500' -> 2500."""
    label = label.strip().lower()
    if label in SIZES:
        return SIZES[label]
    factor = {"k": 1_000, "m": 1_000_000}.get(label[-1:], 1)
    return int(float(label.rstrip("km")) * factor)


if __name__ == "__main__":
    sample = generate_pair(3_000)
    print(sample.text_a, "\n=====\n", sample.text_b, sep="")
    print(sample.counts)
