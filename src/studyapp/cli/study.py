"""Headless study commands: ``stats``, ``progress`` and ``results``.

Plain text that reads well in a terminal and pipes well into other tools; no
Textual here, so these start fast, nor the quiz results and their model (pydantic:
a quarter of a second), which only ``progress`` and ``results`` import. What they
print can quote paths and problems from files, so it goes out through
:func:`~studyapp.core.base.terminal.terminal_out`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.cli.given import (
    empty_folders,
    missing_paths,
    refuse,
    say,
    say_settings,
    unwritable,
    whole_file,
)
from studyapp.core.base import paths
from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.listing import plural
from studyapp.core.base.terminal import json_safe, terminal_out, terminal_safe
from studyapp.core.config import load_config
from studyapp.core.decks.cache import DeckCache
from studyapp.core.store.errors import ProgressError

if TYPE_CHECKING:
    from studyapp.core.base.clock import Clock
    from studyapp.core.decks.discovery import CardKey
    from studyapp.core.stats.report import Stats


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; numbers right-aligned."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, width in zip(cells, widths, strict=True):
            numeric = cell.replace(".", "").replace("%", "").replace(",", "").isdigit()
            out.append(cell.rjust(width) if numeric else cell.ljust(width))
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


DECK_COLUMN = 40
"""Characters of a deck's title in a table: a title is the deck author's to choose, and
one of a million characters once padded every row to it (6 MB of spaces)."""


def clipped(text: str, width: int = DECK_COLUMN) -> str:
    """``text`` cut to ``width`` characters, an ellipsis saying it was."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _pct(hits: int, total: int) -> str:
    return f"{100 * hits / total:.0f}%" if total else "–"


def _deck_slips(deck_paths: list[str]) -> list[str]:
    """Why the decks given are not decks: a path not there, or no deck file in any (a
    folder of other files): said, not taken as "no cards" (figures of nothing, a repair
    that knows no card)."""
    from studyapp.core.decks.discovery import display_name, expand, is_deck_file

    roots = [Path(p).expanduser() for p in deck_paths]
    if missing := missing_paths(roots):
        return missing
    if others := [r for r in roots if r.is_file() and not is_deck_file(r)]:
        # ("stats cards.csv" read no card and printed figures of nothing)
        return [
            f"{display_name(r)}: not a deck file (decks are .yaml or .yml); give a deck, or "
            "import it first (studyapp import FILE)"
            for r in others
        ]
    if roots and not expand(roots):
        return empty_folders(roots)
    return []


class _NoDeckReadError(Exception):
    """Decks were found and not one could be read (each said): figures of no card, or a
    repair that knows none, would only mislead. ``failed``: how many decks were found."""

    def __init__(self, failed: int) -> None:
        super().__init__(failed)
        self.failed = failed


def _cards(deck_paths: list[str] | None) -> tuple[list[CardKey], dict[str, str]]:
    """The cards of the decks, as much of them as statistics read: id, deck and kind.

    From the deck cache's index alone (200,000 cards: ~0.1 s less than whole cards).
    Statistics, and the join of cards and rows they count with, read nothing else of a
    card (:class:`~studyapp.core.decks.card.CardIdentity`).

    Raises:
        _NoDeckReadError: not one of the decks could be read (each is said first).
    """
    from studyapp.core.base.problems import DeckLoadError
    from studyapp.core.decks.discovery import load_card_keys

    failures: list[DeckLoadError] = []
    decks = load_card_keys(deck_paths or None, cache=DeckCache.default(), failures=failures)
    if failures and not decks:
        say(str(problem) for failure in failures for problem in failure.problems[:3])
        raise _NoDeckReadError(len(failures))
    # (a deck that does not load is no deck without cards: said, and left out of the count)
    say(f"{problem}; left out" for failure in failures for problem in failure.problems[:3])
    cards = [card for deck in decks for card in deck.cards]
    return cards, {d.deck_id: d.title for d in decks}


def _none_read(deck_paths: list[str] | None, failed: int, command: str) -> str:
    """What to say when not one of the decks could be read, and what to do about it
    (``command``: what to run again once they are fixed)."""
    import shlex

    which = "the deck could not" if failed == 1 else f"none of the {failed} decks could"
    validate = " ".join(["studyapp validate", *map(shlex.quote, deck_paths or [])])
    return (
        f"{which} be read (see above), so there is nothing to "
        f"{'count' if command == 'stats' else 'repair'} and nothing was written; fix "
        f"{'it' if failed == 1 else 'them'} ({validate} lists every problem), then run "
        f"studyapp {command} again"
    )


