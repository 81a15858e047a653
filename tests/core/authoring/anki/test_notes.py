"""Anki notes as deck entries: every stock note type, HTML, clozes, decks, stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.authoring.anki.fields import field_text
from studyapp.core.authoring.anki.importer import DeckImport, anki_collection, build_decks
from studyapp.core.authoring.anki.notes import entry_id_of
from studyapp.core.authoring.anki.package import AnkiPackageError
from studyapp.core.authoring.importtext import html_to_text
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import ClozeEntry, QaEntry
from studyapp.core.decks.writer import dump_deck
from tests.core.authoring.anki.conftest import AnkiPackages
from tests.core.authoring.anki.packages import genanki_package
from tests.core.authoring.test_export import BUNDLED


def imported(path: Path, pick: str | None = None) -> DeckImport:
    with anki_collection(path, path.name) as collection:
        return build_decks(collection, deck_id="fr", pick=pick, source_name=path.name)


def entries(result: DeckImport) -> dict[str, object]:
    return {e.id: e for d in result.decks for e in d.deck.entries}


@pytest.fixture(params=["current", "legacy", "colpkg"])
def package(request: pytest.FixtureRequest, anki_packages: AnkiPackages) -> Path:
    path: Path = getattr(anki_packages, request.param)
    return path


def test_every_format_gives_the_same_decks(anki_packages: AnkiPackages) -> None:
    current, legacy = imported(anki_packages.current), imported(anki_packages.legacy)
    whole = imported(anki_packages.colpkg)
    assert current.member == "collection.anki21b" and legacy.member == "collection.anki21"
    assert [d.deck.entries for d in current.decks] == [d.deck.entries for d in legacy.decks]
    assert [d.deck.entries for d in current.decks] == [d.deck.entries for d in whole.decks]
    assert [d.cards for d in current.decks] == [d.cards for d in whole.decks]


def test_one_deck_per_anki_deck(package: Path) -> None:
    result = imported(package)
    names = {d.anki_name: d.deck.id for d in result.decks}
    assert names == {
        "Default": "fr-default",
        "History": "fr-history",
        "Languages::French": "fr-languages-french",
    }
    for deck in result.decks:  # each deck file loads back as written
        assert parse_deck(dump_deck(deck.deck), "x.yaml") == deck.deck


def test_stock_note_types_map_to_their_entries(package: Path) -> None:
    result = imported(package)
    by_prompt = {e.prompt: e for e in entries(result).values() if isinstance(e, QaEntry)}
    basic = by_prompt["chat 0"]  # <b>chat</b> 0
    assert basic.answer == "cat 0" and basic.check == "self"  # cat&nbsp;0
    assert basic.tags == ["Korea/History", "set0"]
    both = by_prompt["chien 0"]  # Basic (and reversed card): one entry, two variants
    assert both.answer == "dog 0" and both.reverse is True and both.variants is None
    assert "dog 0" not in by_prompt  # no second entry for the reverse card
    assert by_prompt["maison 0"].reverse is True  # optional reverse: the note asked for it
    assert by_prompt["arbre 0"].reverse is None  # ... this one did not
    assert by_prompt["Capital of France? 0"].check == "typed"
    vocab = by_prompt["pomme 0"]  # a note type of the learner's own
    assert vocab.answer == "apple\nUne pomme rouge."
    clozes = [e for e in entries(result).values() if isinstance(e, ClozeEntry)]
    seoul = next(e for e in clozes if "Korea" in e.text)
    assert seoul.text == "{{Seoul}} is in {{Korea}} (0)" and seoul.explanation == "extra"
    repeated = next(e for e in clozes if e.text.startswith("{{a}}"))
    assert repeated.variants == ["blank-1", "blank-3"]  # c1 twice: one card, as in Anki
    assert result.mapping.hints_dropped == 25
    assert result.mapping.unmapped_cards == 25  # Vocab's second template


def test_every_anki_card_is_a_card_of_ours(package: Path) -> None:
    result = imported(package)
    for deck in result.decks:
        ours = {card.id for card in cards_for_deck(deck.deck)}
        assert set(deck.cards.values()) == ours


def test_summary_says_how_each_note_type_was_mapped(package: Path) -> None:
    text = "\n".join(imported(package).summary())
    assert "Basic (and reversed card): 25 note(s) -> 25 qa entries" in text
    assert "Vocab: 25 note(s) -> 25 qa entries (self-graded): 'Word' as the prompt" in text
    assert "Cloze: 50 note(s) -> 50 cloze entries" in text


def test_ids_come_from_guids_and_stay(package: Path, anki_packages: AnkiPackages) -> None:
    first, again = imported(package), imported(anki_packages.current)
    assert entries(first).keys() == entries(again).keys()
    assert all(i.startswith("anki-") for i in entries(first))
    assert entry_id_of("Qv@/lYge1)") == entry_id_of("Qv@/lYge1)") != entry_id_of("other")


def test_pick_one_deck_with_its_subdecks(anki_packages: AnkiPackages) -> None:
    result = imported(anki_packages.current, pick="languages")
    assert [d.deck.id for d in result.decks] == ["fr"]
    assert result.decks[0].anki_name == "Languages"
    with pytest.raises(AnkiPackageError, match=r"no deck named 'Spanish'.*'History'"):
        imported(anki_packages.current, pick="Spanish")


def test_our_own_export_comes_back_with_kinds_and_ids(tmp_path: Path) -> None:
    from studyapp.core.decks.loader import load_deck

    deck = load_deck(BUNDLED)
    package = tmp_path / "bundled.apkg"
    from studyapp.core.authoring.export.anki import write_anki

    write_anki(deck, package)
    result = imported(package)
    back = {e.id: e for e in result.decks[0].deck.entries}
    assert back.keys() == {e.id for e in deck.entries}
    for entry in deck.entries:
        assert back[entry.id].kind == entry.kind
        assert back[entry.id].tags == entry.tags


def test_html_and_unsafe_text_are_made_plain(tmp_path: Path) -> None:
    result = imported(genanki_package(tmp_path))
    qa = next(e for e in result.decks[0].deck.entries if isinstance(e, QaEntry))
    assert qa.prompt == "Capital of <France>?"


FRAGMENTS = [
    "a",
    " b ",
    "Ü",
    "1 < 2",
    "x>y",
    "&amp;",
    "&nbsp;",
    "&lt;i&gt;",
    "&#58;",
    "&bogus;",
    "&",
    "<b>",
    "</b>",
    "<I>",
    "<br>",
    "<br/>",
    "<BR />",
    "<div>",
    "</div>",
    "<p class=x>",
    "</p>",
    '<span style="color: red">',
    "</span>",
    "<font color='#f00'>",
    "<li>",
    "<img src=a.png>",
    "<script>",
    "</script>",
    "<!-- c -->",
    "<a href=x>",
    "\n",
    "\t",
    "[sound:a.mp3]",
    "<",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_the_fast_path_reads_html_as_the_parser_does(parts: list[str]) -> None:
    raw = "".join(parts)
    assert field_text(raw) == html_to_text(raw)
