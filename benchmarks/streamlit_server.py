"""What the app benchmarks and the browser tests share: a `streamlit run` of a script, headless
on a free port of this machine, started and stopped around a benchmark or a test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVED_APP = ROOT / "dashboard" / "serve.py"
"""The app as `./project app` serves it (app.py with compressed responses): what users get."""
STARTUP_SECONDS = 60.0
"""How long a server may take to answer its health check."""

FLOOR_APP = """
import streamlit as st

wage = st.text_input("Hourly wage (€/h)", "75")
st.metric("Hourly wage", wage)
"""
"""The floor of an edit: Streamlit's own round trip for one text input and one figure."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def streamlit_server(script: Path, log: Path | None = None) -> Iterator[int]:
    """Run `streamlit run script` headless on 127.0.0.1 (the project's .streamlit/config.toml
    applies: it runs in the project folder); yields its port once it is healthy. With `log`,
    the server's output goes there, and a server that does not start says what it printed."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
    ]
    with ExitStack() as files:
        output = files.enter_context(log.open("wb")) if log is not None else subprocess.DEVNULL
        server = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    printed = f":\n{log.read_text()}" if log is not None else ""
                    raise RuntimeError(
                        f"streamlit did not start: {' '.join(command)}{printed}"
                    ) from None
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
