"""Browse, driven by keys: search and filters narrow the table; suspend, unsuspend and reset
are on disk at once; the card detail shows the schedule and the history; deck text stays
literal; big collections are capped and debounced."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from studyapp.core.base.clock import ManualClock
from studyapp.core.store.state import CardState, Phase
from studyapp.core.store.store import ProgressStore
from studyapp.tui.screens.browse import MAX_ROWS, BrowseScreen
from studyapp.tui.widgets.browse.columns import distinct_prompt, shared_starts
from studyapp.tui.widgets.browse.detail import CardDetailDialog
from studyapp.tui.widgets.browse.model import ANY, BrowseFilter, build_index, filter_cards
from studyapp.tui.widgets.browse.reset_dialog import CardResetDialog
from tests.conftest import REPO
from tests.tui.builders import make_workspace
from tests.tui.conftest import NOW, TuiEnv, screen_text, seed_history


def table_ids(screen: BrowseScreen) -> list[str]:
    table = screen.query_one("#browse-table", DataTable)
    return [str(key.value) for key in table.rows]


def move_to(screen: BrowseScreen, card_id: str) -> None:
    table = screen.query_one("#browse-table", DataTable)
    table.move_cursor(row=table.get_row_index(card_id))


def on_disk(env: TuiEnv, card_id: str) -> tuple[CardState, int]:
    """A card's state and review count as a fresh reader of the progress folder sees them."""
    with ProgressStore.open(env.progress, read_only=True) as store:
        return store.get(card_id), sum(1 for r in store.history() if r.card_id == card_id)


