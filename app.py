"""The Streamlit app for directors: `streamlit run app.py` (or `./project app`).

It opens on the corrected reference scenario; the page itself lives in `dashboard.page`.
"""

from dashboard.page import main

main()
