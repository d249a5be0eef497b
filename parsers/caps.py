"""Caps a child process puts on itself: memory (address space), CPU time, and death with its parent.

Used by the service's job processes, the batch's worker processes (parsers.pool) and the PDF reader's child.
Linux only; elsewhere the parent's wall-clock timeout is the only cap.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

MiB = 1024 * 1024
_M_ARENA_MAX = -8  # mallopt parameter, glibc's malloc.h
_ARENAS = 2
_PR_SET_PDEATHSIG = 1


def limit_memory(memory_mb: int) -> None:
    """Turn a decompression bomb into a MemoryError instead of an OOM kill of the box."""
    try:
        import resource
    except ImportError:
        return
    few_malloc_arenas()
    limit = memory_mb * MiB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def few_malloc_arenas() -> bool:
    """At most two malloc arenas, in this process (and what it forks) and in the processes it starts later.

    An address-space cap counts what glibc reserves, not what is used: every thread that allocates may get an
    arena of its own (up to 8 per core), each reserving 64 MB. The OCR engine's threads took an OCR parse from
    0.99 GB of address space on a quiet machine to 1.25 GB under load — past the 1 GB a file may take, so a good
    scan failed as damaged; with two arenas it peaked at 0.86 GB under the same load. Two are plenty for a parse.
    True when this process's malloc took the setting (glibc)."""
    os.environ.setdefault("MALLOC_ARENA_MAX", str(_ARENAS))
    try:
        return bool(ctypes.CDLL(None).mallopt(_M_ARENA_MAX, _ARENAS))
    except (OSError, AttributeError):  # not glibc: no arenas of this kind to bound
        return False


def limit_memory_above_now(memory_mb: int) -> None:
    """Cap a forked child at what it inherited plus `memory_mb`: a fork shares the parent's address space
    (the batch parent holds every return read so far), which an absolute cap would count against the file."""
    try:
        with open("/proc/self/statm") as statm:
            inherited = int(statm.read().split()[0]) * _page_size()
    except (OSError, ValueError, IndexError):
        inherited = 0
    limit_memory(inherited // MiB + memory_mb)


def _page_size() -> int:
    return os.sysconf("SC_PAGE_SIZE")


def limit_cpu(seconds: float) -> None:
    """A hard CPU-time stop for code that never returns to Python (a native loop holding the GIL)."""
    try:
        import resource
    except ImportError:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    soft = int(spent + seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 2))  # SIGXCPU, then SIGKILL


def die_with_parent(parent: int | None = None) -> None:
    """Ask the kernel to kill this process when its parent dies: no parse outlives the worker that ran it.
    With `parent` (the pid the caller forked from), a parent already gone before the request ends this process
    at once — the one gap PR_SET_PDEATHSIG leaves."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(1)
