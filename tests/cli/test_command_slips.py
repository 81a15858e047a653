"""Slips in the command line itself (a folder where a file is wanted, a file to write
that exists, a path that loops, an option that does not parse ...) said as
``studyapp: PATH: what is wrong; what to do`` on stderr, with the command's exit code,
never as ``PATH:1:1:`` (a syntax error on the first line of a file that may not even be
there) and never as a traceback (here: an exception out of ``main``)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.cli import main
from studyapp.cli.plan_options import UsageError, read_options
from tests.conftest import REPO

DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
EXAM = REPO / "decks" / "lee-pragmatic-diplomacy.exam.yaml"
LOOP = "a symbolic link that leads round in a loop; give the file it should point to"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a deck, a folder, an article and a symbolic link loop."""
    work = tmp_path / "w"
    work.mkdir()
    monkeypatch.chdir(work)  # names shown relative, as typed
    shutil.copy(DECK, work / "deck.yaml")
    (work / "folder").mkdir()
    (work / "notes.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    os.symlink("loop2.yaml", work / "loop.yaml")
    os.symlink("loop.yaml", work / "loop2.yaml")
    return work


def refused(capsys: pytest.CaptureFixture[str], argv: list[str], code: int = 1) -> str:
    """Run ``studyapp ARGV``: the exit code is ``code``, nothing is on stdout, and what
    is said on stderr (one message a line) is returned."""
    assert main(argv) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert ":1:1:" not in captured.err
    return captured.err


# ------------------------------------------------------------------- new


def test_new_on_a_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'folder:1:1: a deck file name ends in .yaml (e.g. folder.yaml)'."""
    assert refused(capsys, ["new", "folder"]) == (
        "studyapp: folder: a folder; give the deck file to create (DECK.yaml)\n"
    )


def test_new_with_another_extension(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(capsys, ["new", "x.txt"]) == (
        "studyapp: x.txt: a deck file name ends in .yaml (e.g. x.txt.yaml)\n"
    )


def test_new_on_a_file_that_exists(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(capsys, ["new", "deck.yaml"]) == (
        "studyapp: deck.yaml: already exists; studyapp new never overwrites a file\n"
    )


def test_new_with_a_bad_id_names_the_option(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'x.yaml:1:1: 'Bad Id' is not a valid deck id': the file was fine."""
    assert refused(capsys, ["new", "x.yaml", "--id", "Bad Id"]) == (
        "studyapp: --id: 'Bad Id' is not a valid deck id (lowercase letters, digits, . _ -)\n"
    )
    assert not (here / "x.yaml").exists()


# ---------------------------------------------------------------- export


def test_export_into_a_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'folder:1:1: cannot write: Is a directory'."""
    for to in ("csv", "anki", "markdown"):
        assert refused(capsys, ["export", "deck.yaml", "--to", to, "-o", "folder"]) == (
            "studyapp: folder: a folder; give the name of a file to write\n"
        )


def test_export_into_a_folder_not_there(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'nodir/o.csv:1:1: no such folder: nodir'."""
    for to in ("csv", "anki"):
        assert refused(capsys, ["export", "deck.yaml", "--to", to, "-o", "nodir/o"]) == (
            "studyapp: nodir/o: no such folder: nodir; make the folder first\n"
        )
    assert refused(capsys, ["export", "deck.yaml", "--to", "csv", "-o", "deck.yaml/o.csv"]) == (
        "studyapp: deck.yaml/o.csv: not a folder: deck.yaml; make the folder first\n"
    )


# ---------------------------------------------------------------- import


def test_import_of_a_file_not_there(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'gone.csv:1:1: cannot read the file: No such file or directory'."""
    for name in ("gone.csv", "gone.apkg"):
        assert refused(capsys, ["import", name, "-o", "out.yaml"]) == (
            f"studyapp: {name}: no such file or folder\n"
        )


def test_import_of_a_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'folder:1:1: cannot read the file: Is a directory'."""
    assert refused(capsys, ["import", "folder", "-o", "out.yaml"]) == (
        "studyapp: folder: a folder; import takes one file (.apkg, .colpkg, .csv, .tsv or .txt)\n"
    )


def test_import_over_a_deck(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'deck.yaml:1:1: already exists; pass --force to overwrite it' (on stdout)."""
    (here / "cards.csv").write_text("front,back\na,b\n", encoding="utf-8")
    assert refused(capsys, ["import", "cards.csv", "-o", "deck.yaml"]) == (
        "studyapp: deck.yaml: already exists; pass --force to overwrite it\n"
    )
    assert refused(capsys, ["import", "cards.csv", "-o", "folder"]) == (
        "studyapp: folder: a folder; give the name of a file to write\n"
    )


def test_import_into_a_file_no_deck_search_finds(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: written as out.txt, which neither the app nor validate ever reads."""
    (here / "cards.csv").write_text("front,back\na,b\n", encoding="utf-8")
    assert refused(capsys, ["import", "cards.csv", "-o", "out.txt"]) == (
        "studyapp: out.txt: a deck file name ends in .yaml (e.g. out.txt.yaml)\n"
    )
    assert not (here / "out.txt").exists()


def test_import_says_the_schema_could_not_be_written(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'deck.schema.json:1:1: cannot write the deck schema ...' on stdout; the deck
    is written all the same (exit 0): a note about a file, not a place in one."""
    (here / "cards.csv").write_text("front,back\na,b\n", encoding="utf-8")
    (here / "deck.schema.json").mkdir()
    assert main(["import", "cards.csv", "-o", "out.yaml"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "studyapp: deck.schema.json: cannot write the deck schema (Is a directory); "
        "`studyapp schema > deck.schema.json` makes it\n"
    )
    assert captured.out == "wrote out.yaml: 1 entry from 1 row\n"


def test_import_of_an_apkg_that_is_not_a_zip(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the same words on stdout, without 'studyapp:'."""
    (here / "fake.apkg").write_bytes(b"not a zip")
    assert refused(capsys, ["import", "fake.apkg", "-o", "out.yaml"]) == (
        "studyapp: fake.apkg: not an Anki package (.apkg or .colpkg are zip files; this one "
        "is not)\n"
    )


def test_import_of_a_package_into_a_folder_not_there(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'nodir/out.yaml: no such folder: nodir' on stdout."""
    with zipfile.ZipFile(here / "p.apkg", "w") as package:
        package.writestr("collection.anki2", b"x")
    assert refused(capsys, ["import", "p.apkg", "-o", "nodir/out.yaml"]) == (
        "studyapp: nodir/out.yaml: no such folder: nodir; make the folder first\n"
    )


# --------------------------------------------------------------- extract


def test_extract_of_an_article_not_there_or_a_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'gone.txt:1:1: cannot read the file: No such file or directory'."""
    assert refused(capsys, ["extract", "gone.txt", "-o", "d.yaml"]) == (
        "studyapp: gone.txt: no such file or folder\n"
    )
    assert refused(capsys, ["extract", "folder", "-o", "d.yaml"]) == (
        "studyapp: folder: a folder; extract reads one article, a plain-text file (ARTICLE.txt)\n"
    )


def test_extract_that_finds_nothing(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'notes.txt:1:1: found no dates, ...': the whole text, not its first line."""
    assert refused(capsys, ["extract", "notes.txt", "-o", "d.yaml"]) == (
        "studyapp: notes.txt: found no dates, figures or quotations in the text; nothing written\n"
    )
    assert not (here / "d.yaml").exists()


def test_extract_over_a_deck_or_into_a_text_file(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'deck.yaml:1:1: already exists ...', after the article was read in full."""
    assert refused(capsys, ["extract", "notes.txt", "-o", "deck.yaml"]) == (
        "studyapp: deck.yaml: already exists; pass --force to overwrite it\n"
    )
    assert refused(capsys, ["extract", "notes.txt", "-o", "d.txt"]) == (
        "studyapp: d.txt: a deck file name ends in .yaml (e.g. d.txt.yaml)\n"
    )


def test_extract_with_a_date_that_does_not_parse_says_so_first(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The option is read before the files: its message, not the file's."""
    assert refused(capsys, ["extract", "notes.txt", "-o", "deck.yaml", "--date", "July"]) == (
        "studyapp: --date: 'July' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD "
        "(e.g. 2025-06-03)\n"
    )


def test_review_of_a_draft_not_there_or_a_folder(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'gone.yaml:1:1: no such file' (and the same for a folder)."""
    assert refused(capsys, ["extract", "--review", "gone.yaml"]) == (
        "studyapp: gone.yaml: no such file or folder\n"
    )
    assert refused(capsys, ["extract", "--review", "folder"]) == (
        "studyapp: folder: a folder; --review takes one draft deck file (DRAFT.yaml)\n"
    )


def test_review_of_an_article_not_a_draft(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'notes.txt:1:1: expected a mapping of fields (id: ..., title: ...)'."""
    assert refused(capsys, ["extract", "--review", "notes.txt"]) == (
        "studyapp: notes.txt: not a draft deck: --review takes the .yaml draft that "
        "`studyapp extract ARTICLE.txt -o DRAFT.yaml` wrote\n"
    )


# ------------------------------------------------------ gradebook, results


def test_gradebook_of_a_file_not_there(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'gone.json:1:1: cannot read the file: No such file or directory'."""
    assert refused(capsys, ["gradebook", "gone.json", "-o", "g.csv"]) == (
        "studyapp: gone.json: no such file or folder\n"
    )


def test_gradebook_into_a_folder_not_there(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'nodir/g.csv:1:1: no such folder: nodir', after every result was merged."""
    assert refused(capsys, ["gradebook", "folder", "-o", "nodir/g.csv"]) == (
        "studyapp: nodir/g.csv: no such folder: nodir; make the folder first\n"
        "studyapp: nodir/g.md: no such folder: nodir; make the folder first\n"
    )


def test_results_into_a_folder(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a traceback (IsADirectoryError, FileNotFoundError from the temporary file)."""
    assert refused(capsys, ["results", "-o", "folder"]) == (
        "studyapp: folder: a folder; give the name of a file to write\n"
    )
    assert refused(capsys, ["results", "-o", "nodir/r.csv"]) == (
        "studyapp: nodir/r.csv: no such folder: nodir; make the folder first\n"
    )


# ----------------------------------------- deck paths of the study commands


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["optimize"], ["progress", "--repair"], ["plan", str(EXAM)]],
    ids=["stats", "optimize", "repair", "plan"],
)
def test_a_deck_path_not_there_is_not_left_out(
    argv: list[str], here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: figures, a fit, a repair or a plan for the decks found, exit 0, with no
    word that the deck named was not among them."""
    prefix = "studyapp plan" if argv[0] == "plan" else "studyapp"
    assert refused(capsys, [*argv, "gone.yaml"]) == f"{prefix}: gone.yaml: no such file or folder\n"


def test_plan_of_an_exam_file_not_there(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 'studyapp plan: gone.exam.yaml:1:1: cannot read the file: No such file ...'."""
    assert refused(capsys, ["plan", "gone.exam.yaml"]) == (
        "studyapp plan: gone.exam.yaml: no such file or folder\n"
    )
    (here / "dir.exam.yaml").mkdir()
    assert refused(capsys, ["plan", "dir.exam.yaml"]) == (
        "studyapp plan: dir.exam.yaml: a folder; give an exam file (.exam.yaml)\n"
    )


# ------------------------------------------------- a file that will not open


@pytest.mark.parametrize(
    ("argv", "prefix"),
    [
        (["export", "sock.yaml", "--to", "csv", "-o", "o.csv"], "studyapp"),
        (["import", "sock.yaml", "-o", "o.yaml"], "studyapp"),
        (["extract", "sock.yaml", "-o", "d.yaml"], "studyapp"),
        (["extract", "--review", "sock.yaml"], "studyapp"),
        (["plan", "sock.yaml"], "studyapp plan"),
    ],
    ids=["export", "import", "extract", "review", "plan"],
)
def test_a_file_that_cannot_be_read(
    argv: list[str], prefix: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: 'sock.yaml:1:1: cannot read the file: No such device or address'. (A
    socket: a file no one can open, whoever runs the tests, root included.)"""
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("sock.yaml")
        assert refused(capsys, argv) == (
            f"{prefix}: sock.yaml: cannot read the file: No such device or address\n"
        )


# ------------------------------------------------------- a link that loops


LOOPING = {
    "run": ["run", "loop.yaml"],
    "validate": ["validate", "loop.yaml"],
    "lint": ["lint", "loop.yaml"],
    "decks": ["decks", "loop.yaml"],
    "stats": ["stats", "loop.yaml"],
    "optimize": ["optimize", "loop.yaml"],
    "export-deck": ["export", "loop.yaml", "--to", "csv", "-o", "o.csv"],
    "export-output": ["export", "deck.yaml", "--to", "csv", "-o", "loop.yaml"],
    "extract-article": ["extract", "loop.yaml", "-o", "d.yaml"],
    "extract-review": ["extract", "--review", "loop.yaml"],
    "import": ["import", "loop.yaml", "-o", "o.yaml"],
    "gradebook": ["gradebook", "loop.yaml", "-o", "g.csv"],
    "new": ["new", "loop.yaml"],
}


@pytest.mark.parametrize("argv", LOOPING.values(), ids=LOOPING.keys())
def test_a_symbolic_link_that_loops(
    argv: list[str], here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a traceback (RuntimeError: Symlink loop) from every command but plan (the
    app too, before its first screen)."""
    assert refused(capsys, argv) == f"studyapp: loop.yaml: {LOOP}\n"


LONG = "a" * 300  # over the 255 bytes a file name may have


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["export", "deck.yaml", "--to", "csv", "-o", f"{LONG}.csv"], "cannot write here"),
        (["export", "deck.yaml", "--to", "anki", "-o", f"{LONG}.apkg"], "cannot write here"),
        (["extract", "notes.txt", "-o", f"{LONG}.yaml"], "cannot write here"),
        (["results", "-o", f"{LONG}.csv"], "cannot write here"),
        (["new", f"{LONG}.yaml"], "cannot write"),
    ],
    ids=["export-csv", "export-anki", "extract", "results", "new"],
)
def test_a_file_name_too_long_to_write(
    argv: list[str], said: str, here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a traceback (OSError: File name too long) from the checks themselves."""
    assert refused(capsys, argv) == f"studyapp: {argv[-1]}: {said}: File name too long\n"


@pytest.mark.parametrize(
    "argv",
    [["stats"], ["results"], ["optimize"], ["progress", "--repair"], ["run"]],
    ids=["stats", "results", "optimize", "repair", "run"],
)
def test_a_progress_folder_that_loops(
    argv: list[str], here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: a traceback (OSError: Too many levels of symbolic links; FileExistsError
    from mkdir), or an empty export; exit 2 as the other progress folder slips."""
    assert refused(capsys, [*argv, "--progress", "loop.yaml"], code=2) == (
        "studyapp: the progress folder loop.yaml is a symbolic link that leads round in a "
        "loop: give a folder, or the name of a new one with --progress or STUDYAPP_PROGRESS\n"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "loop.yaml"],
        ["results", "-o", "folder"],
        ["export", "deck.yaml", "--to", "anki", "-o", "nodir/o.apkg"],
    ],
    ids=["validate-loop", "results-folder", "export-nodir"],
)
def test_the_command_itself_gives_no_traceback(here: Path, argv: list[str]) -> None:
    """Through the real entry point (``python -m studyapp``): the message, exit 1."""
    result = subprocess.run(
        [sys.executable, "-m", "studyapp", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=here,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("studyapp: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and ":1:1:" not in result.stderr + result.stdout


# ------------------------------------------------------------ exam files


def test_an_exam_over_two_decks_with_one_id(here: Path) -> None:
    """Before: 'x.exam.yaml:1:1: decks: two decks have the id ...', the exam's first line;
    now at the list of decks it names (a true place), or the file when it names none.
    (Discovery refuses the second deck first; a caller with its own decks meets this.)"""
    from studyapp.cli.decks import validate_exams
    from studyapp.core.decks.loader import load_deck

    deck = load_deck(DECK)
    (here / "x.exam.yaml").write_text(
        f"id: x\ntitle: X\nquestions: 5\ndecks:\n  - {deck.id}\n", encoding="utf-8"
    )
    (here / "y.exam.yaml").write_text("id: y\ntitle: Y\nquestions: 5\n", encoding="utf-8")
    good, bad = validate_exams([here / "x.exam.yaml", here / "y.exam.yaml"], [deck, deck])
    assert good == []
    said = [str(problem) for failure in bad for problem in failure.problems]
    assert said == [
        f"x.exam.yaml:5:3: decks: two decks have the id '{deck.id}'",
        f"y.exam.yaml: decks: two decks have the id '{deck.id}'",
    ]


# --------------------------------------------- options that read user text


TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(date=TEXT, minutes=TEXT, target=TEXT)
def test_plan_options_are_read_or_refused(date: str, minutes: str, target: str) -> None:
    """Any text for --date, --minutes-per-day or --target: values, or a UsageError."""
    import argparse

    args = argparse.Namespace(date=date, minutes_per_day=minutes, target=target)
    try:
        read = read_options(args)
    except UsageError as error:
        assert str(error).startswith(("--date: ", "--minutes-per-day: ", "--target: "))
    else:
        assert 1 <= read.minutes_per_day <= 1440 and 0 < read.target < 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_text_options_never_give_a_traceback(text: str) -> None:
    """--date (extract), --separator (import), --ignore (lint) and --id (new) parse what
    a person typed: any text gets exit 0 or 1, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "notes.txt").write_text("Nothing to see here.\n", encoding="utf-8")
        (work / "c.csv").write_text("front,back\na,b\n", encoding="utf-8")
        cwd = Path.cwd()
        os.chdir(work)
        try:
            assert main(["extract", "notes.txt", "-o", "d.yaml", f"--date={text}"]) == 1
            assert main(["import", "c.csv", "-o", "i.yaml", f"--separator={text}"]) in (0, 1)
            assert main(["new", "n.yaml", f"--id={text}"]) in (0, 1)
            assert main(["new", "small.yaml"]) == 0
            assert main(["lint", "small.yaml", "--no-cache", f"--ignore={text}"]) in (0, 1)
        finally:
            os.chdir(cwd)
