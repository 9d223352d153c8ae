"""The Streamlit app's helpers: loading, edits, tables, figures and page sections, each in its own
module; `app.py` only calls `dashboard.page.main`. Views read the engine's results; they never
compute business figures themselves."""
