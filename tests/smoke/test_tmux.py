"""A real terminal: launch the installed studyapp under tmux, study three cards, quit.

This is the closest test to a person at a keyboard: the real entry point, a
real pty, the bundled decks found from an empty folder, and the progress file
checked afterwards.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from studyapp.core.store.store import ProgressStore

TMUX = shutil.which("tmux")
STUDYAPP = Path(sys.executable).with_name("studyapp")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def tmux(*args: str) -> str:
    assert TMUX is not None
    done = subprocess.run([TMUX, *args], capture_output=True, text=True, timeout=30)
    return done.stdout


def wait_for(read: Callable[[], str], want: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = read()
        if want in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{want!r} never appeared; the screen was:\n{screen}")


def test_study_three_cards_in_a_real_terminal(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    progress = tmp_path / "progress"
    session = f"studyapp-smoke-{uuid.uuid4().hex[:8]}"
    env = {
        "STUDYAPP_PROGRESS": str(progress),
        "STUDYAPP_CONFIG": str(tmp_path / "config"),
        "STUDYAPP_CACHE": str(tmp_path / "cache"),
        "TERM": "xterm-256color",
    }
    command = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"cd {shlex.quote(str(empty))} && env -u STUDYAPP_DECKS {command} "
    command += f"{shlex.quote(str(STUDYAPP))}; echo STUDYAPP-EXITED-$?; sleep 30"
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session, command)

    def screen() -> str:
        return tmux("capture-pane", "-p", "-t", session)

    try:
        home = wait_for(screen, "Study all")
        assert "Lee Jae-myung" in home  # the bundled deck, found from an empty folder
        tmux("send-keys", "-t", session, "s")
        wait_for(screen, "Left today")
        for _ in range(3):
            tmux("send-keys", "-t", session, "Enter")  # empty answer: show it
            wait_for(screen, "3 Good")
            tmux("send-keys", "-t", session, "3")
            time.sleep(0.5)
        tmux("send-keys", "-t", session, "C-q")
        wait_for(screen, "STUDYAPP-EXITED-0")
    finally:
        tmux("kill-session", "-t", session)

    assert (progress / "progress.json").is_file()
    assert not list(progress.glob("*.tmp")), "a temp file was left behind"
    with ProgressStore.open(progress, read_only=True) as store:
        reviews = list(store.history())
        assert len(reviews) == 3
        assert all(r.card_id.startswith("lee-pragmatic-diplomacy/") for r in reviews)
        assert len(store.states) == 3
