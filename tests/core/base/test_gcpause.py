"""The collector's start-up pause: on from the command's first line, off once start-up is over."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """\
import gc, io, sys, contextlib
from studyapp.core.base import gcpause
print(gc.isenabled())
gcpause.end_start_pause()  # not paused: a no-op
print(gc.isenabled(), gc.get_freeze_count() == 0)
gcpause.pause_for_start()
print(gc.isenabled())
gcpause.pause_for_start()  # already paused: still one pause
with gcpause.paused_gc():
    pass
print(gc.isenabled())  # a nested pause does not end the start pause
gcpause.end_start_pause()
print(gc.isenabled(), gc.get_freeze_count() > 0)
gcpause.end_start_pause()
print(gc.isenabled())
"""


def _run(code: str, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return result.stdout.split("\n")


def test_the_start_pause_ends_once_and_freezes_what_start_up_built() -> None:
    assert _run(SCRIPT)[:6] == [
        "True",
        "True True",
        "False",
        "False",
        "True True",
        "True",
    ]


def test_a_headless_command_collects_again_as_soon_as_its_arguments_are_parsed() -> None:
    code = (
        "import gc, sys\n"
        "from studyapp.cli import decks\n"
        "seen = []\n"
        "decks.cmd_decks = lambda *a: seen.append(gc.isenabled()) or 0\n"
        "from studyapp.launch import main\n"
        "sys.argv = ['studyapp', 'decks']\n"
        "main()\n"
        "print(seen)\n"
    )
    assert _run(code)[0] == "[True]"


def test_the_app_is_started_with_the_collector_paused() -> None:
    code = (
        "import gc, sys\n"
        "from studyapp import cli\n"
        "seen = []\n"
        "cli.cmd_run = lambda *a: seen.append(gc.isenabled()) or 0\n"
        "from studyapp.launch import main\n"
        "sys.argv = ['studyapp']\n"
        "main()\n"
        "print(seen)\n"
    )
    assert _run(code)[0] == "[False]"
