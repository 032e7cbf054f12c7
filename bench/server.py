"""Start the app as users get it (`streamlit run app.py` in a checkout, on a free port)
and read what the operating system says about the process: CPU seconds and resident
memory from /proc, and the machine's load average."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process, all its threads (``/proc/<pid>/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_healthy(url: str, process: subprocess.Popen | None = None,
                 timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline or (process is not None and process.poll() is not None):
            raise RuntimeError(f"no healthy server at {url}")
        time.sleep(0.2)


@dataclass
class AppServer:
    """``streamlit run <script>`` from ``checkout`` with extra ``--flags`` (config the
    checkout's own .streamlit/config.toml does not set) and an empty user-data area."""
    checkout: Path
    script: str = "app.py"
    flags: tuple[str, ...] = ()
    env: dict = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None
    user_data: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def start(self) -> AppServer:
        self.port = self.port or free_port()
        self.user_data = Path(tempfile.mkdtemp(prefix="bench-user-data-"))
        command = [sys.executable, "-m", "streamlit", "run", self.script,
                   "--server.port", str(self.port), "--server.address", "127.0.0.1",
                   "--server.headless", "true", "--browser.gatherUsageStats", "false",
                   *self.flags]
        environment = {**os.environ, "DASHBOARD_USER_DATA": str(self.user_data),
                       "PYTHONPATH": str(self.checkout), **self.env}
        self.log = open(self.user_data.parent / f"{self.user_data.name}.log", "wb")
        self.process = subprocess.Popen(command, cwd=self.checkout, stdout=self.log,
                                        stderr=subprocess.STDOUT, env=environment)
        wait_healthy(self.url, self.process)
        return self

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def rss(self) -> float:
        return rss_mb(self.pid)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        if self.user_data is not None:
            shutil.rmtree(self.user_data, ignore_errors=True)
            Path(self.log.name).unlink(missing_ok=True)

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
