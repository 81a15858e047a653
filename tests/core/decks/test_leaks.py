"""Leaks: one entry's explanation or source giving another entry's answer away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studyapp.core.decks.cache import DeckCache
from studyapp.core.decks.cards import cards_for_deck
from studyapp.core.decks.discovery import bundled_decks_dir, discover
from studyapp.core.decks.leaks import Leak, find_leaks, leak_partners
from studyapp.core.decks.model import Deck


def deck(*entries: dict[str, Any]) -> Deck:
    return Deck.model_validate({"id": "d", "title": "D", "entries": list(entries)})


def date(entry_id: str, event: str, when: str, **kw: Any) -> dict[str, Any]:
    return {"id": entry_id, "kind": "date", "event": event, "date": when, **kw}


def test_a_date_leaks_at_its_precision() -> None:
    camp = date("camp", "The Camp David Principles are adopted at the Camp David summit", "2023-08")
    other = date(
        "alliance",
        "The leaders announce the global alliance",
        "2023-04",
        explanation="Months later came the Camp David summit (August 2023).",
    )
    vague = date(
        "vague", "A meeting", "2024", explanation="The Camp David summit was in 2023, in summer."
    )
    found = find_leaks(deck(camp, other, vague).entries)
    assert found == [Leak("alliance", "explanation", "camp", "August 2023")]  # "2023" is coarser


def test_a_day_leaks_with_or_without_its_year() -> None:
    elected = date("elected", "Lee Jae-myung is elected President", "2025-06-03")
    for text in ("Lee was elected President on June 3.", "Lee was elected President 3 June 2025."):
        calls = date("calls", "Calls to world leaders", "2025-06-09", source=text)
        (leak,) = find_leaks(deck(elected, calls).entries)
        assert (leak.giver, leak.taker) == ("calls", "elected")
    wrong = date("calls", "Calls", "2025-06-09", source="Lee was elected President on June 4.")
    assert find_leaks(deck(elected, wrong).entries) == []


def test_a_figure_leaks_with_its_unit() -> None:
    history = {
        "id": "history",
        "kind": "figure",
        "measure": "Share of progressives who chose history issues (EAI survey)",
        "value": 56.2,
        "unit": "%",
    }
    coop = {
        "id": "coop",
        "kind": "figure",
        "measure": "Share of progressives who chose cooperation (EAI survey)",
        "value": 26.8,
        "unit": "%",
        "explanation": "Progressives: 56.2% history issues, 26.8% cooperation (EAI survey).",
    }
    assert find_leaks(deck(history, coop).entries) == [
        Leak("coop", "explanation", "history", "56.2%")
    ]
    plain = {**coop, "explanation": "Progressives chose history issues 56.2 times (EAI survey)."}
    assert find_leaks(deck(history, plain).entries) == []  # the number, not the share


def test_a_speaker_leaks_with_the_quotation() -> None:
    quote = {
        "id": "q",
        "kind": "quote",
        "quote": "balanced diplomacy",
        "speaker": "Moon Jae-in",
        "speaker_aliases": ["Moon"],
    }
    giver = {
        "id": "g",
        "kind": "qa",
        "prompt": "What did the progressive president pursue?",
        "answer": "Balance",
        "source": "Moon called it “balanced diplomacy”.",
    }
    assert find_leaks(deck(quote, giver).entries) == [Leak("g", "source", "q", "Moon")]
    asked_what = {**quote, "variants": ["what"]}  # only "what did Moon say?": no who card
    assert find_leaks(deck(asked_what, giver).entries) == []


def test_an_answer_that_is_the_topic_of_the_deck_is_not_a_leak() -> None:
    """ "Japan" in every source says nothing about the card that asks for "Japan"."""
    origin = {
        "id": "origin",
        "kind": "choice",
        "prompt": "Which country first proposed the Free and Open Indo-Pacific?",
        "answer": "Japan",
        "distractors": ["Korea"],
    }
    others = [
        {
            "id": f"e{i}",
            "kind": "qa",
            "prompt": f"Question {i}?",
            "answer": f"Answer {i}",
            "source": f"Japan and Korea signed agreement number {i}.",
        }
        for i in range(6)
    ]
    assert find_leaks(deck(origin, *others).entries) == []
    naming = {**others[0], "id": "naming", "source": "Japan first proposed the Indo-Pacific idea."}
    assert [x.giver for x in find_leaks(deck(origin, naming, *others[1:]).entries)] == ["naming"]


def test_partners_are_symmetric_and_an_entry_never_leaks_to_itself() -> None:
    kan = date("kan", "Kan Naoto issues a statement", "2010", source="Kan Naoto spoke in 2010.")
    murayama = date(
        "murayama", "Murayama's statement", "1995", explanation="Kan Naoto's statement (2010)."
    )
    entries = deck(murayama, kan).entries
    assert leak_partners(entries) == {"murayama": ("kan",), "kan": ("murayama",)}


def test_cards_from_the_cache_keep_their_leak_partners(tmp_path: Path) -> None:
    folder = bundled_decks_dir()
    assert folder is not None
    cache = DeckCache(tmp_path / "cache")
    (cold,) = discover([str(folder)], cache=cache).decks
    (warm,) = discover([str(folder)], cache=cache).decks
    made = cards_for_deck(cold.deck)
    assert any(c.spaced for c in made)
    assert [c.spaced for c in warm.cards()] == [c.spaced for c in made]
    assert not warm.is_read  # the relation came with the index, not from the entries


# ------------------------------------------------------------- in a question


def _survey(n: int, prompt: str) -> dict[str, Any]:
    return {
        "id": f"share{n}",
        "kind": "figure",
        "measure": f"Survey share {n}",
        "prompt": prompt,
        "value": 10 + n,
        "unit": "%",
    }


def test_a_question_printing_a_date_gives_it_away_even_on_the_decks_topic() -> None:
    """The bundled deck's case: a dozen survey prompts print the survey's month, though
    "survey" is the deck's topic (in most entries) and so no entry's own subject."""
    when = date(
        "when",
        "The East Asia Institute conducts its survey",
        "2025-01",
        prompt="When did the East Asia Institute conduct its survey?",
    )
    shares = [
        _survey(n, f"In the East Asia Institute's January 2025 survey, what share chose {n}?")
        for n in range(12)
    ]
    found = find_leaks(deck(when, *shares).entries)
    assert {(x.giver, x.field, x.taker, x.answer) for x in found} == {
        (f"share{n}", "prompt", "when", "January 2025") for n in range(12)
    }
    assert all(x.in_question for x in found)
    # The same month in a question about something else gives nothing away.
    other = {
        **_survey(99, "In January 2025, what share of the budget went to defence?"),
        "measure": "Defence share of the budget",
    }
    assert find_leaks(deck(when, other).entries) == []


def test_an_option_gives_an_answer_away_only_where_it_names_what_it_answers() -> None:
    """A bare "June 9" among the options (a distractor is another entry's answer by
    design) gives nothing away; "Lee's introductory call to Ishiba, June 9" does."""
    calls = date(
        "calls",
        "Lee makes his introductory call to Ishiba",
        "2025-06-09",
        prompt="When did Lee make his introductory call to Ishiba?",
    )
    choice = {
        "id": "pick",
        "kind": "choice",
        "prompt": "When did Lee and Ishiba first meet in person?",
        "answer": "June 17",
        "distractors": ["June 9", "June 3"],
    }
    order = {
        "id": "order",
        "kind": "order",
        "prompt": "Put in order Lee's first contacts with Japan",
        "events": ["Lee is elected", "Lee's introductory call to Ishiba, June 9"],
    }
    found = find_leaks(deck(calls, choice, order).entries)
    assert [(x.giver, x.field, x.item, x.taker) for x in found] == [("order", "events", 1, "calls")]


def test_a_cloze_hides_its_own_blank_but_not_another_entrys_answer() -> None:
    alliance = {
        "id": "name",
        "kind": "qa",
        "prompt": "What is the four-country grouping of NATO's partners in Asia called?",
        "answer": "Indo-Pacific Partners",
    }
    cloze = {
        "id": "cl",
        "kind": "cloze",
        "text": "The leaders of NATO's Indo-Pacific Partners met at the {{Hague}} summit.",
    }
    own = {
        **cloze,
        "id": "own",
        "text": "NATO's grouping in Asia is the {{Indo-Pacific Partners}}.",
    }
    assert [(x.giver, x.field, x.taker) for x in find_leaks(deck(alliance, cloze).entries)] == [
        ("cl", "text", "name")
    ]
    assert find_leaks(deck(alliance, own).entries) == []
