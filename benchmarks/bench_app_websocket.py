"""The app's edit over Streamlit's real protocol, with 1, 5 and 20 users at once: `streamlit run
dashboard/serve.py` (as `./project app` serves it) headless on a free port, and N sessions that
talk to it as the browser does.

    uv run python benchmarks/bench_app_websocket.py [--users 1 5 20] [--edits 5]

Each session opens the websocket `/_stcore/stream` (subprotocol `streamlit`) and sends a
`BackMsg` `rerun_script` with its `ClientState` (query string, locale, widget states), as the
frontend does on opening the page; from the messages of that run (`ForwardMsg` deltas) it finds
the hourly wage's text input. An edit is a `rerun_script` whose widget states carry a new wage
(one not typed before, so no figure comes from a cache); it is timed from sending until the
`script_finished` message of that run. All N sessions send each edit at the same moment.

The floor, measured in the same run: the same protocol against a script holding one text
input and one figure (Streamlit's own round trip). Prints the median, the 10th-90th
percentile and the worst edit per number of users, and the ratio of the median to the floor's.
Goal (issue 14): one user under 100 ms at the server; 20 users median under 0.5 s, worst under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit_server import FLOOR_APP, SERVED_APP, streamlit_server
from timing import line, spread

WAGE_LABEL = "Hourly wage"
"""The label the hourly wage's input starts with (the page opens in English here)."""
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
RUN_SECONDS = 120.0
"""How long one run may take before the benchmark gives up."""


@dataclass
class Session:
    """One browser tab: its websocket, and the id (and fragment) of the wage input."""

    socket: websockets.ClientConnection
    wage_id: str = ""
    fragment_id: str = ""

    def rerun(self, wage: str | None) -> bytes:
        """The BackMsg the frontend sends for a rerun, with the wage typed (or none)."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = ""
        state.context_info.locale = "en-US"
        state.context_info.timezone = "Europe/Amsterdam"
        if wage is not None:
            widget = state.widget_states.widgets.add()
            widget.id = self.wage_id
            widget.string_value = wage
            state.fragment_id = self.fragment_id
        return message.SerializeToString()

    async def run(self, wage: str | None) -> float:
        """Send a rerun; the seconds until its script has finished."""
        start = time.perf_counter()
        await self.socket.send(self.rerun(wage))
        async with asyncio.timeout(RUN_SECONDS):
            while True:
                message = ForwardMsg()
                message.ParseFromString(await self.socket.recv())
                kind = message.WhichOneof("type")
                if kind == "delta" and not self.wage_id:
                    self.find_wage(message)
                if kind == "script_finished" and message.script_finished in FINISHED:
                    return time.perf_counter() - start

    def find_wage(self, message: ForwardMsg) -> None:
        delta = message.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        if element.WhichOneof("type") == "text_input" and element.text_input.label.startswith(
            WAGE_LABEL
        ):
            self.wage_id = element.text_input.id
            self.fragment_id = delta.fragment_id


async def open_sessions(port: int, users: int) -> list[Session]:
    """N sessions that have each loaded the page once."""
    sessions = []
    for _ in range(users):
        socket = await websockets.connect(
            f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None
        )
        session = Session(socket)
        await session.run(None)
        if not session.wage_id:
            raise RuntimeError(f"no text input labelled {WAGE_LABEL!r} on the page")
        sessions.append(session)
    return sessions


async def edits(port: int, users: int, count: int, first_wage: int) -> list[float]:
    """Seconds of every session's edit, `count` edits by all `users` at once."""
    sessions = await open_sessions(port, users)
    times: list[float] = []
    try:
        for number in range(count):
            wage = f"{first_wage + number}.{users:02d}"
            times += await asyncio.gather(*(session.run(wage) for session in sessions))
    finally:
        for session in sessions:
            await session.socket.close()
    return times


def measure(script: Path, users: list[int], count: int) -> dict[int, list[float]]:
    with streamlit_server(script) as port:
        asyncio.run(edits(port, 1, 2, 60))  # warm: imports, caches of the loaded files
        return {n: asyncio.run(edits(port, n, count, 80 + 10 * n)) for n in users}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--edits", type=int, default=5, help="edits per number of users")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        floor_app = Path(folder) / "floor_app.py"
        floor_app.write_text(FLOOR_APP, encoding="utf-8")
        floors = measure(floor_app, options.users, options.edits)
    app = measure(SERVED_APP, options.users, options.edits)
    for users in options.users:
        who = "1 user" if users == 1 else f"{users} users at once"
        print(line(f"floor: one input, {who}", floors[users], "ms", None))
        text = line(f"app: wage edit, {who}", app[users], "ms", floors[users])
        print(f"{text}   worst {max(app[users]) * 1000:.0f} ms")
    median_20 = spread(app[max(options.users)])[0]
    print(
        "goal: one user under 100 ms at the server; 20 users median under 500 ms, worst under "
        f"1,000 ms (median with {max(options.users)}: {median_20 * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
