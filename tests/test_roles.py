"""Who may change what: viewers see every page and the store's history; importing,
updating and rolling back need an editor (the local user in personal mode; in shared
mode an OIDC sign-in where one is configured, else the editor password kept hashed).
Every change names its editor in the change log."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import loaders
from conftest import RAW, ROOT
from loaders import access, preview_upload, user_store

PAGE = str(ROOT / "app_pages" / "4_데이터.py")
PASSWORD = "correct horse battery"
HASH = access.hash_password(PASSWORD)


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(user_store.ENV_VAR, str(tmp_path / "user_data"))
    monkeypatch.delenv(access.MODE_ENV, raising=False)
    monkeypatch.setattr("ui.access.FAILURE_DELAY_SECONDS", 0.0)
    loaders.clear_caches()
    st.cache_data.clear()
    yield tmp_path / "user_data"
    loaders.clear_caches()
    st.cache_data.clear()


def labour_preview():
    name = "kosis_labour_force_sido_download_20250626.xlsx"
    return preview_upload((RAW / name).read_bytes(), name)


def two_versions():
    preview = labour_preview()
    for key in ("취업자 (천명)", "실업자 (천명)"):
        version = loaders.confirm_new(preview, key, "shared_series", name_ko="공유",
                                      name_en="shared", unit="천명", additive=True,
                                      theme="labour", author="first (personal)")
        user_store.record_gate("shared_series", version.number, True, "", "validation gate")


def page(secrets: dict | None = None, **state) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["lang"] = "en"
    app.secrets.update(secrets or {})
    for key, value in state.items():
        app.session_state[key] = value
    return app.run()


SHARED = {"dashboard": {"mode": "shared", "editor_password_hash": HASH}}


def test_password_hashes_verify_and_refuse():
    assert HASH.startswith("scrypt$32768$8$1$") and PASSWORD not in HASH
    assert access.verify_password(PASSWORD, HASH)
    assert not access.verify_password(PASSWORD + "x", HASH)
    assert not access.verify_password(PASSWORD, "plain-text")
    assert access.hash_password(PASSWORD) != HASH  # salted
    with pytest.raises(ValueError, match="at least 12 characters"):
        access.hash_password("short")


def test_settings_from_environment_and_secrets(monkeypatch):
    assert access.settings({}).mode is None
    assert access.settings({"dashboard": {"mode": "shared"}}).mode == "shared"
    monkeypatch.setenv(access.MODE_ENV, "personal")
    assert access.settings({"dashboard": {"mode": "shared"}}).mode == "personal"
    monkeypatch.setenv(access.MODE_ENV, "open")
    with pytest.raises(ValueError, match="must be one of"):
        access.settings({})
    monkeypatch.delenv(access.MODE_ENV)
    oidc = {"auth": {"redirect_uri": "https://dash.example/oauth2callback",
                     "cookie_secret": "s", "client_id": "c", "client_secret": "x",
                     "server_metadata_url": "https://idp.example/.well-known/openid"}}
    assert access.settings(oidc).oidc_provider == ""
    named = {"auth": {"redirect_uri": "r", "cookie_secret": "s",
                      "agency": {"client_id": "c"}}}
    assert access.settings(named).oidc_provider == "agency"
    assert access.settings({"auth": {"client_id": "c"}}).oidc_provider is None


def test_personal_mode_makes_the_one_user_an_editor(store_dir, monkeypatch):
    monkeypatch.setenv(access.MODE_ENV, "personal")
    app = page(import_preview=labour_preview())
    assert any("Personal mode" in i.value for i in app.info)
    app.text_input(key="import_id").set_value("mine")
    app.text_input(key="import_name_en").set_value("Mine")
    app.button[0].click().run()
    assert not app.exception
    [change] = loaders.store_changes()
    assert change.author.endswith("(personal)") and change.action == "import"


def test_shared_mode_viewers_cannot_change_anything(store_dir):
    two_versions()
    app = page(SHARED, import_preview=labour_preview())
    assert not app.exception
    assert any("Shared mode" in i.value for i in app.info)
    assert any("Sign in as an editor to import" in i.value for i in app.info)
    assert not app.get("file_uploader") and not [b for b in app.button
                                                 if b.key == "rollback_button"]
    assert "import_series" not in [s.key for s in app.selectbox]  # no preview, no store
    versions = app.dataframe[0].value
    assert versions["Version"].tolist() == ["v2", "v1"]  # viewers see the history
    log = app.dataframe[1].value
    imports = log[log["What"] == "imported"]
    assert imports["Who"].tolist() == ["first (personal)"] * 2
    assert imports["Source file"].str.startswith("kosis_labour_force").all()
    assert log.loc[log["What"] == "validated", "Who"].tolist() == ["validation gate"] * 2


def test_wrong_password_is_refused_and_the_right_one_makes_an_editor(store_dir):
    two_versions()
    app = page(SHARED)
    app.text_input(key="access_name").set_value("Kim Analyst")
    app.text_input(key="access_password").set_value("wrong password!")
    app.button(key="FormSubmitter:access_password-Sign in").click().run()
    assert any("password is wrong" in e.value for e in app.error)
    assert not [b for b in app.button if b.key == "rollback_button"]
    app.text_input(key="access_password").set_value(PASSWORD)
    app.button(key="FormSubmitter:access_password-Sign in").click().run()
    assert not app.exception
    assert any("Signed in as editor: Kim Analyst" in c.value for c in app.caption)
    app.button(key="rollback_button").click().run()
    assert not app.exception
    assert user_store.read_manifest("shared_series").current == 1
    change = loaders.store_changes()[0]
    assert (change.action, change.author) == ("rollback", "Kim Analyst (password)")
    assert app.dataframe[1].value["Who"].iloc[0] == "Kim Analyst (password)"
    app.button(key="access_sign_out").click().run()
    assert not [b for b in app.button if b.key == "rollback_button"]


def test_shared_mode_without_a_credential_lets_nobody_edit(store_dir):
    app = page({"dashboard": {"mode": "shared"}})
    assert any("No editor sign-in is configured" in w.value for w in app.warning)
    assert not app.get("file_uploader")


def test_oidc_provider_offers_st_login(store_dir):
    secrets = {"dashboard": {"mode": "shared", "editor_password_hash": HASH},
               "auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                        "cookie_secret": "test-secret", "client_id": "dashboard",
                        "client_secret": "x",
                        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid"}}
    app = page(secrets)
    assert [b.label for b in app.button if b.key == "access_oidc"] == ["Sign in as editor"]
    assert "access_password" not in [t.key for t in app.text_input]  # the IdP decides


def test_many_wrong_passwords_are_throttled(store_dir, monkeypatch):
    import ui.access
    monkeypatch.setattr(ui.access, "_failures", ui.access.deque())
    for _ in range(ui.access.MAX_FAILURES):
        assert ui.access._password_sign_in("x", "nope", HASH) is None
    assert ui.access._password_sign_in("x", PASSWORD, HASH) == "throttled"
