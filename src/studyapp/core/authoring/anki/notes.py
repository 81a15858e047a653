"""Anki notes as deck entries: one deck per Anki deck, each Anki card tied to one of ours.

How each note type maps (the summary tells the learner the same):

* Basic, Basic (type in the answer): a ``qa`` entry, self-graded (a flip card, as in
  Anki) or typed;
* Basic (and reversed card), Basic (optional reversed card): the same, with
  ``reverse: true`` when the note has its reverse card: that card is the entry's
  ``reverse`` variant (back to front), with its own history and due date;
* Cloze (and any note type of the cloze kind): a ``cloze`` entry, one blank per
  deletion; a number used twice (``c1`` ... ``c1``) makes two blanks of which the
  first carries the Anki card, so the entry keeps Anki's card count (``variants``);
* the note types ``studyapp export --to anki`` writes: the entry of their own kind;
* any other note type: its first field is the prompt, the others the answer (a
  ``qa`` entry, self-graded); the first of its cards carries the history;
* Image Occlusion: not imported (the image is the card).

Entry ids come from Anki's note GUIDs (``anki-`` and a hash), never from the text, so
importing the same package again updates those entries instead of adding others, and
keeps their progress.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any, cast

from msgspec import Struct, field
from pydantic import BaseModel, ValidationError

from studyapp.core.authoring.anki.collection import (
    STOCK_BASIC,
    STOCK_BASIC_OPTIONAL_REVERSED,
    STOCK_BASIC_REVERSED,
    STOCK_BASIC_TYPING,
    STOCK_CLOZE,
    STOCK_IMAGE_OCCLUSION,
    AnkiCard,
    AnkiDeck,
    AnkiNote,
    Collection,
    NoteType,
)
from studyapp.core.authoring.anki.fields import cloze_text, field_text
from studyapp.core.authoring.anki.ownkinds import OWN_NOTETYPE, own_entry
from studyapp.core.authoring.anki.package import package_problem
from studyapp.core.authoring.importtext import clean_tag
from studyapp.core.decks.model import ENTRY_TYPES, ID_PATTERN, AnyEntry

__all__ = ["DeckPlan", "Mapping", "NoteTypeUse", "entry_id_of", "map_notes"]

_ID = re.compile(ID_PATTERN)
_TYPED = re.compile(r"\{\{type:", re.IGNORECASE)
_CLOZE_FIELD = re.compile(r"\{\{(?:[^{}:]*:)*cloze:([^{}]+)\}\}", re.IGNORECASE)


class DeckPlan(Struct):
    """One deck file to write: the Anki deck(s) it comes from and its entries."""

    anki_name: str
    anki_ids: set[int]
    entries: list[AnyEntry] = field(default_factory=list)
    cards: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Anki card id -> (entry id, variant)."""


class NoteTypeUse(Struct):
    """How the notes of one note type were mapped (for the summary)."""

    name: str
    how: str
    notes: int = 0
    entries: int = 0
    skipped: int = 0


class Mapping(Struct):
    decks: list[DeckPlan]
    notetypes: dict[int, NoteTypeUse]
    problems: list[str] = field(default_factory=list)
    """Notes left out, and why (one line each, capped)."""
    skipped_notes: int = 0
    unmapped_cards: int = 0
    """Anki cards no entry asks (extra templates of other note types, orphan clozes)."""
    hints_dropped: int = 0


def entry_id_of(guid: str) -> str:
    """A stable entry id for an Anki note (its GUID, hashed: GUIDs hold any character)."""
    return "anki-" + hashlib.blake2b(guid.encode("utf-8", "replace"), digest_size=6).hexdigest()


def _tags(raw: Iterable[str], drop: set[str], seen: dict[str, str | None]) -> list[str]:
    """The note's tags as deck tags, each text made once per import (``seen``): most
    notes share theirs."""
    out: list[str] = []
    for tag in raw:
        if tag in seen:
            clean = seen[tag]
        else:
            clean = seen[tag] = clean_tag(tag)
        if clean and clean not in out and clean.casefold() not in drop:
            out.append(clean)
    return out


_TEMPLATES = {
    STOCK_BASIC: 1,
    STOCK_BASIC_TYPING: 1,
    STOCK_BASIC_REVERSED: 2,
    STOCK_BASIC_OPTIONAL_REVERSED: 2,
}


