"""Fix the model's evident mistakes: edges, possessives, misread places, split person names."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable

from core.entities import labels as lb
from core.entities.backend import RawMention
from core.entities.complete import complete_figures
from core.entities.dates import refine_dates
from core.entities.gazetteer import Place, fold, lookup_place
from core.entities.mention import Mention
from core.entities.relabel import ORG_LAST_WORDS, feature_follows, relabel_by_words

CORRECTION_VERSION = "14"  # bump when the rules change: cached results are then recomputed

_LEADING_RE = re.compile(r"^(?:[\"'“”‘’«»(\[]|\s|(?:the|The|THE)\s+)+")
_TRAILING_RE = re.compile(r"(?:['’]s|(?<=s)['’]|[\"'“”‘’«»)\],.;:!?]|\s)+$")
_TITLE_WORD_RE = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z'’-]*\b")
_HONORIFIC_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sir|Dame|Lord|Lady|President|Minister|Senator|General)\.?\s+$"
)
_TREATY_RE = re.compile(
    r"\b(?:Convention|Conventions|Treaty|Treaties|Protocol|Accords?|Agreement|Charter|Covenant)"
    r"\b(?!\s+(?:Center|Centre|Hall|Bureau))"
)
_TREATY_WORDS = r"(?:Convention|Treaty|Act|Agreement|Accords?|Protocol|Charter|Covenant)"
_CAP = r"(?:[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*)"
_TREATY_NAME_RE = re.compile(
    rf"\b(?!(?:The|A|An|This|That)\s){_CAP}(?:\s+(?:(?:of|on|for|and|the|to)\s+)?{_CAP})*?"
    rf"\s+{_TREATY_WORDS}\b|\b{_TREATY_WORDS}\s+(?:of|on)\s+(?:the\s+)?"
    rf"{_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_CAP})*")
_CAP_BEFORE_BREAK_RE = re.compile(r"[A-Z][\w'’-]*[^\S\n]*\n[^\S\n]*\Z")
_SP = r"[^\S\n]+"  # spaces within a line: a name does not run on into the next line
_ORG_NAME_RE = re.compile(
    rf"(?<![\w'’-])(?!(?:The|A|An|This|That|In|On|At|By|For|From|With)\s){_CAP}"
    rf"(?:{_SP}(?:(?:of|for|and|on){_SP})?{_CAP})*?{_SP}(?:{'|'.join(sorted(ORG_LAST_WORDS))})\b")
_POSSESSOR_RE = re.compile(r"(?:\S+\s+)*?\S+['’]s\s+")
_CLEANED = frozenset({lb.PERSON, lb.ORGANISATION, lb.PLACE, lb.GROUP})
_NUMBER_IN_NAME_RE = re.compile(r"\s+[\d(]")
_TRAILING_WORD_RE = re.compile(r"(?:\s+(?:and|of|the|&|-|for|to))+\s*$")
_COMPANY_ENDS = frozenset("Corp Corporation Inc Incorporated Ltd Limited Co plc PLC LLC SA AG NV "
                          "BV SpA Holdings Group Bhd Tbk".split())
_FIRST_WORD_RE = re.compile(r"\w+")
_WORD_START_RE = re.compile(r"(?<![\w-])\w+")
_RANGE_GAP_RE = re.compile(r"\s+(?:to|and)\s+|\s*[-–]\s*")
_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SMALL_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen".split())
_DEICTIC = frozenset({"today", "tonight", "yesterday", "tomorrow", "now"})
_NOT_TREATY_RE = re.compile(r"\b(?:National|Party|Republican|Democratic)\s+Convention\b")
# Titles written before a name ("Councillor Vanderberg", "Mayor Dmytro Salenko").
_TITLE_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|President|Minister|Senator|General|"
    r"Colonel|Col|Captain|Capt|Major|Lieutenant|Lt|Sergeant|Sgt|Admiral|Governor|Gov|Mayor|"
    r"Councillor|Councilor|Judge|Justice|Chancellor|Premier|Ambassador|Bishop|Father|Rev|"
    r"Reverend|Rabbi|Imam|Sheikh|Inspector|Detective|Commissioner|Coach|Deputy)\.?\s+(?=[A-Z])")
_SURNAME_FROM = frozenset({lb.ORGANISATION, lb.WORK, lb.GROUP, lb.EVENT})
MIN_CITY_POPULATION = 100_000  # a one-word "person" is relabelled only to a sizeable city


def correct(text: str, raw: Iterable[RawMention]) -> list[Mention]:
    """The model's mentions with labels in plain words and its evident mistakes fixed."""
    mentions = [m for m in (_trim(text, r) for r in raw) if m is not None]
    mentions = [m for m in mentions if not _vague(text, m)]
    mentions = _drop_overlaps(treaty_names(text) + mentions)
    lower_words = _lower_words(text)
    mentions = _add_untagged(mentions, org_names(text, lower_words))
    mentions = [m for m in mentions if not _capitalised_common_word(text, m, lower_words)]
    person_parts = _person_parts(mentions)
    mentions = [_relabel_treaty(relabel_by_words(text, _relabel_place(text, m, person_parts)))
                for m in mentions]
    mentions = _join_person_names(text, mentions, lower_words)
    mentions = _surnames_as_persons([_drop_title(text, m) for m in mentions])
    mentions = _join_ranges(text, mentions)
    mentions = [relabel_by_words(text, m) for m in complete_figures(text, mentions)]
    mentions = [m for m in refine_dates(text, mentions) if not _vague(text, m)]  # "one"
    mentions = _drop_overlaps([c for c in (_clean_name(text, m) for m in mentions) if c])
    mentions = _company_short_names(text, mentions)
    return _drop_overlaps(mentions + _missed_repeats(text, mentions, lower_words))


