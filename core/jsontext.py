"""JSON text exactly as ``json.dumps(data, ensure_ascii=False, indent=1)`` writes it, faster."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

# json.dumps with an indent runs its pure-Python encoder, a few generator frames per value:
# ~1 s for the 18 MB result of a 1 MB pair, most of it lists of flat records (entities, spans,
# entity groups). Those are written here one record per expression; anything else as json does.

_INF = float("inf")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


_SCALARS: dict[type, Any] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=1)``: the same text for data of dicts,
    lists, tuples and scalars (no check for a list that holds itself)."""
    out: list[str] = []
    _value(data, "\n", out)
    return "".join(out)


def _value(value: Any, nl: str, out: list[str]) -> None:
    encode = _SCALARS.get(value.__class__)
    if encode is not None:
        out.append(encode(value))
    elif isinstance(value, (list, tuple)):
        _list(value, nl, out)
    elif isinstance(value, dict):
        _dict(value, nl, out)
    else:  # a subclass of a scalar type, or not JSON at all: as json.dumps does (or raises)
        out.append(json.dumps(value, ensure_ascii=False))


def _list(items: list | tuple, nl: str, out: list[str]) -> None:
    if not items:
        out.append("[]")
        return
    inner = nl + " "
    if items[0].__class__ is dict and _records(items, inner, out):
        return
    out.append("[")
    for n, item in enumerate(items):
        out.append("," + inner if n else inner)
        _value(item, inner, out)
    out.append(nl + "]")


def _dict(obj: dict, nl: str, out: list[str]) -> None:
    if not obj:
        out.append("{}")
        return
    inner = nl + " "
    out.append("{")
    for n, (key, item) in enumerate(obj.items()):
        key = key if key.__class__ is str else _key(key)
        out.append(("," + inner if n else inner) + encode_basestring(key) + ": ")
        _value(item, inner, out)
    out.append(nl + "}")


def _key(key: Any) -> str:
    """A dict key that is not a string, written as json writes it."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _records(items: list | tuple, inner: str, out: list[str]) -> bool:
    """A list of dicts with the same string keys and scalar values, one record at a time;
    False (nothing written) when the list is not that."""
    keys = list(items[0])
    if not keys or any(k.__class__ is not str for k in keys):
        return False
    field = inner + " "
    heads = [("{" if i == 0 else ",") + field + encode_basestring(k) + ": "
             for i, k in enumerate(keys)]
    scalars, written = _SCALARS, []
    try:
        for record in items:
            if record.__class__ is not dict or list(record) != keys:
                return False
            written.append("".join([head + scalars[value.__class__](value)
                                    for head, value in zip(heads, record.values())]))
    except KeyError:  # a value that is a list, a dict or another type
        return False
    close = inner + "}"
    out.append("[" + inner + ("," + inner).join(w + close for w in written)
               + inner[:-1] + "]")
    return True