def cmd_stats(
    deck_paths: list[str], progress: str | None, out: TextIO, *, clock: Clock | None = None
) -> int:
    """Statistics from the history's digest, which this read-only view keeps on disk
    too (see ``history_summary``): a run reads only what was added since the last.
    What needs every card (mastery, accuracy, the forecast's dues) is kept beside it
    (``stats.kept``): a run whose decks and states are as the last one's reads neither."""
    from studyapp.core.stats.kept import deck_keys, kept_stats

    if slips := _deck_slips(deck_paths):
        return refuse(slips)  # a slip in the command: no figures for decks not given
    out = terminal_out(out)
    folder = paths.progress_dir(progress)
    config = say_settings(load_config(paths.config_dir()))
    day_starts_at = config.study.queue.day_starts_at
    if clock is None:
        from studyapp.core.base.clock import system_clock

        clock = system_clock
    now = clock()
    cache = DeckCache.default()
    decks = deck_keys(deck_paths, cache)
    found = kept_stats(folder, decks, now, day_starts_at=day_starts_at)
    if found is None:
        counted = _count_stats(deck_paths, folder, decks, now, day_starts_at)
        if isinstance(counted, int):
            return counted
        found = counted
    stats, titles = found
    out.write(f"Progress: {folder}\n\n")
    retention = "  ".join(
        f"{w} day{'s' if w != 1 else ''}: {_pct(r.hits, r.total)} ({r.hits}/{r.total})"
        for w, r in sorted(stats.retention.items())
    )
    out.write(f"True retention (review answers not Again)  {retention}\n")
    streak = stats.streak
    out.write(
        f"Streak: {plural(streak.current, 'day')}, best {plural(streak.longest, 'day')}    "
        f"Reviews: {stats.total_reviews:,}    Time: {_duration(stats.time_spent)}\n\n"
    )
    days = stats.reviews_per_day[-14:]
    peak = max((n for _, n in days), default=0) or 1
    out.write("Reviews per day (last 14 days)\n")
    out.write(
        table(
            ["day", "reviews", ""],
            [[d.isoformat(), str(n), "#" * round(20 * n / peak)] for d, n in days],
        )
        + "\n\n"
    )
    forecast = stats.forecast[:14]
    peak = max((n for _, n in forecast), default=0) or 1
    out.write("Due on your schedule (next 14 days; an exam plan adds its own: studyapp plan)\n")
    out.write(
        table(
            ["day", "due", ""],
            [[d.isoformat(), str(n), "#" * round(20 * n / peak)] for d, n in forecast],
        )
        + "\n\n"
    )
    out.write("Accuracy by kind\n")
    out.write(
        table(
            ["kind", "answers", "not Again"],
            [[k, str(r.total), _pct(r.hits, r.total)] for k, r in stats.accuracy_by_kind.items()]
            or [["(no answers yet)", "", ""]],
        )
        + "\n\n"
    )
    out.write("Mastery by deck (mature = interval of 21 days or more)\n")
    out.write(
        table(
            ["deck", "cards", "new", "learning", "young", "mature", "mastered"],
            [
                [
                    clipped(titles.get(deck, deck)),
                    str(m.total),
                    str(m.new),
                    str(m.learning),
                    str(m.young),
                    str(m.mature),
                    f"{100 * m.mastered:.0f}%",
                ]
                for deck, m in stats.mastery_by_deck.items()
            ],
        )
        + "\n"
    )
    return 0


def _count_stats(
    deck_paths: list[str], folder: Path, decks: list[str] | None, now: datetime, day_starts_at: int
) -> tuple[Stats, dict[str, str]] | int:
    """Every figure counted from the cards and the store (and kept for the next run, if
    the decks were the same from start to end: ``decks``, their keys before); the exit
    code if the store cannot be opened."""
    from studyapp.core.stats.kept import deck_keys, keep
    from studyapp.core.stats.overview import deck_tallies_by_rows
    from studyapp.core.stats.report import (
        accuracy_counts,
        compute_stats,
        due_micros,
        stats_from_summary,
    )
    from studyapp.core.store.history_summary import summarize
    from studyapp.core.store.store import ProgressStore

    try:
        cards, titles = _cards(deck_paths)
    except _NoDeckReadError as error:
        return refuse([_none_read(deck_paths, error.failed, "stats")])
    try:
        store = ProgressStore.open(folder, read_only=True)
    except ProgressError as error:
        terminal_out(sys.stderr).write(f"studyapp: {error}\n")
        return 1
    with store:
        states = store.states
        mastery = deck_tallies_by_rows(cards, states)[0]  # from the columns, as home's
        summary = summarize(store)
        if summary is None:  # a history only reading it all gets right
            stats = compute_stats(store.history(), states, cards, now, day_starts_at=day_starts_at)
            return stats, titles
        by_kind = accuracy_counts(summary, cards)
        stats = stats_from_summary(
            summary,
            states,
            cards,
            now,
            day_starts_at=day_starts_at,
            mastery=mastery,
            by_kind=by_kind,
        )
        source = store.source
        if (
            decks is not None
            and source is not None
            and deck_keys(deck_paths, DeckCache.default()) == decks
        ):
            keep(
                folder,
                decks,
                source,
                summary,
                store.unfolded(),
                titles,
                mastery,
                by_kind,
                due_micros(states),
                cards=cards,
                store=store,
            )
    return stats, titles


