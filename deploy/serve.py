"""Run the dashboard for a room: N `streamlit run` replicas (one per core by default)
behind Debian's nginx with sticky sessions and compression, supervised in the
foreground. A replica that exits is started again; Ctrl-C or SIGTERM stops everything.

    .venv/bin/python deploy/serve.py [--port 8080] [--replicas 2] [--user-data DIR]

What it does, in order:
1. writes a run folder (default /tmp/dashboard-deploy-<port>): a cookie secret shared
   by the replicas (XSRF tokens minted by one replica are valid on the others), and a
   gzipped copy of Streamlit's frontend bundle for nginx's gzip_static;
2. starts the replicas on 127.0.0.1 ports from --replica-port on, all on one user store:
   the PostgreSQL database DASHBOARD_STORE_URL names (passed on from the environment),
   else the SQLite file in the shared user-data area; an import in one replica is seen
   by the others at their next rerun (loaders/user_store.py). DASHBOARD_MODE and
   .streamlit/secrets.toml (editor sign-in) reach every replica the same way;
3. warms each replica (one websocket session opens every page), so that no user pays
   the imports and first loads of a cold process;
4. renders deploy/nginx.conf.template and runs nginx in the foreground.

Requirements: `apt-get install nginx` (Debian); nothing else. For systemd, see
deploy/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import secrets
import shutil
import signal
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import streamlit

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static" / "static"
COMPRESSIBLE = {".js", ".css", ".json", ".svg", ".ttf", ".map", ".txt", ".html", ".wasm"}
START_TIMEOUT = 120
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def prepare_static(run_dir: Path) -> Path:
    """Streamlit's bundle with a .gz beside every compressible file (once per version)."""
    target = run_dir / f"static-{streamlit.__version__}"
    if not (target / ".complete").exists():
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(STREAMLIT_STATIC, target)
        for path in target.rglob("*"):
            if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size > 1024:
                with open(path, "rb") as source, gzip.open(f"{path}.gz", "wb", 9) as packed:
                    shutil.copyfileobj(source, packed)
        (target / ".complete").touch()
    return target


def cookie_secret(run_dir: Path) -> str:
    path = run_dir / "cookie_secret"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def wait_healthy(url: str, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy")


class Deployment:
    """The replicas and the proxy; ``with Deployment(...) as d:`` serves on ``d.url``."""

    def __init__(self, checkout: Path = ROOT, port: int = 8080, replicas: int = 0,
                 replica_port: int = 0, run_dir: Path | None = None,
                 user_data: Path | None = None, base_path: str = "", warm: bool = True,
                 extra_flags: tuple[str, ...] = (), env: dict | None = None):
        self.checkout = Path(checkout).resolve()
        self.port = port
        self.count = replicas or os.cpu_count() or 1
        self.replica_port = replica_port or port + 1
        self.run_dir = Path(run_dir or f"/tmp/dashboard-deploy-{port}")
        self.user_data = Path(user_data or os.environ.get("DASHBOARD_USER_DATA")
                              or self.checkout / "user_data")
        self.base_path = "/" + base_path.strip("/") if base_path.strip("/") else ""
        self.warm = warm
        self.extra_flags = extra_flags
        self.env = dict(env or {})  # more settings for the replicas (e.g. the store URL)
        self.replicas: list[subprocess.Popen | None] = [None] * self.count
        self.nginx: subprocess.Popen | None = None
        self._logs: list = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.base_path}"

    def replica_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.replica_port + index}{self.base_path}"

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.replicas if p is not None]

    # --- replicas --------------------------------------------------------------------
    def _start_replica(self, index: int) -> subprocess.Popen:
        flags = ["--server.port", str(self.replica_port + index),
                 "--server.address", "127.0.0.1", "--server.headless", "true",
                 "--browser.gatherUsageStats", "false", *self.extra_flags]
        if self.base_path:
            flags.append(f"--server.baseUrlPath={self.base_path.strip('/')}")
        env = {**os.environ, "DASHBOARD_USER_DATA": str(self.user_data),
               "STREAMLIT_SERVER_COOKIE_SECRET": self._secret,
               "PYTHONPATH": str(self.checkout), **self.env}
        log = open(self.run_dir / f"replica-{index}.log", "ab")
        self._logs.append(log)
        return subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", *flags],
                                cwd=self.checkout, env=env, stdout=log,
                                stderr=subprocess.STDOUT)

    def _warm(self, index: int) -> None:
        sys.path.insert(0, str(ROOT / "bench"))
        import asyncio

        from st_client import Session

        async def visit_every_page() -> None:
            session, _ = await Session.open(self.replica_url(index), "")
            try:
                for page in ("지도", "추이", "비교", "데이터", "브리핑"):
                    await session.goto(page)
            finally:
                await session.close()
        asyncio.run(visit_every_page())

    # --- proxy -----------------------------------------------------------------------
    def _nginx_conf(self, static_dir: Path) -> Path:
        servers = "\n".join(f"        server 127.0.0.1:{self.replica_port + i} "
                            f"max_fails=0;" for i in range(self.count))
        values = {"RUN_DIR": self.run_dir, "LISTEN": f"127.0.0.1:{self.port}",
                  "BASE_PATH": self.base_path, "STATIC_DIR": static_dir,
                  "UPSTREAM_SERVERS": servers, "MAX_UPLOAD_MB": 64}
        text = re.sub(r"\$\{([A-Z_]+)\}", lambda m: str(values[m.group(1)]),
                      (DEPLOY / "nginx.conf.template").read_text())
        path = self.run_dir / "nginx.conf"
        path.write_text(text)
        return path

    def start(self) -> Deployment:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.user_data.mkdir(parents=True, exist_ok=True)
        self._secret = cookie_secret(self.run_dir)
        static_dir = prepare_static(self.run_dir)
        for index in range(self.count):
            self.replicas[index] = self._start_replica(index)
        for index, process in enumerate(self.replicas):
            wait_healthy(self.replica_url(index), process)
            if self.warm:
                self._warm(index)
        conf = self._nginx_conf(static_dir)
        command = [NGINX, "-p", str(self.run_dir), "-c", str(conf),
                   "-e", str(self.run_dir / "nginx-error.log")]
        subprocess.run([*command, "-t", "-q"], check=True)
        self.nginx = subprocess.Popen(command)
        wait_healthy(self.url, self.nginx)
        return self

    def supervise(self) -> None:
        """Restart replicas that exit, until nginx stops or a signal arrives."""
        while self.nginx.poll() is None:
            for index, process in enumerate(self.replicas):
                if process.poll() is not None:
                    print(f"replica {index} exited ({process.returncode}); restarting",
                          flush=True)
                    self.replicas[index] = self._start_replica(index)
            time.sleep(2)

    def stop(self) -> None:
        for process in [self.nginx, *self.replicas]:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in [self.nginx, *self.replicas]:
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        for log in self._logs:
            log.close()

    def __enter__(self) -> Deployment:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--replicas", type=int, default=0, help="default: one per core")
    parser.add_argument("--replica-port", type=int, default=0, help="default: port + 1")
    parser.add_argument("--run-dir", type=Path)
    parser.add_argument("--user-data", type=Path)
    parser.add_argument("--base-path", default="")
    parser.add_argument("--no-warm", action="store_true")
    args = parser.parse_args()
    deployment = Deployment(args.checkout, args.port, args.replicas, args.replica_port,
                            args.run_dir, args.user_data, args.base_path, not args.no_warm)

    def stop(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    try:
        with deployment:
            print(f"serving {deployment.url} with {deployment.count} replicas "
                  f"(pids {deployment.pids})", flush=True)
            deployment.supervise()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
