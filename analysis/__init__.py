"""Pure analysis functions over the tidy store: no Streamlit, no I/O."""
