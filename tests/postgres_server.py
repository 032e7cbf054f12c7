"""A private PostgreSQL server for the tests: Debian's postgresql binaries, a fresh cluster
in a temporary folder, listening on 127.0.0.1 and a free port only (the suite runs with
no network but loopback), password authentication over TCP, stopped and deleted after.

PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to the
``postgres`` system user and its commands run through runuser.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "store-test-" + uuid.uuid4().hex[:12]
SUPERUSER = "dashboard_test"


class Unavailable(Exception):
    """Why no server can be started here (the tests skip with this message)."""


@dataclass
class Server:
    folder: Path
    port: int
    bin_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        return (f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@127.0.0.1:{self.port}/"
                f"{database}")

    def psql(self, sql: str, database: str = "postgres") -> str:
        return _run(self, [str(self.bin_dir / "psql"), "-h", str(self.folder), "-p",
                           str(self.port), "-U", SUPERUSER, "-d", database, "-At",
                           "-v", "ON_ERROR_STOP=1", "-c", sql]).strip()

    def create_database(self) -> str:
        name = "store_" + uuid.uuid4().hex[:12]
        self.psql(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def bin_dir() -> Path:
    """The newest installed server's binaries (Debian: /usr/lib/postgresql/<ver>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    raise Unavailable("PostgreSQL is not installed (Debian package postgresql; `make test` "
                      "installs it)")


def start() -> Server:
    binaries = bin_dir()
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user") from None
        run_as = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))
    if run_as:
        shutil.chown(folder, user=run_as)
    port = _free_port()
    server = Server(folder, port, binaries, run_as)
    password_file = folder / "pw"
    password_file.write_text(PASSWORD + "\n")
    if run_as:
        shutil.chown(password_file, user=run_as)
    _run(server, [str(binaries / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER,
                  "--pwfile", str(password_file), "--auth-local=trust",
                  "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
                  "--no-sync"])
    password_file.unlink()
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=on "
               "-c max_connections=100")
    _run(server, [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-l",
                  str(folder / "server.log"), "-o", options, "-w", "-t", "60", "start"])
    return server


def stop(server: Server) -> None:
    try:
        _run(server, [str(server.bin_dir / "pg_ctl"), "-D", str(server.folder / "data"),
                      "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


def _run(server: Server, command: list[str]) -> str:
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                            cwd=server.folder)
    if result.returncode != 0:
        log = server.folder / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise Unavailable(f"{Path(command[0] if not server.run_as else command[4]).name} "
                          f"failed: {result.stderr.strip()[-1500:]}\n{tail}")
    return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
