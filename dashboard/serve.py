"""The app as `./project app` serves it: `streamlit run dashboard/serve.py` finds the `st.App`
below and runs `app.py` in it, with one addition to Streamlit's own server: the responses,
the front end's JavaScript bundles included, are sent gzip-compressed to a browser that accepts
it. Streamlit leaves its `/static/` files uncompressed on purpose (it expects a proxy in front
to compress them); this app is served without one, and its first visit moved about 9 MB
(plotly's bundle alone 4.7 MB). A response Streamlit already compressed passes through as it
is; `compresslevel` 6 compresses nearly as well as 9 at a fraction of the time a first visit
waits for it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware

PAGE = Path(__file__).resolve().parent.parent / "app.py"

app = st.App(PAGE, middleware=[Middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)])
