"""Real worker processes for the tests: a migrated database file, db_worker subprocesses, and
`python -m maillage shell -c` to act on that database as the web process would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Platform:
    """Processes of the platform against one database (a SQLite file or a PostgreSQL URL)."""

    def __init__(self, database_url: str, data_dir: Path, **env: str):
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("MAILLAGE_", "PYTEST"))
        }
        self.env.update(
            MAILLAGE_DEBUG="true",
            MAILLAGE_DATABASE_URL=database_url,
            MAILLAGE_DATA_DIR=str(data_dir),
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
            **env,
        )
        self.processes: list[subprocess.Popen] = []
        self.logs = data_dir

    def manage(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "maillage", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            raise AssertionError(f"manage {args[0]} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code)

    def log_count(self, name: str, text: str) -> int:
        path = self.logs / f"worker-{name}.log"
        return path.read_text().count(text) if path.exists() else 0

    def ready(self, name: str) -> None:
        wait_until(lambda: self.log_count(name, "Starting worker") > 0, 60, f"worker {name}")

    def worker(self, queue: str, name: str) -> subprocess.Popen:
        log = open(self.logs / f"worker-{name}.log", "w")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            [sys.executable, "-m", "maillage", "db_worker", "--queue-name", queue,
             "--interval", "0.2", "--no-reload", "--worker-id", name],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.processes.append(proc)
        return proc

    def stop(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.processes:  # a worker ends its current task first: don't wait for it
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.processes.clear()


def migrated_sqlite(template: Path, target: Path) -> str:
    """A copy of the migrated template database at ``target``; returns its URL."""
    shutil.copy(template, target)
    return f"sqlite:///{target}"


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)
