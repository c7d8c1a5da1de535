"""`make serve`: what the last build made from the records, made again only when its inputs changed.

The catalog keeps a parsed record as the same object until its file changes, so a page of a list or a
table's rows made from records that are the very same objects (and equal other inputs) is what the
last build made. After one saved case file, the list pages it is not on and the other cases' rows come
from here. Only `make serve` keeps anything (the site builder's hook turns it on); `make build` makes
everything once and holds nothing, so its memory does not grow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

Made = TypeVar("Made")

_keeping = False
_kept: dict[Any, tuple[Any, Any]] = {}


def keep_between_builds(on: bool = True) -> None:
    """Keep what is made for the next build in this process (on), or stop and forget it (off)."""
    global _keeping
    _keeping = on
    if not on:
        _kept.clear()


def same(a: Any, b: Any) -> bool:
    """Inputs that make the same output: records must be the very objects; other values equal."""
    if a is b:
        return True
    if isinstance(a, BaseModel) or isinstance(b, BaseModel):
        return False  # a record read again from its changed file is a new object
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def made(key: Any, inputs: Any, make: Callable[[], Made]) -> Made:
    """make(), or what it returned last time for this key when the inputs are the same (see same())."""
    if not _keeping:
        return make()
    kept = _kept.get(key)
    if kept is not None and same(kept[0], inputs):
        return kept[1]
    value = make()
    _kept[key] = (inputs, value)
    return value
