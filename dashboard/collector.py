"""Python's garbage collector in the app's server, a process that lives for days.

Streamlit's own full collection after every run is off (`.streamlit/config.toml`:
`runner.postScriptGC`). Python's automatic collector still runs a full collection now and then,
and each walks every object the process holds: some 180,000 once the page has run, nearly all
of them there for good (the modules of Streamlit, pandas, pydantic and the engine, the scenario
files read, the compiled formulas). That was 7.6 ms of every 46 ms rerun, and more with more
users, as their evaluated states add objects.

So after the first run of the page, once: collect, then freeze what is left (`gc.freeze`: kept
out of every later collection; it lives as long as the process anyway). What later runs make is
collected as before. Measured in process (AppTest, 20 wage edits): the collector's share of a
rerun 7.6 ms -> 1.3 ms.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_frozen = False


def freeze_after_first_run() -> None:
    """Collect and freeze the process's objects, the first time this is called (at the end of
    a page run); later calls do nothing."""
    global _frozen
    if _frozen:
        return
    with _lock:
        if not _frozen:
            gc.collect()
            gc.freeze()
            _frozen = True
