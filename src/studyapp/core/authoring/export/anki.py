"""A deck as an Anki package (.apkg), built with genanki.

Every note's GUID comes from the deck id and the entry id, and every note type
has a fixed id, so exporting the deck again after editing it and importing the
package into the same collection updates the notes instead of adding
duplicates. There is one note type per entry kind, carrying the entry's fields
plus its source and explanation; all deck text is HTML-escaped before it goes
into a field, so a card that says ``<script>`` shows exactly that.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import genanki  # type: ignore[import-untyped]

from studyapp.core.authoring.export.anki_package import NoteRow, NoteSpec, write_package
from studyapp.core.authoring.export.values import figure_value
from studyapp.core.base.atomic import kept_mode
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    OrderEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.quiz.answers.dates import render_date

__all__ = ["MODEL_VERSION", "ExportError", "anki_notes", "note_guid", "note_guids", "write_anki"]

MODEL_VERSION = "v1"
"""Bump only with a migration plan: Anki treats a changed note type as a different one."""


class ExportError(Exception):
    """The export could not be written."""


def _stable_id(*parts: str) -> int:
    """A 31-bit id from text, stable across runs and machines (Anki wants < 2**63)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


_BASE91_PAIRS = tuple(a + b for a in _BASE91 for b in _BASE91)
"""Two base-91 digits at a time: a GUID's 64 bits are 5 divisions instead of 10."""


def note_guid(deck_id: str, entry_id: str) -> str:
    """The Anki GUID of an entry's note: the same entry always gets the same note.

    It is ``genanki.guid_for("studyapp", deck_id, entry_id)`` (a test holds them equal),
    in a fraction of its time: see :func:`note_guids`.
    """
    return note_guids(deck_id, [entry_id])[0]


def note_guids(deck_id: str, entry_ids: Iterable[str]) -> list[str]:
    """:func:`note_guid` of each entry of a deck: the first 8 bytes of a SHA-256 in Anki's
    base 91, two digits per division (five of them), the leading zeros (``a``) dropped as
    genanki never writes them. The hash of the deck's prefix is made once and copied for
    each entry: a new SHA-256 object costs more than the hashing itself."""
    prefix = hashlib.sha256(f"studyapp__{deck_id}__".encode())
    pairs = _BASE91_PAIRS
    guids = []
    for entry_id in entry_ids:
        digest = prefix.copy()
        digest.update(entry_id.encode())
        rest, e = divmod(int.from_bytes(digest.digest()[:8], "big"), 8281)
        rest, d = divmod(rest, 8281)
        rest, c = divmod(rest, 8281)
        a, b = divmod(rest, 8281)  # 91**10 > 2**64: five pairs hold every GUID
        guids.append((pairs[a] + pairs[b] + pairs[c] + pairs[d] + pairs[e]).lstrip("a"))
    return guids


# ------------------------------------------------------------------------- text


_HTML_SPECIAL = re.compile("[&<>\"'{}\n]")


def _h(text: str | None) -> str:
    """Deck text as an HTML-safe field value (markup shown, never interpreted)."""
    if not text:
        return ""
    if _HTML_SPECIAL.search(text) is None:
        return text  # nothing to escape (most text): one scan instead of eight
    escaped = html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    return escaped.replace("\n", "<br>")


