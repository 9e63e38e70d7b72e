"""The editor's checks: one frozen record per finding, always with its evidence in both texts."""

from __future__ import annotations

from dataclasses import dataclass

Range = tuple[int, int]

# kind -> (group shown as a heading, short title)
KINDS: dict[str, tuple[str, str]] = {
    "quote_altered": ("Quotations", "Quotation altered"),
    "quote_attributed_elsewhere": ("Quotations", "Quotation attributed to someone else"),
    "quote_unmarked": ("Quotations", "Quoted in one, unquoted in the other"),
    "quote_only_a": ("Quotations", "Quotation only in A"),
    "quote_only_b": ("Quotations", "Quotation only in B"),
    "quote_identical": ("Quotations", "Quotation identical"),
    "credit_only_a": ("Attribution and credit", "Credit only in A"),
    "credit_only_b": ("Attribution and credit", "Credit only in B"),
    "source_only_a": ("Attribution and credit", "Source only in A"),
    "source_only_b": ("Attribution and credit", "Source only in B"),
    "figure_differs": ("Figures and dates", "Figure differs"),
    "date_differs": ("Figures and dates", "Date differs"),
    "role_changed": ("Roles", "Role changed"),
}
GROUPS: tuple[str, ...] = ("Quotations", "Attribution and credit", "Figures and dates", "Roles")
# Kinds that report agreement rather than a difference (listed last, never counted as issues).
AGREEMENT_KINDS = frozenset({"quote_identical"})


@dataclass(frozen=True)
class Check:
    """One finding. ``a`` / ``b``: the evidence passage in each document ([start, end) code
    points; None when that document has no counterpart passage). ``summary`` is one plain
    sentence; ``detail`` adds what was compared (a word diff, the two speakers...);
    ``marks_a`` / ``marks_b`` are the words inside the passages that the finding is about."""

    kind: str
    a: Range | None
    b: Range | None
    summary: str
    detail: str = ""
    marks_a: tuple[Range, ...] = ()
    marks_b: tuple[Range, ...] = ()

    @property
    def group(self) -> str:
        """The heading the check is listed under ("Quotations", "Roles"...)."""
        return KINDS[self.kind][0]

    @property
    def title(self) -> str:
        """A short title for the kind ("Quotation altered")."""
        return KINDS[self.kind][1]

    @property
    def is_issue(self) -> bool:
        """Whether the check reports a difference (not an agreement such as an identical
        quotation)."""
        return self.kind not in AGREEMENT_KINDS


def sort_checks(checks: list[Check]) -> tuple[Check, ...]:
    """Issues first by group, then agreements; within a group in reading order of A, then B."""
    def key(c: Check) -> tuple:
        return (not c.is_issue, GROUPS.index(c.group), c.a[0] if c.a else 1 << 60,
                c.b[0] if c.b else 1 << 60, c.kind)
    return tuple(sorted(checks, key=key))
