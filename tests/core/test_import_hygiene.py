"""The core is a library: importing it must not pull in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_no_textual_or_rich() -> None:
    code = (
        "import sys, importlib, pkgutil, studyapp.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('studyapp.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')"
        " or n.startswith('studyapp.tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"core pulled in: {result.stdout}"
