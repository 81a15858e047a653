"""``studyapp extract``: dates, figures and quotations from plain text, and the draft deck."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.extract import (
    context_year,
    draft_deck,
    draft_yaml,
    extract,
    find_dates,
    find_figures,
    measure_quality,
    numbers_in,
    sentences,
)
from studyapp.core.authoring.lint import lint_text
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import ClozeEntry, DateEntry, FigureEntry, QuoteEntry
from tests.conftest import REPO

ARTICLE = REPO.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"
DECK = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"


def dates(text: str, year: int | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.date.isoformat() if d.date else None) for d in find_dates(text, year)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on June 17, 2025, in Canada.", [("June 17, 2025", "2025-06-17")]),
        ("They met on 17 June 2025.", [("17 June 2025", "2025-06-17")]),
        ("Signed 2025-06-17 at noon.", [("2025-06-17", "2025-06-17")]),
        (
            "An alliance (April 2023) and principles (Aug. 2023).",
            [("April 2023", "2023-04"), ("Aug. 2023", "2023-08")],
        ),
        ("In 2015, and again since 2022.", [("2015", "2015"), ("2022", "2022")]),
        ("Elected on June 3, he spoke.", [("June 3", "2025-06-03")]),
        ("A January survey found it.", [("January", "2025-01")]),
        ("He may call in May.", [("May", "2025-05")]),
        ("It cost 2,015 won; 2000 troops left; 45% agreed.", []),
        ("The G7 and IP4 met; 1990s nostalgia.", []),
        ("It was the 31st of June 2025.", []),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert dates(text, 2025) == expected


def test_dates_without_a_year_stay_open_when_the_year_is_unknown() -> None:
    assert dates("Elected on June 3, he spoke.") == [("June 3", None)]


def test_context_year() -> None:
    assert context_year("Intro. This year, 2025, marks a lot. In 2015 ...") == 2025
    assert context_year("On June 16, 2025, an event. In 2015 a deal.") == 2025
    assert context_year("In 2015 a deal.") is None


def figures(text: str) -> list[tuple[str, Decimal, str | None, str]]:
    return [(f.text, f.value, f.unit, f.kind) for f in find_figures(text)]


def test_find_figures() -> None:
    text = (
        "Among conservative respondents, 41.5% wish to strengthen security while only 17.0% "
        "of progressives did. It marks the sixtieth anniversary. During the three years of the "
        "administration, 28,500 troops stayed at a cost of $3.5 billion. Ishiba was second "
        "after Trump, the twenty-first visitor."
    )
    assert figures(text) == [
        ("41.5%", Decimal("41.5"), "%", "percent"),
        ("17.0%", Decimal("17.0"), "%", "percent"),
        ("sixtieth", Decimal(60), None, "ordinal"),
        ("three", Decimal(3), None, "count"),
        ("28,500", Decimal(28500), None, "count"),
        ("$3.5 billion", Decimal("3.5"), "billion dollars", "money"),
        ("second", Decimal(2), None, "ordinal"),
        ("twenty-first", Decimal(21), None, "ordinal"),
    ]
    found = find_figures(text)
    assert found[0].measure == "conservative respondents: share: wish to strengthen security"
    assert found[3].measure == "number of years of the administration"


def test_figures_skip_idioms_and_anaphora() -> None:
    text = (
        "Avoid fighting in the first place. Trust between the two countries fell. "
        "One area is Taiwan. At first they agreed."
    )
    assert figures(text) == []


def test_numbers_in_reads_words_and_digits() -> None:
    assert {Decimal(80), Decimal(3), Decimal("55.5"), Decimal(2025)} <= set(
        numbers_in("The eightieth year, three times, 55.5% in 2025.")
    )


def test_sentences_never_split_inside_quotations() -> None:
    text = 'He said “No. Never.” Then he left. Mr. Kim said "Yes. Always." U.S. ties grew.\n'
    assert [s.text for s in sentences(text)] == [
        "He said “No. Never.”",
        "Then he left.",
        'Mr. Kim said "Yes. Always."',
        "U.S. ties grew.",
    ]


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract(text).quotes]


def test_quote_attribution() -> None:
    text = (
        "Title of the piece\n"
        "President Moon Jae-in took office in 2017. "
        "“We will talk,” Moon said. "
        "According to Prime Minister Ishiba Shigeru, “cooperation is essential.” "
        "He added that “trust matters”. "
        "The so-called “minor differences” remain. "
        "US President Donald Trump met South Korea’s new president Lee Jae-myung. "
        "There, the South Korean president emphasized “looking past minor differences.” "
        "Successive prime ministers have, after all, adopted the stance that “a crisis is near”."
    )
    assert quotes(text) == [
        ("We will talk", "Moon Jae-in"),
        ("cooperation is essential", "Ishiba Shigeru"),
        ("trust matters", "Ishiba Shigeru"),
        ("minor differences", None),
        ("looking past minor differences", "Lee Jae-myung"),
        ("a crisis is near", "Successive prime ministers"),
    ]


def test_draft_validates_and_turns_unattributed_quotes_into_clozes() -> None:
    text = (
        "A headline\n"
        "This year, 2025, marks the sixtieth anniversary. On June 3, Lee said “we will "
        "cooperate.” The “swing state” label stuck, and 41.5% agreed.\n"
    )
    deck = draft_deck(extract(text), deck_id="draft")
    kinds = [type(e) for e in deck.entries]
    assert kinds == [DateEntry, DateEntry, FigureEntry, FigureEntry, QuoteEntry, ClozeEntry]
    (cloze,) = [e for e in deck.entries if isinstance(e, ClozeEntry)]
    assert cloze.text.startswith("The “{{swing state}}” label stuck,")
    quote = next(e for e in deck.entries if isinstance(e, QuoteEntry))
    assert "Lee" not in (quote.context or "")  # the who-said-it card does not name him
    text_yaml = draft_yaml(deck, origin="a.txt")
    assert text_yaml.startswith("# yaml-language-server: $schema=")
    assert parse_deck(text_yaml, "draft.yaml") == deck
    assert [f for f in lint_text(text_yaml, "draft.yaml").findings if f.severity == "error"] == []


def test_draft_without_a_known_year_asks_for_it() -> None:
    deck = draft_deck(extract("Short\nOn June 3 he was elected.\n"), deck_id="d")
    (entry,) = deck.entries
    assert entry.kind == "qa" and "needs-year" in entry.tags


def test_hostile_text_still_drafts_a_valid_deck() -> None:
    text = "T\nIn 2015 \x1b[31mred\x07 “{{c1::x}}” said\u202e Kim, 45%.\r\n\x00"
    deck = draft_deck(extract(text), deck_id="d")
    parse_deck(draft_yaml(deck), "d.yaml")


def test_nothing_found_is_an_error() -> None:
    with pytest.raises(ValueError, match="no dates, figures or quotations"):
        draft_deck(extract("Nothing to see here.\n"), deck_id="d")


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the bundled article is not beside the repo")
def test_article_recall_and_precision() -> None:
    draft = draft_deck(extract(ARTICLE.read_text(encoding="utf-8")), deck_id="draft")
    quality = measure_quality(draft, load_deck(DECK))
    assert quality.recall >= 0.95, quality.missed
    assert quality.precision >= 0.6
    assert quality.covered >= 0.9
    assert quality.speakers >= 0.85
    parse_deck(draft_yaml(draft), "draft.yaml")


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the bundled article is not beside the repo")
def test_cli_extract(tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 0
    assert "draft entries" in out.getvalue()
    assert load_deck(target).id == "draft"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 1
    assert "already exists; pass --force" in out.getvalue()
    assert main(["extract", str(ARTICLE), "-o", str(target), "--force"], io.StringIO()) == 0


def test_cli_extract_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"ok\n\xff\xfe")
    out = io.StringIO()
    assert main(["extract", str(bad), "-o", str(tmp_path / "d.yaml")], out) == 1
    assert out.getvalue().startswith(f"{bad}:2:1: invalid UTF-8")
