"""Matching what a cell says to a field label, however the district reworded or broke it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from forms.model import FieldDef
from forms.types import squash
from parsers.kept import PerObject

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


class _Index:
    """A field list's label keys laid out for `best_field`: exact and bare keys to look up, and every key with
    its field to test for containment in one flat loop."""

    __slots__ = ("bare", "best", "chars", "exact", "fields", "pairs")

    def __init__(self, fields: Sequence[FieldDef]) -> None:
        self.fields = fields
        # best_field's answers by key: a batch's returns repeat the same header texts file after file.
        self.best: dict[str, tuple[int | None, int]] = {}
        self.exact: dict[str, list[int]] = {}
        self.bare: dict[str, list[int]] = {}
        self.pairs: list[tuple[str, int]] = []
        for i, f in enumerate(fields):
            keys, bares = _label_keys(f.labels)
            for k in dict.fromkeys(keys):
                self.exact.setdefault(k, []).append(i)
                self.pairs.append((k, i))
            for b in dict.fromkeys(bares):
                if b:
                    self.bare.setdefault(b, []).append(i)
        # Every character of every key: a text sharing none can neither equal nor contain a key (most data cells
        # recognition looks at — names, numbers, e-mail addresses — are turned away by this one set operation).
        self.chars = frozenset("".join(k for k, _i in self.pairs))


# Forms hand over the same field tuple every time (form.fields).
_index: PerObject[Sequence[FieldDef], _Index] = PerObject(_Index)


def best_field(text: str, fields: Sequence[FieldDef]) -> tuple[FieldDef | None, int]:
    """The field this text names best; ties broken by the longest label contained (most specific), then by
    field order. Header detection asks this of every short cell near the top of every table, for every form."""
    k = key(text)
    if not k or len(k) > 40:
        return None, 0
    ix = _index(fields)
    if ix.chars.isdisjoint(k):
        return None, 0
    known = ix.best.get(k)
    if known is None:
        if len(ix.best) > 4096:
            ix.best.clear()
        known = ix.best[k] = _best(k, ix)
    at, score = known
    return (None, 0) if at is None else (fields[at], score)


def _best(k: str, ix: _Index) -> tuple[int | None, int]:
    """best_field for a text's key: the field's index and the score."""
    hits: dict[int, int] = dict.fromkeys(ix.exact.get(k, ()), EXACT)
    b = _PAREN.sub("", k)  # bare(text)
    if b:
        for i in ix.bare.get(b, ()):
            hits.setdefault(i, NO_UNIT)
    specific: dict[int, int] = {}
    for lk, i in ix.pairs:
        if lk in k:
            if len(lk) >= 2:
                hits.setdefault(i, CONTAINS)
            if len(lk) > specific.get(i, 0):
                specific[i] = len(lk)
    if not hits:
        return None, 0
    best = max(hits, key=lambda i: (hits[i], specific.get(i, 0), -i))
    return best, hits[best]


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
