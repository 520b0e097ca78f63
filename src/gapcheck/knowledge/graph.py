"""Cycle detection for the skill graphs (prerequisites, implies)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def find_cycle(edges: Mapping[str, Sequence[str]]) -> tuple[str, ...] | None:
    """A cycle in the directed graph ``node -> successors``, as ``(a, b, ..., a)``, or None if there is none.

    Deterministic: nodes are visited in mapping order.
    """
    white, grey, black = 0, 1, 2
    colour: dict[str, int] = {}
    for start in edges:
        if colour.get(start, white) != white:
            continue
        path: list[str] = [start]
        stack: list[tuple[str, int]] = [(start, 0)]
        colour[start] = grey
        while stack:
            node, index = stack[-1]
            successors = edges.get(node, ())
            if index < len(successors):
                stack[-1] = (node, index + 1)
                nxt = successors[index]
                state = colour.get(nxt, white)
                if state == grey:
                    return (*path[path.index(nxt) :], nxt)
                if state == white:
                    colour[nxt] = grey
                    path.append(nxt)
                    stack.append((nxt, 0))
            else:
                colour[node] = black
                path.pop()
                stack.pop()
    return None