def _list(items: Sequence[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_h(i)}</li>" for i in items) + f"</{tag}>"


def _cloze_field(entry: ClozeEntry) -> str:
    wanted = entry.variants
    out: list[str] = []
    last = 0
    for number, m in enumerate(CLOZE_BLANK.finditer(entry.text), start=1):
        out.append(_h(entry.text[last : m.start()]))
        inner = _h(m.group(1).strip()).replace(":", "&#58;")
        if wanted is None or f"blank-{number}" in wanted:
            out.append(f"{{{{c{number}::{inner}}}}}")
        else:
            out.append(inner)
        last = m.end()
    out.append(_h(entry.text[last:]))
    return "".join(out)


def _shuffled(items: Sequence[str], seed: str) -> list[str]:
    """A fixed, seed-dependent order (options and events must not show the answer order)."""
    prefix = hashlib.sha256(f"{seed}\x1f".encode())  # copied per item: see note_guids

    def key(item: str) -> str:
        digest = prefix.copy()
        digest.update(item.encode())
        return digest.hexdigest()

    keyed = sorted(items, key=key)
    if list(keyed) == list(items) and len(items) > 1:
        keyed = [*keyed[1:], keyed[0]]
    return keyed


def _asks(entry: AnyEntry, variant: str) -> str:
    return "1" if entry.variants is None or variant in entry.variants else ""


# ------------------------------------------------------------------- note types

_CSS = """\
.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black;
        background-color: white; max-width: 40em; margin: 1em auto; }
.kind { font-size: 12px; color: #777; text-transform: uppercase; letter-spacing: .1em; }
.answer { font-weight: bold; margin-top: .5em; }
.explanation { margin-top: 1em; }
.source { margin-top: 1em; font-size: 15px; color: #555; font-style: italic; }
.cloze { font-weight: bold; color: blue; }
"""

_BACK_EXTRA = (
    "{{#Explanation}}<div class=explanation>{{Explanation}}</div>{{/Explanation}}"
    "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"
)


def _template(name: str, front: str, answer: str) -> dict[str, str]:
    return {
        "name": name,
        "qfmt": front,
        "afmt": "{{FrontSide}}<hr id=answer>" + f"<div class=answer>{answer}</div>" + _BACK_EXTRA,
    }


def _model(kind: str, fields: list[str], templates: list[dict[str, str]], **kw: Any) -> Any:
    return genanki.Model(
        _stable_id("studyapp", "model", kind, MODEL_VERSION),
        f"studyapp {kind} ({MODEL_VERSION})",
        fields=[{"name": f} for f in fields],
        templates=templates,
        css=_CSS,
        **kw,
    )


def _models() -> dict[str, Any]:
    date = _model(
        "date",
        ["Event", "Date", "Prompt", "AskWhen", "AskWhat", "Source", "Explanation", "Entry"],
        [
            _template(
                "When",
                "{{#AskWhen}}<div class=kind>When?</div>"
                "{{#Prompt}}{{Prompt}}{{/Prompt}}{{^Prompt}}{{Event}}{{/Prompt}}{{/AskWhen}}",
                "{{Date}}",
            ),
            _template(
                "What",
                "{{#AskWhat}}<div class=kind>What happened?</div>{{Date}}{{/AskWhat}}",
                "{{Event}}",
            ),
        ],
    )
    figure = _model(
        "figure",
        ["Measure", "Value", "Prompt", "Accept", "Source", "Explanation", "Entry"],
        [
            _template(
                "Value",
                "<div class=kind>What figure?</div>"
                "{{#Prompt}}{{Prompt}}{{/Prompt}}{{^Prompt}}{{Measure}}{{/Prompt}}",
                "{{Value}}",
            )
        ],
    )
    quote = _model(
        "quote",
        [
            "Quote",
            "Speaker",
            "Aliases",
            "Context",
            "AskWho",
            "AskWhat",
            "Source",
            "Explanation",
            "Entry",
        ],
        [
            _template(
                "Who said it",
                "{{#AskWho}}<div class=kind>Who said it?</div>“{{Quote}}”"
                "{{#Context}}<div>({{Context}})</div>{{/Context}}{{/AskWho}}",
                "{{Speaker}}",
            ),
            _template(
                "What was said",
                "{{#AskWhat}}<div class=kind>What did {{Speaker}} say?</div>"
                "{{#Context}}{{Context}}{{/Context}}{{/AskWhat}}",
                "“{{Quote}}”",
            ),
        ],
    )
    qa = _model(
        "qa",
        ["Prompt", "Answer", "Accept", "Source", "Explanation", "Entry"],
        [_template("Answer", "{{Prompt}}", "{{Answer}}")],
    )
    # ``reverse: true``: Anki's "Basic (and reversed card)" shape, a note type of its own
    # (adding a template to qa's would change that note type in every learner's Anki)
    qa_reversed = _model(
        "qa reversed",
        [
            "Prompt",
            "Answer",
            "Accept",
            "AskAnswer",
            "AskReverse",
            "Source",
            "Explanation",
            "Entry",
        ],
        [
            _template("Answer", "{{#AskAnswer}}{{Prompt}}{{/AskAnswer}}", "{{Answer}}"),
            _template(
                "Reverse",
                "{{#AskReverse}}<div class=kind>Reversed</div>{{Answer}}{{/AskReverse}}",
                "{{Prompt}}",
            ),
        ],
    )
    cloze = _model(
        "cloze",
        ["Text", "Source", "Explanation", "Entry"],
        [
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}" + _BACK_EXTRA,
            }
        ],
        model_type=genanki.Model.CLOZE,
    )
    choice = _model(
        "choice",
        ["Prompt", "Options", "Answer", "Source", "Explanation", "Entry"],
        [_template("Choose", "{{Prompt}}{{Options}}", "{{Answer}}")],
    )
    order = _model(
        "order",
        ["Prompt", "Shuffled", "Events", "Source", "Explanation", "Entry"],
        [
            _template(
                "Order",
                "<div class=kind>Put in order</div>{{Prompt}}{{Shuffled}}",
                "{{Events}}",
            )
        ],
    )
    return {
        "date": date,
        "figure": figure,
        "quote": quote,
        "qa": qa,
        "qa reversed": qa_reversed,
        "cloze": cloze,
        "choice": choice,
        "order": order,
    }


