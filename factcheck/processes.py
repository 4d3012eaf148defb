"""What every worker process of factcheck does when it starts (``score --workers``,
``extract --workers``): keep to its share of the cores, and end when the main process is gone.

Kept apart from the engines so a freshly started worker imports nothing heavy to do it."""
from __future__ import annotations

import os
import threading
import time


def exit_with_parent() -> None:
    """End this worker when the main process is gone (killed with SIGKILL, say): an orphan would
    otherwise wait for work forever, holding the model's memory."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def limit_threads(n: int) -> None:
    """Keep each worker to its share of the cores, so N workers do not fight over BLAS threads."""
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(max(1, n))
    except Exception:  # threadpoolctl is optional; without it the OS schedules as it can
        pass
