"""Hostile text for the terminal-safety tests: what a stranger's deck may hold in a key,
a value or a file name, and the check that none of it reaches a terminal raw."""

from __future__ import annotations

import unicodedata
from pathlib import Path

HOSTILE = {
    "osc-title": "\x1b]0;PWNED\x07",  # sets the window title
    "osc-clipboard": "\x1b]52;c;cHduZWQ=\x07",  # writes the clipboard (tmux: OSC 52)
    "csi-clear": "\x1b[2J",  # clears the screen
    "c1-csi": "\x9b",  # 8-bit CSI
    "c1-osc": "\x9d",  # 8-bit OSC
    "del": "\x7f",
    "bidi-override": "\u202e",  # right-to-left override (Trojan Source)
    "bidi-isolate": "\u2066",  # left-to-right isolate
}
ALL = "".join(HOSTILE.values())
CHARS = sorted({c for c in ALL if not c.isprintable()})
"""Every character of HOSTILE a terminal acts on: ESC, BEL, C1, DEL, bidi."""

YAML_ESCAPED = "\\e]0;PWNED\\a\\e]52;c;cHduZWQ=\\a\\e[2J\\x9b\\x9d\\x7f\\u202e\\u2066"
"""ALL, written as a YAML double-quoted scalar's escapes."""
assert len(YAML_ESCAPED) > len(ALL)

HOSTILE_NAME = f"f{ALL}.yaml"
"""A deck file name that would set the title, write the clipboard and clear the screen."""

KEY_DECK = f"""\
id: hostile-key
title: Hostile key
entries:
  - id: a
    kind: qa
    prompt: Q?
    answer: A
    "x{YAML_ESCAPED}": 1
"""
"""A deck whose entry has an unknown key made of escape sequences."""

VALUE_DECK = f"""\
id: hostile-value
title: Hostile value
entries:
  - id: a
    kind: "{YAML_ESCAPED}"
    prompt: Q?
    answer: A
"""
"""A deck whose ``kind:`` value (quoted back in its message) is escape sequences."""

BIDI_SYNTAX = "id: bidi\ntitle: Bidi\nentries: [\u202e\u2066 unclosed\n"
"""A YAML syntax error whose line holds raw bidi controls (PyYAML accepts them raw)."""

NAME_DECK = "id: hostile-name\ntitle: T\n"
"""Broken (no entries) so that its file name is reported."""

GOOD_DECK = (
    "id: good\ntitle: Good\nentries:\n  - id: a\n    kind: qa\n    prompt: Q?\n    answer: A\n"
)

KEY_EXAM = f"""\
id: hostile-exam
title: Hostile exam
questions: 1
"y{YAML_ESCAPED}": 1
"""


def write_hostile_decks(folder: Path, *, good_name: str = "good.yaml") -> Path:
    """A folder with a hostile key, a hostile value, a bidi syntax error, a broken deck
    with a hostile file name, a good deck with a hostile file name and a hostile exam."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "key.yaml").write_text(KEY_DECK, encoding="utf-8")
    (folder / "value.yaml").write_text(VALUE_DECK, encoding="utf-8")
    (folder / "syntax.yaml").write_text(BIDI_SYNTAX, encoding="utf-8")
    (folder / HOSTILE_NAME).write_text(NAME_DECK, encoding="utf-8")
    (folder / f"g{ALL}.yaml").write_text(GOOD_DECK, encoding="utf-8")
    (folder / f"e{ALL}.exam.yaml").write_text(KEY_EXAM, encoding="utf-8")
    return folder


def acts_on_terminal(char: str) -> bool:
    """Whether a terminal could act on ``char``, or it hides or reorders text."""
    if char in "\n\t\u200c\u200d":
        return False
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def names(char: str) -> tuple[str, ...]:
    """The visible escapes that may stand for ``char`` (ours, Python's repr, JSON's)."""
    code = ord(char)
    return (f"\\x{code:02x}", f"\\u{code:04x}", f"<U+{code:04X}>")


def assert_inert(text: str, *, named: bool = True) -> None:
    """No character a terminal acts on; and (``named``) each hostile one is named."""
    raw = sorted({f"U+{ord(c):04X}" for c in text if acts_on_terminal(c)})
    assert not raw, f"raw {raw} in output:\n{text}"
    if named:
        missing = [repr(c) for c in CHARS if not any(n in text for n in names(c))]
        assert not missing, f"{missing} not named in output:\n{text}"
