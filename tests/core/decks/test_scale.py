"""The deck size cap holds what the README says it holds, and says how to raise it.

README ("Safety and error messages"): the default cap is 2 MB, which holds about
8,000 short entries (a prompt, an answer and a one-line source) or 2,000 written
like the bundled deck (a long source and an explanation each);
``STUDYAPP_MAX_DECK_MB`` raises it for a bigger deck.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.base.problems import DeckLoadError
from studyapp.core.base.userfile import DEFAULT_LIMITS
from studyapp.core.decks.loader import load_deck

ROOT = Path(__file__).resolve().parents[3]
SHORT_ENTRIES = 8_000
WRITTEN_ENTRIES = 2_000


def _deck(entries: int, body: str) -> str:
    lines = ["id: big", "title: Big", "entries:"]
    for n in range(entries):
        lines.append(f"  - id: e{n}\n{body.replace('{n}', str(n))}")
    return "\n".join(lines) + "\n"


SHORT = (
    "    kind: qa\n    tags: [history, topic-{n}]\n"
    "    prompt: Which treaty did the ministers sign in meeting number {n}?\n"
    "    answer: The treaty of meeting {n}\n"
    "    source: >-\n      In meeting {n}, the ministers signed the treaty of meeting {n}.\n"
)


def _bundled_entry() -> str:
    text = (ROOT / "decks" / "lee-pragmatic-diplomacy.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: date-lee-elected")
    end = text.index("  - id:", start + 10)
    entry = text[start:end].rstrip() + "\n"
    return "\n".join(entry.splitlines()[1:]) + "\n"  # without its id line


@pytest.mark.parametrize(
    ("entries", "body"),
    [(SHORT_ENTRIES, SHORT), (WRITTEN_ENTRIES, None)],
    ids=["short entries", "entries like the bundled deck's"],
)
def test_the_default_cap_holds_the_decks_the_readme_names(
    tmp_path: Path, entries: int, body: str | None
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_deck(entries, body or _bundled_entry()), encoding="utf-8")
    assert path.stat().st_size <= DEFAULT_LIMITS.max_bytes
    assert len(load_deck(path).entries) == entries


def test_a_deck_over_the_cap_is_refused_saying_the_cap_and_how_to_raise_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_deck(9_000, SHORT), encoding="utf-8")
    assert path.stat().st_size > DEFAULT_LIMITS.max_bytes
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path, display="big.yaml")
    (problem,) = caught.value.problems
    megabytes = DEFAULT_LIMITS.max_bytes / 1048576
    assert f"capped at {megabytes:.1f} MB" in problem.message
    assert "STUDYAPP_MAX_DECK_MB" in problem.message


def test_raising_the_cap_lets_a_big_deck_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(_deck(9_000, SHORT), encoding="utf-8")
    monkeypatch.setenv("STUDYAPP_MAX_DECK_MB", "4")
    assert len(load_deck(path).entries) == 9_000
