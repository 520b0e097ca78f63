"""Whatever a user puts in their taxonomy files, loading either succeeds or raises TaxonomyError (one line, naming
a file) -- never another exception."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taxonomy_data import base_taxonomy, write_taxonomy

from gapcheck.errors import TaxonomyError
from gapcheck.knowledge import Taxonomy, clear_cache, load_taxonomy

scalars = st.one_of(
    st.text(max_size=8),
    st.integers(min_value=-3, max_value=12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.sampled_from(["sql", "excel", "dashboards", "entry", "senior", "required", "s1", "", "LOWER", "OP"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data a value sits (dict keys and list indexes), leaves and containers alike."""
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += paths(value, (*prefix, index))
    return out


BASE = base_taxonomy()
PATHS = paths(BASE)


def mutated(where: tuple[Any, ...], value: Any, action: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    parent: Any = data
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if action == "delete":
        del parent[last]
    elif action == "add-key" and isinstance(parent, dict):
        parent[f"x{last}"] = value
    else:
        parent[last] = value
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.sampled_from(PATHS),
    value=values,
    action=st.sampled_from(["replace", "delete", "add-key"]),
)
def test_any_edit_loads_or_raises_taxonomy_error(where: tuple[Any, ...], value: Any, action: str) -> None:
    data = mutated(where, value, action)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_taxonomy(Path(tmp) / "role", data)
        clear_cache()  # temp folder names may repeat; never reuse a cached taxonomy
        try:
            result = load_taxonomy(folder)
        except TaxonomyError as exc:
            assert "\n" not in exc.message
            assert str(folder) in exc.message or ".toml" in exc.message
        else:
            assert isinstance(result, Taxonomy)
