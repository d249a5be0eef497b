"""Secrets shared by every instance through the database: made once, by whichever instance asks first."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from huizong.service.store.db import Database
from huizong.service.store.models import ServiceKey


def shared_key(db: Database, name: str, make: Callable[[], str]) -> str:
    """The value stored under `name`, or `make()` stored now; two instances starting together get the same."""
    with db.session() as s:
        found = s.get(ServiceKey, name)
        if found is not None:
            return found.value
    try:
        with db.session() as s:
            s.add(ServiceKey(name=name, value=make()))
    except IntegrityError:
        pass  # another instance stored it first: use theirs
    with db.session() as s:
        found = s.get(ServiceKey, name)
        assert found is not None
        return found.value
