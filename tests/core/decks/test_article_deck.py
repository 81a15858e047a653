"""The bundled article deck: valid, faithful to the article, and stable.

The deck is only worth studying if it is right, so these tests hold it to the
article itself: every ``source`` is verbatim article text, every date and figure
a card asks for is written in its own source the way the article writes it, and
every quoted phrase is in its source. The pinned ids catch accidental renames,
which would silently reset learners' progress.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from studyapp.core.decks.loader import DeckLoadError, load_deck
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    MONTH_NAMES,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)

REPO = Path(__file__).parents[3]
DECK_PATH = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
ARTICLE_PATH = REPO.parent / "shared" / "source" / "lee-pragmatic-diplomacy.txt"

ARTICLE_YEAR = 2025
"""The article's year ("This year, 2025"): it writes dates in 2025 without the year."""

ELLIPSIS = "…"
"""Joins two verbatim fragments in a ``source`` (the article itself has none)."""

MONTHS = MONTH_NAMES
NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    2: ("two", "second"),
    3: ("three", "third"),
    4: ("four", "fourth"),
    60: ("sixty", "sixtieth"),
    80: ("eighty", "eightieth"),
}
"""Numbers the article spells out, as cardinals or ordinals."""

PINNED_IDS = (
    # dates
    "date-lee-elected",
    "date-lee-intro-calls",
    "date-seoul-60th-anniversary-event",
    "date-lee-ishiba-g7-meeting",
    "date-moon-takes-office",
    "date-treaty-basic-relations",
    "date-japan-korea-normalization",
    "date-murayama-statement",
    "date-kan-statement",
    "date-abe-statement",
    "date-comfort-women-agreement",
    "date-gsomia",
    "date-comfort-women-agreement-abandoned",
    "date-ip4-nato-summits",
    "date-us-rok-global-alliance",
    "date-camp-david-principles",
    # figures
    "fig-anniversary-ww2-liberation",
    "fig-anniversary-normalization",
    "fig-ishiba-call-position",
    "fig-yoon-administration-years",
    "fig-eai-japan-conservatives-history",
    "fig-eai-japan-conservatives-cooperation",
    "fig-eai-japan-progressives-history",
    "fig-eai-japan-progressives-cooperation",
    "fig-eai-nk-conservatives-security",
    "fig-eai-nk-progressives-security",
    "fig-eai-nk-conservatives-exchanges",
    "fig-eai-nk-progressives-exchanges",
    "fig-eai-us-conservatives-alliance",
    "fig-eai-us-progressives-alliance",
    "fig-eai-us-progressives-equal-partnership",
    "fig-eai-us-conservatives-equal-partnership",
    "fig-eai-trilateral-progressives",
    "fig-eai-trilateral-conservatives",
    # quotes
    "quote-lee-consistent-approach",
    "quote-lee-pragmatic-diplomacy",
    "quote-moon-balanced-diplomacy",
    "quote-lee-minor-differences",
    "quote-lee-humiliating",
    "quote-japan-pms-ukraine",
    "quote-japan-pms-taiwan-contingency",
    # who said / did what
    "cloze-lee-unrealistic",
    "qa-lee-first-call",
    "qa-moon-first-calls",
    "choice-lee-fellow-progressive",
    "qa-worsening-strategic-environment",
    "choice-g7-host-country",
    "cloze-lee-g7-cooperative-relationship",
    "qa-ishiba-g7-hope",
    "qa-minor-differences-meaning",
    "qa-comfort-women-agreement-korean-side",
    "qa-comfort-women-agreement-abandoned-by",
    "qa-wartime-laborer-resolved-under",
    "qa-wartime-laborer-japan-concern",
    "cloze-yoon-era-normalization",
    "cloze-property-claims-agreement",
    "qa-gsomia-purpose",
    "qa-pacta-sunt-servanda",
    "qa-lee-real-republic-of-korea",
    "qa-predecessor-martial-law",
    "qa-lee-challenge",
    "qa-korea-risk",
    "qa-swing-state",
    "cloze-polarization-japan-north-korea",
    "qa-east-asia-institute",
    "qa-eai-survey-month",
    "qa-resurgence-historical-issues",
    "qa-polarization-predecessor-initiatives",
    # Indo-Pacific, alliances and Taiwan
    "qa-yoon-indo-pacific-strategy-scrutiny",
    "qa-global-alliance-shaped-by",
    "qa-lee-never-mentioned",
    "choice-foip-origin",
    "qa-foip-adopters",
    "qa-ip4-name",
    "qa-ip4-members",
    "cloze-ip4-nato-symbolizes",
    "qa-quasi-allies-reason",
    "qa-quasi-allies-now",
    "cloze-trilateral-ambition",
    "choice-potential-divergence",
    "qa-camp-david-taiwan-strait",
    "cloze-us-one-theater",
    "qa-us-requires-coordination",
    "qa-japan-deterrence-efforts",
    "cloze-taiwan-south-korea-view",
    "qa-lee-xiexie",
    "qa-lee-trump-drawdown",
    "qa-lee-fighting-and-winning",
    "cloze-deterrence-principle",
    "qa-pragmatic-diplomacy-test",
    # the article's argument (issue 22)
    "choice-lee-history-approach",
    "choice-abandonment-damaged-trust",
    "choice-citizens-divisions",
    "choice-national-assembly-consensus",
    "choice-what-one-does-not-say",
    "choice-camp-david-not-limited",
    "choice-tokyo-one-theater",
    "choice-troop-removal-balance",
    # chronology
    "order-war-responsibility-statements",
    "order-japan-korea-milestones",
    "order-security-cooperation",
    "order-june-2025",
)
PINNED_COUNTS = {
    "date": 16,
    "figure": 18,
    "quote": 7,
    "qa": 35,
    "cloze": 10,
    "choice": 12,
    "order": 4,
}
DROPPED_IDS = {
    "date-eai-survey": "asked 'January 2025' of an article that never gives the survey's year;"
    " qa-eai-survey-month asks the month the article gives",
    "qa-abe-2015-statement": "its answer was printed by order-war-responsibility-statements;"
    " date-abe-statement asks the same statement's year, like Murayama's and Kan's",
}
"""Ids retired on purpose (issue 22), with why: never to be reused for another fact."""


