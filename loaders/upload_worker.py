"""The upload worker (see loaders.upload_sandbox): read one pickled request from stdin,
limit this process (lower CPU priority, address space, CPU time), parse, and write the
pickled Preview or InputError to stdout.

Exit 0 with a result, 3 when memory ran out, 4 on any other failure (traceback on
stderr, for the server log). Run only by loaders.upload_sandbox.
"""

from __future__ import annotations

import os

os.nice(10)  # before the imports: the server's own sessions get the CPU first

import pickle  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402

from loaders.errors import InputError  # noqa: E402
from loaders.importing import preview_upload  # noqa: E402
from loaders.upload_sandbox import EXIT_FAILED, EXIT_MEMORY  # noqa: E402

WARM_UP = "시도별,2022 년\n서울특별시,1\n".encode()


def _address_space() -> int:
    """This process's current virtual size, in bytes (imports included)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def main() -> int:
    data, file_name, seconds, memory_bytes = pickle.loads(sys.stdin.buffer.read())
    preview_upload(WARM_UP, "warm-up.csv")  # lookup tables loaded before the limit is set
    cap = _address_space() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    try:
        try:
            result = ("preview", preview_upload(data, file_name))
        except InputError as error:
            result = ("error", error)
        sys.stdout.buffer.write(pickle.dumps(result))
    except MemoryError:
        return EXIT_MEMORY
    except Exception:  # a bug, not the user's file: logged by the server with an error id
        traceback.print_exc()
        return EXIT_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
