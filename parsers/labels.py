"""Matching what a cell says to a field label, however the district reworded or broke it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from forms.model import FieldDef
from forms.types import squash

_PAREN = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_TRAILING = re.compile(r"[:：*＊]+$")

EXACT, NO_UNIT, CONTAINS = 3, 2, 1


def key(text: str) -> str:
    """Comparison key of a label: no whitespace or line breaks, half-width, no trailing colon or asterisk."""
    return _TRAILING.sub("", squash(text))


def bare(text: str) -> str:
    """The key without parenthesised parts: 罚没金额（万元） -> 罚没金额."""
    return _PAREN.sub("", key(text))


@lru_cache(maxsize=4096)
def _label_keys(labels: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys of a field's labels and their bare forms. Header detection compares every cell near the top
    of every table with every label: worked out once per label set, not once per comparison."""
    keys = tuple(key(label) for label in labels)
    return keys, tuple(bare(k) for k in keys)


def score(text: str, labels: Iterable[str]) -> int:
    """How well a cell's text names a field: EXACT, NO_UNIT, CONTAINS or 0."""
    return _score(key(text), tuple(labels))


def _score(k: str, labels: tuple[str, ...]) -> int:
    """`score` for a text whose key `k` the caller has."""
    if not k or len(k) > 40:
        return 0
    keys, bares = _label_keys(labels)
    if k in keys:
        return EXACT
    b = _PAREN.sub("", k)  # bare(text)
    if b and b in bares:
        return NO_UNIT
    if any(len(lk) >= 2 and lk in k for lk in keys):
        return CONTAINS
    return 0


def best_field(text: str, fields: Sequence[FieldDef]) -> tuple[FieldDef | None, int]:
    """The field this text names best; ties broken by the longest label contained (most specific)."""
    best: tuple[FieldDef | None, int, int] = (None, 0, 0)
    k = key(text)
    for f in fields:
        labels = f.labels
        s = _score(k, labels)
        if not s:
            continue
        specificity = max((len(lk) for lk in _label_keys(labels)[0] if lk in k), default=0)
        if (s, specificity) > (best[1], best[2]):
            best = (f, s, specificity)
    return best[0], best[1]


def assign(columns: Sequence[Sequence[str]], fields: Sequence[FieldDef]) -> dict[int, FieldDef]:
    """Map columns to fields; each column offers candidate texts (e.g. child, parent+child, parent header).

    Greedy by score so that the strongest match wins a field; a field is mapped to one column only.
    """
    scored: list[tuple[int, int, int, FieldDef]] = []
    for col, texts in enumerate(columns):
        for rank, text in enumerate(texts):
            f, s = best_field(text, fields)
            if f is not None:
                scored.append((s, -rank, col, f))
    scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
    mapping: dict[int, FieldDef] = {}
    taken: set[str] = set()
    for _s, _r, col, f in scored:
        if col in mapping or f.id in taken:
            continue
        mapping[col] = f
        taken.add(f.id)
    return dict(sorted(mapping.items()))
