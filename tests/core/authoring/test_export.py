"""``studyapp export``: Anki packages checked with Anki itself, CSV, Markdown."""

from __future__ import annotations

import csv
import gc
import io
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.export.anki import anki_notes, note_guid, write_anki
from studyapp.core.authoring.export.markdown import to_markdown
from studyapp.core.authoring.export.spreadsheet import CSV_COLUMNS, csv_losses, to_csv
from studyapp.core.authoring.importer import import_file, import_text
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import KINDS, Deck
from tests.conftest import REPO

BUNDLED = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"

HOSTILE = """\
id: hostile
title: "A <b>bold</b> :: deck"
entries:
  - id: q1
    kind: qa
    prompt: "What does <script>alert(1)</script> & [@click=app.quit] print?"
    answer: "=HYPERLINK(\\"x\\") | *star* _u_"
    source: "Line one\\nline two {{c1::no}}"
  - id: c1
    kind: cloze
    text: "A {{a::b}} and {{<i>x</i>}} and {{c}}."
    variants: [blank-1, blank-3]
  - id: d1
    kind: date
    event: Something happens
    date: 2025-06
    variants: [when]
  - id: ch
    kind: choice
    prompt: Pick one
    answer: Right
    distractors: [Wrong, Worse]
  - id: o1
    kind: order
    events: [First, Second, Third]
"""


def hostile() -> Deck:
    return parse_deck(HOSTILE, "hostile.yaml")