def basic_kind(notetype: NoteType) -> int:
    """The Basic kind a note type still has the shape of (its card templates), else 0.

    Anki remembers the stock kind a note type was made from, but a learner may have
    turned a copy of Basic into anything (three fields, two cards): that one is "other".
    """
    expected = _TEMPLATES.get(notetype.stock)
    fits = expected == len(notetype.templates) and len(notetype.fields) >= 2
    return notetype.stock if fits else 0


def _how(notetype: NoteType) -> str:
    own = OWN_NOTETYPE.fullmatch(notetype.name)
    if own:
        both = ", with their reverse card" if own.group(2) else ""
        return f"{own.group(1)} entries{both} (exported by studyapp)"
    if notetype.stock == STOCK_IMAGE_OCCLUSION:
        return "not imported (image occlusion needs its image)"
    if notetype.cloze or notetype.stock == STOCK_CLOZE:
        return "cloze entries, one blank per deletion"
    typed = any(_TYPED.search(t.qfmt) for t in notetype.templates)
    check = "typed" if typed else "self-graded"
    stock = basic_kind(notetype)
    if stock in (STOCK_BASIC, STOCK_BASIC_TYPING):
        return f"qa entries ({check})"
    if stock in (STOCK_BASIC_REVERSED, STOCK_BASIC_OPTIONAL_REVERSED):
        return f"qa entries ({check}), the reverse card as their 'reverse' variant"
    names = [f or "?" for f in notetype.fields]
    rest = ", ".join(repr(n) for n in names[1:]) or "nothing"
    first = repr(names[0]) if names else "?"
    return f"qa entries ({check}): {first} as the prompt, {rest} as the answer"