def _clean_name(text: str, m: Mention) -> Mention | None:
    """A name ends before a number standing on its own ("Liverpool 0 Sheffield" -> "Liverpool")
    and never on "and"/"of"/"the"; a run of short capitals ("W L T GF GA") is a table header."""
    if m.label not in _CLEANED:  # "Apollo 11", "Formula 1" keep their numbers
        return m
    end = m.start + len(m.text)
    cut = _NUMBER_IN_NAME_RE.search(m.text)
    if cut is not None:
        end = m.start + cut.start()
    trail = _TRAILING_WORD_RE.search(text[m.start : end])
    if trail is not None:
        end = m.start + trail.start()
    name = text[m.start : end]
    words = name.split()
    if not words or (len(words) >= 3 and all(len(w) <= 3 and w.isupper() for w in words)):
        return None
    return m if end == m.end else Mention(m.start, end, m.label, name)


def _company_short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Santa Fe" after "Santa Fe Pacific Gold Corp", "Newmont" after "Newmont Mining Corp":
    the company's short name, not the place (a one-word place name stays a place)."""
    shorts: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.label == lb.ORGANISATION and len(words) > 1 and words[-1].rstrip(".") in _COMPANY_ENDS:
            for k in range(1, len(words)):
                short = " ".join(words[:k])
                if short[:1].isupper() and (k > 1 or lookup_place(short) is None):
                    shorts.add(short)
    if not shorts:
        return mentions
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
    out = list(mentions)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in sorted(
        shorts, key=len, reverse=True)) + r")(?![\w-])")
    for hit in pattern.finditer(text):
        i = by_span.get((hit.start(), hit.end()))
        if (i is not None and out[i].label in (lb.PLACE, lb.PERSON, lb.GROUP, lb.WORK)
                and not feature_follows(text, hit.end())):  # "the Ilva river" stays a river
            out[i] = out[i]._replace(label=lb.ORGANISATION)
    return out


def _vague(text: str, m: Mention) -> bool:
    """ "one", "two" (a bare small number says nothing to compare) and "today's warfare" (the
    present in general, not a date)."""
    word = m.text.lower()
    if m.label == lb.NUMBER and word in _SMALL_NUMBER_WORDS:
        return True
    return m.label == lb.DATE and word in _DEICTIC and text[m.end : m.end + 2] in ("'s", "’s")


