"""Shared fixtures: the built-in form registry."""

from __future__ import annotations

import pytest

from forms import FormRegistry


@pytest.fixture(scope="session")
def registry() -> FormRegistry:
    return FormRegistry.load()
