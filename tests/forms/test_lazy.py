"""Names of a package loaded on first use: the right object, kept once loaded, an unknown name an AttributeError."""

from __future__ import annotations

import pytest

from forms.lazy import exports


def test_a_name_loads_from_its_home_once_and_an_unknown_name_is_an_attribute_error() -> None:
    namespace: dict[str, object] = {}
    load = exports("pkg", {"dumps": "json"}, namespace)
    import json

    assert load("dumps") is json.dumps and namespace == {"dumps": json.dumps}
    with pytest.raises(AttributeError, match="'pkg' has no attribute 'loads'"):
        load("loads")
