"""Tasks used only by the worker tests: a long job for the heavy queue and a counted one."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


@task(queue_name="heavy")
def hold(*, seconds: float, marker: str) -> None:
    """Stand for an optimiser run: occupy the heavy worker for ``seconds``."""
    Path(marker + ".started").write_text(str(time.time()))
    time.sleep(seconds)
    Path(marker + ".done").write_text(str(time.time()))


@task()
def record(*, n: int, path: str, pause: float = 0) -> None:
    """Append one line per run; a task run twice shows as a repeated number. ``pause``: a
    task that takes a little time, as real ones do, so that both workers get some."""
    time.sleep(pause)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{n} {os.getpid()}\n".encode())
    finally:
        os.close(fd)