# ----------------------------------------------------------------------------- helpers


@cache
def _deck() -> Deck:
    try:
        return load_deck(DECK_PATH)
    except DeckLoadError as exc:  # pragma: no cover - the message is the point
        pytest.fail("the article deck does not load:\n" + "\n".join(map(str, exc.problems)))


@pytest.fixture(scope="module")
def deck() -> Deck:
    return _deck()


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE_PATH.is_file():
        pytest.skip(f"source article not found at {ARTICLE_PATH}")
    return ARTICLE_PATH.read_text(encoding="utf-8")


def _entries(kind: type[AnyEntry]) -> list[AnyEntry]:
    return [e for e in _deck().entries if isinstance(e, kind)]


def _entry(entry_id: str) -> AnyEntry:
    return next(e for e in _deck().entries if e.id == entry_id)


def _pinned(prefix: str) -> list[str]:
    """Pinned ids of one kind (ids start with their kind), so collection needs no deck."""
    return [i for i in PINNED_IDS if i.startswith(prefix + "-")]


def source_parts(source: str) -> list[str]:
    """The verbatim fragments of a source (an ellipsis joins two fragments)."""
    return [part.strip() for part in source.split(ELLIPSIS)]


def date_forms(date: PartialDate) -> list[str]:
    """How the article writes a date: "June 17, 2025", "April 2023", "1965".

    Dates in the article's own year may be written without it ("June 3", "January").
    """
    if date.month is None:
        return [str(date.year)]
    month = MONTHS[date.month - 1]
    if date.day is None:
        forms = [f"{month} {date.year}"]
        yearless = month
    else:
        forms = [f"{month} {date.day}, {date.year}"]
        yearless = f"{month} {date.day}"
    if date.year == ARTICLE_YEAR:
        forms.append(yearless)
    return forms