class _Mapper:
    def __init__(self, collection: Collection, plans: Callable[[int], DeckPlan | None]) -> None:
        self.collection = collection
        self.plans = plans
        self.notetypes: dict[int, NoteTypeUse] = {}
        self.problems: list[str] = []
        self.skipped = 0
        self.unmapped = 0
        self.hints = 0
        self.ids: dict[int, set[str]] = {}  # per plan, ids taken
        self.fields_sets: dict[frozenset[str], set[str]] = {}
        self.tags: dict[str, str | None] = {}
        self.shapes: dict[int, tuple[re.Match[str] | None, bool]] = {}

    def shape(self, notetype: NoteType) -> tuple[re.Match[str] | None, bool]:
        """Whether the note type is one studyapp exported (its kind), and whether a
        template types the answer: looked at once per note type, not once per note."""
        found = self.shapes.get(notetype.id)
        if found is None:
            own = OWN_NOTETYPE.fullmatch(notetype.name)
            typed = any(_TYPED.search(t.qfmt) for t in notetype.templates)
            found = self.shapes[notetype.id] = (own, typed)
        return found

    def compact(self, entry: BaseModel) -> None:
        """Give ``entry`` the set of its given fields that entries like it share.

        pydantic keeps one such set per model (hundreds of bytes: a third of an entry),
        read by ``exclude_unset`` and copied by ``model_copy``, never changed in place;
        tens of thousands of entries made alike need a handful of them.
        """
        fields = entry.__pydantic_fields_set__
        shared = self.fields_sets.setdefault(frozenset(fields), fields)
        if shared is not fields:
            object.__setattr__(entry, "__pydantic_fields_set__", shared)

    def skip(self, note: AnkiNote, use: NoteTypeUse | None, reason: str) -> None:
        self.skipped += 1
        if use is not None:
            use.skipped += 1
        if len(self.problems) < 50:
            self.problems.append(f"note {note.id} left out: {reason}")

    def unique(self, plan: DeckPlan, wanted: str) -> str:
        taken = self.ids.setdefault(id(plan), set())
        candidate, n = wanted, 2
        while candidate in taken:
            candidate = f"{wanted}-{n}"
            n += 1
        taken.add(candidate)
        return candidate

    def add(
        self,
        plan: DeckPlan,
        note: AnkiNote,
        use: NoteTypeUse,
        made: list[tuple[dict[str, Any], dict[int, str]]],
        cards: list[AnkiCard],
    ) -> None:
        """Validate the entries made from one note and tie its cards to them."""
        built: list[tuple[AnyEntry, dict[int, str]]] = []
        for data, ords in made:
            try:
                entry = ENTRY_TYPES[data["kind"]].model_validate(data)
                self.compact(entry)
                built.append((cast(AnyEntry, entry), ords))
            except ValidationError as exc:
                first = exc.errors(include_url=False)[0]
                where = ".".join(str(p) for p in first["loc"])
                message = str(first["msg"]).removeprefix("Value error, ")
                for data_done, _ in made:
                    self.ids.get(id(plan), set()).discard(data_done["id"])
                self.skip(note, use, f"{where}: {message}" if where else message)
                return
        asked: set[int] = set()
        for entry, ords in built:
            plan.entries.append(entry)
            for ord_, variant in ords.items():
                asked.add(ord_)
                for card in cards:
                    if card.ord == ord_:
                        plan.cards[card.id] = (entry.id, variant)
        self.unmapped += sum(1 for card in cards if card.ord not in asked)
        use.notes += 1
        use.entries += len(built)

    def note(self, note: AnkiNote, cards: list[AnkiCard]) -> None:
        notetype = self.collection.notetypes.get(note.mid)
        if notetype is None:
            self.skip(note, None, "its note type is missing from the package")
            return
        use = self.notetypes.get(notetype.id)
        if use is None:
            use = self.notetypes[notetype.id] = NoteTypeUse(notetype.name, _how(notetype))
        home = cards[0].odid or cards[0].did
        plan = self.plans(home)
        if plan is None:
            return
        if notetype.stock == STOCK_IMAGE_OCCLUSION:
            self.skip(note, use, "image occlusion notes need their image")
            return
        raw = dict(zip(notetype.fields, note.fields, strict=False))
        values = list(note.fields) + [""] * max(0, len(notetype.fields) - len(note.fields))
        base_id = entry_id_of(note.guid)
        drop: set[str] = set()
        made: list[tuple[dict[str, Any], dict[int, str]]]
        own, typed = self.shape(notetype)
        if own and "Entry" in raw:
            data, ords = own_entry(own.group(1), raw)
            deck_part, _, entry_part = field_text(raw["Entry"]).partition("/")
            drop = {"studyapp", deck_part.casefold()}
            data["id"] = self.unique(plan, entry_part if _ID.fullmatch(entry_part) else base_id)
            made = [(data, ords)]
        elif notetype.cloze or notetype.stock == STOCK_CLOZE:
            made = self.cloze(plan, notetype, values, base_id, typed)
        else:
            made = self.basic(plan, notetype, values, base_id, typed, cards)
        if not made:
            self.skip(note, use, "it has nothing to ask once its HTML is removed")
            return
        tags = _tags(note.tags, drop, self.tags)
        for data, _ in made:
            data["tags"] = tags
        self.add(plan, note, use, made, cards)

    def cloze(
        self, plan: DeckPlan, notetype: NoteType, values: list[str], base_id: str, typed: bool
    ) -> list[tuple[dict[str, Any], dict[int, str]]]:
        index = 0
        for template in notetype.templates[:1]:
            found = _CLOZE_FIELD.search(template.qfmt)
            if found and found.group(1).strip() in notetype.fields:
                index = notetype.fields.index(found.group(1).strip())
        cloze = cloze_text(values[index] if index < len(values) else "")
        self.hints += cloze.hints
        if not cloze.numbers:
            return []
        first: dict[int, int] = {}
        for position, number in enumerate(cloze.numbers, start=1):
            first.setdefault(number, position)
        data: dict[str, Any] = {
            "kind": "cloze",
            "text": cloze.text,
            "id": self.unique(plan, base_id),
        }
        if len(first) < len(cloze.numbers):
            data["variants"] = [f"blank-{p}" for p in sorted(first.values())]
        data["check"] = "typed" if typed else "self"
        extra = [field_text(v) for i, v in enumerate(values) if i != index]
        if explanation := "\n".join(t for t in extra if t):
            data["explanation"] = explanation
        ords = {number - 1: f"blank-{position}" for number, position in first.items()}
        return [(data, ords)]

    def basic(
        self,
        plan: DeckPlan,
        notetype: NoteType,
        values: list[str],
        base_id: str,
        typed: bool,
        cards: list[AnkiCard],
    ) -> list[tuple[dict[str, Any], dict[int, str]]]:
        texts = [field_text(v) for v in values]
        check = "typed" if typed else "self"
        stock = basic_kind(notetype)
        if stock in (
            STOCK_BASIC,
            STOCK_BASIC_TYPING,
            STOCK_BASIC_REVERSED,
            STOCK_BASIC_OPTIONAL_REVERSED,
        ):
            front, back = [*texts, "", ""][:2]
            rest = texts[3:] if stock == STOCK_BASIC_OPTIONAL_REVERSED else texts[2:]
            extra = "\n".join(t for t in rest if t) or None
            if not front or not back:
                return []
            data = _qa(self.unique(plan, base_id), front, back, check, extra)
            ords = {0: "answer"}
            if stock in (STOCK_BASIC_REVERSED, STOCK_BASIC_OPTIONAL_REVERSED) and any(
                card.ord == 1 for card in cards
            ):
                data["reverse"] = True  # the reverse card: the entry's second variant
                ords[1] = "reverse"
                if all(card.ord != 0 for card in cards):
                    data["variants"] = ["reverse"]
            return [(data, ords)]
        prompt = texts[0] if texts else ""
        answer = "\n".join(t for t in texts[1:] if t)
        if not prompt or not answer:
            return []
        first_ord = min(card.ord for card in cards)
        return [
            (_qa(self.unique(plan, base_id), prompt, answer, check, None), {first_ord: "answer"})
        ]