def test_csv_export_has_every_entry_and_is_spreadsheet_safe() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(hostile()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {r[1]: dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows[1:]}
    assert by_id["q1"]["answer"] == '\'=HYPERLINK("x") | *star* _u_'
    assert by_id["d1"]["answer"] == "2025-06"
    assert by_id["o1"]["answer"] == "First | Second | Third"
    assert by_id["c1"]["answer"] == "a::b; <i>x</i>; c"


EVERY_KIND = """\
id: every-kind
title: Every kind
entries:
  - {id: d, kind: date, event: The treaty is signed, date: 1965-06-22, variants: [when],
     prompt: "When, exactly?", tags: [dates], explanation: "Why; it matters", source: It was.}
  - {id: d2, kind: date, event: The election, date: 2025-06}
  - {id: f, kind: figure, measure: Share who agreed, value: 55.5, unit: "%", tolerance: 0.5,
     as_of: 2025-05, accept: [fifty-five and a half, "55,5"], prompt: "How many, in %?"}
  - {id: f2, kind: figure, measure: Years in office, value: 3, unit: years}
  - {id: f3, kind: figure, measure: A ratio, value: 17.0}
  - {id: q, kind: quote, quote: "Taking a consistent approach; always", speaker: Lee Jae-myung,
     speaker_aliases: [Lee, President Lee], context: on diplomacy, variants: [who]}
  - {id: qa, kind: qa, prompt: "=1+1?", answer: "'2", accept: [two, "two; really"]}
  - {id: c, kind: cloze, text: "A {{phospholipid}} bilayer; the {{cell}}.", variants: [blank-2]}
  - {id: ch, kind: choice, prompt: Pick one, answer: Right, distractors: [Wrong, "Worse; much"]}
  - {id: o, kind: order, events: [First, "Second | still", Third]}
  - {id: o2, kind: order, prompt: In order, events: ["-5 BC", "@home"]}
"""


@pytest.mark.parametrize("which", ["bundled", "every kind"])
def test_csv_export_imports_back_with_kinds_and_fields(tmp_path: Path, which: str) -> None:
    """Dates, figures, quotes, choices and orders come back as themselves, field by field."""
    deck = load_deck(BUNDLED) if which == "bundled" else parse_deck(EVERY_KIND, "every.yaml")
    path = tmp_path / "deck.csv"
    path.write_text(to_csv(deck), encoding="utf-8")
    result = import_file(path, deck_id=deck.id)
    assert result.problems == []
    assert [e.kind for e in result.deck.entries] == [e.kind for e in deck.entries]
    for before, after in zip(deck.entries, result.deck.entries, strict=True):
        # an entry's expected verdicts (checks) are not in the CSV, and csv_losses says so
        assert after.model_dump(exclude={"checks"}) == before.model_dump(exclude={"checks"})
    assert {e.kind for e in deck.entries} == set(KINDS) or which == "bundled"


def test_csv_export_says_what_it_cannot_carry() -> None:
    assert csv_losses(parse_deck(EVERY_KIND, "every.yaml")) == []
    bundled = load_deck(BUNDLED)
    note, *checks = csv_losses(bundled)
    assert note.startswith("the deck's description, author, version, document (and its title)")
    checked = [e.id for e in bundled.entries if e.checks]
    named = ", ".join(repr(i) for i in checked[:3])
    assert len(checked) > 3 and checks == [  # one line for all of them, not one an entry
        f"{len(checked)} entries ({named} and {len(checked) - 3} more): their expected "
        "verdicts (checks) are not in the CSV"
    ]


def test_markdown_study_sheet() -> None:
    text = to_markdown(load_deck(BUNDLED))
    assert text.startswith("# Lee Jae-myung’s “pragmatic diplomacy” (nippon.com, 2025)\n")
    assert "| 1965 | Japan and South Korea conclude the Treaty on Basic Relations |" in text
    assert text.index("| 1965 |") < text.index("| 3 June 2025 |") < text.index("| 17 June 2025 |")
    assert "| 55.5% | East Asia Institute survey" in text
    assert "> — **Moon Jae-in**, on the diplomatic approach" in text
    assert "## Chronologies" in text


def test_markdown_cloze_keeps_the_spaces_around_its_blanks() -> None:
    deck = parse_deck(
        "id: bio\ntitle: Bio\nentries:\n"
        "  - id: m\n    kind: cloze\n"
        "    text: 'The membrane is a {{phospholipid}} bilayer around the {{cell}}.'\n"
        "  - id: n\n    kind: cloze\n"
        "    text: '{{ Mitochondria }}, the powerhouse (of the {{cell}})'\n",
        "bio.yaml",
    )
    text = to_markdown(deck)
    assert "- The membrane is a **phospholipid** bilayer around the **cell**.\n" in text
    assert "- **Mitochondria**, the powerhouse (of the **cell**)\n" in text


def test_markdown_escapes_deck_text() -> None:
    text = to_markdown(hostile())
    assert "<script>" not in text and "<b>" not in text
    assert "\\<script\\>alert(1)\\</script\\> &amp; \\[@click=app.quit\\]" in text
    assert "**\\=HYPERLINK" not in text  # '=' is harmless in Markdown; not escaped
    assert "\\*star\\* \\_u\\_" in text


def test_notes_are_escaped_and_guids_stable() -> None:
    deck = hostile()
    _anki_deck, notes = anki_notes(deck)
    q1 = notes[0]
    assert q1.guid == note_guid("hostile", "q1") == anki_notes(deck)[1][0].guid
    assert q1.fields[0] == (
        "What does &lt;script&gt;alert(1)&lt;/script&gt; &amp; [@click=app.quit] print?"
    )
    assert q1.fields[3] == "Line one<br>line two &#123;&#123;c1::no&#125;&#125;"
    cloze = notes[1]
    assert cloze.fields[0] == ("A {{c1::a&#58;&#58;b}} and &lt;i&gt;x&lt;/i&gt; and {{c3::c}}.")
    date = notes[2]
    assert date.fields[3:5] == ["1", ""]  # asked "when?" only, as the deck says


anki = pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")


def _collection(folder: Path) -> object:
    from anki.collection import Collection

    return Collection(str(folder / "collection.anki2"))


def _import(col: object, package: Path) -> object:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(
            with_scheduling=False,
            with_deck_configs=False,
            update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        ),
    )
    return col.import_anki_package(request)  # type: ignore[attr-defined]


