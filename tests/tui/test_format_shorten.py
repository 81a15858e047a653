"""Shortening a line of deck text (browse's prompts): whole words, then "…".

Browse showed "When did … Moon Jae-in takes o…": the prompt cut mid-word. The rule is
:func:`studyapp.tui.format.shorten`; :func:`distinct_prompt` uses it for both of its cuts.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from studyapp.tui.format import ELLIPSIS, TRAILING, shorten
from studyapp.tui.screens.study_status import short
from studyapp.tui.widgets.browse.columns import ELIDED, distinct_prompt

WORDS = st.lists(
    st.text(
        st.characters(categories=("L", "N", "P"), exclude_characters=ELLIPSIS),
        min_size=1,
        max_size=14,
    ),
    min_size=1,
    max_size=12,
)
"""Prompts as words: letters (wide ones too: 日本), digits and punctuation."""
MOON = "When did this happen? Moon Jae-in takes office as President of South Korea"
"""The bundled deck's prompt browse showed as "When did … Moon Jae-in takes o…"."""


def is_word_cut(kept: str, text: str) -> bool:
    """Whether ``kept`` is ``text`` cut between two words (less a trailing ", ; :")."""
    if not text.startswith(kept):
        return False
    rest = text[len(kept) :].lstrip(TRAILING)
    return rest == "" or rest.startswith(" ")


@settings(max_examples=400, deadline=None)
@given(words=WORDS, width=st.integers(1, 60))
@example(words=MOON.split(" "), width=30)
@example(words=["Supercalifragilistic", "word"], width=8)
@example(words=["日本語の", "ことば"], width=4)
def test_shorten_keeps_whole_words_in_the_width(words: list[str], width: int) -> None:
    text = " ".join(words)
    short = shorten(text, width)
    assert cell_len(short) <= width  # never longer than the width
    if short == text:
        return
    assert short.endswith(ELLIPSIS)  # always says it was shortened
    kept = short.removesuffix(ELLIPSIS)
    if cell_len(words[0]) <= width - 1 and words[0].rstrip(TRAILING):
        # the first word fits: cut between words only, never inside one
        assert kept and is_word_cut(kept, text), (short, text)
    else:  # a first word wider than the room: its first cells
        assert words[0].startswith(kept), (short, text)


def test_shorten_examples() -> None:
    assert shorten(MOON, 200) == MOON
    assert shorten(MOON, 31) == "When did this happen? Moon…"
    assert shorten("Lee, Ishiba, Trump", 13) == "Lee, Ishiba…"  # no comma before the "…"
    assert shorten("  spaced   out  ", 20) == "spaced out"
    assert shorten("Supercalifragilistic", 6) == "Super…"
    assert shorten("anything", 0) == ""


@settings(max_examples=300, deadline=None)
@given(words=WORDS, width=st.integers(24, 60), data=st.data())
@example(
    words=MOON.split(" "),
    width=31,
    data=None,  # (drawn: shared=22)
)
def test_distinct_prompt_cuts_between_words_in_the_width(
    words: list[str], width: int, data: st.DataObject | None
) -> None:
    text = " ".join(words)
    shared = 22 if data is None else data.draw(st.integers(0, len(text)), label="shared")
    short = distinct_prompt(text, width, shared)
    assert cell_len(short) <= width
    if short == text:
        return
    assert short.endswith(ELLIPSIS) or ELIDED in short  # cut at the end, or between
    whole = set(words) | {word.rstrip(TRAILING) for word in words}
    for segment in short.split(ELIDED):  # the first words, then where it differs
        *before, last = segment.split(" ")
        assert all(word in words for word in before), (short, text)
        if not last.endswith(ELLIPSIS):
            assert last in words, (short, text)
        elif before:
            assert last.removesuffix(ELLIPSIS) in whole, (short, text)
        else:  # a word alone wider than the room: its first cells
            assert any(word.startswith(last.removesuffix(ELLIPSIS)) for word in words)


def test_a_notice_names_a_card_in_whole_words() -> None:
    """The study screen's notices ("Buried until tomorrow: “Which former South Korean
    president doe…”") cut the card's prompt the same way."""
    prompt = "Which former South Korean president does the article call a “fellow progressive”?"
    assert short(prompt) == "Which former South Korean president…"
