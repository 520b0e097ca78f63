"""One serializer for the report's frozen dataclasses: the JSON shape follows the types' fields.

``to_json`` walks a dataclass tree: a dataclass becomes an object of its fields in declaration order, an enum its
value, a tuple or list an array, a date its ISO form; numbers, strings, booleans and None stay as they are.
``Report.to_dict()`` is ``to_json(report)``; the golden JSON of the examples pins the shape.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any


def to_json(value: Any) -> Any:
    """``value`` as JSON data (dicts, lists, strings, numbers, booleans, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return to_json(value.value)
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot serialize {type(value).__name__}")
