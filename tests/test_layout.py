"""Shared page furniture: cached views are dropped when the user data changes."""

from ui import layout


def test_page_caches_are_cleared_only_when_the_data_version_changes(monkeypatch):
    cleared = []
    versions = iter([("dir", "a"), ("dir", "a"), ("dir", "b"), ("dir", "b")])
    monkeypatch.setattr(layout, "data_version", lambda: next(versions))
    monkeypatch.setattr(layout.st.cache_data, "clear", lambda: cleared.append(True))
    monkeypatch.setattr(layout, "_CACHED_DATA_VERSION", [None])
    for _ in range(4):
        layout.forget_stale_page_caches()
    assert cleared == [True]
