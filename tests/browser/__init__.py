"""Browser journeys: the running app in headless Chromium."""
