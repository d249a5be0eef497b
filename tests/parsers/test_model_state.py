"""parsers.model_state: the pydantic version it was checked against, and the same models on both paths."""

from __future__ import annotations

import pickle

import pydantic

from parsers import model_state
from parsers.results import NO_EXTRA, Record, Source


def test_the_installed_pydantic_is_one_the_private_path_was_checked_against():
    # On failure: pydantic was upgraded. Compare the state model_construct leaves (the tests below and
    # tests/parsers/test_extract.py) on the new version, then add its major.minor to model_state.VERIFIED.
    # Until then the merge uses model_construct (correct, slower).
    minor = pydantic.VERSION.rsplit(".", 1)[0]
    assert minor in model_state.VERIFIED, f"parsers/model_state.py was not checked against pydantic {minor}"
    assert model_state.FAST


def _both(monkeypatch) -> list[Record]:
    built = []
    for fast in (True, False):
        monkeypatch.setattr(model_state, "FAST", fast)
        source = model_state.construct(
            Source, {"file": "f.xlsx", "sheet": "表", "cell": "B3"}, {"file", "sheet", "cell"}
        )
        fields = {
            "unit": "东胜区",
            "section": None,
            "values": {"n": 1},
            "source": source,
            "extra": NO_EXTRA,
            "cells": {},
        }
        built.append(model_state.construct(Record, fields, set(Record.model_fields)))
    return built


def test_private_and_public_paths_build_the_same_record(monkeypatch):
    fast, public = _both(monkeypatch)
    assert fast.__getstate__() == public.__getstate__()
    assert fast.source.__getstate__() == public.source.__getstate__()
    assert fast.model_dump_json() == public.model_dump_json()
    assert pickle.loads(pickle.dumps(fast)).__getstate__() == public.__getstate__()
