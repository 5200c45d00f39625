"""Small-count suppression for the brief's breakdowns, as published health statistics do it.

A count from 1 to ``threshold - 1`` is *small* and shown as ``<5``. A total must not give a
small count away: when exactly one cell of a group summed by a total is hidden, the next
smallest cell is hidden too (*secondary* suppression, shown as ``:`` as Statistics Norway
does), or, when there is no such cell, the total itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from dashboard.brief import norsk


class Mark(Enum):
    SHOWN = "shown"
    SMALL = "small"
    COVER = "cover"

    @property
    def hidden(self) -> bool:
        return self is not Mark.SHOWN


COVER_SYMBOL = ":"


def is_small(count: int, threshold: int) -> bool:
    return 0 < count < threshold


def count_text(count: int, mark: Mark, threshold: int) -> str:
    """How a count is printed: the number in Norwegian form, ``<5`` or ``:``."""
    if mark is Mark.SMALL:
        return f"<{threshold}"
    if mark is Mark.COVER:
        return COVER_SYMBOL
    return norsk.number(count)


def hidden_or(mark: Mark, shown: str) -> str:
    """Hours and shares of a hidden count are hidden with it."""
    return COVER_SYMBOL if mark.hidden else shown


def protect_group(
    counts: Sequence[int], threshold: int, marks: Sequence[Mark] | None = None
) -> tuple[list[Mark], Mark]:
    """Marks for the cells of one group and for its total.

    ``marks`` carries cells already hidden for another reason (a higher level's cover).
    """
    marks = list(marks) if marks else [_primary(count, threshold) for count in counts]
    total = sum(counts)
    total_mark = Mark.SMALL if is_small(total, threshold) else Mark.SHOWN
    hidden = [i for i, mark in enumerate(marks) if mark.hidden]
    if len(hidden) == 1 and not total_mark.hidden:
        cover = _smallest_shown(counts, marks)
        if cover is None:
            total_mark = Mark.COVER
        else:
            marks[cover] = Mark.COVER
    return marks, total_mark


def protect_two_levels(
    groups: Sequence[Sequence[int]], threshold: int
) -> tuple[list[list[Mark]], list[Mark], Mark]:
    """Cells grouped under subtotals, and the subtotals under one grand total.

    A subtotal hidden only to protect another subtotal would still follow from its own
    cells, so one of those is hidden too.
    """
    cell_marks, subtotal_marks = [], []
    for counts in groups:
        marks, subtotal_mark = protect_group(counts, threshold)
        cell_marks.append(marks)
        subtotal_marks.append(subtotal_mark)
    subtotals = [sum(counts) for counts in groups]
    upper, total_mark = protect_group(subtotals, threshold, subtotal_marks)
    for index, (before, after) in enumerate(zip(subtotal_marks, upper, strict=True)):
        if after.hidden and not before.hidden and not any(m.hidden for m in cell_marks[index]):
            cover = _smallest_shown(groups[index], cell_marks[index])
            if cover is not None:
                cell_marks[index][cover] = Mark.COVER
    return cell_marks, upper, total_mark


def _primary(count: int, threshold: int) -> Mark:
    return Mark.SMALL if is_small(count, threshold) else Mark.SHOWN


def _smallest_shown(counts: Sequence[int], marks: Sequence[Mark]) -> int | None:
    """The index of the smallest non-zero count still shown (a zero hides nothing)."""
    candidates = [i for i, count in enumerate(counts) if count > 0 and not marks[i].hidden]
    return min(candidates, key=lambda i: counts[i]) if candidates else None
