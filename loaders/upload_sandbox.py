"""Read an upload in a separate process with a memory and a time limit.

The dashboard is one server shared by a ministry's staff: a file that makes a reader
run away must cost its own session a clear message, never the server or another
session. So ``preview_isolated`` hands the bytes to a fresh worker process (at most
limits.MAX_WORKERS at once, so many uploads together cannot add up either)
(``python -m loaders.upload_worker``), which limits its own address space
(limits.WORKER_MEMORY_BYTES above what its imports take) and CPU time, and is killed by
the caller when the wall-clock limit (limits.WORKER_SECONDS) passes. Whatever goes
wrong comes back as an InputError: the limits as their own messages, an unexpected
failure as an error id whose traceback is in the server log.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

from loaders import limits
from loaders.errors import InputError
from loaders.importing import Preview
from loaders.sniff import check_size

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 10  # importing pandas in a cold worker; not counted against the file
EXIT_MEMORY, EXIT_FAILED = 3, 4
# Arrow's own allocator and glibc's per-thread arenas reserve gigabytes of address space
# they never touch; with these the address-space limit measures what the reader uses.
WORKER_ENVIRONMENT = {"ARROW_DEFAULT_MEMORY_POOL": "system", "MALLOC_ARENA_MAX": "2"}
log = logging.getLogger(__name__)
_WORKERS = threading.BoundedSemaphore(limits.MAX_WORKERS)  # per server process


def preview_isolated(data: bytes, file_name: str, *,
                     seconds: float = limits.WORKER_SECONDS,
                     memory_bytes: int = limits.WORKER_MEMORY_BYTES) -> Preview:
    """loaders.importing.preview_upload, run in a limited worker process."""
    check_size(data, file_name)  # before a worker is started
    if not _WORKERS.acquire(timeout=seconds):
        raise InputError("upload_busy", file=file_name)
    try:
        return _run_worker(data, file_name, seconds, memory_bytes)
    finally:
        _WORKERS.release()


def _run_worker(data: bytes, file_name: str, seconds: float, memory_bytes: int) -> Preview:
    request = pickle.dumps((data, file_name, int(seconds), memory_bytes))
    process = subprocess.Popen(
        [sys.executable, "-m", "loaders.upload_worker"], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        env={**os.environ, **WORKER_ENVIRONMENT})
    try:
        out, err = process.communicate(request, timeout=seconds + STARTUP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise InputError("upload_time_exceeded", file=file_name, seconds=int(seconds)) from None
    return _outcome(process.returncode, out, err, file_name, seconds, memory_bytes)


def _outcome(code: int, out: bytes, err: bytes, file_name: str, seconds: float,
             memory_bytes: int) -> Preview:
    if code == 0:
        kind, value = pickle.loads(out)
        if kind == "preview":
            return value
        raise value
    if code == EXIT_MEMORY or code == -signal.SIGABRT:  # MemoryError, or Rust's failed alloc
        raise InputError("upload_memory_exceeded", file=file_name, mb=memory_bytes // 2**20)
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        raise InputError("upload_time_exceeded", file=file_name, seconds=int(seconds))
    incident = uuid.uuid4().hex[:8]
    log.error("upload worker failed (error id %s, exit %s) on %r:\n%s", incident, code,
              file_name, err.decode("utf-8", "replace")[-8000:])
    raise InputError("upload_worker_failed", file=file_name, incident=incident)
