"""End to end: the installed ``tuireader`` console script in a real terminal (tmux)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def console_script() -> str:
    beside = Path(sys.executable).with_name("tuireader")
    found = str(beside) if beside.exists() else shutil.which("tuireader")
    assert found, "the tuireader console script is not installed"
    return found


class Tmux:
    def __init__(self) -> None:
        self.socket = f"tuireader-test-{uuid.uuid4().hex[:8]}"

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "main").stdout

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "main", *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "main", "-l", text)


@pytest.fixture
def tmux():
    session = Tmux()
    yield session
    session.run("kill-server")


def test_installed_reader_in_a_real_terminal(tmp_path, tmux):
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Alpha Story\n\nThe alpha body mentions zebras.\n")
    (corpus / "b.txt").write_text("Beta Story\n\nThe beta body mentions lions.\n")
    (corpus / "c.txt").write_text("Gamma Story\n\nThe gamma body mentions tigers.\n")
    env = {k: v for k, v in os.environ.items() if k.startswith("XDG_")}
    env_args = [arg for k, v in env.items() for arg in ("-e", f"{k}={v}")]
    command = f"{shlex.quote(console_script())} {shlex.quote(str(corpus))}; echo EXIT=$?; sleep 60"
    result = tmux.run(
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        "120",
        "-y",
        "32",
        *env_args,
        "env",
        "TERM=xterm-256color",
        "sh",
        "-c",
        command,
    )
    assert result.returncode == 0, result.stderr
    # the list's border title (the progress line during the first sync also counts articles)
    screen = tmux.wait_for("╭─ 3 articles")
    assert "Alpha Story" in screen and "Gamma Story" in screen
    tmux.wait_for("The alpha body mentions zebras.")
    tmux.keys("j", "Enter")
    tmux.wait_for("The beta body mentions lions.")
    tmux.keys("/")
    tmux.type("tigers")
    tmux.keys("Enter")
    screen = tmux.wait_for("1 of 3 match")
    tmux.wait_for("The gamma body mentions tigers.")
    tmux.keys("Escape")
    tmux.wait_for("╭─ 3 articles")
    tmux.keys("q")
    tmux.wait_for("EXIT=0")
    # nothing was written outside the temporary dirs the test gave it
    cache = Path(env["XDG_CACHE_HOME"]) / "tuireader" / "corpora"
    assert any(cache.iterdir())
