"""The ``studyapp`` command's entry point: the CLI, started with the collector paused.

Nothing is imported before the garbage collector is paused (see
:mod:`studyapp.core.base.gcpause`): the pause covers Textual's imports too. The app
ends it after its first frame; a headless command ends it as soon as its
arguments are parsed (:func:`studyapp.cli.main`).
"""

from __future__ import annotations

from studyapp.core.base.gcpause import pause_for_start


def main() -> int:
    pause_for_start()
    from studyapp.cli import main as cli_main

    return cli_main()