async def test_search_and_filters_narrow_the_table(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()
    seed_history(workspace)
    states = workspace.store.states
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = BrowseScreen(workspace)
        await app.push_screen(screen)
        await pilot.pause()
        assert len(table_ids(screen)) == len(workspace.cards) == 16
        assert "16 of 16 cards match" in screen_text(app)

        await pilot.press("slash")  # search, as you type
        assert isinstance(screen.focused, Input)
        await pilot.press(*"capital")
        await pilot.pause()
        assert len(table_ids(screen)) == 4
        assert "4 of 16 cards match" in screen_text(app)
        await pilot.press(*" peru")  # every word must appear
        await pilot.pause()
        assert table_ids(screen) == ["geo/peru/answer"]
        assert "What is the capital of Peru?" in screen_text(app)
        await pilot.press("enter")  # back to the table
        assert screen.focused is screen.query_one("#browse-table")

        await pilot.press("c", "f")  # clear; state filter: new
        await pilot.pause()
        assert screen.current_filter() == BrowseFilter(state="new")
        assert table_ids(screen) == [workspace.cards[-1].id]
        await pilot.press("f")  # learning
        await pilot.pause()
        assert table_ids(screen) == [workspace.cards[-2].id]
        await pilot.press("f", "f")  # suspended
        await pilot.pause()
        assert table_ids(screen) == [cid for cid, s in states.items() if s.suspended]
        assert "1 of 16 cards match" in screen_text(app)
        await pilot.press("f")  # buried
        await pilot.pause()
        assert table_ids(screen) == [cid for cid, s in states.items() if s.buried_until]
        await pilot.press("f")  # leech
        await pilot.pause()
        assert table_ids(screen) == [cid for cid, s in states.items() if s.leech]

        await pilot.press("c", "k")  # kinds are sorted: choice first
        await pilot.pause()
        assert screen.current_filter() == BrowseFilter(kind="choice")
        assert table_ids(screen) == ["history/first/choose"]

        await pilot.press("c")  # the deck Select by keys: open, down to the first deck, choose
        screen.query_one("#browse-deck", Select).focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert screen.current_filter().deck == "geo"
        assert len(table_ids(screen)) == 4
        assert all(cid.startswith("geo/") for cid in table_ids(screen))
        await pilot.press("escape")  # from a filter back to the table
        assert screen.focused is screen.query_one("#browse-table")
        await pilot.press("t")  # tags are sorted: americas first
        await pilot.pause()
        assert table_ids(screen) == ["geo/peru/answer"]

        await pilot.press("escape")  # leaves browse
        await pilot.pause()
        assert app.screen is not screen


async def test_suspend_unsuspend_and_reset_are_saved_at_once(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()
    seed_history(workspace)
    card_id = "geo/peru/answer"
    before, reviews = on_disk(tui_env, card_id)
    assert before.phase is Phase.REVIEW and before.reps > 0 and reviews > 0
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = BrowseScreen(workspace)
        await app.push_screen(screen)
        await pilot.pause()
        move_to(screen, card_id)

        await pilot.press("s")
        await pilot.pause()
        assert workspace.store.get(card_id).suspended
        assert on_disk(tui_env, card_id)[0].suspended  # durable, not just in memory
        assert screen.highlighted_id() == card_id  # the cursor stays on the card
        assert "review susp" in screen_text(app)

        await pilot.press("f", "f", "f", "f")  # state filter: suspended
        await pilot.pause()
        assert card_id in table_ids(screen)
        move_to(screen, card_id)
        await pilot.press("s")  # unsuspend: the card leaves the suspended view
        await pilot.pause()
        assert not workspace.store.get(card_id).suspended
        assert not on_disk(tui_env, card_id)[0].suspended
        assert card_id not in table_ids(screen)

        await pilot.press("c")
        await pilot.pause()
        move_to(screen, card_id)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CardResetDialog)
        assert "Reset this card to new?" in screen_text(app)
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert app.screen is screen
        assert workspace.store.get(card_id) == before

        await pilot.press("r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        after = workspace.store.get(card_id)
        assert after.phase is Phase.NEW and after.reps == 0 and after.lapses == 0
        assert after.due is None and after.stability is None
        saved, saved_reviews = on_disk(tui_env, card_id)
        assert saved == after and saved_reviews == reviews  # the history is kept
        assert "new" in screen_text(app)


async def test_card_detail_shows_schedule_history_and_literal_text(tui_env: TuiEnv) -> None:
    workspace = tui_env.workspace()
    seed_history(workspace)
    card_id = "geo/peru/answer"
    state = workspace.store.get(card_id)
    reviews = [r for r in workspace.store.history() if r.card_id == card_id]
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 50)) as pilot:
        screen = BrowseScreen(workspace)
        await app.push_screen(screen)
        await pilot.pause()

        await pilot.press("slash", *"click", "enter")
        await pilot.pause()
        assert table_ids(screen) == ["history/markup/answer"]
        assert "[@click=app.quit]quit[/]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Modern history [b]notes[/b]" in text
        assert "[@click=app.quit]quit[/]" in text and "[b]literal[/b]" in text
        assert "A card that reads [@click=app.quit]quit[/] must show exactly that." in text
        await pilot.click("#detail-prompt")  # a click on the text does nothing
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CardDetailDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("c")
        await pilot.pause()
        move_to(screen, card_id)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, CardDetailDialog)
        await detail.workers.wait_for_complete()
        await pilot.pause()
        assert detail.history == reviews
        text = screen_text(app)
        assert "What is the capital of Peru?" in text and "Lima" in text
        assert f"Lapses              {state.lapses}" in text
        assert f"Reviews             {state.reps}" in text
        assert f"Stability           {state.stability:.2f} days" in text
        assert "Retrievability now  " in text
        assert f"{len(reviews)} reviews, newest first" in text

        await pilot.press("s")  # suspend from the detail
        await pilot.pause()
        assert workspace.store.get(card_id).suspended
        assert "review, suspended" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "review susp" in screen_text(app)  # the table row followed


async def test_large_collections_are_capped_and_debounced(tmp_path: Path) -> None:
    count = 2600
    entries = "".join(
        f"  - id: e{i}\n    kind: qa\n    prompt: Question number {i}\n    answer: A{i}\n"
        for i in range(count)
    )
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "big.yaml").write_text(
        "id: big\ntitle: Big deck\nentries:\n" + entries, encoding="utf-8"
    )
    env = TuiEnv(tmp_path, ManualClock(NOW))
    app = env.app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = BrowseScreen(app.workspace)
        await app.push_screen(screen)
        await pilot.pause()
        assert len(table_ids(screen)) == MAX_ROWS
        assert f"Showing {MAX_ROWS} of 2,600 matching cards" in screen_text(app)
        await pilot.press("slash", *"number 12")
        assert len(table_ids(screen)) == MAX_ROWS  # still typing: not filtered yet
        await pilot.pause(0.3)
        expected = sum(1 for i in range(count) if "12" in str(i))
        assert len(table_ids(screen)) == expected
        assert f"{expected} of 2,600 cards match" in screen_text(app)


