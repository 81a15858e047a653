"""Draft entries and the draft YAML (``extract.draft``), and ``studyapp extract``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.extract.draft import draft_deck, draft_notes
from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.loader import load_deck, parse_deck
from studyapp.core.decks.model import DateEntry, FigureEntry, QuoteEntry
from tests.conftest import REPO

ARTICLE = REPO.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"


def _errors(text_yaml: str) -> list[str]:
    report = lint_text(text_yaml, "draft.yaml")
    return [str(f) for f in report.findings if f.severity == "error"]


def test_draft_validates_and_leaves_unattributed_quotes_to_the_author() -> None:
    # Old behaviour (a cloze for every quotation without a speaker) was wrong: a scare
    # quote is not a statement (issue 23). It is listed in the draft's notes instead.
    text = (
        "A headline\n"
        "This year, 2025, marks the sixtieth anniversary. On June 3, Lee said “we will "
        "cooperate.” The “swing state” label stuck, and 41.5% agreed.\n"
    )
    found = extract(text)
    deck = draft_deck(found, deck_id="draft")
    kinds = [type(e) for e in deck.entries]
    assert kinds == [DateEntry, DateEntry, FigureEntry, FigureEntry, QuoteEntry]
    assert all(e.review is True for e in deck.entries)
    quote = next(e for e in deck.entries if isinstance(e, QuoteEntry))
    assert "Lee" not in (quote.context or "")  # the who-said-it card does not name him
    notes = draft_notes(found)
    assert any("swing state" in n for n in notes)
    text_yaml = draft_yaml(deck, origin="a.txt", notes=notes)
    assert text_yaml.startswith("# yaml-language-server: $schema=")
    assert "#   “swing state”" in text_yaml
    assert parse_deck(text_yaml, "draft.yaml") == deck
    assert _errors(text_yaml) == []


def test_reported_speech_is_asked_only_as_who_said_it() -> None:
    text = "T\nThe minister, Ana Ruiz, said the budget would shrink next year.\n"
    deck = draft_deck(extract(text), deck_id="d")
    (quote,) = [e for e in deck.entries if isinstance(e, QuoteEntry)]
    assert (quote.speaker, quote.quote) == ("Ana Ruiz", "the budget would shrink next year")
    assert quote.variants == ["who"] and "reported" in quote.tags
    assert _errors(draft_yaml(deck)) == []


def test_a_date_worked_out_says_how_and_is_flagged() -> None:
    text = "T\nThe year 1947 saw change. In March, talks broke down.\n"
    deck = draft_deck(extract(text), deck_id="d")
    march = next(e for e in deck.entries if isinstance(e, DateEntry) and e.date.month == 3)
    assert str(march.date) == "1947-03"
    assert "inferred-date" in march.tags and "1947" in (march.explanation or "")
    assert _errors(draft_yaml(deck)) == []


def test_a_pronoun_that_opens_an_event_is_named() -> None:
    text = "T\nPresident Ana Ruiz spoke. In 2019, she resigned. In 2020, it collapsed.\n"
    deck = draft_deck(extract(text), deck_id="d")
    events = {str(e.date): e for e in deck.entries if isinstance(e, DateEntry)}
    assert events["2019"].event == "Ana Ruiz resigned."
    assert "needs-context" in events["2020"].tags  # "it": only the article can say what


def test_relative_dates_are_resolved_against_the_date_line() -> None:
    text = "Title\nMonday, July 28, 2014\nThe study was published yesterday.\n"
    found = extract(text)
    deck = draft_deck(found, deck_id="d")
    dates = {str(e.date): e for e in deck.entries if isinstance(e, DateEntry)}
    assert set(dates) == {"2014-07-28", "2014-07-27"}
    assert dates["2014-07-28"].prompt == "When was “Title” published?"
    assert "relative-date" in dates["2014-07-27"].tags
    assert "the day before" in (dates["2014-07-27"].explanation or "")
    assert deck.document is not None and str(deck.document.published) == "2014-07-28"


def test_relative_dates_without_an_anchor_are_left_to_the_author() -> None:
    found = extract("Title\nThe study was published yesterday, in 2014.\n")
    deck = draft_deck(found, deck_id="d")
    assert [str(e.date) for e in deck.entries if isinstance(e, DateEntry)] == ["2014"]
    assert any("--date" in n and "“yesterday”" in n for n in draft_notes(found))


def test_relative_dates_lint_clean() -> None:
    """Lint reads "yesterday" in a source against the article's date, as the drafter did."""
    text = "Title\nMonday, July 28, 2014\nThe study was published yesterday.\n"
    assert _errors(draft_yaml(draft_deck(extract(text), deck_id="d"))) == []


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
def test_cli_extract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.yaml"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 0
    assert "draft entries" in out.getvalue()
    assert load_deck(target).id == "draft"
    out = io.StringIO()
    assert main(["extract", str(ARTICLE), "-o", str(target)], out) == 1
    assert out.getvalue() == ""  # a slip in the command: said on stderr
    assert "draft.yaml: already exists; pass --force" in capsys.readouterr().err
    assert main(["extract", str(ARTICLE), "-o", str(target), "--force"], io.StringIO()) == 0


