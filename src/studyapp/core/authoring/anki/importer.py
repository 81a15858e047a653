"""``studyapp import PACKAGE``: an Anki package's notes as deck files, with a summary.

:func:`anki_collection` opens a package (safely, see
:mod:`~studyapp.core.authoring.anki.package`) and reads its collection;
:func:`build_decks` maps its notes (:mod:`~studyapp.core.authoring.anki.notes`) into
one validated :class:`~studyapp.core.decks.model.Deck` per Anki deck, each Anki card
tied to one of the deck's card ids, which is what the review history is then
imported against (:mod:`~studyapp.core.authoring.anki.progress`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from msgspec import Struct, field

from studyapp.core.authoring.anki.collection import AnkiFsrs, Collection, read_collection
from studyapp.core.authoring.anki.notes import DeckPlan, Mapping, map_notes
from studyapp.core.authoring.anki.package import (
    DEFAULT_LIMITS,
    PackageLimits,
    open_package,
    package_problem,
)
from studyapp.core.authoring.extract.sentences import slug
from studyapp.core.base.gcpause import paused_gc
from studyapp.core.decks.model import Deck
from studyapp.core.decks.textsafety import one_line

__all__ = ["DeckImport", "ImportedDeck", "anki_collection", "build_decks"]

_MEDIA_SHOWN = 10


class ImportedDeck(Struct):
    """One deck made from an Anki deck, and which of its cards each Anki card became."""

    deck: Deck
    anki_name: str
    cards: dict[int, str]
    """Anki card id -> our card id (``deck/entry/variant``)."""
    fsrs: AnkiFsrs | None = None
    """The FSRS settings of the Anki deck's preset, if the package carries them."""


class DeckImport(Struct):
    decks: list[ImportedDeck]
    mapping: Mapping
    media: list[str] = field(default_factory=list)
    member: str = ""
    notes: int = 0

    @property
    def card_ids(self) -> dict[int, str]:
        """Every Anki card tied to one of ours, over all decks."""
        out: dict[int, str] = {}
        for imported in self.decks:
            out.update(imported.cards)
        return out

    def summary(self) -> list[str]:
        """What was made of what, for the learner to read."""
        entries = sum(len(d.deck.entries) for d in self.decks)
        lines = [
            f"{self.notes:,} note(s) read from {self.member}: {entries:,} entries in "
            f"{len(self.decks)} deck(s)"
        ]
        for use in sorted(self.mapping.notetypes.values(), key=lambda u: u.name.casefold()):
            line = f"  {use.name}: {use.notes:,} note(s) -> {use.entries:,} {use.how}"
            if use.skipped:
                line += f"; {use.skipped:,} left out"
            lines.append(line)
        if self.mapping.unmapped_cards:
            lines.append(
                f"  {self.mapping.unmapped_cards:,} Anki card(s) of extra templates or empty "
                "cloze numbers have no card here; their history is not imported"
            )
        if self.mapping.hints_dropped:
            lines.append(f"  {self.mapping.hints_dropped:,} cloze hint(s) dropped")
        if self.media:
            shown = ", ".join(self.media[:_MEDIA_SHOWN])
            more = f" and {len(self.media) - _MEDIA_SHOWN:,} more" if len(self.media) > 10 else ""
            lines.append(
                f"  {len(self.media):,} media file(s) not imported (images show as [image], "
                f"sounds are left out): {shown}{more}"
            )
        presets = (_preset_line(imported) for imported in self.decks)
        lines += [line for line in presets if line is not None]
        lines += [f"  {problem}" for problem in self.mapping.problems]
        if self.mapping.skipped_notes > len(self.mapping.problems):
            lines.append(f"  ... {self.mapping.skipped_notes:,} note(s) left out in all")
        return lines


def _preset_line(imported: ImportedDeck) -> str | None:
    """What Anki's preset of the deck holds for FSRS, if anything."""
    fsrs = imported.fsrs
    if fsrs is None or (fsrs.parameters is None and fsrs.version != 4):
        return None
    retention = (
        f", desired retention {fsrs.desired_retention:.2f}"
        if fsrs.desired_retention is not None
        else ""
    )
    if fsrs.parameters is None:
        what = "FSRS-4.5 parameters (not used: studyapp schedules with FSRS-6)"
    else:
        what = f"FSRS-{fsrs.version} parameters"
    return f"  Anki preset “{one_line(fsrs.preset)}” of deck {imported.deck.id}: {what}{retention}"


@contextlib.contextmanager
def anki_collection(
    path: Path, display: str | None = None, limits: PackageLimits = DEFAULT_LIMITS
) -> Iterator[Collection]:
    """The collection of an Anki package, open for reading while the block runs."""
    with open_package(path, display, limits) as package:
        yield read_collection(package)


def _deck_ids(plans: list[DeckPlan], base: str) -> list[str]:
    if len(plans) == 1:
        return [base]
    ids: list[str] = []
    for plan in plans:
        tail = slug(plan.anki_name.replace("::", " "), max_len=40) or "deck"
        candidate = f"{base}-{tail}"[:80].rstrip("-._")
        n = 2
        while candidate in ids:
            candidate = f"{base}-{tail}-{n}"[:80]
            n += 1
        ids.append(candidate)
    return ids


def _preset_of(collection: Collection, plan: DeckPlan) -> AnkiFsrs | None:
    """The preset of the plan's top Anki deck (the one it is named after)."""
    named = [did for did in plan.anki_ids if collection.decks.get(did, None) is not None]
    top = next(
        (did for did in named if collection.decks[did].name == plan.anki_name),
        min(plan.anki_ids, default=None),
    )
    return None if top is None else collection.fsrs_of(top)


def build_decks(
    collection: Collection,
    *,
    deck_id: str,
    title: str | None = None,
    pick: str | None = None,
    source_name: str = "",
    progress: Callable[[int], None] | None = None,
) -> DeckImport:
    """The collection's notes as decks: ``deck_id`` for one, ``deck_id-NAME`` for several.

    Raises:
        AnkiPackageError: no deck named ``pick``, or nothing to import.
    """
    with paused_gc():  # tens of thousands of entries that all survive: nothing to collect
        mapping = map_notes(collection, pick, progress)
    notes = collection.one("SELECT count(*) FROM notes")
    if not mapping.decks:
        raise package_problem(
            collection.display,
            "nothing to import: no note could be made into an entry"
            + (f" ({mapping.problems[0]})" if mapping.problems else ""),
        )
    decks: list[ImportedDeck] = []
    pairs = zip(mapping.decks, _deck_ids(mapping.decks, deck_id), strict=True)
    for plan, deck_name in pairs:
        name = one_line(plan.anki_name) or deck_name
        deck = Deck(
            id=deck_name,
            title=(one_line(title) if title and len(mapping.decks) == 1 else "") or name,
            description=f"Imported from {source_name or 'an Anki package'} (Anki deck "
            f"“{name}”) by studyapp import.",
            entries=plan.entries,
        )
        cards = {
            anki_id: f"{deck_name}/{entry}/{variant}"
            for anki_id, (entry, variant) in plan.cards.items()
        }
        decks.append(ImportedDeck(deck, plan.anki_name, cards, _preset_of(collection, plan)))
        plan.entries, plan.cards = [], {}  # the deck has them now (a plan is a draft)
    return DeckImport(
        decks,
        mapping,
        collection.package.media,
        collection.package.member,
        int(notes[0]) if notes else 0,
    )
