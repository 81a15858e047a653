"""A quiz or exam in a read-only window says before it starts, and on its results, that it
is not saved (and why), instead of leaving the "Saved with your progress" line out."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from studyapp.core.quiz.results import list_results
from studyapp.core.store.errors import FolderReadOnly
from studyapp.core.store.store import ProgressStore
from studyapp.core.workspace import Workspace, load_exams, open_workspace
from studyapp.tui.app import StudyApp
from studyapp.tui.screens import quiz_sitting
from studyapp.tui.screens.quiz import QuizSetupScreen
from studyapp.tui.screens.results import ResultsScreen
from tests.tui.builders import make_workspace
from tests.tui.test_quiz_flow import EXAM, answer_everything_right, open_exam, visible_text

ELSEWHERE = (
    "Read-only: a quiz or exam taken here is not saved; progress is open in another "
    "studyapp window: close it, then press r on home."
)


def second_window(tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Two windows on one progress folder: the first holds it, the second is read-only."""
    first, clock = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    second = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock)
    second.exams, _ = load_exams([tmp_path / "decks"])
    assert second.read_only and second.read_only_elsewhere
    return first, second


async def sit_exam(app: StudyApp) -> str:
    """Open the set-up screen (its text returned), take the exam, submit it."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        setup_text = visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        quiz = await open_exam(pilot, app)
        await answer_everything_right(pilot, app)
        await pilot.press("s")  # the review after the last question: submit
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        return setup_text + "\n" + quiz.sub_title + "\n" + visible_text(app)


async def test_a_read_only_window_says_the_exam_is_not_saved_before_and_after(
    tmp_path: Path,
) -> None:
    first, second = second_window(tmp_path)
    try:
        text = await sit_exam(StudyApp(second, seed=0))
        assert ELSEWHERE in text  # on the set-up screen, before Enter starts anything
        assert "read-only, not saved · Small exam" in text  # the sitting's title bar
        assert (
            "Not saved: progress is open in another studyapp window: close it, then press r on "
            "home." in text
        )
        assert "Saved with your progress" not in text
        assert list_results(tmp_path / "progress")[0] == []  # and indeed nothing was
    finally:
        first.close()


async def test_a_writable_window_says_nothing_of_the_kind(tmp_path: Path) -> None:
    workspace, _ = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])
    app = StudyApp(workspace, seed=0)
    text = await sit_exam(app)
    assert "Read-only" not in text and "not saved" not in text.lower()
    assert "Saved with your progress" in text


async def test_a_read_only_disk_gives_its_own_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, clock = make_workspace(tmp_path)
    first.close()
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")

    def read_only_disk(folder: Path) -> None:
        raise FolderReadOnly(folder, OSError(errno.EROFS, "Read-only file system"))

    monkeypatch.setattr(ProgressStore, "claim", staticmethod(read_only_disk))
    ws = open_workspace([str(tmp_path / "decks")], progress=tmp_path / "progress", clock=clock)
    ws.exams, _ = load_exams([tmp_path / "decks"])
    text = await sit_exam(StudyApp(ws, seed=0))
    folder = tmp_path / "progress"
    assert f"is not saved; the progress folder {folder} is read-only." in text
    assert f"Not saved: the progress folder {folder} is read-only." in text
    assert "another studyapp" not in text


async def test_a_result_that_cannot_be_written_says_so_on_the_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, _ = make_workspace(tmp_path)
    (tmp_path / "decks" / "small.exam.yaml").write_text(EXAM, encoding="utf-8")
    workspace.exams, _ = load_exams([tmp_path / "decks"])

    def full_disk(*args: object, **kwargs: object) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(quiz_sitting, "save_result", full_disk)
    text = await sit_exam(StudyApp(workspace, seed=0))
    assert "Not saved: the disk is full: free some space." in text
    assert "Read-only" not in text
