"""The session's role (viewer or editor) and the sign-in panel of the import page.

The rules are in loaders/access.py. Here: which mode applies to this connection, who the
editor is (the local user in personal mode, the OIDC user signed in with st.login, or a
name given with the editor password), and the panel that signs in and out. Every change
to the store carries the editor's name, so the change log says who did it.
"""

from __future__ import annotations

import getpass
import threading
import time
from collections import deque
from dataclasses import dataclass

import streamlit as st

from i18n import t
from loaders import access, store_is_embedded

SESSION_EDITOR = "access_editor"
FORWARDED_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")
FAILURE_DELAY_SECONDS = 1.0
FAILURE_WINDOW_SECONDS, MAX_FAILURES = 60.0, 10  # per process, across sessions
MAX_NAME_CHARS = 60

_failures: deque[float] = deque()
_failures_lock = threading.Lock()


@dataclass(frozen=True)
class Editor:
    name: str
    method: str  # personal, oidc, password

    @property
    def author(self) -> str:
        """How the change log names the editor: 'kim@example.go.kr (oidc)'."""
        return f"{self.name} ({self.method})"


def current_settings() -> access.Settings:
    try:
        values = st.secrets.to_dict()
    except Exception:  # no secrets.toml at all (StreamlitSecretNotFoundError) or unreadable
        values = {}
    return access.settings(values)


def mode(settings: access.Settings | None = None) -> str:
    """personal or shared, for this connection."""
    settings = settings or current_settings()
    if settings.mode:
        return settings.mode
    return "personal" if store_is_embedded() and _local_connection() else "shared"


def _local_connection() -> bool:
    """A browser on this machine (Streamlit reports no address for loopback) that did not
    come through a proxy (which would make every remote user look local)."""
    headers = {name.lower() for name in (st.context.headers or {})}
    return st.context.ip_address is None and not headers & set(FORWARDED_HEADERS)


def current_editor() -> Editor | None:
    """The editor of this session, or None for a viewer."""
    settings = current_settings()
    if mode(settings) == "personal":
        return Editor(getpass.getuser(), "personal")
    if settings.oidc_provider is not None and getattr(st.user, "is_logged_in", False):
        email = str(st.user.get("email") or "").casefold()
        if not settings.editors or email in settings.editors:
            return Editor(email or str(st.user.get("name") or "oidc user"), "oidc")
        return None
    return st.session_state.get(SESSION_EDITOR)


def sign_in_panel(lang: str) -> Editor | None:
    """Mode banner, then sign-in or sign-out; returns the editor (None: a viewer)."""
    settings = current_settings()
    current = mode(settings)
    editor = current_editor()
    if current == "personal":
        st.info(t("access_personal", lang))
        return editor
    st.info(t("access_shared", lang))
    if editor is not None:
        columns = st.columns([4, 1], vertical_alignment="center")
        columns[0].caption(t("access_signed_in", lang).format(name=editor.name))
        if columns[1].button(t("access_sign_out", lang), key="access_sign_out"):
            st.session_state.pop(SESSION_EDITOR, None)
            if editor.method == "oidc":
                st.logout()
            st.rerun()
        return editor
    if settings.oidc_provider is not None:
        if getattr(st.user, "is_logged_in", False):
            st.warning(t("access_not_an_editor", lang))
        if st.button(t("access_sign_in_oidc", lang), key="access_oidc"):
            st.login(settings.oidc_provider or None)
        return None
    if not settings.password_hash:
        st.warning(t("access_no_password", lang))
        return None
    with st.form("access_password"):
        name = st.text_input(t("access_name", lang), max_chars=MAX_NAME_CHARS,
                             key="access_name")
        password = st.text_input(t("access_password", lang), type="password",
                                 key="access_password")
        submitted = st.form_submit_button(t("access_sign_in", lang))
    if submitted:
        signed = _password_sign_in(name, password, settings.password_hash)
        if signed is None:
            st.error(t("access_refused", lang))
        elif signed == "throttled":
            st.error(t("access_throttled", lang))
        else:
            st.session_state[SESSION_EDITOR] = signed
            st.rerun()
    return None


def _password_sign_in(name: str, password: str, stored: str) -> Editor | str | None:
    """The editor, None for a wrong name or password, 'throttled' after too many failures."""
    now = time.monotonic()
    with _failures_lock:
        while _failures and now - _failures[0] > FAILURE_WINDOW_SECONDS:
            _failures.popleft()
        if len(_failures) >= MAX_FAILURES:
            return "throttled"
    name = " ".join(name.split())[:MAX_NAME_CHARS]
    if name and access.verify_password(password, stored):
        return Editor(name, "password")
    with _failures_lock:
        _failures.append(time.monotonic())
    time.sleep(FAILURE_DELAY_SECONDS)
    return None
