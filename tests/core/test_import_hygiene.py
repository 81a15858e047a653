"""The core is a library: importing it must not pull in Textual or Rich."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_core_imports_no_textual_or_rich() -> None:
    code = (
        "import sys, importlib, pkgutil, studyapp.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'studyapp.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')"
        " or n.startswith('studyapp.tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"core pulled in: {result.stdout}"


def test_a_warm_start_reads_decks_without_pydantic_or_yaml(tmp_path: Path) -> None:
    """Start-up with cached decks reads only their index: the deck model (pydantic) and
    YAML are a third of a second of imports, needed only once an entry is."""
    code = (
        "import sys\n"
        "from studyapp.core.workspace import open_workspace\n"
        "ws = open_workspace(progress=sys.argv[1])\n"
        "heavy = ('pydantic', 'yaml', 'fsrs', 'studyapp.core.decks.model',"
        " 'studyapp.core.decks.loader', 'studyapp.core.study.fsrs6')\n"
        "print(','.join(sorted(n for n in heavy if n in sys.modules)))\n"
        "print(len(ws.cards))\n"
        "card = next(c for c in ws.cards if c.kind == 'date')\n"
        "print(card.entry.kind, 'studyapp.core.decks.model' in sys.modules)\n"
        "ws.close()\n"
    )
    env = {
        **os.environ,
        "STUDYAPP_CACHE": str(tmp_path / "cache"),
        "STUDYAPP_CONFIG": str(tmp_path / "config"),
    }
    env.pop("STUDYAPP_DECKS", None)

    def run() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "progress")],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env=env,
            cwd=tmp_path,  # no ./decks here: the bundled decks
        )
        return result.stdout.split("\n")

    cold = run()  # fills the deck cache (validates, so imports everything)
    warm = run()
    assert warm[0] == "", f"a warm start imported {warm[0]}"
    assert int(warm[1]) > 100 and warm[1] == cold[1]
    assert warm[2] == "date True"  # the entry is read when first asked for


def test_the_app_and_home_screen_import_no_deck_model_or_checker() -> None:
    """Home is on the start-up path: importing a module for one message once pulled in
    the answer checker and the pydantic deck model (~0.3 s of every launch)."""
    code = (
        "import sys\n"
        "import studyapp.tui.app, studyapp.tui.screens.home\n"
        "heavy = ('pydantic', 'yaml', 'fsrs', 'pycountry', 'studyapp.core.decks.model',"
        " 'studyapp.core.quiz.answers.judge', 'studyapp.core.quiz.judging')\n"
        "print(','.join(sorted(n for n in heavy if n in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"start-up imported {result.stdout}"


def test_the_command_parser_imports_no_command_s_work() -> None:
    """Every headless command builds the whole parser: a command group that imported its
    work at module level (``plan`` did: the exam model, pydantic) taxed every other one."""
    code = (
        "import sys\n"
        "from studyapp.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('pydantic', 'fsrs', 'fsrs_rs_python', 'studyapp.core.examday.report',"
        " 'studyapp.core.tuning.run', 'studyapp.core.quiz.exam', 'studyapp.core.authoring.anki')\n"
        "print(','.join(sorted(n for n in heavy if n in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"the parser imported {result.stdout}"
