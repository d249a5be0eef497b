"""Messages that outlive the request that made them: the files an upload refused, and those it did not keep again
because the same bytes had come before.

An upload answers with a redirect (so a reload never sends the files again) whose address carries the refusals,
signed so that nobody can make this site show a text of their own; the page shows them on every automatic
refresh until the reader closes them (a link to the same page without them).
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlencode

from fastapi import Request

from huizong.service.http.deps import signer

Note = tuple[str, str, str]  # kind ("refused" | "same"), file name, what to tell
Rejected = list[Note]
_MAX = 100  # files per upload at most (settings.max_files); the address stays well under a server's limit
_MAX_TEXT = 160


def pack(request: Request, rejected: Rejected) -> str:
    kept = [(kind, name[:_MAX_TEXT], text[:_MAX_TEXT]) for kind, name, text in rejected[:_MAX]]
    raw = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode()
    return signer(request).sign(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def unpack(request: Request, value: str | None) -> Rejected:
    """The refusals carried by `value`; nothing when it is missing, altered or malformed."""
    data = signer(request).unsign(value)
    if not data:
        return []
    try:
        kept = json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
        return [(str(kind), str(name), str(text)) for kind, name, text in kept]
    except (ValueError, TypeError):
        return []


def address(path: str, request: Request, rejected: Rejected, **params: str) -> str:
    """`path` with its parameters, and the refusals when there are any."""
    query = {k: v for k, v in params.items() if v}
    if rejected:
        query["notes"] = pack(request, rejected)
    return f"{path}?{urlencode(query)}" if query else path


def split(notes: Rejected) -> dict[str, list[tuple[str, str]]]:
    """The page's two lists: `rejected` (not kept) and `same` (kept before), each (file name, text)."""
    return {
        "rejected": [(name, text) for kind, name, text in notes if kind == "refused"],
        "same": [(name, text) for kind, name, text in notes if kind == "same"],
    }