def figure_forms(entry: FigureEntry) -> list[str]:
    """How the article writes a figure: "55.5%", "24.0%", "eightieth", "three"."""
    value = entry.value
    if entry.unit == "%":
        return [f"{value:.1f}%", f"{value:g}%"]
    forms = [f"{value:g}"]
    if isinstance(value, int) or float(value).is_integer():
        forms.extend(NUMBER_WORDS.get(int(value), ()))
    return forms


def contains(text: str, form: str) -> bool:
    """``form`` occurs in ``text`` as a whole token ("June 1" is not in "June 17")."""
    return re.search(rf"(?<![\w.]){re.escape(form)}(?![\w]|\.\d)", text) is not None


# ---------------------------------------------------------------------- the deck loads


def test_deck_loads_and_credits_the_article(deck: Deck) -> None:
    assert deck.id == "lee-pragmatic-diplomacy"
    assert deck.language == "en"
    assert deck.document is not None
    assert deck.document.publisher == "nippon.com"
    assert deck.document.published == PartialDate(2025)
    assert deck.document.note == "Originally published in Japanese."
    assert "Pragmatic Diplomacy" in deck.document.title


def test_deck_file_starts_with_the_schema_comment() -> None:
    first = DECK_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/deck.schema.json"


# ----------------------------------------------------------------------- ids: stability


def test_ids_are_unique(deck: Deck) -> None:
    counts = Counter(deck.entry_ids)
    assert [i for i, n in counts.items() if n > 1] == []


def test_ids_are_pinned(deck: Deck) -> None:
    """Renaming an id resets learners' progress: add new ids, never rename old ones."""
    assert len(PINNED_IDS) == len(set(PINNED_IDS))
    assert sorted(deck.entry_ids) == sorted(PINNED_IDS)
    assert not set(DROPPED_IDS) & set(PINNED_IDS)


def test_counts_per_kind_are_pinned(deck: Deck) -> None:
    assert Counter(e.kind for e in deck.entries) == PINNED_COUNTS
    assert 70 <= len(deck.entries) <= 110


def test_ids_start_with_their_kind(deck: Deck) -> None:
    prefixes = {"figure": "fig"}
    for entry in deck.entries:
        assert entry.id.startswith(prefixes.get(entry.kind, entry.kind) + "-"), entry.id


# ---------------------------------------------------------------- sources: verbatim text


def test_every_entry_has_a_source(deck: Deck) -> None:
    assert [e.id for e in deck.entries if not e.source] == []


@pytest.mark.parametrize("entry_id", PINNED_IDS)
def test_source_is_verbatim_in_the_article(entry_id: str, article: str) -> None:
    """Each fragment lies inside one paragraph of the article, character for character."""
    entry = _entry(entry_id)
    assert entry.source is not None
    for part in source_parts(entry.source):
        assert part, f"{entry_id}: empty fragment around an ellipsis"
        assert part in article, f"{entry_id}: not verbatim in the article: {part!r}"


def test_sources_use_one_ellipsis_style(deck: Deck) -> None:
    assert [e.id for e in deck.entries if e.source and "..." in e.source] == []


# --------------------------------------------------------- answers are in their sources


