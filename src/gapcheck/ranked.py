"""Enums whose order is their declaration: ``member.rank`` is its position (0 = first declared).

Strength (strongest first), Importance (most important first) and the other ordered kinds derive from
:class:`RankedEnum`, so each order is written once, on the enum, and every sort and comparison reads ``rank``.
"""

from __future__ import annotations

from enum import StrEnum


class RankedEnum(StrEnum):
    """A string enum ordered by declaration: ``rank`` 0 is the first member (the strongest, the most important)."""

    @property
    def rank(self) -> int:
        ranks = _RANKS.get(type(self))
        if ranks is None:  # each enum's ranks, found once
            ranks = _RANKS[type(self)] = {member.value: n for n, member in enumerate(type(self))}
        return ranks[self.value]


_RANKS: dict[type[RankedEnum], dict[str, int]] = {}