def cmd_progress(progress: str | None, out: TextIO, *, as_json: bool = False) -> int:
    """Where everything is, how much there is, and an integrity check (exit 1 on errors)."""
    out = terminal_out(out)
    folder = paths.progress_dir(progress)
    if as_json:
        return _progress_json(folder, out)
    out.write(f"progress folder: {folder}\n")
    out.write(f"settings:        {paths.config_dir() / 'settings.json'}\n")
    out.write(f"deck cache:      {paths.cache_dir() / 'decks'}\n")
    if not folder.exists():
        out.write("no progress yet (the folder is created on first use)\n")
        return 0
    from studyapp.core.quiz.results import list_results
    from studyapp.core.store.check import check_folder

    try:
        report = check_folder(folder)
    except ProgressError as error:  # a file it cannot read (a folder named progress.json)
        terminal_out(sys.stderr).write(f"studyapp: {error}\n")
        return 1
    out.write("\nfiles:\n")
    for name, size in sorted(report.files.items()):
        out.write(f"  {name:28s} {size:>12,} bytes\n")
    phases = ", ".join(f"{n} {phase}" for phase, n in sorted(report.cards_by_phase.items()))
    out.write(
        f"\ncards with progress: {report.cards} ({phases or 'none'}); "
        f"suspended {report.suspended}; leeches {report.leeches}\n"
    )
    out.write(
        f"reviews in history: {report.reviews:,}; journal records not yet folded: "
        f"{report.pending}\n"
    )
    if report.locked:
        out.write("another studyapp has this folder open right now\n")
    results, problems = list_results(folder)
    out.write(f"quiz/exam attempts kept: {len(results)}\n")
    out.write("\ncheck: ")
    issues = [str(p) for p in report.problems] + problems
    if report.bad_history_lines:
        issues.append(_unreadable(report.bad_history_lines))
    if not issues:
        out.write("everything is consistent\n")
        return 0
    out.write(f"{plural(len(issues), 'problem')}\n")
    for issue in issues:
        out.write(f"  - {issue}\n")
    if report.bad_history_lines:  # where they are, what was lost, what to do
        out.writelines(f"    {line}\n" for line in _unreadable_said(folder))
    return 0 if report.ok and not problems else 1


def _progress_json(folder: Path, out: TextIO) -> int:
    """``progress --json``: what ``progress`` prints, as one object for scripts."""
    from studyapp.core.base.terminal import json_for_terminal

    doc: dict[str, object] = {
        "progress_folder": str(folder),
        "settings": str(paths.config_dir() / "settings.json"),
        "deck_cache": str(paths.cache_dir() / "decks"),
        "exists": folder.exists(),
        "files": {},
        "cards_with_progress": 0,
        "cards_by_phase": {},
        "suspended": 0,
        "leeches": 0,
        "reviews_in_history": 0,
        "journal_pending": 0,
        "locked": False,
        "attempts": 0,
        "problems": [],
        "unreadable_history_lines": [],
        "ok": True,
    }
    if folder.exists():
        from studyapp.core.quiz.results import list_results
        from studyapp.core.store.check import check_folder

        try:
            report = check_folder(folder)
        except ProgressError as error:
            doc["problems"] = [str(error)]
            doc["ok"] = False
            out.write(json_for_terminal(doc) + "\n")
            return 1
        results, problems = list_results(folder)
        issues = [str(p) for p in report.problems] + problems
        bad_lines: list[dict[str, object]] = []
        if report.bad_history_lines:
            issues.append(_unreadable(report.bad_history_lines))
            history = _history(folder)
            bad_lines = [{"file": str(history), "line": n} for n in _bad_lines(history)]
        doc |= {
            "files": dict(sorted(report.files.items())),
            "cards_with_progress": report.cards,
            "cards_by_phase": dict(sorted(report.cards_by_phase.items())),
            "suspended": report.suspended,
            "leeches": report.leeches,
            "reviews_in_history": report.reviews,
            "journal_pending": report.pending,
            "locked": report.locked,
            "attempts": len(results),
            "problems": issues,
            "unreadable_history_lines": bad_lines,
            "ok": report.ok and not problems,
        }
    out.write(json_for_terminal(doc) + "\n")
    return 0 if doc["ok"] else 1