def test_filter_on_50000_cards(tui_env: TuiEnv) -> None:
    """The filter's contract on a big index: all words, any case, every condition."""
    workspace = tui_env.workspace()
    try:
        index = build_index(workspace) * 3125  # 50,000 entries
        found = filter_cards(
            index, BrowseFilter(text="CAPITAL france"), workspace.store.states, NOW.date()
        )
        assert len(index) == 50_000 and len(found) == 3125
        assert {i.card.id for i in found} == {"geo/france/answer"}
        assert filter_cards(index, BrowseFilter(deck="nope"), {}, NOW.date()) == []
        assert len(filter_cards(index, BrowseFilter(state="new"), {}, NOW.date())) == 50_000
        assert BrowseFilter().deck == ANY
    finally:
        workspace.close()


async def test_search_ignores_accents_and_case_both_ways(tmp_path: Path) -> None:
    """A walk-through typed "shinzo" and found nothing of "Abe Shinzō"; typed answers
    already forgive accents, so search does too (and "Shinzō" finds "Shinzo")."""
    deck = (
        "id: pm\ntitle: Prime ministers\nentries:\n"
        "  - id: abe\n    kind: qa\n    prompt: Who was prime minister in 2013?\n"
        "    answer: Abe Shinzō\n"
        "  - id: kan\n    kind: qa\n    prompt: Who was prime minister in 2010?\n"
        "    answer: Kan Naoto\n"
    )
    workspace, _ = make_workspace(tmp_path, deck, name="pm.yaml")
    try:
        index = build_index(workspace)
        for typed in ("shinzo", "SHINZŌ", "abe shinzo"):
            found = filter_cards(index, BrowseFilter(text=typed), {}, NOW.date())
            assert [i.card.entry_id for i in found] == ["abe"], typed
        assert filter_cards(index, BrowseFilter(text="pm/kan"), {}, NOW.date())  # ids too
    finally:
        workspace.close()


async def test_read_only_progress_changes_nothing(tui_env: TuiEnv) -> None:
    holder = tui_env.workspace()  # another studyapp holds the progress folder
    try:
        workspace = tui_env.workspace()
        assert workspace.read_only
        app = tui_env.app(workspace)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = BrowseScreen(workspace)
            await app.push_screen(screen)
            await pilot.pause()
            card_id = table_ids(screen)[0]
            await pilot.press("s")
            await pilot.press("r")  # does not even ask
            await pilot.pause()
            assert app.screen is screen
            assert workspace.store.get(card_id) == CardState(card_id)
            messages = [n.message for n in app._notifications]
            assert any("read-only" in m for m in messages)
    finally:
        holder.close()


ALIKE_DECK = """\
id: alike
title: Lee Jae-myung's pragmatic diplomacy (nippon.com, 2025)
entries:
  - id: murayama
    kind: qa
    prompt: When did this happen? Prime Minister Murayama Tomiichi issues an official statement
    answer: "1995"
  - id: kan
    kind: qa
    prompt: When did this happen? Prime Minister Kan Naoto issues an official statement
    answer: "2010"
  - id: eai-conservatives
    kind: qa
    prompt: >-
      In the East Asia Institute's January 2025 survey, what percentage of conservative
      respondents cited resolving historical issues?
    answer: "40%"
  - id: eai-progressives
    kind: qa
    prompt: >-
      In the East Asia Institute's January 2025 survey, what percentage of progressive
      respondents cited resolving historical issues?
    answer: "56%"
  - id: short
    kind: qa
    prompt: What happened in 2017?
    answer: Moon Jae-in takes office
"""


