"""parsers.caps: what a capped child process sets on itself."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# Eight threads allocate at once and stay alive; the script prints how much address space they added.
THREADS = textwrap.dedent(
    """
    import sys, threading
    from parsers.caps import few_malloc_arenas
    if sys.argv[1] == "bounded":
        assert few_malloc_arenas()
    def size():
        return int(next(l for l in open("/proc/self/status") if l.startswith("VmSize")).split()[1]) // 1024
    before = size()
    start, hold = threading.Barrier(8), threading.Event()
    def work():
        start.wait()
        kept = [bytearray(4096) for _ in range(200)]
        hold.wait()
    threads = [threading.Thread(target=work, daemon=True) for _ in range(8)]
    for t in threads:
        t.start()
    while sum(t.is_alive() for t in threads) < 8:
        pass
    import time; time.sleep(0.3)
    print(size() - before)
    hold.set()
    """
)


def _added_mb(mode: str) -> int:
    # Without the variable a service test may have set in this process (few_malloc_arenas sets it for children).
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    done = subprocess.run([sys.executable, "-c", THREADS, mode], capture_output=True, text=True, check=True, env=env)
    return int(done.stdout)


def test_threads_share_two_malloc_arenas() -> None:
    # Each thread of its own arena reserves 64 MB of address space; two arenas keep eight threads far below that.
    free, bounded = _added_mb("free"), _added_mb("bounded")
    assert free - bounded >= 4 * 64, (free, bounded)
