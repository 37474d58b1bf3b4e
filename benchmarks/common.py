"""What the benchmark and the load test share: demo databases, gunicorn, signing in over HTTP."""

import contextlib
import hashlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
PYTHON = sys.executable
PASSWORD = "demo-traineeship"
ROLES = ["hr", "manager", "mentor", "trainee", "coordinator"]
# `sqlite` (files under benchmarks/data/) or `postgresql`: one database per scale on the
# throwaway cluster whose DATABASE_URL scripts/with-postgres exported.
DATABASE = os.environ.get("BENCH_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
# Scale name -> (extra trainees, organisations they are spread over: `demo --trainees N --organisations M`).
# "huge" is PostgreSQL only: 100,000 traineeships over 500 organisations (the demo organisations get 200 each).
ALL_SCALES = {"small": (100, 2), "large": (10_000, 2), "huge": (100_000, 500)}
DEFAULT_SCALES = {"sqlite": ["small", "large"], "postgresql": ["small", "large", "huge"]}
# BENCH_SCALES=small,huge (comma-separated) runs only those scales.
_chosen = [name for name in os.environ.get("BENCH_SCALES", "").split(",") if name.strip()]
SCALES = {name: ALL_SCALES[name] for name in (_chosen or DEFAULT_SCALES.get(DATABASE, ["small", "large"]))}


def database_url(scale: str) -> str:
    if DATABASE == "postgresql":
        return urlsplit(POSTGRES_URL)._replace(path=f"/bench_{scale}").geturl()
    return f"sqlite:///{DATA / f'{scale}.sqlite3'}"


def create_postgres_database(scale: str) -> None:
    import psycopg

    with psycopg.connect(urlsplit(POSTGRES_URL)._replace(path="/postgres").geturl(), autocommit=True) as pg:
        pg.execute(f"DROP DATABASE IF EXISTS bench_{scale}")
        pg.execute(f"CREATE DATABASE bench_{scale}")


def server_env(scale: str, **extra) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url(scale),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECRET_KEY": "benchmark-" + hashlib.sha256(str(ROOT).encode()).hexdigest(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "traineeship.settings",
        "DJANGO_STATIC_ROOT": str(DATA / "static"),  # nothing written outside benchmarks/data/
        "DJANGO_MEDIA_ROOT": str(DATA / f"media-{scale}"),
        **extra,
    }


def _fingerprint() -> str:
    """Changes when a migration or a demo loader changes: the database is then rebuilt."""
    digest = hashlib.sha256()
    files = sorted(ROOT.glob("*/migrations/*.py")) + sorted(ROOT.glob("*/demo.py")) + sorted(ROOT.glob("*/demo_*.py"))
    files.append(ROOT / "overview" / "management" / "commands" / "demo.py")
    files.append(ROOT / "overview" / "state.py")  # the stored state is computed at the end of the demo load
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def manage(scale: str, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=server_env(scale), check=True)


def ensure_database(scale: str) -> float | None:
    """Migrate and load ``demo --trainees N --organisations M`` once per code version (the demo command is
    idempotent); returns the seconds the load took (None: the SQLite database was up to date)."""
    DATA.mkdir(parents=True, exist_ok=True)
    trainees, organisations = ALL_SCALES[scale]
    load = ["demo", "--trainees", str(trainees), "--organisations", str(organisations)]
    if DATABASE == "postgresql":
        # The cluster is thrown away after the run, so the data is always loaded afresh
        # (the demo command ends with VACUUM ANALYZE on PostgreSQL).
        started = time.perf_counter()
        create_postgres_database(scale)
        manage(scale, "migrate", "-v0")
        migrated = time.perf_counter()
        manage(scale, *load)
        seconds = time.perf_counter() - migrated
        print(
            f"[{scale}] PostgreSQL: {trainees} trainees over {organisations} organisations loaded in"
            f" {seconds:.0f} s (migrations {migrated - started:.0f} s before)"
        )
        return round(seconds, 1)
    marker = DATA / f"{scale}.fingerprint"
    fingerprint = _fingerprint()
    if marker.exists() and marker.read_text() == fingerprint and (DATA / f"{scale}.sqlite3").exists():
        print(f"[{scale}] demo database up to date")
        return None
    for path in DATA.glob(f"{scale}.sqlite3*"):
        path.unlink()
    started = time.perf_counter()
    manage(scale, "migrate", "-v0")
    manage(scale, *load)
    seconds = time.perf_counter() - started
    print(f"[{scale}] demo data for {trainees} trainees loaded in {seconds:.0f} s")
    marker.write_text(fingerprint)
    return round(seconds, 1)


def collectstatic() -> None:
    manage(next(iter(SCALES)), "collectstatic", "--noinput", "-v0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(scale: str, workers: int = 2, task_workers: int = 0, **env):
    """Serve the ``scale`` database on a free loopback port, with ``task_workers`` task workers
    beside it (PDFs are rendered there); always stopped afterwards. ``env``: extra settings."""
    port = free_port()
    helpers = [
        subprocess.Popen(
            [PYTHON, "manage.py", "task_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=server_env(scale, **env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(task_workers)
    ]
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "traineeship.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(scale, **env),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(requests.ConnectionError, requests.Timeout):  # a busy machine starts slowly
                if requests.get(f"{base}/accounts/login/", timeout=10).status_code == 200:
                    break
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped with {process.returncode}")
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not answer in time")
        yield base
    finally:
        for running in [process, *helpers]:
            running.terminate()
            try:
                running.wait(timeout=10)
            except subprocess.TimeoutExpired:
                running.kill()
                running.wait()


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def sign_in(base: str, email: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=30)
    token = CSRF.search(page.text).group(1)
    answer = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD, "next": "/"},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=60,
    )
    if "/accounts/login/" in answer.url:
        raise RuntimeError(f"{email} could not sign in")
    return session


def http_fetcher(session: requests.Session, base: str):
    def fetch(url):
        response = session.get(base + url, timeout=60)
        content_type = response.headers.get("Content-Type", "")
        return response.status_code, content_type, response.text if content_type.startswith("text/html") else ""

    return fetch
