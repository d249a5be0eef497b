"""Fixtures of the 公文 tests; the builders and readers live in doc_inputs.py."""

from __future__ import annotations

import pytest
from doc_inputs import sample_result

from parsers.results import Result


@pytest.fixture
def result() -> Result:
    return sample_result()
