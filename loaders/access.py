"""Who may change the user store: the settings, and the editor password kept hashed.

Two roles: viewers see every page; editors may also import, update and roll back. In
``personal`` mode (the default for one person on their own machine) that person is an
editor. In ``shared`` mode everyone views and an editor signs in: through the OIDC
provider configured for st.login ([auth] in .streamlit/secrets.toml) where there is one,
otherwise with the editor password, whose scrypt hash is kept in
.streamlit/secrets.toml ([dashboard] editor_password_hash) — government networks often
have no identity provider. Make the hash with:

    python -m loaders.access hash-password

Settings: DASHBOARD_MODE (personal | shared) in the environment, else [dashboard] mode in
the secrets; unset means personal for a local connection to the embedded store and
shared otherwise (ui/access.py decides per connection).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import os
import secrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass

MODE_ENV = "DASHBOARD_MODE"
MODES = ("personal", "shared")
SECTION = "dashboard"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1  # about 0.1 s per check on one core
SCRYPT_MEMORY = 64 * 1024 * 1024
MIN_PASSWORD_CHARS = 12


@dataclass(frozen=True)
class Settings:
    """The access settings read from the environment and the secrets."""
    mode: str | None               # personal, shared, or None (decided per connection)
    password_hash: str             # '' when no editor password is set
    editors: tuple[str, ...]       # OIDC e-mail addresses allowed to edit ('' = anyone)
    oidc_provider: str | None      # None: no provider; '' the unnamed [auth] provider


def settings(secret_values: Mapping) -> Settings:
    """Settings from DASHBOARD_MODE and the parsed secrets (st.secrets.to_dict())."""
    section = secret_values.get(SECTION, {}) or {}
    mode = os.environ.get(MODE_ENV, "").strip() or str(section.get("mode", "")).strip()
    if mode and mode not in MODES:
        raise ValueError(f"{MODE_ENV} / [{SECTION}] mode must be one of {MODES}, not {mode!r}")
    editors = tuple(str(e).strip().casefold() for e in section.get("editors", ()) if str(e).strip())
    return Settings(mode or None, str(section.get("editor_password_hash", "")).strip(), editors,
                    _oidc_provider(secret_values.get("auth", {}) or {}))


def _oidc_provider(auth: Mapping) -> str | None:
    """Which st.login provider is configured: '' for [auth] itself, a [auth.NAME] name."""
    if not auth.get("redirect_uri") or not auth.get("cookie_secret"):
        return None
    if auth.get("client_id"):
        return ""
    named = [name for name, value in auth.items() if isinstance(value, Mapping)
             and value.get("client_id")]
    return named[0] if named else None


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$hash' (base64), for [dashboard] editor_password_hash."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"an editor password needs at least {MIN_PASSWORD_CHARS} characters")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R,
                            p=SCRYPT_P, maxmem=SCRYPT_MEMORY)
    return "$".join(("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()))


def verify_password(password: str, stored: str) -> bool:
    """Whether password matches a hash made by hash_password (constant-time compare)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                                n=int(n), r=int(r), p=int(p), maxmem=SCRYPT_MEMORY,
                                dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["hash-password"]:
        print("usage: python -m loaders.access hash-password", file=sys.stderr)
        return 2
    password = getpass.getpass("editor password: ")
    if password != getpass.getpass("again: "):
        print("the two passwords differ", file=sys.stderr)
        return 1
    try:
        line = hash_password(password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f'[{SECTION}]\nmode = "shared"\neditor_password_hash = "{line}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
