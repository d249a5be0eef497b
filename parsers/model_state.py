"""The one place huizong builds pydantic models through their private instance state.

`model_construct` walks every field's aliases and defaults for each instance: a third of the cost of building a
record, and a merge builds two models (the record and its source) per row, in the worker and again when the
parent unpickles it — some 0.6 s of CPU on W1 (60,000 rows). For models given every field, with no aliases,
extra fields, private attributes or post-init (Record, Source), the state model_construct leaves is known and is
set here directly.

It is checked against the pydantic versions in VERIFIED only: on any other version `construct` is plain
`model_construct` (slower, never wrong), and tests/parsers/test_model_state.py fails, naming this module, until
the state is compared again and the version added.
"""

from __future__ import annotations

from typing import TypeVar

import pydantic
from pydantic import BaseModel

VERIFIED = ("2.14",)  # major.minor versions whose BaseModel instance state this module was compared with
FAST = pydantic.VERSION.rsplit(".", 1)[0] in VERIFIED

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def construct(cls: type[M], fields: dict[str, object], fields_set: set[str]) -> M:
    """`cls.model_construct(fields_set, **fields)` for a model given every field (see the module's note)."""
    if not FAST:
        return cls.model_construct(fields_set, **fields)
    model = cls.__new__(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model
