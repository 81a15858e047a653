"""The fast block-style reader agrees with the event walker, or leaves the text to it.

Whatever text it is given, ``read_block_yaml`` either returns None or exactly
what ``read_yaml_events`` reads: the same data (types included) and the same
``line:col`` for every key and value, on a file with no problem at all.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.base.userfile import Limits
from studyapp.core.decks.yamlfast import read_block_yaml
from studyapp.core.decks.yamlread import read_yaml, read_yaml_events

ROOT = Path(__file__).resolve().parents[3]
LIMITS = Limits(max_bytes=64 * 1024 * 1024, max_depth=24, max_nodes=1_000_000)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def agrees(text: str, limits: Limits = LIMITS) -> bool:
    """Assert the fast reader agrees with the walker; True when it read the text."""
    fast = read_block_yaml(text, limits.max_depth, limits.max_nodes)
    if fast is None:
        return False
    walked = read_yaml_events(text, "t.yaml", limits)
    assert walked.problems == [] and walked.complete, walked.problems
    data, values, keys = fast
    assert _same(data, walked.data)
    assert values == walked.values
    assert keys == walked.keys
    lean = read_block_yaml(text, limits.max_depth, limits.max_nodes, positions=False)
    assert lean is not None, "read with positions but refused without"
    assert _same(lean[0], data) and lean[1:] == ({}, {})
    return True


def test_without_positions_it_refuses_what_it_refuses_with_them() -> None:
    """Node and depth limits hold alike: a count is kept, not read off the position maps."""
    many = "a:\n" + "".join(f"  - [{n}, {n}]\n" for n in range(300))  # 3 + 300 * 3 nodes
    for limit, read in ((903, True), (902, False)):
        for positions in (True, False):
            got = read_block_yaml(many, 24, limit, positions=positions)
            assert (got is not None) is read
    deep = "a:\n  b:\n    c: [x]\n"  # the list sits at depth 3
    for positions in (True, False):
        assert read_block_yaml(deep, 3, 100, positions=positions) is None
        assert read_block_yaml(deep, 4, 100, positions=positions) is not None


# ------------------------------------------------------------------ known files


def _yaml_files() -> list[Path]:
    found = sorted((ROOT / "decks").glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    return [p for p in found if p.is_file()]


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.name)
def test_every_yaml_file_of_the_project_reads_alike(path: Path) -> None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    agrees(text)


def test_the_bundled_deck_takes_the_fast_path() -> None:
    text = (ROOT / "decks" / "lee-pragmatic-diplomacy.yaml").read_text(encoding="utf-8")
    assert agrees(text)


CASES = [
    'id: x\na: "é😀" \nb: [é😀, x, "y"]\nn:\nm: 1\ns:\n- a\n- b\n',
    "e:\n  - k: v\n    q: >-\n      hello\n      world\n\n    r: |\n      x\n      y\n    z: ''\n",
    "a: >\n  one\n\n  two\n  three\n\n\nb: |-\n  keep  \n  # not a comment\nc: 1\n",
    "a: 'it''s'  # note\nb: \"tab\\there \\u00e9 \\x41\"\nc: [ ]\nd: {}\ne: {k: v, n: 2}\n",
    "a: 2025-06-03\nb: 1.10\nc: no\nd: ~\ne: -5\nf: .inf\ng: 0x10\nh: 1e3\n",
    "# lead comment\n\nroot:\n  child:\n    - 1\n    - two\n  after: x\nlast:\n",
    "a:\n- x: 1\n  y: [a, 'b', \"c\"]\n- z:\n  - 1\nb: c\n",
    # one line of block text, ended every way a line of text can end
    "a: >-\n  one line\nb: 1\n",
    "a: |\n  one line\n\nb: 1\n",
    "a: >\n  one line\n\n\nb: 1\n",
    "a: >\n  one line\n",
    "a: |-\n  one line",
    "a: |\n  one line",
    "a: >\n  one line\n\n",
    "e:\n  - s: >-\n      text\n\n  - s: |\n      text\n    t: x\n",
    # double-quoted values read whole (no escape, the quote ends the line) and every other way
    'a: "plain # not a comment: here"\nb: "x" # note\nc: ""\nd: "a \\" b"\ne: "\'s"\n',
    'k:\n  - "one"\n  - "two # three"\n  - "t\\u00e9"\n',
]


@pytest.mark.parametrize("text", CASES)
def test_the_shapes_decks_are_written_in_read_alike(text: str) -> None:
    assert agrees(text)


REFUSED = [
    "a: &x 1\nb: *x\n",  # anchors and aliases: the walker reports them
    "a: !!python/object x\n",
    "a: 1\na: 2\n",  # duplicate key
    "a:\n\tb: 1\n",  # tab
    "a: b: c\n",
    "a: plain\n  continued\n",  # multi-line plain: left to the walker
    "- a\n- b\n",  # not a mapping
    "--- \na: 1\n",
    "a: [1, [2]]\n",
    "a: 'open\n",
    'a: "\\q"\n',
    "a: |2\n   x\n",
    "a: >\n  x\n    more\n",
    "a: 1\r\nb: 2\r\n",
    "",
]


@pytest.mark.parametrize("text", REFUSED)
def test_what_it_does_not_read_is_left_to_the_walker(text: str) -> None:
    assert read_block_yaml(text, 24, 1_000) is None


def test_limits_are_left_to_the_walker_to_report() -> None:
    deep = "a:\n" + "".join(f"{'  ' * n}b{n}:\n" for n in range(1, 30)) + "  " * 30 + "c: 1\n"
    assert read_block_yaml(deep, 24, 1_000) is None
    many = "a:\n" + "".join(f"  - {n}\n" for n in range(2_000))
    assert read_block_yaml(many, 24, 1_000) is None
    assert "more than 1,000 YAML nodes" in str(read_yaml(many, "m.yaml", LIMITS_SMALL).problems)


LIMITS_SMALL = Limits(max_bytes=1 << 20, max_depth=24, max_nodes=1_000)


# ------------------------------------------------------------- generated text

TRICKY = list("-:[]{}&*!|>'\"%@`#,?\\ ") + list("aZ09._é😀") + ["\t", "\u2028", "\x85", "\r"]


def _scalar_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(
            ["plain words", "Lee Jae-myung", "2025-06-03", "55.5", "no", "~", "", "1.0.0", "-3"]
        )
    return "".join(rng.choice(TRICKY) for _ in range(rng.randint(0, 8)))


def _render_scalar(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return text
    if style == 1:
        return json.dumps(text, ensure_ascii=rng.random() < 0.5)
    if style == 2:
        return "'" + text.replace("'", "''") + "'"
    if style == 3:
        return '"' + text + '"'
    return text + "  # c"


def _render(rng: random.Random, depth: int, indent: int) -> list[str]:
    """Lines of a block mapping at ``indent``."""
    lines: list[str] = []
    pad = " " * indent
    for n in range(rng.randint(1, 4)):
        key = rng.choice(["id", "kind", "prompt", "tags", "source", f"k{n}", "a-b", "x_y"])
        roll = rng.random()
        if rng.random() < 0.1:
            lines.append(rng.choice(["", pad + "# note", "   "]))
        if roll < 0.45 or depth > 3:
            lines.append(f"{pad}{key}: {_render_scalar(rng, _scalar_text(rng))}")
        elif roll < 0.55:
            items = ", ".join(
                _render_scalar(rng, _scalar_text(rng)) for _ in range(rng.randint(0, 3))
            )
            lines.append(f"{pad}{key}: [{items}]")
        elif roll < 0.6:
            pairs = ", ".join(
                f"{k}: {_render_scalar(rng, _scalar_text(rng))}" for k in ("answer", "verdict")
            )
            lines.append(f"{pad}{key}: {{{pairs}}}")
        elif roll < 0.7:
            lines.append(f"{pad}{key}: {rng.choice(['|', '>', '|-', '>-'])}")
            step = indent + rng.choice([1, 2, 4])
            for _ in range(rng.randint(1, 3)):
                word = _scalar_text(rng)
                lines.append("" if rng.random() < 0.2 else " " * step + word)
        elif roll < 0.8:
            lines.append(f"{pad}{key}:")
            lines += _render(rng, depth + 1, indent + rng.choice([1, 2, 4]))
        elif roll < 0.95:
            lines.append(f"{pad}{key}:")
            dash = indent + rng.choice([0, 2])
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.5:
                    lines.append(f"{' ' * dash}- {_render_scalar(rng, _scalar_text(rng))}")
                else:
                    inner = _render(rng, depth + 1, dash + 2)
                    lines.append(" " * dash + "- " + inner[0].lstrip(" "))
                    lines += inner[1:]
        else:
            lines.append(f"{pad}{key}:")
    return lines


def _mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(0, len(text))
        if rng.random() < 0.5:
            text = text[:at] + rng.choice([*TRICKY, "\n", "  ", "- ", ": "]) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 3) :]
    return text


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_block_yaml_reads_alike(rng: random.Random) -> None:
    agrees("\n".join(_render(rng, 0, 0)) + "\n")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_damaged_block_yaml_reads_alike_or_is_left_to_the_walker(rng: random.Random) -> None:
    agrees(_mutate(rng, "\n".join(_render(rng, 0, 0)) + "\n"))