def _join_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "20" + "30 millimetres" -> "20 to 30 millimetres", "5" + "10%" -> "5 to 10%": one
    range, not two figures (not after "from": "rose from 20 to 30" is a change)."""
    out: list[Mention] = []
    for m in sorted(mentions):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == lb.NUMBER and m.label in (lb.NUMBER, lb.PERCENT)
                and (gap := _RANGE_GAP_RE.fullmatch(text[prev.end : m.start]))
                and not (m.label == lb.PERCENT and "and" in gap.group(0))  # two rates
                and not _FROM_RE.search(text[max(0, prev.start - 6) : prev.start])):
            out[-1] = Mention(prev.start, m.end, m.label, text[prev.start : m.end])
            continue
        out.append(m)
    return out


def treaty_names(text: str) -> list[Mention]:
    """Capitalised names of treaties and laws the model often misses: "Anti-Personnel Mine Ban
    Convention", "Paris Agreement", "Climate Change Act", "Treaty of Rome"."""
    found = []
    for m in _TREATY_NAME_RE.finditer(text):
        name = m.group(0)
        words = name.split()
        if words[0] in ("The", "A", "An", "This", "That"):
            continue  # the regex leaves these out; a lone "The Act" is no name
        if _NOT_TREATY_RE.search(name) or len(words) < 2:
            continue
        found.append(Mention(m.start(), m.end(), lb.LAW, name))
    return found


def org_names(text: str, lower_words: set[str]) -> list[Mention]:
    """Capitalised names ending in an organisation's word that the model may miss ("Ukraine's
    Hydrometeorological Center"): kept when a word before that last one is not one the text
    also writes in lower case (a title-case headline, "Man Shot Outside Police", is not)."""
    found = []
    for m in _ORG_NAME_RE.finditer(text):
        start, name = m.start(), m.group(0)
        owner = _POSSESSOR_RE.match(name)  # "Ukraine's Hydrometeorological Center": the centre
        if owner is not None:
            start, name = start + owner.end(), name[owner.end():]
        if _CAP_BEFORE_BREAK_RE.search(text, max(0, start - 80), start):
            continue  # "National\nBasketball Association": the name began on the line above
        words = name.split()
        own = [w for w in words[:-1] if w not in ("of", "for", "and", "on")]
        if own and any(w.lower() not in lower_words for w in own) and lookup_place(name) is None:
            found.append(Mention(start, m.end(), lb.ORGANISATION, name))
    return found


