"""The finders' shortcuts (a text that cannot hold a date or a number is not scanned)
never change what they find: the shortcut against the full scan on random text built
from the words the finders read, and on every sentence of the article corpus."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.extract import dates, figures
from studyapp.core.authoring.extract.dates import find_dates
from studyapp.core.authoring.extract.figures import numbers_in
from studyapp.core.authoring.extract.numbers import CARDINAL_WORDS, ORDINAL_WORDS, SCALES
from studyapp.core.decks.model import MONTH_NAMES, PartialDate

_ARTICLES = Path(__file__).resolve().parents[3] / "fixtures" / "articles"
_ALWAYS = re.compile("")
"""A prefilter that lets every text through: the full path of numbers_in."""

_MONTHS = [
    *MONTH_NAMES,
    *(m.upper() for m in MONTH_NAMES),
    *(m.lower() for m in MONTH_NAMES),
    *(m[:3] for m in MONTH_NAMES),
    *(m[:3].upper() + "." for m in MONTH_NAMES),
    *(m[:3] + "." for m in MONTH_NAMES),
    "Sept",
    "Sept.",
    "SEPT",
    "Marc",
    "Mayor",
]
_DATE_WORDS = [
    "century",
    "Century",
    "centuryless",
    "twentieth",
    "twenty-first",
    "eleventh",
    "th",
    "st",
    "nd",
    "rd",
    "mid",
    "late",
    "early",
    "pre",
    "post",
    "FY",
    "from",
    "between",
    "to",
    "through",
    "and",
    "of",
    "in",
    "the",
    "last",
    "this",
    "since",
    "s",
    "'",
    "’",
    "yesterday",
    "two years ago",
    "last month",
    "on Tuesday",
    "H.R.",
    "§",
    "troops",
    "levels",
    "nineteenth century",
    "twenty-first-century",
    "the 1990s",
    "mid-1980s",
    "from 1998 to 2003",
]
_NUMBER_WORDS = [
    *CARDINAL_WORDS,
    *ORDINAL_WORDS,
    *SCALES,
    "dozen",
    "half",
    "halves",
    "quarter",
    "quarters",
    "thirds",
    "twice",
    "thrice",
    "doubled",
    "doubling",
    "tripled",
    "trebled",
    "quadrupled",
    "a",
    "an",
    "in",
    "out of",
    "of",
    "the",
    "and",
    "percent",
    "per cent",
    "points",
    "dollars",
    "someone",
    "often",
    "weight",
    "ſix",  # long s: "six" to a case-blind regular expression
    "\u212aeen",  # Kelvin sign, "k" to a case-blind regular expression
    "$",
    "€",
    "%",
    "a half of",
    "half the",
    "one and a half",
    "a thousand",
    "two-thirds of",
    "one in five",
    "twenty-one",
    "sixtieth",
]
_DIGITS = st.one_of(
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.sampled_from(["1948", "49", "2025", "1990s", "'90s", "20th", "3rd", "٢٠٢٥", "١٢"]),
)
_GLUE = st.sampled_from([" ", " ", " ", "-", "–", ", ", ". ", "/", "", "\n", " (", ") "])


def _text(words: list[str], most: int = 12) -> st.SearchStrategy[str]:
    token = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words).map(str.capitalize),
        st.sampled_from(words).map(str.upper),
        _DIGITS,
        st.text(alphabet="abcdeilnorstuyACJMS", min_size=1, max_size=6),
    )
    pieces = st.lists(st.tuples(token, _GLUE), max_size=most)
    return pieces.map(lambda ps: "".join(t + g for t, g in ps))


def _full_dates(text: str, **kwargs: object) -> list[dates.DateMention]:
    with mock.patch.object(dates, "_date_matches", dates._DATE_RE.finditer):
        return find_dates(text, **kwargs)  # type: ignore[arg-type]


def _full_numbers(text: str) -> list[object]:
    with mock.patch.object(figures, "_MAY_STATE_A_NUMBER", _ALWAYS):
        return list(numbers_in(text))


_DATE_TEXT = st.one_of(_text([*_MONTHS, *_DATE_WORDS]), _text([*_MONTHS, *_DATE_WORDS], 3))
_NUMBER_TEXT = st.one_of(_text([*_NUMBER_WORDS, *_MONTHS[:12]]), _text(_NUMBER_WORDS, 3))


def test_each_word_alone_finds_what_the_full_scan_finds() -> None:
    # short texts test the prefilters hardest: nothing else in them lets them through
    for word in [*_MONTHS, *_DATE_WORDS, *_NUMBER_WORDS]:
        for form in {word, word.capitalize(), word.upper()}:
            for text in (form, f"a {form} of the", f"In the {form} 3 years", f"{form}, so"):
                assert find_dates(text) == _full_dates(text), text
                assert numbers_in(text) == _full_numbers(text), text


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT, st.sampled_from([None, 1999]), st.booleans())
def test_find_dates_finds_what_the_full_scan_finds(
    text: str, year: int | None, relative: bool
) -> None:
    anchor = PartialDate(2024, 6, 17)
    assert find_dates(text, year, relative=relative) == _full_dates(
        text, year=year, relative=relative
    )
    assert find_dates(text, anchor=anchor) == _full_dates(text, anchor=anchor)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.one_of(_DATE_TEXT, st.text(max_size=40)))
def test_the_date_scan_matches_as_finditer_does(text: str) -> None:
    assert _spans(dates._date_matches(text)) == _spans(dates._DATE_RE.finditer(text))
    if not dates._may_hold_a_date(text):
        assert dates._DATE_RE.search(text) is None


@settings(max_examples=400, deadline=None)
@given(_NUMBER_TEXT)
def test_numbers_in_finds_what_the_full_scan_finds(text: str) -> None:
    assert numbers_in(text) == _full_numbers(text)


def test_the_shortcuts_turn_away_texts_with_nothing_to_find() -> None:
    # the point of the shortcut: these are not scanned (and find nothing when they are)
    for text in ("A marching band played.", "Which treaty ended the war?", "In the twentieth year"):
        assert not dates._may_hold_a_date(text)
        assert _full_dates(text, relative=False) == []
    for text in ("Who signed the treaty?", "Someone often weighs in.", "Name the capital."):
        assert figures._MAY_STATE_A_NUMBER.search(text) is None
        assert _full_numbers(text) == []


def test_every_branch_of_the_finders_still_finds() -> None:
    found = {
        "On 2025-06-17 they met.": "2025-06-17",
        "in the 20th century": "20th century",
        "in the twentieth Century": "twentieth Century",
        "back in the '90s when": "'90s",
        "JAN. 3, 1990 was cold": "JAN. 3, 1990",
        "on 4/6/93 at noon": "4/6/93",
        "Sept. 8 launch": "Sept. 8",
        "March, 1999 saw": "March, 1999",
        "June, the month": "June",
        "early-June rains": "June",
    }
    for text, said in found.items():
        assert [d.text for d in find_dates(text, relative=False)] == [said], text
    assert numbers_in("a dozen eggs") == [12, 12]
    assert Decimal("0.33") in numbers_in("a third of voters")
    assert numbers_in("tripled in ten years") == [3, 10, 10]  # a figure, then a word
    # case-blind as the finders are: the long s is an "s" to them, so the text is scanned
    assert figures._MAY_STATE_A_NUMBER.search("sales ſix times") is not None


def test_the_article_corpus_finds_the_same() -> None:
    for path in sorted(_ARTICLES.glob("*/article.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert find_dates(line) == _full_dates(line), line
            assert find_dates(line, relative=False) == _full_dates(line, relative=False), line
            assert numbers_in(line) == _full_numbers(line), line
            assert _spans(dates._date_matches(line)) == _spans(dates._DATE_RE.finditer(line))
