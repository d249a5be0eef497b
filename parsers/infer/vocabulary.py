"""What the forms already known say about a label: the other ways districts write it, and its id.

An inferred form borrows the synonyms of a known field with the same label (联系方式: 联系电话, 电话 …) so
that it reads the other units' returns, where headers are reworded, as well as the one it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from forms.model import Choice, FieldDef, FormDef
from forms.types import squash


@dataclass(frozen=True, slots=True)
class Known:
    field: FieldDef
    form: FormDef


class Vocabulary:
    def __init__(self, forms: Iterable[FormDef] = ()) -> None:
        self._fields: dict[str, Known] = {}
        self._meta: dict[str, Known] = {}
        self._keys: dict[str, Choice] = {}
        forms = list(forms)
        # A field whose label is the text wins over one that lists it among its other wordings.
        for labels_only in (True, False):
            for form in forms:
                for f in form.fields:
                    for text in f.labels[:1] if labels_only else f.synonyms:
                        self._fields.setdefault(squash(text), Known(f, form))
                for f in form.meta:
                    for text in f.labels[:1] if labels_only else f.synonyms:
                        self._meta.setdefault(squash(text), Known(f, form))
                for key in form.rows.keys if form.rows else ():
                    for text in (key.value,) if labels_only else key.synonyms:
                        self._keys.setdefault(squash(text), key)

    def field(self, label: str) -> Known | None:
        return self._fields.get(squash(label))

    def meta(self, label: str) -> Known | None:
        return self._meta.get(squash(label))

    def row_key(self, label: str) -> Choice | None:
        return self._keys.get(squash(label))


def other_wordings(label: str, known: FieldDef | Choice) -> list[str]:
    texts = known.labels if isinstance(known, FieldDef) else (known.value, *known.synonyms)
    return [t for t in texts if squash(t) != squash(label)]
