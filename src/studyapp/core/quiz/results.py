"""Quiz and exam results kept in the learner's progress folder, and exported.

Each finished attempt is one JSON file under ``<progress>/results/``, written
atomically; nothing here touches card schedules. Exports (CSV for a
spreadsheet, JSON for tools) are what an instructor collects.
"""

from __future__ import annotations

import csv
import getpass
import io
import json
import re
from collections.abc import Container, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from msgspec import Struct, structs

from studyapp.core.base.atomic import atomic_write
from studyapp.core.decks.cards import Card
from studyapp.core.quiz.resultfile import ResultError, load_result, result_document
from studyapp.core.quiz.scoring import QuizResult
from studyapp.core.store.state import Phase
from studyapp.core.store.store import ProgressStore

RESULTS_DIR = "results"


class StoredResult(Struct, frozen=True):
    path: Path
    result: QuizResult


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "quiz"


def student_name() -> str:
    """Who is studying, for result files an instructor collects: the login name."""
    try:
        return getpass.getuser() or "student"
    except (KeyError, OSError):
        return "student"


def save_result(
    progress_dir: Path,
    result: QuizResult,
    now: datetime,
    *,
    student: str | None = None,
    seed: int | None = None,
) -> Path:
    """Write one attempt in the gradebook's result format; returns the file written.

    The file is exactly what ``studyapp gradebook`` reads, so a learner can hand
    it to an instructor as it is.
    """
    folder = progress_dir / RESULTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"{stamp}-{_slug(result.exam_id or result.title)}.json"
    payload = result_document(student or student_name(), result, seed=seed)
    atomic_write(path, (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode())
    return path


def read_result(path: Path) -> QuizResult:
    """Read one result file; ValueError with the reason if it is not one."""
    try:
        return load_result(path).result
    except ResultError as error:
        raise ValueError(str(error)) from None


def list_results(progress_dir: Path) -> tuple[list[StoredResult], list[str]]:
    """Every stored attempt, oldest first, and a message for each unreadable file."""
    folder = progress_dir / RESULTS_DIR
    if not folder.is_dir():
        return [], []
    found: list[StoredResult] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(StoredResult(path, read_result(path)))
        except ValueError as error:
            problems.append(str(error))
    return found, problems


CSV_COLUMNS = (
    "taken_at",
    "exam_id",
    "title",
    "score",
    "passed",
    "question",
    "deck",
    "entries",
    "kind",
    "format",
    "prompt",
    "answer",
    "given",
    "outcome",
    "credit",
    "seconds",
)


def results_csv(results: Iterable[QuizResult]) -> str:
    """One row per question of every attempt: what an instructor's spreadsheet wants."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for attempt in results:
        for item in attempt.results:
            writer.writerow(
                [
                    attempt.taken_at.isoformat() if attempt.taken_at else "",
                    attempt.exam_id or "",
                    attempt.title,
                    f"{attempt.score:.1f}",
                    ("yes" if attempt.passed else "no") if has_pass_mark(attempt) else "",
                    item.question_id,
                    item.deck_id,
                    " ".join(item.entry_ids),
                    item.kind,
                    item.format.value,
                    item.prompt,
                    item.answer,
                    item.given or "",
                    item.outcome.value,
                    f"{item.credit:g}",
                    f"{item.seconds:.1f}",
                ]
            )
    return out.getvalue()


def results_json(results: Iterable[QuizResult]) -> str:
    return json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2) + "\n"


class PushReport(Struct, frozen=True):
    """What pushing missed items into study did, card by card, so the learner can be told."""

    items: int
    """Missed items (entries) asked for."""
    moved: int = 0
    """Review cards that were due later and are now due."""
    already_due: int = 0
    """Review cards already due: they come up anyway."""
    new: int = 0
    """Cards never studied: left alone, they are introduced as new cards."""
    learning: int = 0
    """Cards in (re)learning steps: they come back at their next step."""
    suspended: int = 0
    """Suspended cards: left alone until the learner unsuspends them."""
    tomorrow: int = 0
    """Of the due ones, those whose entry was already studied today: the study queue shows
    one card of an entry a day (siblings), so they come up in tomorrow's session."""

    @property
    def due(self) -> int:
        """Missed cards that come up in study (today's session, or tomorrow's)."""
        return self.moved + self.already_due

    @property
    def cards(self) -> int:
        """Every card of the missed items that was found in the decks."""
        return self.due + self.new + self.learning + self.suspended


def push_missed_to_study(
    store: ProgressStore,
    cards: Sequence[Card],
    entries: Iterable[tuple[str, str]],
    now: datetime,
    studied_today: Container[str] = frozenset(),
) -> PushReport:
    """Make the review cards of missed (deck, entry) items due now; report on every card.

    Only when the learner asks for it: exam practice never changes schedules by
    itself. New cards are left alone (they are introduced as new cards anyway),
    learning cards keep their step, suspended ones stay suspended, and cards
    already due stay as they are. ``studied_today``: the sibling keys (deck/entry)
    the study queue holds back today (an entry studied today, its deck burying
    siblings): their due cards are counted as coming up tomorrow.
    """
    wanted = set(entries)
    counts = dict.fromkeys(("moved", "already_due", "new", "learning", "suspended", "tomorrow"), 0)
    for card in cards:
        if (card.deck_id, card.entry_id) not in wanted:
            continue
        state = store.get(card.id)
        if state.suspended:
            counts["suspended"] += 1
        elif state.phase is Phase.NEW:
            counts["new"] += 1
        elif state.phase is not Phase.REVIEW or state.due is None:
            counts["learning"] += 1
        else:
            if state.due <= now:
                counts["already_due"] += 1
            else:
                store.record_change(structs.replace(state, due=now), now, "exam-push")
                counts["moved"] += 1
            if card.sibling_key in studied_today:
                counts["tomorrow"] += 1
    return PushReport(items=len(wanted), **counts)


def has_pass_mark(result: QuizResult) -> bool:
    """Whether the attempt is passed or failed at all: a quick quiz (pass mark 0) only scores.

    A pass mark of 0% cannot be failed, so "passed" would say nothing: such an
    attempt reports its score only.
    """
    return result.pass_mark > 0