@pytest.mark.parametrize("entry_id", _pinned("date"))
def test_date_appears_in_its_source(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert isinstance(entry, DateEntry) and entry.source
    forms = date_forms(entry.date)
    found = [f for f in forms if contains(entry.source, f)]
    assert found, f"{entry_id}: none of {forms} in its source"
    if str(entry.date.year) not in " ".join(found):
        # The article omits the year: the explanation must say where it comes from.
        assert entry.explanation and str(entry.date.year) in entry.explanation, entry_id


def test_no_two_dates_are_the_same(deck: Deck) -> None:
    """ "What happened in 2015?" must have one answer: two events of one date are asked
    only "when?" (the checker then takes either event as the answer to "what?")."""
    asked_what = [e for e in _entries(DateEntry) if e.variants is None or "what" in e.variants]
    shared = Counter(e.date for e in _entries(DateEntry) if isinstance(e, DateEntry))
    assert [e.id for e in asked_what if isinstance(e, DateEntry) and shared[e.date] > 1] == []
    dates = Counter(e.date for e in asked_what if isinstance(e, DateEntry))
    assert [str(d) for d, n in dates.items() if n > 1] == []


@pytest.mark.parametrize("entry_id", _pinned("fig"))
def test_figure_appears_in_its_source(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert isinstance(entry, FigureEntry) and entry.source
    forms = figure_forms(entry)
    assert any(contains(entry.source, f) for f in forms), f"{entry_id}: none of {forms}"


def test_survey_figures_name_survey_and_group(deck: Deck) -> None:
    """Each names the survey and one group, never its month: the article gives no year, and
    the month is the answer of another card (qa-eai-survey-month)."""
    for entry in _entries(FigureEntry):
        assert isinstance(entry, FigureEntry)
        if entry.unit != "%":
            continue
        assert entry.as_of == PartialDate(2025, 1), entry.id
        for text in (entry.measure, entry.prompt or ""):
            assert "East Asia Institute" in text, entry.id
            assert "January" not in text and "2025" not in text, entry.id
            assert ("conservative" in text) != ("progressive" in text), entry.id


def test_figures_are_distinct(deck: Deck) -> None:
    measures = Counter(e.measure for e in _entries(FigureEntry) if isinstance(e, FigureEntry))
    assert [m for m, n in measures.items() if n > 1] == []


@pytest.mark.parametrize("entry_id", _pinned("quote"))
def test_quote_and_speaker_are_in_its_source(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert isinstance(entry, QuoteEntry) and entry.source
    for part in source_parts(entry.quote):
        assert f"“{part}" in entry.source, f"{entry_id}: {part!r} is not quoted in the source"
    names = [entry.speaker, *entry.speaker_aliases]
    assert any(n.casefold() in entry.source.casefold() for n in names), entry_id


def test_lee_quotes_accept_short_names(deck: Deck) -> None:
    for entry in _entries(QuoteEntry):
        assert isinstance(entry, QuoteEntry)
        if entry.speaker == "Lee Jae-myung":
            assert {"Lee", "President Lee"} <= set(entry.speaker_aliases), entry.id


def test_quotes_are_distinct(deck: Deck) -> None:
    quotes = Counter(e.quote for e in _entries(QuoteEntry) if isinstance(e, QuoteEntry))
    assert [q for q, n in quotes.items() if n > 1] == []


@pytest.mark.parametrize("entry_id", _pinned("cloze"))
def test_cloze_blanks_are_in_its_source(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert isinstance(entry, ClozeEntry) and entry.source
    for blank in CLOZE_BLANK.findall(entry.text):
        assert " ".join(blank.split()) in entry.source, f"{entry_id}: {blank!r}"


@pytest.mark.parametrize("entry_id", _pinned("choice"))
def test_choice_answer_is_in_its_source(entry_id: str) -> None:
    entry = _entry(entry_id)
    assert isinstance(entry, ChoiceEntry) and entry.source
    assert entry.answer in entry.source, entry_id


# ------------------------------------------------- the deck covers the whole article

_ARTICLE_DATE = re.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)})(?: (?P<day>\d{{1,2}})\b)?(?:,? (?P<year>\d{{4}}))?"
    r"|\b(?P<lone>(?:19|20)\d\d)\b"
)
_ARTICLE_QUOTE = re.compile(r"“([^”]+)”")


