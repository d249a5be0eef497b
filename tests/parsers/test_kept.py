"""Worked out once per owner, by identity: the same owner gets the same value, another owner its own."""

from __future__ import annotations

from parsers.kept import PerObject


def test_one_value_per_owner_by_identity_and_a_bounded_memory() -> None:
    made: list[tuple[str, ...]] = []

    def make(owner: tuple[str, ...]) -> list[str]:
        made.append(owner)
        return list(owner)

    per = PerObject(make, size=2)
    first, equal = ("单位", "姓名"), tuple(["单位", "姓名"])  # equal, not the same object
    assert per(first) is per(first) and made == [first]
    assert per(equal) == per(first) and per(equal) is not per(first) and len(made) == 2
    per(("职务",))  # a third owner: the memory starts over
    assert per(first) is not None and len(made) == 4
