"""Page furniture shared by app.py and app_pages/: language, sidebar, source lines."""
