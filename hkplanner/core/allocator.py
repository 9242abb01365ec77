"""Keep freed memory for reuse between batches: a batch of 10,000 scenarios allocates and frees tens of MB.

By default glibc gives memory at the top of its heap back to the system when it is freed, and maps each
array above a threshold afresh, so every batch paid the kernel again for the first touch of every page
(measured on the 2-core machine: about 0.3 ms a MB, a third of a 10,000-row batch). Raising both
thresholds keeps that memory mapped for the next batch; the peak is still what the largest batch needs.
Other C libraries (macOS, Windows, musl) are left as they are.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

_M_TRIM_THRESHOLD = -1  # glibc's malloc.h
_M_MMAP_THRESHOLD = -3
KEEP_FREED_BYTES = 256 * 2**20  # free memory kept at the heap's top before any is given back
MAP_ABOVE_BYTES = 32 * 2**20  # arrays larger than this are still mapped on their own (glibc's largest setting)


@cache
def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory for reuse (once per process); False where that is not glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, MAP_ABOVE_BYTES)) and bool(mallopt(_M_TRIM_THRESHOLD, KEEP_FREED_BYTES))
