"""Start and stop a JupyterLab server for tests: free loopback port, token, quiet settings.

Stopping a server together with its kernels uses POSIX process groups: the tests that start one
call ``conftest.require_posix`` first, so that on Windows they are skipped and say why.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# JupyterLab settings for tests: no news fetching, no autosave (the test never writes a
# notebook), and every cell kept in the page so that the test can inspect all of them.
TEST_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(folder: Path, settings: dict[str, dict]) -> None:
    """Write JupyterLab user settings (one file per plugin) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, values in settings.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def isolated_environment(scratch: Path, user_settings: dict | None = None) -> dict[str, str]:
    """Environment variables that keep Jupyter's settings and runtime files in ``scratch``.

    The user settings are the tests' (``TEST_SETTINGS``) unless ``user_settings`` is given: a
    newcomer's are ``{}``, none at all.
    """
    settings = scratch / "settings"
    write_settings(settings, TEST_SETTINGS if user_settings is None else user_settings)
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
        JUPYTER_CONFIG_DIR=str(scratch / "config"),
    )
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def wait_until_answers(url: str, process: subprocess.Popen, timeout: float = 90.0) -> bytes:
    """Poll ``url`` until it answers 200; fail early if the server process died."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
                return response.read()
        except Exception as error:  # not up yet
            last_error = error
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s (last error: {last_error})")


def start_lab(root: Path, scratch: Path, token: str, port: int) -> subprocess.Popen:
    """``jupyter lab`` serving ``root`` on 127.0.0.1:port, in its own process group."""
    from .conftest import require_tier

    require_tier("browser")
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
        "--ServerApp.allow_root=True",  # CI and containers run as root
    ]  # fmt: skip
    log = open(scratch / "server.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(command, cwd=root, env=isolated_environment(scratch), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip


def stop(process: subprocess.Popen) -> None:
    """Stop a server (and its kernels) by its process id: SIGTERM to its group, then SIGKILL.

    POSIX only (``os.killpg``): callers skip on Windows with ``conftest.require_posix``.
    """
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
