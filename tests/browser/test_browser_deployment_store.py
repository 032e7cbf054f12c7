"""The documented deployment (deploy/README.md) as people meet it: deploy/serve.py with
two replicas behind nginx, the user store on PostgreSQL, shared mode with the editor
password. Through the proxy, an editor's sign-in, upload and store reach the replica
that holds the session (sticky cookie); a second person's browser, through the same
proxy, sees the update labelled as a user version."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from browser.conftest import ROOT, free_port
from browser.streamlit_app import App, fresh_browser, start_chromium
from browser.test_browser_replicas import FILE, PASSWORD, change_log, prepare_update, sign_in
from loaders import access

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _deployment_class():
    spec = importlib.util.spec_from_file_location("deploy_serve", ROOT / "deploy" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Deployment


@pytest.fixture(scope="module")
def deployment(postgres, tmp_path_factory):
    if not os.path.exists(NGINX):
        pytest.skip("nginx is not installed (Debian package nginx; `make test` installs it)")
    database = postgres.create_database()
    folder = tmp_path_factory.mktemp("deployment")
    secrets = folder / "secrets.toml"
    secrets.write_text(f'[dashboard]\nmode = "shared"\n'
                       f'editor_password_hash = "{access.hash_password(PASSWORD)}"\n')
    url = postgres.url(database)
    # nginx started by root serves files as another user: the run folder must be
    # readable by it (pytest's own temporary folders are not).
    run_dir = Path(tempfile.mkdtemp(prefix="dashboard-deploy-test-"))
    run_dir.chmod(0o755)
    running = _deployment_class()(
        ROOT, port=free_port(), replicas=2, replica_port=free_port(),
        run_dir=run_dir, user_data=folder / "user_data",
        extra_flags=("--secrets.files", str(secrets)), env={"DASHBOARD_STORE_URL": url})
    with running:
        running.store_url = url
        yield running
    shutil.rmtree(run_dir, ignore_errors=True)
    postgres.drop_database(database)


@pytest.fixture(scope="module")
def app(deployment):
    """The editor's browser, through nginx."""
    driver, profile = start_chromium()
    yield App(driver, deployment.url, profile)
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_an_editor_stores_through_the_proxy_and_another_browser_sees_the_label(
        app, deployment):
    sign_in(app, "박배포")                  # shared mode: the proxy's X-Forwarded-For
    prepare_update(app)                     # the upload reaches the session's replica
    app.press("저장")
    app.wait_for(lambda a: "저장했습니다: grdp_nominal v1" in a.text(), timeout=180,
                 message="the update was not stored through the proxy")
    assert change_log(deployment.store_url)[0] == ("update", "박배포 (password)", 1)
    with fresh_browser(deployment.url) as other:
        other.open("추이", lang="ko")
        assert f"사용자 갱신 v1 · {FILE.name}" in other.text()
        assert not other.outside_requests()
