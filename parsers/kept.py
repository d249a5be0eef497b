"""What is worked out once per long-lived object (a registry's forms, their field tuples) and reused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class PerObject(Generic[K, V]):
    """`make(owner)`, remembered for each owner by identity: forms and field tuples are neither hashable by
    value cheaply nor short-lived. The owner is held with its value, so its id cannot be reused while the entry
    lives; past `size` owners (forms built anew again and again, as in tests) the memory starts over."""

    def __init__(self, make: Callable[[K], V], size: int = 256) -> None:
        self._make, self._size = make, size
        self._entries: dict[int, tuple[K, V]] = {}

    def __call__(self, owner: K) -> V:
        entry = self._entries.get(id(owner))
        if entry is None or entry[0] is not owner:
            if len(self._entries) >= self._size:
                self._entries.clear()
            entry = self._entries[id(owner)] = (owner, self._make(owner))
        return entry[1]
