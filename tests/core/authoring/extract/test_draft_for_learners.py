"""What a drafted deck shows a learner: never a placeholder, never a note for the author.

An instructor's walk-through found "[a date]" in prompts ("owed some ____ to Gulf
creditors in [a date].") and in the quoted title of the article, and the drafter's
notes ("Worked out, not stated: ... Check it.") in the explanation learners read after
answering. A date another entry asks goes with the words that lead into it, quoted
words mark the cut as an elision, the article's title keeps its words, and what the
author must check is a comment under ``review: true``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from studyapp.core.authoring.export.markdown import to_markdown
from studyapp.core.authoring.extract.draft import draft_deck, draft_notes
from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.parsed import available
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import AnyEntry, DateEntry, Deck, FigureEntry, QaEntry, QuoteEntry
from tests.conftest import REPO

ARTICLES = REPO / "tests" / "fixtures" / "articles"


def _readable(folder: Path) -> bool:
    """A held-out key not yet spent must not be drafted (or read) outside the benchmark."""
    key = yaml.safe_load((folder / "key.yaml").read_text(encoding="utf-8"))
    return not (key.get("held_out") is True and not key.get("spent"))


PARSE = available()
"""Drafted as ``studyapp extract`` drafts: with the sentence parse where it is installed."""
TUNING = sorted(p.parent for p in ARTICLES.glob("*/article.txt") if _readable(p.parent))


def _texts(entry: AnyEntry) -> list[str]:
    return [v for v in entry.model_dump().values() if isinstance(v, str)]


def test_some_articles_are_read_and_no_blind_one_is() -> None:
    assert len(TUNING) >= 40
    assert all(_readable(f) for f in TUNING)


@pytest.mark.parametrize("folder", TUNING, ids=[f.name for f in TUNING])
def test_no_drafted_text_holds_a_placeholder(folder: Path) -> None:
    article = (folder / "article.txt").read_text(encoding="utf-8")
    found = extract(article, parse=PARSE)  # (as `studyapp extract` drafts it)
    deck = draft_deck(found, deck_id="d")
    shown = [deck.title, *(t for e in deck.entries for t in _texts(e))]

    def placeholders(text: str) -> list[str]:
        # (an editor's bracket the article itself prints, "by [a human] operator", is its own)
        return [b for b in re.findall(r"\[(?:a |…)[^\]]*\]?", text) if b not in article]

    assert [t for t in shown if placeholders(t)] == []
    assert placeholders(draft_yaml(deck, notes=draft_notes(found))) == []


def _deck(text: str) -> Deck:
    return draft_deck(extract(text), deck_id="d")


def test_a_date_another_entry_asks_goes_with_its_preposition() -> None:
    deck = _deck(
        "T\nIn 1990, Iraq had debts. Iraq owed some $37 billion to Gulf creditors in 1990.\n"
    )
    (figure,) = [e for e in deck.entries if isinstance(e, FigureEntry)]
    assert figure.prompt == "What number? Iraq owed some ____ to Gulf creditors."
    assert figure.measure == "Iraq owed some … to Gulf creditors"


def test_an_opening_date_leaves_no_stray_comma() -> None:
    deck = _deck("T\nBut on August 2, 1990, a force of 100,000 troops invaded Kuwait.\n")
    (figure,) = [e for e in deck.entries if isinstance(e, FigureEntry)]
    assert figure.prompt == "What number? But a force of ____ troops invaded Kuwait."
    (date,) = [e for e in deck.entries if isinstance(e, DateEntry)]
    assert date.event == "But a force of … troops invaded Kuwait."  # the figure, elided


def test_the_title_keeps_its_words_and_a_year_naming_a_thing_goes_alone() -> None:
    text = (
        "FIFA World Cup 2018 day five\nTuesday, June 19, 2018\n"
        "Yesterday, day five of the 2018 FIFA World Cup, Sweden defeated South Korea.\n"
    )
    deck = _deck(text)
    dates = {str(e.date): e for e in deck.entries if isinstance(e, DateEntry)}
    # the title is quoted as written, but for a year a date card asks (session 14)
    assert dates["2018-06-19"].prompt == "When was “FIFA World Cup day five” published?"
    assert dates["2018-06-18"].event == (
        "Day five of the FIFA World Cup, Sweden defeated South Korea."
    )
    assert "[a " not in to_markdown(deck) and "\\[a " not in to_markdown(deck)


def test_quoted_words_mark_the_cut_as_an_elision() -> None:
    deck = _deck(
        "T\nThe plant opened in 2019. “We have been patching the same lines since 2019,” "
        "said Mayor Ann Lee.\n"
    )
    (quote,) = [e for e in deck.entries if isinstance(e, QuoteEntry)]
    assert quote.quote == "We have been patching the same lines …"


def test_a_worked_out_date_explains_itself_and_leaves_the_check_to_the_author() -> None:
    deck = _deck("T\nThe year 1947 saw change.\n\nIn March, talks broke down.\n")
    (march,) = [e for e in deck.entries if isinstance(e, DateEntry) and e.date.month == 3]
    assert march.explanation is not None and "1947" in march.explanation
    assert "Check it" not in march.explanation and "Worked out" not in march.explanation
    text = draft_yaml(deck)
    assert "  review: true\n  # to check: worked out, not stated: check it.\n" in text
    assert parse_deck(text, "d.yaml") == deck  # the note is a comment: the deck is the same


def test_a_range_says_what_the_card_asks_and_tells_the_author_to_edit_it() -> None:
    deck = _deck("T\nIn the 1980s, trade grew.\n")
    (entry,) = deck.entries
    assert "edit" not in (entry.explanation or "")
    assert "this card asks when it began" in (entry.explanation or "")
    assert "# to check: the text gives a decade: edit the card" in draft_yaml(deck)


def test_a_date_without_its_year_has_no_explanation_for_the_learner() -> None:
    deck = _deck("T\nOn June 3, talks broke down.\n")
    (entry,) = deck.entries
    assert isinstance(entry, QaEntry) and entry.explanation is None
    text = draft_yaml(deck)
    assert "  # to check: the text does not say the year" in text
    assert all(len(line) <= 100 for line in text.splitlines() if "# to check" in line)


def _prompts(deck: Deck) -> list[str]:
    return [e.prompt for e in deck.entries if isinstance(e, DateEntry | FigureEntry) and e.prompt]


def test_a_range_of_dates_goes_whole_from_a_figure_and_stays_a_sentence() -> None:
    deck = _deck(
        "T\nFrom November 15, 1992, through February 28, 1993, more than 500 infections "
        "occurred in Washington.\n"
    )
    assert _prompts(deck) == [
        "When? From ____, more than … infections occurred in Washington.",
        "When? Through ____, more than … infections occurred in Washington.",
        "What number? More than ____ infections occurred in Washington.",
    ]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "T\nDuring January 16-17, 1993, a study compared 16 cases with controls.\n",
            "What number? A study compared ____ cases with controls.",
        ),
        (
            "T\nDuring January-February 1993, 602 patients were reported to the state.\n",
            "What number? ____ patients were reported to the state.",
        ),
        (
            "T\nOnsets of illness peaked from January 11 through January 20, 1993, when 90 "
            "cases were seen.\n",
            "What number? Onsets of illness peaked, when ____ cases were seen.",
        ),
    ],
)
def test_a_joined_range_of_days_or_months_goes_whole(text: str, shown: str) -> None:
    figures = [p for p in _prompts(_deck(text)) if p.startswith("What number?")]
    assert figures == [shown]


def test_a_date_card_of_a_joined_range_blanks_the_range() -> None:
    deck = _deck("T\nDuring January 16-17, 1993, a study compared 16 cases with controls.\n")
    dates = [p for p in _prompts(deck) if p.startswith("When?")]
    assert len(dates) == 1 and dates[0].startswith("When? During ____, a study compared ")
    (date,) = [e for e in deck.entries if isinstance(e, DateEntry)]
    assert str(date.date) == "1993-01-16"
    assert date.explanation is not None
    assert date.explanation.endswith("“January 16-17, 1993”: this card asks when it began.")
    deck = _deck("T\nDuring January-February 1993, 602 patients were reported.\n")
    (date,) = [e for e in deck.entries if isinstance(e, DateEntry)]  # one card: the range
    assert (date.prompt, str(date.date)) == (
        "When? During ____, … patients were reported.",
        "1993-02",
    )
    assert date.explanation == (
        "The text gives a range, “January-February 1993”: this card asks when it ended."
    )


def test_a_day_first_range_and_a_number_before_a_month_first_date() -> None:
    from studyapp.core.authoring.extract.draft import joined_range

    for text, said, whole in [
        ("held on 5 May–6 June 1990 in Geneva", "5 May", "5 May–6 June 1990"),
        ("held on 5 May–6 June 1990 in Geneva", "6 June 1990", "5 May–6 June 1990"),
        ("see pages 12-May 4, 1990 of it", "May 4", "May 4, 1990"),
    ]:
        at = text.index(said)
        start, end = joined_range(text, at, at + len(said))
        assert text[start:end] == whole
    deck = _deck("T\nThe summit was held on 5 May–6 June 1990 in Geneva, where they signed.\n")
    (date,) = [e for e in deck.entries if isinstance(e, DateEntry)]
    assert date.prompt == "When? The summit was held on ____ in Geneva, where they signed."
