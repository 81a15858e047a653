"""The headless CLI: validate, schema, decks, --version."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp import __version__
from studyapp.cli import main
from tests.conftest import REPO

FIXTURES = Path(__file__).parents[1] / "core" / "decks" / "fixtures" / "broken"


def test_validate_ok_on_bundled_decks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(REPO / "decks")]) == 0
    out = capsys.readouterr().out
    assert "ok: " in out and "valid" in out


def test_validate_reports_file_line_col_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "09-unknown-kind.yaml"
    assert main(["validate", str(bad), str(REPO / "decks")]) == 1
    out = capsys.readouterr().out
    assert "09-unknown-kind.yaml:5:11: entries[0].kind: unknown kind 'dat'" in out
    assert "1 of 3 files invalid" in out  # the bad deck, the good deck, the exam spec


def test_validate_json_for_ci(capsys: pytest.CaptureFixture[str]) -> None:
    bad = FIXTURES / "06-duplicate-entry-id.yaml"
    assert main(["validate", "--format", "json", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    (problem,) = report["files"][0]["problems"]
    assert (problem["line"], problem["col"], problem["path"]) == (8, 9, "entries[1].id")


def test_schema_is_json_and_matches_the_committed_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "studyapp deck"
    committed = json.loads((REPO / "schema" / "deck.schema.json").read_text(encoding="utf-8"))
    assert committed == schema, "run: studyapp schema > schema/deck.schema.json"


def test_version_and_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "studyapp", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == f"studyapp {__version__}"


def test_a_broken_deck_never_gives_a_traceback(tmp_path: Path) -> None:
    for fixture in sorted(FIXTURES.glob("*.yaml")):
        result = subprocess.run(
            [sys.executable, "-m", "studyapp", "validate", str(fixture)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, fixture
        assert "Traceback" not in result.stderr + result.stdout, fixture
        break  # one subprocess is enough; the in-process tests cover every fixture


def test_decks_lists_found_and_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.yaml").write_text("id: x\n", encoding="utf-8")
    assert main(["decks", str(REPO / "decks"), str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "lee-pragmatic-diplomacy" in out and "failed to load" in out
    assert (
        "bad.yaml:1:1: title: missing required field 'title' (a deck needs: id, title, entries)"
        in out
    )


def test_the_readme_example_deck_is_valid(tmp_path: Path) -> None:
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.findall(r"```yaml\n(.*?)```", readme, re.S)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    assert main(["validate", str(path)]) == 0


def test_validate_checks_exam_specs_and_their_decks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "final.exam.yaml"
    bad.write_text("id: final\ntitle: Final\ndecks: [nope]\nquestions: 0\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "final.exam.yaml:4:12: questions: must be at least 1, got the number 0" in (
        capsys.readouterr().out
    )
    bad.write_text("id: final\ntitle: Final\ndecks: [nope]\n", encoding="utf-8")
    assert main(["validate", str(bad), str(REPO / "decks")]) == 1
    out = capsys.readouterr().out
    assert "final.exam.yaml:3:9: decks[0]: no deck with id 'nope' was found" in out
    assert main(["validate", str(REPO / "decks")]) == 0
    assert "exam 'lee-midterm', 20 questions" in capsys.readouterr().out


def test_validate_refuses_an_exam_that_asks_for_more_than_its_decks_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Asking for more questions than the decks hold used to repeat questions, and
    validate said ok: now it points at `questions:` and says what the decks can give."""
    (tmp_path / "deck.yaml").write_text(
        "id: capitals\ntitle: Capitals\nentries:\n"
        + "".join(
            f"  - {{id: c{i}, kind: qa, prompt: 'Capital of {c}?', answer: {a}}}\n"
            for i, (c, a) in enumerate([("Japan", "Tokyo"), ("Peru", "Lima"), ("Chad", "Ndjamena")])
        ),
        encoding="utf-8",
    )
    exam = tmp_path / "final.exam.yaml"
    exam.write_text("id: final\ntitle: Final\ndecks: [capitals]\nquestions: 9\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert (
        "final.exam.yaml:4:12: questions: asks for 9 questions, but capitals can give only 3 "
        "without asking an entry twice; set questions to 3 or fewer, or add decks or entries"
    ) in out
    exam.write_text("id: final\ntitle: Final\ndecks: [capitals]\nquestions: 3\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0


# ---------------------------------------------------------------- extract --review

ARTICLE = REPO / "tests/fixtures/articles/history-berlin-airlift/article.txt"


def test_extract_then_review_needs_a_terminal_and_says_what_is_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(ARTICLE), "-o", "draft.yaml"]) == 0
    out = capsys.readouterr().out
    assert "next: `studyapp extract --review draft.yaml` to accept, edit or drop each entry" in out
    assert main(["extract", "--review", "draft.yaml"]) == 1  # pytest's stdout is no terminal
    out = capsys.readouterr().out
    assert out.startswith("draft.yaml: --review opens a screen and needs a terminal (")
    assert "entries are marked `review: true`; `studyapp lint draft.yaml` lists them)" in out


