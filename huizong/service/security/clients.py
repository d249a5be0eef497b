"""Who is asking: the peer's address, or — only behind a proxy we were told to trust — the address it forwards.

`X-Forwarded-For` is a list a client can start with anything; each trusted proxy appends the address it
saw. Read from the right, the first address that is not a trusted proxy is the client. From an untrusted
peer the header is ignored: otherwise anyone could pose as any address and dodge the login limits.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=32)
def networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(t.strip(), strict=False) for t in trusted if t.strip())


def _trusted(address: str, nets: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in nets)


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[str, ...]) -> str:
    """The client's address as far as it can be believed."""
    peer = peer or "unknown"
    nets = networks(trusted)
    if not forwarded_for or not nets or not _trusted(peer, nets):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, nets):
            return _valid(hop) or peer
    return _valid(hops[0]) if hops and _valid(hops[0]) else peer


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
