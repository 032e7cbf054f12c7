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


def test_uploader_words_cannot_break_out_of_their_css_string():
    text = layout._css_string('파일 "고르기"</style><script>alert(1)</script>;}')
    inner = text[1:-1]
    assert text.startswith('"') and text.endswith('"')
    assert not set(inner) & set('"<>;{}/'), text
    assert "파일" in inner