def _qa(entry_id: str, prompt: str, answer: str, check: str, extra: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "qa",
        "id": entry_id,
        "prompt": prompt,
        "answer": answer,
        "check": check,
    }
    if extra:
        data["explanation"] = extra
    return data


def _home_decks(collection: Collection, pick: str | None) -> dict[int, DeckPlan]:
    """The deck plan each Anki deck id goes to (all into one when ``pick`` names a deck)."""
    decks = collection.decks
    if pick is None:
        return {did: DeckPlan(deck.name, {did}) for did, deck in decks.items()}
    wanted = pick.strip().casefold()
    chosen = [
        d
        for d in decks.values()
        if d.name.casefold() == wanted or d.name.casefold().startswith(wanted + "::")
    ]
    if not chosen:
        names = ", ".join(sorted(repr(d.name) for d in decks.values())) or "none"
        raise package_problem(
            collection.display, f"no deck named {pick!r} in the package (its decks: {names})"
        )
    top = min(chosen, key=lambda d: len(d.name))
    plan = DeckPlan(top.name, {d.id for d in chosen})
    return {d.id: plan for d in chosen}


def map_notes(
    collection: Collection,
    pick: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Mapping:
    """Every note of the collection (of deck ``pick`` and its subdecks, if given) as
    entries, grouped in one plan per Anki deck that holds any; ``progress`` is told the
    number of notes done now and then."""
    by_note: dict[int, list[AnkiCard]] = {}
    for card in collection.cards():
        by_note.setdefault(card.nid, []).append(card)
    homes = _home_decks(collection, pick)
    fallback: dict[int, DeckPlan] = {}

    def plan_of(did: int) -> DeckPlan | None:
        found = homes.get(did)
        if found is None and pick is None:  # a card in a deck the package does not list
            found = fallback.setdefault(did, DeckPlan(f"deck {did}", {did}))
        return found

    mapper = _Mapper(collection, plan_of)
    done = 0
    for note in collection.notes():
        cards = by_note.pop(note.id, None)
        done += 1
        if progress is not None and done % 1000 == 0:
            progress(done)
        if cards is None:
            continue  # a note without cards: nothing to study (Anki removes them)
        mapper.note(note, cards)
    plans: list[DeckPlan] = []
    for plan in [*homes.values(), *fallback.values()]:
        if plan.entries and all(plan is not p for p in plans):
            plans.append(plan)
    plans.sort(key=lambda p: p.anki_name.casefold())
    return Mapping(
        plans,
        {k: v for k, v in mapper.notetypes.items() if v.notes or v.skipped},
        mapper.problems,
        mapper.skipped,
        mapper.unmapped,
        mapper.hints,
    )


def anki_deck_names(collection: Collection) -> list[AnkiDeck]:
    """The decks of the package, by name (for ``--deck`` suggestions)."""
    return sorted(collection.decks.values(), key=lambda d: d.name.casefold())