def _taught_dates(deck: Deck) -> list[PartialDate]:
    dates = [e.date for e in _entries(DateEntry) if isinstance(e, DateEntry)]
    return dates + [
        e.as_of for e in _entries(FigureEntry) if isinstance(e, FigureEntry) and e.as_of
    ]


def _asked_texts(deck: Deck) -> str:
    """Everything the deck asks or answers, its sources left out, folded."""
    texts: list[str] = []
    for entry in deck.entries:
        for name in ("quote", "answer", "text", "prompt", "context", "event", "measure"):
            value = getattr(entry, name, None)
            if isinstance(value, str):
                texts.append(value)
        for name in ("accept", "distractors", "events"):
            texts.extend(getattr(entry, name, None) or [])
    return "\n".join(texts).casefold()


def test_every_date_of_the_article_is_taught(deck: Deck, article: str) -> None:
    """Each date the article writes ("June 17", "April 2023", "1995", "January") is a
    card's answer, or a survey figure's date and a card's answer (the survey's month)."""
    taught = _taught_dates(deck)
    answers = {e.answer.casefold() for e in deck.entries if isinstance(e, QaEntry)}
    missed = []
    for m in _ARTICLE_DATE.finditer(article):
        year = int(m["year"] or m["lone"]) if (m["year"] or m["lone"]) else None
        month = MONTHS.index(m["month"]) + 1 if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        if month is not None and day is None and year is None:  # "a January survey"
            months = [e.date.month for e in _entries(DateEntry) if isinstance(e, DateEntry)]
            if m["month"].casefold() not in answers and month not in months:
                missed.append(m.group())
            continue
        if not any(
            (year is None or d.year == year)
            and (month is None or d.month == month)
            and (day is None or d.day == day)
            for d in taught
        ):
            missed.append(m.group())
    assert missed == []


def test_every_figure_of_the_article_is_taught(deck: Deck, article: str) -> None:
    values = {(e.value, e.unit) for e in _entries(FigureEntry) if isinstance(e, FigureEntry)}
    percentages = {float(p) for p in re.findall(r"(\d+\.\d)%", article)}
    assert len(percentages) == 14
    assert [p for p in sorted(percentages) if (p, "%") not in values] == []
    for word in ("eightieth", "sixtieth", "second", "three years"):
        assert word in article
    assert {(80, None), (60, None), (2, None), (3, "years")} <= values


def test_every_quotation_of_the_article_is_asked(deck: Deck, article: str) -> None:
    """Each phrase the article puts in quotation marks is in a card (not only a source)."""
    asked = _asked_texts(deck)
    # A quotation split between a prompt's cue and its answer ("amid" ... "a worsening ...").
    asked += "\n".join(
        f"{cue.casefold()} {e.answer.casefold()}"
        for e in deck.entries
        if isinstance(e, QaEntry)
        for cue in re.findall(r"“([^”]+)”", e.prompt)
    )
    quoted = {q.strip(" ,.").casefold() for q in _ARTICLE_QUOTE.findall(article)}
    assert len(quoted) >= 25
    assert sorted(q for q in quoted if q not in asked) == []


# ------------------------------------------------------------------- the test's helpers


def test_date_forms() -> None:
    assert date_forms(PartialDate(2015)) == ["2015"]
    assert date_forms(PartialDate(2023, 4)) == ["April 2023"]
    assert date_forms(PartialDate(2025, 1)) == ["January 2025", "January"]
    assert date_forms(PartialDate(2025, 6, 3)) == ["June 3, 2025", "June 3"]


def test_contains_matches_whole_tokens() -> None:
    assert contains("on June 17, Lee", "June 17")
    assert not contains("on June 17, Lee", "June 1")
    assert contains("(24.0%) less", "24.0%")
    assert not contains("in 2015.", "201")
    assert contains("in 2015.", "2015")