def test_cli_extract_reports_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "a.txt"
    bad.write_bytes(b"ok\n\xff\xfe")
    out = io.StringIO()
    assert main(["extract", str(bad), "-o", str(tmp_path / "d.yaml")], out) == 1
    assert out.getvalue().startswith(f"{bad}:2:1: invalid UTF-8")


def test_cli_extract_takes_the_articles_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\nThe study was published yesterday. In 2014 it won.\n")
    target = tmp_path / "d.yaml"
    out = io.StringIO()
    assert main(["extract", str(article), "-o", str(target), "--date", "2014-07-28"], out) == 0
    assert "the article's date: 2014-07-28 (--date)" in out.getvalue()
    deck = load_deck(target)
    assert {str(e.date) for e in deck.entries if isinstance(e, DateEntry)} == {"2014-07-27", "2014"}
    out = io.StringIO()
    assert main(["extract", str(article), "-o", str(target), "--date", "July"], out) == 1
    assert capsys.readouterr().err.startswith("studyapp: --date:")  # a slip in the command


def test_the_progress_bar_draws_on_a_terminal_only() -> None:
    from studyapp.cli.tools import _ExtractProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = _ExtractProgress(screen, big=True)
    bar.step(50, 100)
    bar.parsing(3, 12)
    bar.done()
    assert "reading [###############               ] 50/100 sentences" in screen.getvalue()
    assert "parsing [#######                       ] 3/12 paragraphs" in screen.getvalue()
    log = io.StringIO()
    quiet = _ExtractProgress(log, big=True)
    quiet.step(50, 100)
    assert log.getvalue() == ""


def test_extract_reports_progress_on_long_texts() -> None:
    calls: list[tuple[int, int]] = []
    extract(
        "T\n" + "In 2015 it rose by 5 percent. " * 450, progress=lambda d, t: calls.append((d, t))
    )
    assert calls[0] == (0, 451) and calls[-1] == (451, 451) and len(calls) == 4  # title too


def test_a_draft_of_a_news_article_lints_clean() -> None:
    text = (
        "Minister warns of cuts\n\n"
        "Thursday, February 23, 2023\n\n"
        "The finance minister, Anna Berg, said on Wednesday that the budget would shrink by "
        '2 percent. "We have no choice," she told reporters. "The debt is too high."\n\n'
        "According to the Treasury, the deficit reached £30bn last year. The scientists found "
        "that 41 percent of respondents wanted cuts. The U.S. Department of Agriculture notes, "
        '"Ozone harms crops", highlighting agriculture.\n\n'
        '"This is austerity," said Tom Reed, an economist. Three unions will meet on March 3.\n'
    )
    deck = draft_deck(extract(text), deck_id="d")
    relative = {e.id for e in deck.entries if "relative-date" in e.tags}
    report = lint_text(draft_yaml(deck), "d.yaml")
    assert len(relative) == 2  # "on Wednesday", "last year": dated from the date line
    assert [f for f in report.findings if f.severity == "error"] == []


def test_an_entry_the_deck_model_refuses_never_sinks_the_draft() -> None:
    from studyapp.core.authoring.extract import draft as drafting

    kept = drafting._Draft()
    drafting._add(kept, QuoteEntry, id="q", kind="quote", quote="x", speaker="S")
    drafting._add(
        kept, QuoteEntry, id="bad", kind="quote", quote="y", speaker="S", speaker_aliases=[""]
    )  # an empty alias: refused by the model
    assert [e.id for e in kept.entries] == ["q"]