def test_anki_opens_the_package_and_reimport_updates(tmp_path: Path) -> None:
    deck = load_deck(BUNDLED)
    package = tmp_path / "lee.apkg"
    assert write_anki(deck, package, timestamp=1_700_000_000) == len(deck.entries)
    col = _collection(tmp_path)
    try:
        _import(col, package)
        assert col.note_count() == len(deck.entries)  # type: ignore[attr-defined]
        types = {
            col.get_note(n).note_type()["name"]  # type: ignore[attr-defined]
            for n in col.find_notes("")  # type: ignore[attr-defined]
        }
        assert types == {
            f"studyapp {k} (v1)"
            for k in ("date", "figure", "quote", "qa", "cloze", "choice", "order")
        }
        (nid,) = col.find_notes('"Entry:lee-pragmatic-diplomacy/quote-moon-balanced-diplomacy"')  # type: ignore[attr-defined]
        note = col.get_note(nid)  # type: ignore[attr-defined]
        assert note["Quote"] == "balanced diplomacy"
        assert note["Speaker"] == "Moon Jae-in"
        assert note["Source"].startswith("President Moon also advocated “balanced diplomacy”")
        assert note.guid == note_guid(deck.id, "quote-moon-balanced-diplomacy")
        (cid,) = col.find_notes('"Entry:lee-pragmatic-diplomacy/cloze-ip4-nato-symbolizes"')  # type: ignore[attr-defined]
        assert len(col.get_note(cid).cards()) == 2  # type: ignore[attr-defined]

        # edit the deck, export again, import again: same notes, new text
        edited = deck.model_copy(
            update={
                "entries": [
                    e.model_copy(update={"speaker": "Moon Jae In"})
                    if e.id == "quote-moon-balanced-diplomacy"
                    else e
                    for e in deck.entries
                ]
            }
        )
        write_anki(edited, package, timestamp=1_800_000_000)
        _import(col, package)
        assert col.note_count() == len(deck.entries)  # type: ignore[attr-defined]
        assert col.get_note(nid)["Speaker"] == "Moon Jae In"  # type: ignore[attr-defined]
    finally:
        col.close()  # type: ignore[attr-defined]


def test_anki_keeps_hostile_text_inert_and_its_text_export_imports_back(tmp_path: Path) -> None:
    package = tmp_path / "hostile.apkg"
    write_anki(hostile(), package)
    col = _collection(tmp_path)
    try:
        _import(col, package)
        (nid,) = col.find_notes('"Entry:hostile/q1"')  # type: ignore[attr-defined]
        card = col.get_note(nid).cards()[0]  # type: ignore[attr-defined]
        question = card.question()
        assert "<script>" not in question
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in question
        export = tmp_path / "notes.txt"
        col.export_note_csv(  # type: ignore[attr-defined]
            out_path=str(export),
            limit=None,
            with_html=True,
            with_tags=True,
            with_deck=True,
            with_notetype=True,
            with_guid=True,
        )
    finally:
        col.close()  # type: ignore[attr-defined]
    result = import_text(export.read_text(encoding="utf-8"), "notes.txt", deck_id="back")
    prompts = {getattr(e, "prompt", None) for e in result.deck.entries}
    assert "What does <script>alert(1)</script> & [@click=app.quit] print?" in prompts
    cloze = next(e for e in result.deck.entries if e.kind == "cloze")
    assert cloze.text.startswith("A {{a::b}} and <i>x</i> and {{c}}.")


def test_cli_export_all_formats(tmp_path: Path) -> None:
    for fmt, name in (("anki", "x.apkg"), ("csv", "x.csv"), ("markdown", "x.md")):
        out = io.StringIO()
        assert main(["export", str(BUNDLED), "--to", fmt, "-o", str(tmp_path / name)], out) == 0
        assert (tmp_path / name).stat().st_size > 1000
    out = io.StringIO()
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: y\nentries: []\n", encoding="utf-8")
    assert main(["export", str(bad), "--to", "csv", "-o", str(tmp_path / "y.csv")], out) == 1
    assert "bad.yaml:3:10: entries: a deck needs at least one entry" in out.getvalue()


def test_cli_export_frees_its_deck_unless_the_process_froze_its_own(tmp_path: Path) -> None:
    """The ``studyapp`` command (it froze its start-up) keeps the deck to its ``os._exit``
    (``tests/cli/test_fast_exit.py`` runs it); called in-process, the deck goes at once."""
    from studyapp.cli import tools

    frozen = gc.get_freeze_count() > 0  # (an app test earlier in this process froze)
    for fmt in ("csv", "anki"):
        target = tmp_path / f"x.{fmt}"
        assert main(["export", str(BUNDLED), "--to", fmt, "-o", str(target)], io.StringIO()) == 0
        assert tools._EXPORTED == [] or frozen
        assert gc.isenabled()


def test_csv_export_says_a_reverse_card_is_left_out() -> None:
    deck = parse_deck(
        "id: w\ntitle: W\nentries:\n  - {id: chat, kind: qa, prompt: chat, answer: cat, "
        "reverse: true}\n  - {id: chien, kind: qa, prompt: chien, answer: dog}\n",
        "w.yaml",
    )
    assert csv_losses(deck) == [
        "entry 'chat': its reverse card (reverse: true) is not in the CSV; add the line "
        "again after importing it"
    ]
