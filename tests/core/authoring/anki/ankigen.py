"""Anki collections made by Anki itself (the ``anki`` package, headless), for the import tests.

Notes of every stock type in a few decks, answered through ``col.sched.answer_card``
under a controlled clock, then exported with Anki's own exporter (current and legacy
formats). Anki cannot be told the time, so time passes the way the scheduling parity
test fakes it (``tests/core/study/test_anki_parity.py``): before an answer, the card's
``due`` and ``last_review_time`` move back by the days that "passed", and so do its
earlier review-log entries (their ids are times), so that the history and the card
states agree as if the answers had been given days apart.

Import ``anki`` only through this module, after ``ANKI_TEST_MODE`` is set (fuzz off).
"""

from __future__ import annotations

import os

os.environ["ANKI_TEST_MODE"] = "1"  # before the Rust backend reads it: Anki's fuzz off

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.scheduler.v3 import CardAnswer

from studyapp.core.study.fsrs6 import fsrs_parameters
from studyapp.core.study.settings import SchedulerSettings

ANSWERS = (CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY)
DAY_MS = 86_400_000


@contextmanager
def utc() -> Iterator[None]:
    """Anki's day numbers and ours must use the same zone: UTC, as the test suite does."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def configure(col: Any, settings: SchedulerSettings) -> None:
    """FSRS on, with our parameters (Anki's defaults may differ from py-fsrs's)."""
    for did in [d.id for d in col.decks.all_names_and_ids()]:
        conf = col.decks.config_dict_for_deck_id(did)
        conf["new"]["delays"] = [s.total_seconds() / 60 for s in settings.learning_steps]
        conf["lapse"]["delays"] = [s.total_seconds() / 60 for s in settings.relearning_steps]
        conf["rev"]["maxIvl"] = settings.maximum_interval
        conf["fsrsParams6"] = list(fsrs_parameters(settings))
        conf["desiredRetention"] = settings.desired_retention
        conf["new"]["perDay"] = 9999
        conf["rev"]["perDay"] = 9999
        col.decks.update_config(conf)
    col.set_config("fsrs", True)


def vocab_notetype(col: Any) -> Any:
    """A note type of the learner's own: three fields, two card templates."""
    models = col.models
    model = models.new("Vocab")
    for name in ("Word", "Meaning", "Example"):
        models.add_field(model, models.new_field(name))
    for name, front, back in (
        ("Recognise", "{{Word}}", "{{Meaning}}<br>{{Example}}"),
        ("Recall", "{{Meaning}}", "{{Word}}"),
    ):
        template = models.new_template(name)
        template["qfmt"], template["afmt"] = front, "{{FrontSide}}<hr id=answer>" + back
        models.add_template(model, template)
    models.add(model)
    return models.by_name("Vocab")


def add_notes(col: Any, copies: int = 1) -> None:
    """Notes of every stock type (HTML, hints, a repeated cloze number) and of a note type
    of the learner's own, in three decks."""
    if col.models.by_name("Vocab") is None:
        vocab_notetype(col)
    languages = col.decks.id("Languages::French")
    history = col.decks.id("History")
    default = col.decks.id("Default")
    for n in range(copies):
        for name, deck, fields in (
            ("Basic", languages, [f"<b>chat</b> {n}", "cat&nbsp;" + str(n)]),
            ("Basic", history, [f"Year of the Armistice? ({n})", "1918"]),
            ("Basic (and reversed card)", languages, [f"chien {n}", f"dog {n}"]),
            ("Basic (optional reversed card)", languages, [f"maison {n}", f"house {n}", "y"]),
            ("Basic (optional reversed card)", languages, [f"arbre {n}", f"tree {n}", ""]),
            ("Basic (type in the answer)", history, [f"Capital of France? {n}", "Paris"]),
            (
                "Cloze",
                history,
                [f"{{{{c1::Seoul::city}}}} is in {{{{c2::Korea}}}} ({n})", "<i>extra</i>"],
            ),
            ("Cloze", default, [f"{{{{c1::a}}}} and {{{{c1::b}}}} then {{{{c2::c}}}} {n}", ""]),
            ("Vocab", languages, [f"pomme {n}", "apple", "Une <i>pomme</i> rouge."]),
        ):
            note = col.new_note(col.models.by_name(name))
            for index, value in enumerate(fields):
                note.fields[index] = value
            note.tags = ["Korea::History", f"set{n}"]
            col.add_note(note, deck)