def _add_untagged(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``mentions`` (sorted, none overlapping) with those of ``extra`` that overlap none of
    them: only the last mention starting before one's end can reach into it."""
    starts = [m.start for m in mentions]
    added = [e for e in extra
             if (i := bisect.bisect_left(starts, e.end)) == 0 or mentions[i - 1].end <= e.start]
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _lower_words(text: str) -> set[str]:
    """Words the text writes in lower case (hyphenated parts too): its common words."""
    words = set(_LOWER_WORD_RE.findall(text))
    words.update(part for w in list(words) if "-" in w for part in w.split("-"))
    return words


def _trim(text: str, raw: RawMention) -> Mention | None:
    """Snap to whole words, drop a leading "the", quotes and a trailing possessive."""
    label = lb.plain_label(raw.label)
    if label is None:
        return None
    start, end = raw.start, raw.end
    line_break = text.find("\n", start, end)
    if line_break >= 0:  # a name never runs over a line break ("Marta Jansen\n\nROTTERDAM")
        if any(ch.isalnum() for ch in text[start:line_break]):
            end = line_break
        else:
            start = text.rfind("\n", start, end) + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (
        text[end].isalnum()
        or (text[end] in "-/" and end + 1 < len(text) and text[end + 1].isdigit())
    ):
        end += 1
    span = text[start:end]
    if span.count("(") > span.count(")"):  # "World Health Organization (WHO": cut the bracket
        end = start + span.index("(")
        span = text[start:end]
    lead = _LEADING_RE.match(span)
    if lead:
        start += lead.end()
    tail = _TRAILING_RE.search(text[start:end])
    if tail:
        end = start + tail.start()
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Mention(start, end, label, text[start:end])


def _sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (after a full stop, a line break or at the start)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“”‘’«(-":
        i -= 1
    return i < 0 or text[i] in ".!?:\n…"


def _capitalised_common_word(text: str, m: Mention, lower_words: set[str]) -> bool:
    """A one-word name at a sentence start that the same text also uses as a plain word."""
    if m.label not in (lb.PERSON, lb.ORGANISATION, lb.GROUP, lb.WORK, lb.EVENT):
        return False
    if " " in m.text or not m.text[:1].isupper() or m.text.isupper():
        return False
    if not _sentence_start(text, m.start):
        return False
    word = m.text.lower()
    return word in lower_words or word + "s" in lower_words


def _person_parts(mentions: list[Mention]) -> set[str]:
    """Words of the multi-word person names in the text (not themselves places)."""
    parts: set[str] = set()
    for m in mentions:
        if m.label == lb.PERSON and " " in m.text and lookup_place(m.text) is None:
            parts.update(fold(w) for w in m.text.split())
    return parts


def _relabel_place(text: str, m: Mention, person_parts: set[str]) -> Mention:
    """A "person" or "organisation" that GeoNames/ISO know as a place becomes a Place."""
    if m.label not in (lb.PERSON, lb.ORGANISATION):
        return m
    place = lookup_place(m.text)
    if place is None or not _plausible_place(text, m, place, person_parts):
        return m
    return m._replace(label=lb.PLACE)


def _relabel_treaty(m: Mention) -> Mention:
    """ "Ottawa Convention", "Treaty of Rome" (often read as an organisation) become Law/treaty."""
    if m.label not in (lb.ORGANISATION, lb.EVENT, lb.WORK, lb.PLACE, lb.GROUP, lb.PERSON):
        return m
    if _TREATY_RE.search(m.text) and not _NOT_TREATY_RE.search(m.text):
        return m._replace(label=lb.LAW)
    return m


def _plausible_place(text: str, m: Mention, place: Place, person_parts: set[str]) -> bool:
    if m.label == lb.ORGANISATION:  # "Kyiv('s defence ministry)": metonymy, still the place
        return place.kind != "city" or place.population >= MIN_CITY_POPULATION
    if " " in m.text:  # "Siem Reap"
        return place.primary or place.population >= MIN_CITY_POPULATION
    if fold(m.text) in person_parts or _HONORIFIC_RE.search(text[max(0, m.start - 20) : m.start]):
        return False  # "Houston" as the surname of someone named in full elsewhere
    return place.kind != "city" or place.population >= MIN_CITY_POPULATION


def _drop_title(text: str, m: Mention) -> Mention:
    """ "Councillor Vanderberg" -> "Vanderberg": a title is not part of the name."""
    if m.label != lb.PERSON:
        return m
    found = _TITLE_RE.match(m.text)
    if found is None or found.end() >= len(m.text):
        return m
    start = m.start + found.end()
    return Mention(start, m.end, m.label, text[start : m.end])


def _surnames_as_persons(mentions: list[Mention]) -> list[Mention]:
    """A one-word "organisation" that is the surname of a person named in full in the same
    text is that person ("Yusuf Al-Amin ... Al-Amin said")."""
    surnames = {fold(m.text.split()[-1]) for m in mentions
                if m.label == lb.PERSON and len(m.text.split()) > 1}
    return [m._replace(label=lb.PERSON)
            if m.label in _SURNAME_FROM and " " not in m.text and fold(m.text) in surnames else m
            for m in mentions]


def _joinable_first_part(m: Mention) -> bool:
    """A mention that may be the first part of a split person name."""
    if m.label == lb.PERSON:
        return True
    if m.label not in (lb.PLACE, lb.ORGANISATION, lb.GROUP) or " " in m.text:
        return False
    return _TITLE_WORD_RE.fullmatch(m.text) is not None and lookup_place(m.text) is None


def _join_person_names(text: str, mentions: list[Mention], lower_words: set[str]) -> list[Mention]:
    """Join "Oleksandr" + "Riabtsev" (or a name the model cut short) into one Person."""
    mentions = sorted(mentions)
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if _joinable_first_part(m):
            if (
                nxt is not None
                and nxt.label == lb.PERSON
                and text[m.end : nxt.start] == " "
                and (m.label == lb.PERSON or " " not in nxt.text)
            ):
                out.append(Mention(m.start, nxt.end, lb.PERSON, text[m.start : nxt.end]))
                i += 2
                continue
            limit = nxt.start if nxt is not None else len(text)
            end = _extend_name(text, m.end, limit, lower_words)
            if end > m.end:
                m = Mention(m.start, end, lb.PERSON, text[m.start : end])
        out.append(m)
        i += 1
    return out


def _extend_name(text: str, end: int, limit: int, lower_words: set[str]) -> int:
    """End of up to two capitalised words that directly follow ``end`` (not past ``limit``)."""
    for _ in range(2):
        if end >= len(text) or text[end] != " ":
            break
        word = _TITLE_WORD_RE.match(text, end + 1)
        if word is None or word.end() > limit:
            break
        after = text[word.end() : word.end() + 2]
        if after[:1].isalnum() or (after[:1] == "." and after[1:].isalnum()):
            break
        if word.group(0).lower() in lower_words or lookup_place(word.group(0)) is not None:
            break
        end = word.end()
    return end


def _missed_repeats(text: str, mentions: list[Mention], lower_words: set[str]) -> list[Mention]:
    """Further uses of names the model found once (and of a person's surname) that it missed."""
    names: dict[str, str] = {}
    for m in mentions:
        if m.label in (lb.PERSON, lb.ORGANISATION, lb.PLACE) and len(m.text) >= 3:
            names.setdefault(m.text, m.label)
            words = m.text.split()
            if m.label == lb.PERSON and len(words) > 1 and len(words[-1]) >= 3:
                names.setdefault(words[-1], lb.PERSON)
    names = {n: lab for n, lab in names.items() if n.lower() not in lower_words}
    if not names:
        return []
    # The lengths of the names starting with each first word, longest first: at a word, the
    # longest name written there wins, found with one look-up per length (not per name: many
    # names may start with "The").
    sizes: dict[str, set[int]] = defaultdict(set)
    for name in names:
        first = _FIRST_WORD_RE.match(name)
        if first is not None:
            sizes[first.group(0)].add(len(name))
    by_first = {first: sorted(lengths, reverse=True) for first, lengths in sizes.items()}
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in covered]
    found: list[Mention] = []
    last_end = 0
    for word in _WORD_START_RE.finditer(text):  # one dictionary look-up per word of the text
        pos = word.start()
        lengths = by_first.get(word.group(0)) if pos >= last_end else None
        name = _longest_at(text, pos, lengths, names) if lengths else None
        if name is None:
            continue
        end = pos + len(name)
        last_end = end
        i = bisect.bisect_right(starts, pos) - 1
        if (i >= 0 and covered[i][1] > pos) or (i + 1 < len(covered) and covered[i + 1][0] < end):
            continue
        found.append(Mention(pos, end, names[name], name))
    return found


def _longest_at(text: str, pos: int, lengths: list[int], names: dict[str, str]) -> str | None:
    """The longest of ``names`` written at ``pos`` as whole words (``lengths``: longest first)."""
    for size in lengths:
        candidate = text[pos : pos + size]
        if len(candidate) == size and candidate in names and _whole_at(text, candidate, pos):
            return candidate
    return None


def _whole_at(text: str, name: str, pos: int) -> bool:
    """Whether ``name`` is written at ``pos`` as whole words (not followed by a letter or -)."""
    end = pos + len(name)
    return text.startswith(name, pos) and not (
        end < len(text) and (text[end].isalnum() or text[end] in "_-"))


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longer of two overlapping mentions."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