def cmd_repair(deck_paths: list[str], progress: str | None, out: TextIO) -> int:
    """``progress --repair``: card states rebuilt from the review history, as Anki
    recomputes memory states from its review log (the snapshot before is kept beside)."""
    from studyapp.core.base.clock import system_clock
    from studyapp.core.repair import repair
    from studyapp.core.store.store import ProgressStore

    if slips := _deck_slips(deck_paths):
        return refuse(slips)  # before a repair that would not know their cards
    folder = paths.progress_dir(progress)
    try:
        cards, _ = _cards(deck_paths)
    except _NoDeckReadError as error:  # before the progress folder is opened (or made)
        return refuse([_none_read(deck_paths, error.failed, "progress --repair")])
    config = say_settings(load_config(paths.config_dir()))
    try:
        store = ProgressStore.open(folder)
    except ProgressError as error:
        terminal_out(sys.stderr).write(f"studyapp: {error}\n")
        return 1
    with store:
        for problem in store.problems:
            out.write(f"{terminal_safe(str(problem))}\n")
        deck_ids = {card.id: card.deck_id for card in cards}
        report = repair(store, deck_ids, config.study, system_clock())
    out.write(f"{terminal_safe(report.message)}\n")
    if report.kept_as is not None:
        out.write(f"the snapshot as it was is kept as {terminal_safe(report.kept_as)}\n")
    return 0


def cmd_results(progress: str | None, fmt: str, output: str | None, out: TextIO) -> int:
    """Export every kept attempt as CSV (one row per question) or JSON."""
    folder = paths.progress_dir(progress)
    from studyapp.core.quiz.results import list_results, results_csv, results_json

    stored, problems = list_results(folder)
    err = terminal_out(sys.stderr)
    for problem in problems:
        err.write(f"studyapp: skipped {problem}\n")
    attempts = [s.result for s in stored]
    text = results_csv(attempts) if fmt == "csv" else results_json(attempts)
    if output:
        target = Path(output)
        if slip := unwritable(target):
            return refuse([slip])
        try:
            atomic_write(target, text.encode("utf-8"))
        except OSError as exc:
            return refuse([whole_file(target, f"cannot write: {exc.strerror or exc}")])
        many = len(attempts) != 1
        err.write(f"wrote {len(attempts)} attempt{'s' if many else ''} to {output}\n")
    elif fmt == "csv":  # data, not a message: made inert, its CRLF rows kept
        out.write("\r\n".join(terminal_safe(row, multiline=True) for row in text.split("\r\n")))
    else:
        out.write(json_safe(text))
    return 0


def _unreadable(lines: int) -> str:
    return f"{plural(lines, 'unreadable line')} in the review history"


SHOWN_BAD_LINES = 5
"""Unreadable history lines named one by one; the rest are counted (a history garbled
throughout would otherwise print a line for each of its thousands of answers)."""


def _history(folder: Path) -> Path:
    from studyapp.core.store.layout import HISTORY

    return folder / HISTORY


def _bad_lines(history: Path) -> list[int]:
    """The 1-based numbers of the history's lines that cannot be read (torn or garbled),
    found as :func:`~studyapp.core.store.check.check_folder` counts them: the check keeps
    only the count, and a learner told of a bad line needs to know which one."""
    from studyapp.core.store.journal import verify_line

    try:
        with open(history, "rb") as handle:
            return [
                number
                for number, line in enumerate(handle, 1)
                if line.strip() and not verify_line(line)
            ]
    except OSError:  # (gone or unreadable since the check: the count above still says it)
        return []


def _unreadable_said(folder: Path) -> list[str]:
    """``file:line: what is wrong`` for each unreadable line of the review history (the
    first few), then what it costs and what to do, worded as the store words the
    journal's damage: a line the app cannot read loses the answer on it from the
    history, and only that (the cards' states are in the snapshot; the next answers
    are appended after it, on lines of their own)."""
    history = _history(folder)
    numbers = _bad_lines(history)
    if not numbers:
        return []
    said = [
        f"{history}:{n}: cut short or garbled (an interrupted save, or an edit by hand)"
        for n in numbers[:SHOWN_BAD_LINES]
    ]
    if len(numbers) > SHOWN_BAD_LINES:
        said.append(f"and {plural(len(numbers) - SHOWN_BAD_LINES, 'more line')}")
    it, answers, lines = (
        ("it", "answer", "that line") if len(numbers) == 1 else ("them", "answers", "those lines")
    )
    said.append(
        f"the {answers} on {it} {'is' if it == 'it' else 'are'} left out of stats and of studyapp "
        "progress --repair; every other answer and your cards' progress are kept, and new "
        f"answers are saved after {it}"
    )
    said.append(
        f"to clear this, delete {lines} with studyapp closed (nothing more is lost if you "
        f"leave {it})"
    )
    return said


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    return f"{minutes // 60}h {minutes % 60:02d}m"