def test_extract_review_of_a_deck_with_nothing_marked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    deck = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
    assert main(["extract", "--review", str(deck)]) == 0
    assert "no entry is marked `review: true`: nothing to review" in capsys.readouterr().out


def test_extract_review_arguments_and_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(ARTICLE), "--review", "x.yaml"]) == 1
    assert capsys.readouterr().err.startswith("studyapp: --review takes the draft alone, not ")
    assert main(["extract", str(ARTICLE)]) == 1
    assert capsys.readouterr().err.startswith("studyapp: no draft to write (-o DRAFT.yaml) given")
    assert main(["extract", "--review", str(tmp_path / "none.yaml")]) == 1
    assert (
        capsys.readouterr().err == f"studyapp: {tmp_path / 'none.yaml'}: no such file or folder\n"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: d\ntitle: D\nentries:\n- id: a\n  kind: qa\n  review: true\n")
    assert main(["extract", "--review", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml:4:3: entries[0].prompt: missing required field 'prompt'" in out
    assert "fix these first (`studyapp validate" in out


def _cache_entries() -> list[Path]:
    from studyapp.core.decks.cache import DeckCache

    folder = DeckCache.default().directory
    return sorted(folder.glob("*.entry")) if folder.is_dir() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading a deck's YAML fails: only the deck cache can answer."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the deck was parsed again")

    monkeypatch.setattr("studyapp.core.decks.loader.parse_deck", refuse)


def test_validate_and_export_read_the_deck_cache_but_never_write_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from studyapp.core.decks.cache import DeckCache
    from studyapp.core.decks.discovery import discover

    deck = tmp_path / "deck.yaml"
    deck.write_bytes((REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_bytes())
    assert main(["validate", str(deck)]) == 0
    assert main(["export", str(deck), "--to", "csv", "-o", str(tmp_path / "a.csv")]) == 0
    assert _cache_entries() == []  # a one-off tool does not pay for writing an entry
    first = capsys.readouterr().out

    discover([deck], cache=DeckCache.default())  # the app opens the deck: cached
    assert len(_cache_entries()) == 1
    _no_parsing(monkeypatch)
    assert main(["validate", str(deck)]) == 0
    assert main(["export", str(deck), "--to", "csv", "-o", str(tmp_path / "b.csv")]) == 0
    assert capsys.readouterr().out == first.replace("a.csv", "b.csv")
    assert (tmp_path / "b.csv").read_bytes() == (tmp_path / "a.csv").read_bytes()
    assert main(["validate", "--format", "json", str(deck)]) == 0
    (report,) = json.loads(capsys.readouterr().out)["files"]
    assert (report["valid"], report["deck"]) == (True, "lee-pragmatic-diplomacy")
    assert report["entries"] > 0


def test_validate_reports_every_problem_of_a_cached_deck_that_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from studyapp.core.decks.cache import DeckCache
    from studyapp.core.decks.discovery import discover

    deck = tmp_path / "deck.yaml"
    deck.write_bytes((REPO / "decks" / "lee-pragmatic-diplomacy.yaml").read_bytes())
    discover([deck], cache=DeckCache.default())
    assert len(_cache_entries()) == 1
    deck.write_bytes((FIXTURES / "09-unknown-kind.yaml").read_bytes())
    assert main(["validate", str(deck)]) == 1
    out = capsys.readouterr().out
    assert "deck.yaml:5:11: entries[0].kind: unknown kind 'dat'" in out
    assert main(["export", str(deck), "--to", "csv", "-o", str(tmp_path / "x.csv")]) == 1
    captured = capsys.readouterr()
    assert "deck.yaml:5:11: entries[0].kind: unknown kind 'dat'" in captured.out + captured.err
