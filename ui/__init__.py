"""Page furniture shared by app.py and pages/: language, sidebar, source lines."""