async def test_prompts_get_the_width_and_rows_can_be_told_apart(tmp_path: Path) -> None:
    """Prompts that start alike show where they differ; one deck: no deck column."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "alike.yaml").write_text(ALIKE_DECK, encoding="utf-8")
    env = TuiEnv(tmp_path, ManualClock(NOW))
    for size in ((100, 30), (80, 24), (60, 20)):
        app = env.app()
        async with app.run_test(size=size) as pilot:
            screen = BrowseScreen(app.workspace)
            await app.push_screen(screen)
            await pilot.pause()
            table = screen.query_one("#browse-table", DataTable)
            headers = [str(column.label) for column in table.columns.values()]
            assert "Deck" not in headers, size  # one deck: its column would say nothing
            assert headers[:1] == ["Prompt"] and "State" in headers and "Due" in headers
            # the table fits: no column is cut off at the right
            assert table.virtual_size.width <= table.scrollable_content_region.width, size
            prompts = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
            assert len(set(prompts)) == len(prompts), (size, prompts)
            text = screen_text(app)
            for word in ("Murayama", "Kan Naoto", "conservative", "progressive"):
                assert word in text, (size, word, prompts)
            assert "What happened in 2017?" in text  # short prompts are whole


def test_distinct_prompt_keeps_the_start_and_where_rows_differ() -> None:
    texts = [
        "When did this happen? Prime Minister Murayama Tomiichi issues a statement",
        "When did this happen? Prime Minister Kan Naoto issues a statement",
        "What happened in 2017?",
    ]
    shared = shared_starts(texts)
    assert shared == [37, 37, 2]
    # cut between words ("Tomiichi is…" before), the start kept
    assert distinct_prompt(texts[0], 32, shared[0]) == "When did … Murayama Tomiichi…"
    assert distinct_prompt(texts[1], 80, shared[1]) == texts[1]  # fits: whole
    assert distinct_prompt(texts[2], 32, shared[2]) == texts[2]
    assert (  # differs in view
        distinct_prompt(texts[0], 60, shared[0])
        == "When did this happen? Prime Minister Murayama Tomiichi…"
    )


async def test_the_bundled_decks_prompts_are_cut_between_words(tmp_path: Path) -> None:
    """At 80x24 browse showed "When did … Moon Jae-in takes o…": each prompt is whole,
    or cut between two of its words and ended with "…"; the detail pane has it whole."""
    folder = tmp_path / "decks"
    folder.mkdir()
    bundled = REPO / "decks" / "lee-pragmatic-diplomacy.yaml"
    (folder / bundled.name).write_text(bundled.read_text(encoding="utf-8"), encoding="utf-8")
    env = TuiEnv(tmp_path, ManualClock(NOW))
    app = env.app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = BrowseScreen(app.workspace)
        await app.push_screen(screen)
        await pilot.pause()
        table = screen.query_one("#browse-table", DataTable)
        cut = 0
        for i in range(table.row_count):
            prompt = " ".join(screen.matches[i].card.prompt.split())
            shown = str(table.get_row_at(i)[0])
            if shown == prompt:
                continue
            cut += 1
            assert shown.endswith("…") or " … " in shown, shown
            for part in shown.split(" … "):
                start = prompt.index(part.removesuffix("…").rstrip(",;:"))
                end = start + len(part.removesuffix("…"))
                assert start == 0 or prompt[start - 1] == " ", (shown, prompt)
                assert end == len(prompt) or prompt[end] in " ,;:", (shown, prompt)
        assert cut > 20  # (most prompts are longer than the column)
        moon = next(
            i for i, item in enumerate(screen.matches) if "Moon Jae-in takes" in item.card.prompt
        )
        # (80x24 gives the prompt the kind's and the lapses' columns: test_fixscreens_browse)
        assert str(table.get_row_at(moon)[0]) == "When did this happen? Moon Jae-in takes office…"
        move_to(screen, screen.matches[moon].card.id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardDetailDialog)
        detail = app.screen.query_one("#detail-prompt", Static)
        assert screen.matches[moon].card.prompt in str(detail.render())


async def test_s_on_a_buried_card_suspends_it(tui_env: TuiEnv) -> None:
    """`s` on a buried card unburied it ("new buried" -> "new", journal reason
    "unsuspend"): a buried card is not suspended, so `s` suspends it."""
    workspace = tui_env.workspace()
    seed_history(workspace)
    buried = next(cid for cid, s in workspace.store.states.items() if s.buried_until)
    assert not workspace.store.get(buried).suspended
    app = tui_env.app(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = BrowseScreen(workspace)
        await app.push_screen(screen)
        await pilot.pause()
        move_to(screen, buried)
        await pilot.press("s")
        await pilot.pause()
        state = on_disk(tui_env, buried)[0]
        assert state.suspended and state.buried_until is not None  # suspended, still buried
        assert any("Card suspended" in n.message for n in app._notifications)
        await pilot.press("s")  # and back: unsuspended, the burial as it was
        await pilot.pause()
        state = on_disk(tui_env, buried)[0]
        assert not state.suspended and state.buried_until is not None
        assert any("Card unsuspended" in n.message for n in app._notifications)
