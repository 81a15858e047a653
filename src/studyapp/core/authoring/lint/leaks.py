"""Lint checks for answers given away by other entries (L002 in a question, L001 in notes).

L001 is a warning in an explanation, which the author wrote and can reword, and only an
``info`` in a source: a source is the article's own sentences, verbatim, so there is
nothing to change, and the queue already keeps the two entries on different days.

The relation is :func:`studyapp.core.decks.leaks.find_leaks`, the very one the
study queue spaces entries by, so what ``lint`` reports is what the queue does.
The answer checker (``quiz.answers``) then says how plainly the words found give
the answer away: whether it would accept them, typed, as the answer itself.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from msgspec import Struct

from studyapp.core.authoring.lint.acceptance import accepting_key, accepts
from studyapp.core.authoring.lint.forked import Parts, start_parts
from studyapp.core.authoring.lint.rules import Linter, Severity
from studyapp.core.authoring.lint.wording import quoted
from studyapp.core.base.listing import listed
from studyapp.core.decks.leaks import Leak, LeakScan
from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.quiz.answers.keys import AnswerKey

__all__ = ["Accepts", "check_leaks_shared", "report_leaks"]


class Accepts:
    """Whether the checker takes some words as the right answer to an entry's first card,
    as :func:`check_entry` judges them; each entry's answer key built once and each
    (entry, words) judged once (an article's leaks repeat the same answer ten times)."""

    def __init__(self) -> None:
        self._keys: dict[str, AnswerKey | None] = {}
        self._judged: dict[tuple[str, str], bool] = {}

    def __call__(self, entry: AnyEntry, words: str) -> bool:
        memo = (entry.id, words)
        found = self._judged.get(memo)
        if found is None:
            found = self._judged[memo] = self._judge(entry, words)
        return found

    def _judge(self, entry: AnyEntry, words: str) -> bool:
        if entry.id not in self._keys:
            try:  # what check_entry builds each call, lookalikes aside
                self._keys[entry.id] = accepting_key(entry)
            except (ValueError, LookupError):  # pragma: no cover - no typed answer
                self._keys[entry.id] = None
        key = self._keys[entry.id]
        if key is None:  # pragma: no cover
            return False
        try:
            return accepts(key, words)
        except (ValueError, LookupError):  # pragma: no cover - a kind without a typed answer
            return False


_NAMED = 5
"""Takers named in one finding; the rest are counted ("and 12 more")."""


class _Place(Struct):
    """One place to fix (a giver's field, or one of its options) and whose answers it shows."""

    giver: str
    field: str
    path: tuple[str | int, ...]
    in_question: bool
    takers: list[tuple[str, str]] = msgspec.field(default_factory=list)
    """(taker id, the answer as written in the place), in the order found."""


def report_leaks(
    lint: Linter, deck: Deck, leaks: Iterable[Leak], accepted: Accepts, index: dict[str, int]
) -> None:
    """One finding per place to fix for ``leaks``: a giver's field (or option) and every
    answer it shows. Each pair of entries is reported once, at the first text where the
    giver shows the taker's answer (question and notes apart). A place that shows many
    answers (one year in an article deck given away by dozens of texts) is one finding
    naming the first few, not one a pair: lint's output grows with the deck, not with its
    square. The givers may be any run of the deck's entries: a place is one giver's, so
    runs reported apart make the same findings as the whole deck (``accepted``: the
    checker's verdicts, and ``index``: each entry's place, both shared between runs)."""
    reported: set[tuple[str, str, bool]] = set()
    places: dict[tuple[str | int, ...], _Place] = {}
    for leak in leaks:
        pair = (leak.giver, leak.taker, leak.in_question)
        if pair in reported:
            continue
        reported.add(pair)
        path: tuple[str | int, ...] = ("entries", index[leak.giver], leak.field)
        if leak.item is not None:
            path += (leak.item,)
        place = places.get((*path, leak.in_question))
        if place is None:
            place = places[(*path, leak.in_question)] = _Place(
                leak.giver, leak.field, path, leak.in_question
            )
        place.takers.append((leak.taker, leak.answer))
    for place in places.values():
        named = [
            (taker, answer, accepted(deck.entries[index[taker]], answer))
            for taker, answer in place.takers[:_NAMED]
        ]
        rule, path, message = _finding(place, named)
        lint.add(rule, path, message, severity=_severity(place))


def check_leaks_shared(lint: Linter, deck: Deck, *, fork: bool) -> Parts:
    """The leak check (:func:`report_leaks` of :class:`LeakScan`) in :data:`_PARTS` runs of
    givers, taken in turn by a forked child
    at once and by this process once :meth:`Parts.finish` is called (after the other
    checks): the leak check is most of a big deck's lint, and one core would otherwise wait.
    Without ``fork`` (or for a small deck) every part is done in :meth:`Parts.finish`.
    The deck is indexed first, here, so that both share it."""
    scan = LeakScan(deck.entries)
    count = len(deck.entries)
    accepted = Accepts()
    index = {entry.id: i for i, entry in enumerate(deck.entries)}

    def part(mine: Linter, n: int) -> None:
        start, stop = n * count // _PARTS, (n + 1) * count // _PARTS
        report_leaks(mine, deck, scan.leaks(start, stop), accepted, index)

    return start_parts(_PARTS, part, lint, fork=fork, size=count)


_PARTS = 48
"""Runs of givers two processes take in turn: enough that neither waits long for the
other at the end, few enough that each run's set-up is nothing."""


def _severity(place: _Place) -> Severity | None:
    """``info`` for a verbatim source (nothing to reword); the rule's own otherwise."""
    return "info" if not place.in_question and place.field == "source" else None


def _finding(
    place: _Place, named: list[tuple[str, str, bool]]
) -> tuple[str, tuple[str | int, ...], str]:
    """(rule, path, message) for one place, ``named`` its first takers with the answer as
    shown and whether the checker accepts it: the pair's own wording when the place shows
    one answer; else the list, then how many of those named are accepted, said once."""
    giver, count = place.giver, len(place.takers)
    if count == 1:
        ((taker, answer, plainly),) = named
        what = f"({quoted(answer)}{', an answer the checker accepts' if plainly else ''})"
        if place.in_question:
            return (
                "L002",
                place.path,
                f"entry {giver!r} shows the answer of entry {taker!r} {what} before that card "
                f"asks it: reword this {place.field} without it, or drop {taker!r} if it only "
                "repeats context",
            )
        return (
            "L001",
            place.path,
            f"gives away the answer of entry {taker!r} {what}: the queue keeps {giver!r} and "
            f"{taker!r} on different days{_advice(place)}",
        )
    shown = [f"{taker!r} ({quoted(answer)})" for taker, answer, _plainly in named]
    more = count > len(named)
    written = listed(shown, count)
    written += _accepted_clause(sum(plainly for *_rest, plainly in named), len(named), more)
    if place.in_question:
        return (
            "L002",
            place.path,
            f"entry {giver!r} shows the answers of {count:,} entries before their cards ask "
            f"them: {written}; reword this {place.field} without them, or drop those entries "
            "if they only repeat context",
        )
    return (
        "L001",
        place.path,
        f"gives away the answers of {count:,} entries: {written}; the queue keeps {giver!r} "
        f"and each of them on different days{_advice(place)}",
    )


def _advice(place: _Place) -> str:
    """What the author can do about notes that show an answer."""
    if place.field == "explanation":
        return "; reword the explanation"
    if place.field == "source":
        return " (a source is verbatim: nothing to reword)"
    return ""  # pragma: no cover - notes are an explanation or a source


def _accepted_clause(accepted: int, named: int, more: bool) -> str:
    """How many of the named answers are shown in words the checker would accept typed."""
    if not accepted:
        return ""
    if accepted == named:
        every = "both" if named == 2 else f"all {named} named" if more else "all"
        return f", {every} in words the checker accepts"
    return f", {accepted} of the {named}{' named' if more else ''} in words the checker accepts"
