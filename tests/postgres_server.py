"""A throw-away PostgreSQL server for the tests and the benchmark (SPEC 8.3).

The server is started from the machine's own binaries (``initdb``, ``pg_ctl``; on Debian
under ``/usr/lib/postgresql/<version>/bin``) in a temporary folder, listening on a free
port of 127.0.0.1 only, and removed when stopped. PostgreSQL refuses to run as root, so
as root the cluster belongs to the ``postgres`` system user and its commands run through
``runuser``. Connections over TCP need a password (SCRAM), so tests of a wrong password
see the server's real refusal.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

#: The superuser of the throw-away cluster.
SUPERUSER = "postgres"
#: Numbers the databases this process creates, on whichever server (a process may use a
#: shared server in several test sessions: mutmut's runs before the mutants).
_DATABASE_NUMBERS = itertools.count(1)
#: Names a running throw-away server (see :meth:`PostgresServer.shared`) that test runs
#: use instead of starting their own: the mutation run starts one for all its mutants.
SHARED_SERVER_VARIABLE = "DST_TEST_POSTGRES_SERVER"


class ServerUnavailableError(Exception):
    """No PostgreSQL server binaries on this machine; the message says what was searched."""


def find_server_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: $DST_PG_BIN, Debian's folders, PATH."""
    candidates: list[Path] = []
    if os.environ.get("DST_PG_BIN"):
        candidates.append(Path(os.environ["DST_PG_BIN"]))
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = [p for p in debian.iterdir() if re.fullmatch(r"\d+", p.name)]
        candidates.extend(p / "bin" for p in sorted(versions, key=lambda p: -int(p.name)))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ServerUnavailableError(
        "no PostgreSQL server binaries (initdb, pg_ctl) in $DST_PG_BIN, /usr/lib/postgresql/*/bin "
        "or on PATH; install them with `sh tools/install-system-packages.sh` (Debian: postgresql)"
    )


def _scratch_folder() -> str | None:
    """Where the cluster lives: memory (/dev/shm) when there is one, for speed — a
    throw-away cluster needs no disk — else the system's temporary folder."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shutil.disk_usage(shm).free > 1 << 30:
        return str(shm)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """One running throw-away cluster."""

    binaries: Path
    folder: Path
    port: int
    password: str
    _as_postgres_user: bool = field(default=False, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        argv = list(command)
        if self._as_postgres_user:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(
            argv, capture_output=True, text=True, check=check, timeout=120, cwd=self.folder
        )

    def url(
        self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None
    ) -> str:
        secret = self.password if password is None and user == SUPERUSER else password
        auth = quote(user, safe="") + (f":{quote(secret, safe='')}" if secret else "")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}"

    # Life cycle --------------------------------------------------------------------------

    @classmethod
    def create(cls) -> PostgresServer:
        binaries = find_server_binaries()
        as_postgres = os.geteuid() == 0
        folder = Path(tempfile.mkdtemp(prefix="dst-pg-", dir=_scratch_folder()))
        server = cls(binaries, folder, _free_port(), secrets.token_hex(12), as_postgres)
        try:
            password_file = folder / "superuser-password"
            password_file.write_text(server.password + "\n", encoding="utf-8")
            if as_postgres:
                shutil.chown(folder, "postgres", "postgres")
                shutil.chown(password_file, "postgres", "postgres")
            server._run(
                str(binaries / "initdb"),
                "-D",
                str(server.data),
                "-U",
                SUPERUSER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={password_file}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
            password_file.unlink()
            server.start()
        except BaseException:
            server.remove()
            raise
        return server

    def shared_description(self) -> str:
        """The value of :data:`SHARED_SERVER_VARIABLE` that names this server."""
        import json

        return json.dumps(
            {
                "binaries": str(self.binaries),
                "folder": str(self.folder),
                "port": self.port,
                "password": self.password,
                "as_postgres_user": self._as_postgres_user,
            }
        )

    @classmethod
    def shared(cls) -> PostgresServer | None:
        """The running server named by :data:`SHARED_SERVER_VARIABLE`, if any; whoever
        started it removes it."""
        import json

        value = os.environ.get(SHARED_SERVER_VARIABLE)
        if not value:
            return None
        fields = json.loads(value)
        # Databases of the processes sharing it are told apart by process id.
        return cls(
            Path(fields["binaries"]),
            Path(fields["folder"]),
            int(fields["port"]),
            str(fields["password"]),
            bool(fields["as_postgres_user"]),
        )

    def start(self) -> None:
        options = " ".join(
            [
                f"-p {self.port}",
                f"-k {self.folder}",
                "-c listen_addresses=127.0.0.1",
                # A throw-away cluster in memory: no need to wait for the disk. Commits
                # stay synchronous, so a crash (stop -m immediate) keeps what was committed.
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=64MB",
            ]
        )
        result = self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
            check=False,
        )
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate`` is a crash: connections drop without goodbye)."""
        self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-m",
            mode,
            "-w",
            "stop",
            check=False,
        )

    def is_running(self) -> bool:
        result = self._run(
            str(self.binaries / "pg_ctl"), "-D", str(self.data), "status", check=False
        )
        return result.returncode == 0

    def remove(self) -> None:
        if self.data.exists():
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)

    # Databases and logins -------------------------------------------------------------

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser through the Unix socket; return what it printed."""
        result = self._run(
            str(self.binaries / "psql") if (self.binaries / "psql").exists() else "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.folder),
            "-p",
            str(self.port),
            "-U",
            SUPERUSER,
            "-d",
            database,
            "-At",
            "-c",
            sql,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout

    def admin_connection(
        self, database: str = "postgres"
    ) -> contextlib.AbstractContextManager[object]:
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def new_database(
        self, prefix: str = "dst", owner: str | None = None, template: str | None = None
    ) -> str:
        """Create an empty database; return its name."""
        name = f"{prefix}_{os.getpid()}_{next(_DATABASE_NUMBERS)}"
        clauses = []
        if owner:
            clauses.append(f'OWNER "{owner}"')
        if template:
            clauses.append(f'TEMPLATE "{template}"')
        with self.admin_connection() as connection:
            connection.execute(f'CREATE DATABASE "{name}" {" ".join(clauses)}')  # type: ignore[attr-defined]
        return name

    def drop_database(self, name: str) -> None:
        with self.admin_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    server = PostgresServer.create()
    try:
        yield server
    finally:
        server.remove()


class TcpProxy:
    """A port that forwards to the server and can be cut, as a network outage would:
    ``cut()`` closes every forwarded connection and refuses new ones until ``restore()``.
    """

    def __init__(self, target_port: int) -> None:
        import threading

        self._target = target_port
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self._open = True
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if not self._open:
                    client.close()
                    continue
                try:
                    upstream = socket.create_connection(("127.0.0.1", self._target))
                except OSError:
                    client.close()
                    continue
                self._sockets += [client, upstream]
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        with self._lock:
            self._open = False
            for connection in self._sockets:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                connection.close()
            self._sockets.clear()

    def restore(self) -> None:
        with self._lock:
            self._open = True

    def close(self) -> None:
        self.cut()
        self._closed = True
        self._listener.close()
