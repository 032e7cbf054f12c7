"""The share-link journeys again with the app under a path prefix
(``server.baseUrlPath``), as behind a reverse proxy: every link keeps the prefix."""

from browser.test_browser_share import *  # noqa: F401,F403 (the same journeys)

SERVER_OPTIONS = ("--server.baseUrlPath=dash",)
