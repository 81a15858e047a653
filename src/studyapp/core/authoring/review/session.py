"""One review of a draft: the entries still marked, what the author did, undo, the file.

Entries come in file order, each one still marked ``review: true`` and not
skipped. Every action writes the deck at once (so quitting, or a crash, loses
nothing) and only after the new text has been read back as the change asked
for and validated whole by the loader; a change the deck model refuses is
not written and says why. The file is replaced atomically, and not at all if
it changed on disk since it was read (an editor open on it too).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

from msgspec import Struct, field
from pydantic import ValidationError

from studyapp.core.authoring.review.fields import form_changes
from studyapp.core.authoring.review.spans import LayoutError
from studyapp.core.authoring.review.textedit import (
    Edited,
    accept_entry,
    drop_entry,
    entry_checks,
    set_fields,
)
from studyapp.core.base.atomic import atomic_write
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.base.problems import DeckLoadError
from studyapp.core.base.userfile import decode_utf8, limits_from_env, read_bytes
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import AnyEntry, Deck
from studyapp.core.decks.yamlread import Document, format_path, read_yaml

__all__ = ["InvalidEditError", "ReviewError", "ReviewSession"]

Action = Literal["accept", "edit", "drop", "skip"]


class ReviewError(Exception):
    """Nothing was written; ``lines`` say why (each one a message for the author)."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class InvalidEditError(Exception):
    """An edit the deck model refuses: a message per field, and any about the whole entry."""

    def __init__(self, fields: dict[str, str], general: list[str]) -> None:
        super().__init__("; ".join([*(f"{k}: {v}" for k, v in fields.items()), *general]))
        self.fields = fields
        self.general = general


class Counts(Struct):
    """What the author has done so far (undo takes a step back)."""

    accepted: int = 0
    dropped: int = 0
    edited: set[str] = field(default_factory=set)
    """Ids of the entries edited (kept under the new id when the id was edited)."""
    skipped: list[str] = field(default_factory=list)
    """Ids passed over this round, in order."""

    def copy(self) -> Counts:
        return Counts(self.accepted, self.dropped, set(self.edited), list(self.skipped))


class _Step(Struct):
    action: Action
    entry_id: str
    text_before: str | None
    """The deck before the action (None: the action did not change the file)."""
    counts_before: Counts