# Each kind's fields, in its note type's order. Dates, figures, quotes and questions hold
# only text (and "1"/"" flags): their fields are made raw, then escaped only when one of
# them holds a character to escape (one search per note instead of one per field).
# Cloze, choice and order fields hold markup of their own: escaped piece by piece.


def _date_raw(e: DateEntry) -> list[str]:
    asks = _asks(e, "when"), _asks(e, "what")
    return [e.event, render_date(e.date), e.prompt or "", *asks]


def _figure_raw(e: FigureEntry) -> list[str]:
    return [e.measure, figure_value(e), e.prompt or "", ", ".join(e.accept)]


def _quote_raw(e: QuoteEntry) -> list[str]:
    who = [e.quote, e.speaker, ", ".join(e.speaker_aliases), e.context or ""]
    return [*who, _asks(e, "who"), _asks(e, "what")]


def _qa_raw(e: QaEntry) -> list[str]:
    sides = [e.prompt, e.answer, ", ".join(e.accept)]
    if e.reverse:
        sides += [_asks(e, "answer"), _asks(e, "reverse")]
    return sides


_RAW_FIELDS: dict[type, Callable[[Any], list[str]]] = {
    DateEntry: _date_raw,
    FigureEntry: _figure_raw,
    QuoteEntry: _quote_raw,
    QaEntry: _qa_raw,
}


def _cloze_fields(deck_id: str, e: ClozeEntry) -> list[str]:
    return [_cloze_field(e)]


def _choice_fields(deck_id: str, e: ChoiceEntry) -> list[str]:
    options = _shuffled([e.answer, *e.distractors], f"{deck_id}/{e.id}")
    return [_h(e.prompt), _list(options), _h(e.answer)]


def _order_fields(deck_id: str, e: OrderEntry) -> list[str]:
    shuffled = _shuffled(e.events, f"{deck_id}/{e.id}")
    prompt = _h(e.prompt or "Put these in chronological order")
    return [prompt, _list(shuffled), _list(e.events, ordered=True)]


