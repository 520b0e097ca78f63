"""A read-only, hashable mapping, so that the frozen taxonomy objects that hold one stay hashable; and fast copies and
constructors of frozen dataclasses."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


class FrozenMap(Mapping[str, Any]):
    """An immutable mapping (item assignment raises TypeError); hashable when its values are."""

    __slots__ = ("_data", "_hash")
    _data: dict[str, Any]
    _hash: int | None

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __reduce__(self) -> tuple[type[FrozenMap], tuple[dict[str, Any]]]:
        return (type(self), (self._data,))  # the default (slots set one by one) would meet __setattr__

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    # get and `in` straight on the dict (Mapping's own go through __getitem__ and a KeyError): scoring asks often
    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        assert self._hash is not None
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return bool(self._data == dict(other.items()))
        return NotImplemented

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._data!r})"


_COPIED: dict[type, frozenset[str]] = {}  # per class evolve() has copied: the field names it may set


def evolve(obj: T, **changes: Any) -> T:
    """``dataclasses.replace(obj, **changes)``, made faster for the frozen dataclasses results are copied from:
    the copy takes ``obj``'s fields and ``changes`` as they are, without replace's walk over the fields and a second
    ``__init__`` (a report copies some 80 matches and their places a resume). A class with a ``__post_init__``
    (whose fields may derive from others) or slots, and a name that is not a field, go through
    ``dataclasses.replace``."""
    cls = type(obj)
    names = _COPIED.get(cls)
    if names is None:  # the fields a copy may set, judged once per class (none: a class with a __post_init__)
        fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
        names = _COPIED[cls] = frozenset() if hasattr(cls, "__post_init__") else frozenset(fields)
    if not names or not hasattr(obj, "__dict__") or not names.issuperset(changes):
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    copy = object.__new__(cls)
    copy.__dict__.update(obj.__dict__)
    copy.__dict__.update(changes)
    return copy


def maker(cls: type[T]) -> Callable[..., T]:
    """A constructor of the frozen dataclass ``cls`` that takes every field by keyword and sets the fields as they
    are (defaults for those not given), without the generated ``__init__`` and its ``object.__setattr__`` per
    field: for the result types built for every gap of every resume (some 20 fields), about ten times faster.
    Type-check calls against the class itself: ``Make = cls if TYPE_CHECKING else maker(cls)``. A class with a
    ``__post_init__``, slots or a default factory is returned as it is."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__ or any(
        f.default_factory is not dataclasses.MISSING or not f.init for f in fields
    ):
        return cls
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    new = object.__new__

    def make(**values: Any) -> T:
        made = new(cls)
        state = made.__dict__
        state.update(defaults)
        state.update(values)
        return made

    make.__doc__ = f"{cls.__name__}(...), its fields set as given"
    return make
