"""Optional engines: the scale-out path needs the `scale` extra (redis, rq, boto3); say so in Chinese."""

from __future__ import annotations

import importlib
from types import ModuleType

from forms.errors import HuizongError


class MissingExtra(HuizongError):
    pass


def require(module: str, purpose: str) -> ModuleType:
    """Import `module`, or explain which extra to install for `purpose`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"{purpose}需要额外的组件，请安装 huizong[scale]（pip install 'huizong[scale]'）。"
        ) from None