_MARKUP_FIELDS: dict[type, Callable[[str, Any], list[str]]] = {
    ClozeEntry: _cloze_fields,
    ChoiceEntry: _choice_fields,
    OrderEntry: _order_fields,
}


def _fields(deck: Deck, entry: AnyEntry) -> list[str]:
    """``entry``'s note fields, each HTML-safe; every note type ends with the entry's
    source, explanation and reference."""
    raw = _RAW_FIELDS.get(type(entry))
    if raw is None:
        tail = [_h(entry.source), _h(entry.explanation), _h(f"{deck.id}/{entry.id}")]
        return [*_MARKUP_FIELDS[type(entry)](deck.id, entry), *tail]
    fields = raw(entry)
    fields += [entry.source or "", entry.explanation or "", f"{deck.id}/{entry.id}"]
    if _HTML_SPECIAL.search("\x1f".join(fields)) is None:
        return fields  # nothing to escape (most notes): each field is what _h gives
    return [_h(text) for text in fields]


class _Note(genanki.Note):  # type: ignore[misc]
    """genanki's note without its scan of every field for invalid HTML tags (a regex per
    field, ~8% of a big export): every field here is escaped by :func:`_h` or built from
    a few fixed tags, so the scan could only ever warn about nothing."""

    def _check_invalid_html_tags_in_fields(self) -> None:
        return None


def _deck_name(deck: Deck) -> str:
    return deck.title.replace("::", ":").replace("\n", " ").strip() or deck.id


def _specs(deck: Deck) -> tuple[Any, list[NoteSpec]]:
    """The genanki deck (no notes added) and each entry's note as it goes into the package."""
    anki_deck, notes = _notes(deck)
    return anki_deck, [NoteSpec(*note) for note in notes]


def _notes(deck: Deck) -> tuple[Any, Iterator[NoteRow]]:
    """:func:`_specs`, each note made as the package takes it (one pass over the entries
    instead of two, and no list of them kept in between)."""
    models = _models()
    anki_deck = genanki.Deck(
        _stable_id("studyapp", "deck", deck.id),
        _deck_name(deck),
        description=_h(deck.description),
    )
    # tags and the deck id are slugs (the deck model's patterns): never a space in them
    deck_id = deck.id
    guids = note_guids(deck_id, [entry.id for entry in deck.entries])
    notes = (
        (
            models["qa reversed" if isinstance(entry, QaEntry) and entry.reverse else entry.kind],
            _fields(deck, entry),
            [*entry.tags, "studyapp", deck_id],
            guid,
        )
        for entry, guid in zip(deck.entries, guids, strict=True)
    )
    return anki_deck, notes


def anki_notes(deck: Deck) -> tuple[Any, list[Any]]:
    """The genanki deck and its notes (one per entry, GUID from deck id + entry id): the
    package :func:`write_anki` writes is the one genanki writes from these."""
    anki_deck, specs = _specs(deck)
    notes = []
    for spec in specs:
        note = _Note(model=spec.model, fields=spec.fields, tags=spec.tags, guid=spec.guid)
        anki_deck.add_note(note)
        notes.append(note)
    return anki_deck, notes


def write_anki(
    deck: Deck, path: Path, *, timestamp: float | None = None, keep: list[object] | None = None
) -> int:
    """Write ``deck`` as an Anki package (.apkg) at ``path``, atomically; returns the note count.

    ``keep`` gets the package's rows made on the way, for a caller about to end its
    process: freeing them one by one first would be time for nothing (see ``export``).
    """
    anki_deck, notes = _notes(deck)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        stamp = time.time() if timestamp is None else timestamp
        write_package(anki_deck, notes, tmp, stamp, keep=keep)
        os.chmod(tmp, kept_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except sqlite3.Error as exc:  # the scratch database (e.g. a full temporary folder)
        raise ExportError(f"{path}: cannot write: {exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return len(deck.entries)  # (a note per entry)
