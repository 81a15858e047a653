"""Browse at 80x24: the prompt gets the width, so rows of the bundled deck can be told apart.

QA at 80x24: the kind, state, due and lapses columns left the prompt 31 cells, and rows
read "When did … conclude an…" and "When did … Kan Naoto issues an…".
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.widgets import DataTable

from studyapp.core.base.clock import ManualClock
from studyapp.tui.screens.browse import BrowseScreen
from studyapp.tui.widgets.browse.columns import ELIDED, SPARE_PROMPT, distinct_prompts, fit_columns
from tests.conftest import REPO
from tests.tui.conftest import NOW, TuiEnv, screen_text


def bundled_env(tmp_path: Path) -> TuiEnv:
    folder = tmp_path / "decks"
    folder.mkdir()
    bundled = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
    (folder / bundled.name).write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    return TuiEnv(tmp_path, ManualClock(NOW))


def test_at_80_columns_the_prompt_keeps_the_room_the_kind_and_lapses_took() -> None:
    prompt, columns = fit_columns(80, 1)
    assert [c.key for c in columns] == ["state", "due"]
    assert prompt >= SPARE_PROMPT
    wide, all_columns = fit_columns(100, 1)  # wide enough: every column, as before
    assert [c.key for c in all_columns] == ["kind", "state", "due", "lapses"]
    assert wide >= SPARE_PROMPT
    narrow, few = fit_columns(60, 1)  # the state and due stay even at 60 columns
    assert [c.key for c in few] == ["state", "due"] and narrow >= 24


def test_the_column_the_rows_are_sorted_by_is_kept() -> None:
    _, columns = fit_columns(80, 1, sorted_by="lapses")
    assert [c.key for c in columns] == ["state", "due", "lapses"]


async def test_rows_that_start_alike_show_the_words_that_tell_them_apart(
    tmp_path: Path,
) -> None:
    app = bundled_env(tmp_path).app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = BrowseScreen(app.workspace)
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#browse-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        shown = {
            " ".join(item.card.prompt.split()): str(table.get_row_at(i)[0])
            for i, item in enumerate(screen.matches)
        }
        assert len(set(shown.values())) == len(shown)

        def row(start: str) -> str:
            return next(cut for prompt, cut in shown.items() if start in prompt)

        assert "Kan Naoto issues an official" in row("Kan Naoto")
        assert "conclude an agreement on the" in row("conclude an agreement")
        assert "Moon Jae-in takes office" in row("Moon Jae-in takes office")
        # alike but for one word in the middle: that word is shown
        assert "conservative" in row("of conservative respondents chose strengthening")
        assert "progressive" in row("of progressive respondents chose strengthening")
        text = screen_text(app)
        assert "Kan Naoto issues an official" in text and "Lapses" not in text
        await pilot.press("o", "o")  # most lapses: their column comes back
        await pilot.pause()
        text = screen_text(app)
        assert "sorted by most lapses" in text and "Lapses" in text
        assert table.virtual_size.width <= table.scrollable_content_region.width


SURVEY = "In the East Asia Institute’s public opinion survey, what percentage of {} respondents"


def test_prompts_alike_but_for_a_middle_word_show_it() -> None:
    texts = [
        SURVEY.format(group) + f" chose {choice} as the priority"
        for group in ("conservative", "progressive")
        for choice in ("strengthening security measures", "“expanding inter-Korean exchanges”")
    ]
    shown = distinct_prompts(texts, 47)
    assert len(set(shown)) == 4, shown
    assert shown[0] == "In the … conservative … strengthening security…"
    assert shown[2] == "In the … progressive … strengthening security…"
    assert all(cell_len(row) <= 47 for row in shown)


WORD = st.sampled_from(
    [
        "When",
        "did",
        "this",
        "happen?",
        "Lee",
        "Jae-myung",
        "conservative",
        "progressive",
        "respondents",
        "chose",
        "a",
        "statement",
        "“expanding”",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(WORD, min_size=1, max_size=25), min_size=2, max_size=8),
    width=st.integers(24, 60),
)
def test_every_row_fits_and_is_cut_between_words(rows: list[list[str]], width: int) -> None:
    texts = [" ".join(words) for words in rows]
    for text, short in zip(texts, distinct_prompts(texts, width), strict=True):
        assert cell_len(short) <= width
        words = text.split(" ")
        for segment in short.split(ELIDED):
            *before, last = segment.split(" ")
            assert all(word in words for word in before), (short, text)
            assert last.removesuffix("…") in words or last.endswith("…"), (short, text)
