"""The slips left after the first sweep (``test_command_slips``): an option value that
does not parse or does not fit the file, said as ``studyapp: --OPTION: what is wrong; what
to do`` (or ``studyapp: PATH: ...``) on stderr, nothing on stdout, never a traceback; the
settings file's problems said by the commands that read it; a problem of a whole file
at no line; a draft deck marked in ``studyapp decks``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.core.base.problems import Problem
from studyapp.core.base.userfile import Limits, read_bytes
from studyapp.core.config import CONFIG_FILE
from tests.cli.test_command_slips import refused
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
EXAM = REPO / "decks" / "lee-pragmatic-diplomacy.exam.yaml"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a deck, an article, a CSV and an empty folder."""
    work = tmp_path / "w"
    work.mkdir()
    monkeypatch.chdir(work)  # names shown relative, as typed
    shutil.copy(DECK, work / "deck.yaml")
    (work / "a.txt").write_text("On 3 May 2001 the treaty was signed.\n", encoding="utf-8")
    (work / "c.csv").write_text("front,back\nq,a\n", encoding="utf-8")
    (work / "empty").mkdir()
    return work


# ---------------------------------------------------------------- extract


def test_extract_date_that_does_not_parse(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: '--date: '2001-13-40': month must be 01 to 12' on stdout."""
    assert refused(capsys, ["extract", "a.txt", "-o", "d.yaml", "--date", "2001-13-40"]) == (
        "studyapp: --date: '2001-13-40': month must be 01 to 12; write the article's date "
        "as YYYY-MM-DD\n"
    )
    assert refused(capsys, ["extract", "a.txt", "-o", "d.yaml", "--date", ""]).startswith(
        "studyapp: --date: '' is not a date"  # before: an empty --date was let through
    )
    assert not (here / "d.yaml").exists()


def test_extract_review_with_options_that_do_not_go_with_it(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: '--review takes the draft alone: ...' on stdout, and --year, --date, --id,
    --title, --force silently not used."""
    tail = (
        "; run studyapp extract --review DRAFT.yaml (and draft a deck apart: studyapp "
        "extract ARTICLE.txt -o DRAFT.yaml)\n"
    )
    assert refused(capsys, ["extract", "--review", "deck.yaml", "a.txt"]) == (
        "studyapp: --review takes the draft alone, not ARTICLE.txt" + tail
    )
    assert refused(capsys, ["extract", "--review", "deck.yaml", "--year", "2001", "--force"]) == (
        "studyapp: --review takes the draft alone, not --year, --force" + tail
    )


def test_extract_without_the_article_or_the_draft(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'give the article and the draft to write: ...' on stdout."""
    usage = (
        " given; run studyapp extract ARTICLE.txt -o DRAFT.yaml (or review a draft: "
        "studyapp extract --review DRAFT.yaml)\n"
    )
    assert refused(capsys, ["extract", "a.txt"]) == (
        "studyapp: no draft to write (-o DRAFT.yaml)" + usage
    )
    assert refused(capsys, ["extract", "-o", "d.yaml"]) == "studyapp: no article" + usage


def test_extract_with_a_bad_id_or_year(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: --id 'Bad Id': 'a.txt: 1 validation error for DraftDeck' and pydantic's
    text; --year 0: a draft dated in year 0, which validate refuses."""
    assert refused(capsys, ["extract", "a.txt", "-o", "d.yaml", "--id", "Bad Id"]) == (
        "studyapp: --id: 'Bad Id' is not a valid deck id (lowercase letters, digits, . _ -)\n"
    )
    assert refused(capsys, ["extract", "a.txt", "-o", "d.yaml", "--year", "0"]) == (
        "studyapp: --year: 0 is not a year; give one such as 2025\n"
    )
    assert not (here / "d.yaml").exists()


# ----------------------------------------------------------------- import


def test_import_separator_that_is_not_one_character(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: '--separator must be one character (or tab, comma, semicolon)' on stdout."""
    for given in ("xx", ""):
        assert refused(capsys, ["import", "c.csv", "-o", "i.yaml", "--separator", given]) == (
            f"studyapp: --separator: {given!r} is not one character; give one character, or "
            "tab, comma or semicolon\n"
        )
    assert main(["import", "c.csv", "-o", "i.yaml", "--separator", "comma"]) == 0
    assert "wrote i.yaml: 1 entry" in capsys.readouterr().out


def test_import_with_a_bad_id(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'c.csv:1:1: 'Bad Id' is not a valid deck id' (the file was fine), and for
    an Anki package a traceback (pydantic's ValidationError)."""
    main(["export", "deck.yaml", "--to", "anki", "-o", "d.apkg"])
    capsys.readouterr()
    for source in ("c.csv", "d.apkg"):
        argv = ["import", source, "-o", "i.yaml", "--id", "Bad Id"]
        assert refused(capsys, argv) == (
            "studyapp: --id: 'Bad Id' is not a valid deck id (lowercase letters, digits, . _ -)\n"
        )
    assert not (here / "i.yaml").exists()


def test_import_options_that_do_not_fit_the_file(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: each was silently not used (an Anki deck to pick from a CSV ...)."""
    main(["export", "deck.yaml", "--to", "anki", "-o", "d.apkg"])
    capsys.readouterr()
    for option in (["--deck", "x"], ["--no-history"], ["--progress", "p"]):
        assert refused(capsys, ["import", "c.csv", "-o", "i.yaml", *option]) == (
            f"studyapp: {option[0]}: for an Anki package (.apkg, .colpkg), and c.csv is a text "
            f"file (CSV, TSV or Anki's text export); leave {option[0]} out\n"
        )
    for option in (["--separator", ","], ["--format", "csv"], ["--html", "no"]):
        assert refused(capsys, ["import", "d.apkg", "-o", "i.yaml", *option]) == (
            f"studyapp: {option[0]}: for CSV, TSV and Anki's text export, and d.apkg is an "
            f"Anki package; leave {option[0]} out\n"
        )
    assert not (here / "i.yaml").exists()


# ------------------------------------------------------- lint, gradebook


def test_lint_ignore_with_an_unknown_code(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'unknown rule code(s): ZZZ1 (codes: ...)' on stdout."""
    said = refused(capsys, ["lint", "deck.yaml", "--ignore", "zzz1,S001"])
    assert said.startswith("studyapp: --ignore: unknown rule code ZZZ1; give codes from: E000, ")
    assert said.endswith(" (studyapp lint --format json lists their names)\n")
    assert "codes Y1, ZZZ1;" in refused(capsys, ["lint", "deck.yaml", "--ignore", "ZZZ1,y1"])


def test_gradebook_of_folders_without_results(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'no result files found (give .json files or a folder of them)' on stdout."""
    (here / "empty2").mkdir()
    assert refused(capsys, ["gradebook", "empty", "empty2", "-o", "g.csv"]) == "".join(
        f"studyapp: {name}: no result files (*.json) in this folder or its subfolders; give "
        "the .json files the students sent, or their folder\n"
        for name in ("empty", "empty2")
    )
    assert not (here / "g.csv").exists()


# ---------------------------------------------------- the settings file


@pytest.fixture
def settings_file() -> Path:
    """The learner's settings: an exam date, a retention, and one value no study setting
    takes (the app then uses the default study settings, and says so)."""
    path = Path(os.environ["STUDYAPP_CONFIG"]) / CONFIG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": "studyapp-config",
        "version": 1,
        "exams": {"lee-midterm": {"date": "2031-01-10"}},
        "study": {
            "queue": {"day_starts_at": "nonsense"},
            "scheduler": {"desired_retention": 0.85},
        },
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _settings_said(err: str, path: Path) -> None:
    assert err.startswith(f"studyapp: {path}: study settings: ")
    assert err.endswith("; using defaults\n")


def test_plan_says_what_was_wrong_with_the_settings(
    here: Path, settings_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: nothing said, the plan made with other settings than the learner's."""
    before = settings_file.read_bytes()
    assert main(["plan", str(EXAM), "deck.yaml", "--json"]) == 0
    said = capsys.readouterr()
    _settings_said(said.err, settings_file)
    data = json.loads(said.out)  # (the message is on stderr: --json's stdout is unchanged)
    assert data["exam_date"] == "2031-01-10" and "predicted_score" in data
    assert settings_file.read_bytes() == before  # read, never written


def test_plan_remembers_a_change_without_defaults_over_the_rest(
    here: Path, settings_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``plan --minutes-per-day 30`` rewrote settings.json whole, the study
    settings replaced by their defaults (the 0.85 retention lost), without a word; and the
    same --date given each run (a script) rewrote it every time."""
    assert main(["plan", str(EXAM), "deck.yaml", "--minutes-per-day", "30"]) == 0
    _settings_said(capsys.readouterr().err, settings_file)
    data = json.loads(settings_file.read_text(encoding="utf-8"))
    assert data["exams"] == {"lee-midterm": {"date": "2031-01-10", "minutes_per_day": 30}}
    assert data["study"] == {
        "queue": {"day_starts_at": "nonsense"},
        "scheduler": {"desired_retention": 0.85},
    }
    written = settings_file.read_bytes()
    os.utime(settings_file, (1_000_000, 1_000_000))
    for again in (["--minutes-per-day", "30"], ["--date", "2031-01-10"], []):
        assert main(["plan", str(EXAM), "deck.yaml", *again]) == 0
    assert settings_file.read_bytes() == written
    assert settings_file.stat().st_mtime == 1_000_000  # not even written the same


def test_optimize_says_what_was_wrong_with_the_settings(
    here: Path, settings_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["optimize", "deck.yaml", "--dry-run", "--json"]) == 0
    said = capsys.readouterr()
    _settings_said(said.err, settings_file)
    assert json.loads(said.out)  # the report, as before


def test_stats_says_what_was_wrong_with_the_settings(
    here: Path, settings_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the day counted from 4 am (the default) without a word."""
    assert main(["stats", "deck.yaml"]) == 0
    _settings_said(capsys.readouterr().err, settings_file)


def test_a_damaged_settings_file_set_aside_is_said(
    here: Path, settings_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: plan and optimize moved it aside without a word."""
    settings_file.write_text("[", encoding="utf-8")
    for argv in (["plan", str(EXAM), "deck.yaml", "--date", "2031-02-01"], ["optimize"]):
        main(argv)
        err = capsys.readouterr().err
        assert err.startswith(f"studyapp: {settings_file}: not valid JSON"), err
        assert "moved aside to settings.json.damaged-" in err and "using defaults" in err
        settings_file.write_text("[", encoding="utf-8")


# ------------------------------------------------- a problem of the whole file


def test_problems_of_a_whole_file_are_at_no_line(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: 'e.yaml:1:1: the file is empty', 'e.csv:1:1: the file has no cards to
    import', 'big.yaml:1:1: the file is 1.0 MB; ...': a first line that is not at fault."""
    (here / "e.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert main(["validate", "e.yaml"]) == 1
    assert capsys.readouterr().out.startswith("e.yaml: the file is empty\n")
    (here / "e.csv").write_text("\n", encoding="utf-8")
    assert main(["import", "e.csv", "-o", "i.yaml"]) == 1
    assert capsys.readouterr().out == "e.csv: the file has no cards to import\n"
    (here / "big.yaml").write_bytes(b"# " + b"x" * (1 << 20) + b"\n")
    monkeypatch.setenv("STUDYAPP_MAX_DECK_MB", "0.5")
    assert main(["validate", "big.yaml"]) == 1
    assert capsys.readouterr().out.startswith("big.yaml: the file is 1.0 MB; decks are capped")
    (problem,) = read_bytes(here / "empty", Limits(), "empty")[1]  # a folder: cannot be read
    assert problem == Problem("empty", 0, 0, "", "cannot read the file: Is a directory")
    assert str(problem) == "empty: cannot read the file: Is a directory"


def test_a_true_position_stays(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "bad.yaml").write_text("id: x\ntitle: T\nentries:\n  - id: a\n  kind: [\n")
    assert main(["validate", "bad.yaml"]) == 1
    assert capsys.readouterr().out.startswith("bad.yaml:5:")


# ----------------------------------------------------------------- decks


def test_decks_marks_a_draft_as_home_does(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a draft was listed as any deck, its entries to check not mentioned."""
    assert main(["extract", "a.txt", "-o", "draft.yaml"]) == 0
    capsys.readouterr()
    assert main(["decks", "draft.yaml", "deck.yaml"]) == 0
    listed = capsys.readouterr().out.splitlines()
    at = listed.index("    draft.yaml")
    assert listed[at + 1] == ("    draft · 1 entry to check (studyapp extract --review draft.yaml)")
    assert "draft ·" not in "\n".join(listed[at + 2 :])  # the checked deck: no mark


# ----------------------------------------------------- progress, stats, optimize


def test_progress_options_that_do_not_go_together(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the decks without --repair, and --json with it, were silently not used."""
    assert refused(capsys, ["progress", "deck.yaml"]) == (
        "studyapp: deck.yaml: decks are read by --repair only; add --repair to rebuild their "
        "cards' states from the history, or leave them out\n"
    )
    assert refused(capsys, ["progress", "--repair", "--json", "deck.yaml"]) == (
        "studyapp: --json: not with --repair, whose report is text; leave --json out (then "
        "studyapp progress --json checks the progress repaired)\n"
    )


def test_stats_and_repair_of_a_folder_without_decks(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: figures of no deck (exit 0), and a repair that knew no card."""
    for argv in (["stats", "empty"], ["progress", "--repair", "empty"]):
        assert refused(capsys, argv) == (
            "studyapp: empty: no deck files (*.yaml, *.yml) in this folder or its subfolders\n"
        )


def test_optimize_undo_with_options_of_a_fit(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``--undo --dry-run`` went back all the same (a dry run that changed the
    settings); --no-retention was silently not used."""
    assert refused(capsys, ["optimize", "--undo", "--dry-run", "--no-retention"]) == (
        "studyapp: --dry-run, --no-retention: not with --undo, which goes back to the earlier "
        "parameters at once; run studyapp optimize --undo alone (add --deck ID for a deck's)\n"
    )


@pytest.mark.parametrize("argv", [["optimize"], ["optimize", "--undo"]])
def test_optimize_changes_no_parameters_over_study_settings_it_could_not_read(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Before (a review found it): the change was computed from the defaults that stand in
    for an unreadable study part, so adopting a fit wrote ``previous_parameters: {global:
    null}`` over the learner's set, and ``--undo`` said it went back while it did not."""
    folder = Path(os.environ["STUDYAPP_CONFIG"])
    folder.mkdir(parents=True, exist_ok=True)
    written = json.dumps(
        {
            "format": "studyapp-config",
            "version": 1,
            "study": {"scheduler": {"desired_retention": 0.85}, "queue": {"new_per_day": "x"}},
            "previous_parameters": {"global": [0.4] * 21},
        }
    )
    (folder / CONFIG_FILE).write_text(written, encoding="utf-8")
    said = refused(capsys, [*argv, "deck.yaml"] if argv == ["optimize"] else argv)
    assert "queue.new_per_day: 'x' is not a whole number; using defaults" in said
    assert "its study settings could not be read (said above)" in said
    assert (folder / CONFIG_FILE).read_text(encoding="utf-8") == written


def test_the_review_hint_can_be_pasted_when_the_path_has_a_space(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'studyapp extract --review my drafts/d.yaml', two arguments once pasted."""
    (here / "my drafts").mkdir()
    assert main(["extract", "a.txt", "-o", "my drafts/d.yaml"]) == 0
    assert "studyapp extract --review 'my drafts/d.yaml'" in capsys.readouterr().out
    assert main(["decks", "my drafts/d.yaml"]) == 0
    assert "(studyapp extract --review 'my drafts/d.yaml')" in capsys.readouterr().out


def test_optimize_undo_with_a_deck_path(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'optimize --undo deck.yaml' went back, the deck path silently not used."""
    assert refused(capsys, ["optimize", "--undo", "deck.yaml"]).startswith(
        "studyapp: DECK: not with --undo"
    )


def test_stats_and_repair_refuse_a_file_that_is_no_deck(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'stats c.csv' read no card and printed figures of nothing, exit 0."""
    for argv in (["stats", "c.csv"], ["progress", "--repair", "c.csv"]):
        assert refused(capsys, argv) == (
            "studyapp: c.csv: not a deck file (decks are .yaml or .yml); give a deck, or "
            "import it first (studyapp import FILE)\n"
        )


def test_stats_names_a_deck_it_could_not_read(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a folder of broken decks gave figures of nothing without a word."""
    (here / "lz").mkdir()
    (here / "lz" / "bad.yaml").write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    good = "id: ok\ntitle: OK\nentries:\n  - {id: a, kind: qa, prompt: Capital?, answer: Paris}\n"
    (here / "lz" / "good.yaml").write_text(good, encoding="utf-8")
    assert main(["stats", "lz"]) == 0  # (a folder where none loads is refused: test_study_s16)
    err = capsys.readouterr().err
    assert err.startswith("studyapp: lz/bad.yaml:3:1: YAML syntax: ")
    assert err.endswith("; left out\n")