class ReviewSession:
    """The draft at ``path`` and the author's way through its marked entries."""

    def __init__(self, path: Path, display: str, raw: bytes, text: str, deck: Deck) -> None:
        self.path = path
        self.display = display
        self._raw = raw
        self._bom = raw.startswith(codecs.BOM_UTF8)
        self.text = text
        self.deck = deck
        self.doc: Document = read_yaml(text, display)
        self.counts = Counts()
        self._history: list[_Step] = []
        self.total = len(self.pending())
        """Entries marked for review when the file was opened."""

    @classmethod
    def open(cls, path: Path, display: str | None = None) -> ReviewSession:
        """Read and validate the draft; ReviewError with every problem if it does not load."""
        shown = display if display is not None else str(path)
        raw, problems = read_bytes(path, limits_from_env(), shown)
        if raw is None:
            raise ReviewError(*(str(p) for p in problems))
        text, problems = decode_utf8(raw, shown)
        if text is None:
            raise ReviewError(*(str(p) for p in problems))
        try:
            deck = parse_deck(text, shown)
        except DeckLoadError as exc:
            raise ReviewError(
                *(str(p) for p in exc.problems),
                f"{shown}: fix these first (`studyapp validate {shown}`), then review it",
            ) from None
        return cls(path, shown, raw, text, deck)

    # ------------------------------------------------------------------ where

    def pending(self) -> list[int]:
        """Indexes of the entries still marked for review, in file order."""
        return [i for i, e in enumerate(self.deck.entries) if e.review]

    @property
    def left(self) -> int:
        return len(self.pending())

    def current(self) -> int | None:
        """The entry to show: the first one still marked and not skipped; None when done."""
        skipped = set(self.counts.skipped)
        for index in self.pending():
            if self.deck.entries[index].id not in skipped:
                return index
        return None

    def entry(self, index: int) -> AnyEntry:
        return self.deck.entries[index]

    def entry_data(self, index: int) -> dict[str, Any]:
        """The entry as the file writes it (``answer: 1965`` is the number, not "1965")."""
        entries = self.doc.data["entries"]
        data: dict[str, Any] = entries[index]
        return data

    def checks(self, index: int) -> list[str]:
        """What the draft leaves the author of entry ``index`` to check: shown while
        reviewing it, never to a learner (a comment that accepting it deletes)."""
        return entry_checks(self.text, self.doc, index)

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    # --------------------------------------------------------------- actions

    def accept(self) -> str:
        """Accept the current entry: its ``review: true`` goes. Returns what was done."""
        index, entry_id = self._current()
        new = self._changed(lambda: accept_entry(self.text, self.doc, index))
        self._commit("accept", entry_id, new)
        self.counts.accepted += 1
        return f"Accepted {entry_id}."

    def drop(self) -> str:
        """Delete the current entry from the deck."""
        index, entry_id = self._current()
        if len(self.deck.entries) == 1:
            raise ReviewError(
                "nothing written: a deck needs at least one entry, and this is the last one "
                "(delete the file if none is worth keeping)"
            )
        new = self._changed(lambda: drop_entry(self.text, self.doc, index))
        self._commit("drop", entry_id, new)
        self.counts.dropped += 1
        self.counts.edited.discard(entry_id)
        return f"Dropped {entry_id}."

    def skip(self) -> str:
        """Leave the current entry marked and go on; it comes back in the next round."""
        _index, entry_id = self._current()
        self._history.append(_Step("skip", entry_id, None, self.counts.copy()))
        self.counts.skipped.append(entry_id)
        return f"Skipped {entry_id} (still marked for review)."

    def edit(self, texts: Mapping[str, str]) -> list[str]:
        """Set the current entry's fields from a form's ``texts``; the names changed.

        InvalidEditError (nothing written) when a value cannot be read or the deck model
        refuses it; the entry stays marked for review either way.
        """
        index, entry_id = self._current()
        entry = self.entry_data(index)
        changes, errors = form_changes(self.deck.entries[index].kind, entry, texts)
        if errors:
            raise InvalidEditError(errors, [])
        if not changes:
            return []
        new = self._changed(lambda: set_fields(self.text, self.doc, index, changes), index)
        self._commit("edit", entry_id, new)
        new_id = self.deck.entries[index].id
        self.counts.edited.discard(entry_id)
        self.counts.edited.add(new_id)
        return list(changes)

    def restart_skipped(self) -> None:
        """Go round the skipped entries again."""
        self.counts.skipped.clear()

    def undo(self) -> str | None:
        """Take back the last action (the file as it was before it); None: nothing to undo."""
        if not self._history:
            return None
        step = self._history[-1]
        if step.text_before is not None:
            before = Edited(step.text_before, read_yaml(step.text_before, self.display))
            self._write(before, self._validated(before))
        self._history.pop()
        self.counts = step.counts_before
        done = {"accept": "accepted", "edit": "edited", "drop": "dropped", "skip": "skipped"}
        return f"Undone: {done[step.action]} {step.entry_id}."

    def summary(self) -> str:
        """What the author did, for the end screen and the command line."""
        c = self.counts
        parts = [f"{c.accepted} accepted", f"{len(c.edited)} edited", f"{c.dropped} dropped"]
        left = self.left
        still = f"{left} still marked for review" if left else "none left to review"
        return f"{self.display}: {', '.join(parts)}; {still} (of {self.total} at the start)."

    # -------------------------------------------------------------- plumbing

    def _current(self) -> tuple[int, str]:
        index = self.current()
        if index is None:
            raise ReviewError("no entry left to review")
        return index, self.deck.entries[index].id

    def _changed(
        self, change: Callable[[], Edited], index: int | None = None
    ) -> tuple[Edited, Deck]:
        """The new text from ``change()`` and its validated deck, or the reason why not."""
        try:
            edited = change()
        except LayoutError as exc:
            raise ReviewError(str(exc)) from None
        try:
            return edited, self._checked(edited)
        except DeckLoadError as exc:
            problems = list(exc.problems)
        if index is None:
            raise ReviewError(
                "nothing written: the deck would not load then: "
                + "; ".join(p.message for p in problems)
            )
        prefix = format_path(("entries", index))
        fields: dict[str, str] = {}
        general: list[str] = []
        for problem in problems:
            rest = problem.path.removeprefix(prefix)
            name = rest.lstrip(".").split(".")[0].split("[")[0] if rest != problem.path else ""
            if name and name not in fields:
                fields[name] = problem.message
            else:
                where = f"{problem.path}: " if problem.path else ""
                general.append(f"{where}{problem.message}")
        raise InvalidEditError(fields, general)

    def _checked(self, edited: Edited) -> Deck:
        """The loader's validation of the new text, on the reading already made of it: the
        deck model and unique ids; on a problem, the loader itself says where and what
        (DeckLoadError)."""
        try:
            with paused_gc():
                deck = Deck.model_validate(edited.doc.data)
            if len(set(deck.entry_ids)) == len(deck.entries):
                return deck
        except ValidationError:
            pass
        return parse_deck(edited.text, self.display)

    def _validated(self, edited: Edited) -> Deck:
        try:
            return self._checked(edited)
        except DeckLoadError as exc:
            raise ReviewError(*(str(p) for p in exc.problems)) from None

    def _commit(self, action: Action, entry_id: str, new: tuple[Edited, Deck]) -> None:
        step = _Step(action, entry_id, self.text, self.counts.copy())
        self._write(*new)
        self._history.append(step)

    def _write(self, edited: Edited, deck: Deck) -> None:
        """Replace the file with the new text, unless another program changed it since."""
        text = edited.text
        try:
            on_disk = self.path.read_bytes()
        except OSError as exc:
            raise ReviewError(f"{self.display}: cannot read it again: {exc.strerror}") from None
        if on_disk != self._raw:
            raise ReviewError(
                f"{self.display} changed on disk since it was opened (another program?); "
                "nothing written: quit and review it again"
            )
        data = (codecs.BOM_UTF8 if self._bom else b"") + text.encode("utf-8")
        target = Path(os.path.realpath(self.path))
        try:
            atomic_write(target, data, mode=target.stat().st_mode & 0o7777)
        except OSError as exc:
            raise ReviewError(f"{self.display}: cannot write: {exc.strerror or exc}") from None
        self._raw = data
        self.text = text
        self.deck = deck
        self.doc = edited.doc