def travel(col: Any, cid: int, days: int) -> None:
    """Pretend ``days`` days passed since the card was last answered."""
    if not days:
        return
    card = col.get_card(cid)
    if card.type in (2, 3) and card.queue in (2, 3, -1, -2, -3) and card.due < 1_000_000_000:
        card.due -= days
    elif card.queue == 1 or card.due >= 1_000_000_000:
        card.due -= days * 86400
    if card.last_review_time:
        card.last_review_time -= days * 86400
    col.update_card(card, skip_undo_entry=True)
    col.db.execute("UPDATE revlog SET id = id - ? WHERE cid = ?", days * DAY_MS, cid)


class Clock:
    """Gives every answer a review-log id never used before, even once moved back: Anki
    reuses a millisecond whose entry moved away, and two cards' entries moved back by
    whole days would then meet."""

    def __init__(self) -> None:
        self.last = 0

    def answer(self, col: Any, cid: int, rating: int, took: float) -> None:
        before = set(col.db.list("SELECT id FROM revlog WHERE cid = ?", cid))
        card = col.get_card(cid)
        states = col._backend.get_scheduling_states(cid)
        card.start_timer()
        card.timer_started = time.time() - took
        col.sched.answer_card(
            col.sched.build_answer(card=card, states=states, rating=ANSWERS[rating - 1])
        )
        (newest,) = set(col.db.list("SELECT id FROM revlog WHERE cid = ?", cid)) - before
        if newest <= self.last:
            col.db.execute("UPDATE revlog SET id = ? WHERE id = ?", self.last + 1, newest)
            newest = self.last + 1
        self.last = newest


def simulate(col: Any, rng: random.Random, *, new_share: float = 0.15) -> None:
    """Answer most cards a few times, days apart, then let up to a month pass."""
    clock = Clock()
    for cid in sorted(col.find_cards("")):
        if rng.random() < new_share:
            continue  # stays new
        for step in range(rng.randint(1, 9)):
            if step:
                card = col.get_card(cid)
                due_in = card.ivl if card.queue == 2 else 0
                gap = due_in if rng.random() < 0.7 else rng.choice((0, 1, 3, due_in * 2, 40))
                travel(col, cid, min(gap, 300))  # early past 300 days: history stays this century
            clock.answer(col, cid, rng.choice((1, 2, 3, 3, 3, 4)), rng.uniform(1.5, 25.0))
        travel(col, cid, rng.randint(0, 30))
    cards = sorted(col.find_cards("-is:new"))
    col.sched.suspend_cards(cards[:2])
    col.sched.bury_cards(cards[2:4], manual=True)


def build(folder: Path, seed: int = 7, copies: int = 3) -> Any:
    """A collection with answered notes of every type, in ``folder``; the caller closes it."""
    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    configure(col, SchedulerSettings(enable_fuzz=False))
    add_notes(col, copies)
    configure(col, SchedulerSettings(enable_fuzz=False))  # the decks made since
    simulate(col, random.Random(seed))
    return col


def export(col: Any, path: Path, *, legacy: bool) -> Path:
    col.export_anki_package(
        out_path=str(path),
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy
        ),
        limit=None,
    )
    return path


def anki_import(package: Path, folder: Path) -> Any:
    """Anki's own import of ``package`` into a fresh collection (scheduling and history
    kept); the caller closes it."""
    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(package),
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True),
        )
    )
    col.set_config("fsrs", True)
    return col
