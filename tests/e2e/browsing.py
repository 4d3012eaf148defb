"""Helpers of the browser tests: where Chromium is, the two screen sizes, a uvicorn server over a queue."""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
#: the two screens every review screen is tested at: a laptop and a phone
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the shared web fixtures


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(queue_path):
    """Yield the base URL of a uvicorn server over the queue, on a free local port."""
    import uvicorn

    from factcheck.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(queue_path, secret_key="e2e"), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


