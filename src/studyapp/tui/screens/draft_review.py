"""Reviewing a draft: the entries still marked ``review: true``, one at a time, by keys.

a accepts the entry (its ``review: true`` goes), e edits its fields in a form
(ctrl+s saves, and enter too in a one-line field; escape cancels), d drops it,
s skips it for now, u undoes the last of these, q quits. Every action is written to the file at
once by :class:`~studyapp.core.authoring.review.session.ReviewSession`, which
keeps the file's comments and the other entries as they were. Deck text is
shown literally: a draft is drafted from an article anyone may have written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from studyapp.core.authoring.review.fields import FormField, field_text, form_fields
from studyapp.core.authoring.review.session import InvalidEditError, ReviewError, ReviewSession
from studyapp.core.decks.discovery import display_name
from studyapp.core.workspace import Workspace
from studyapp.tui.text import literal
from studyapp.tui.widgets.card_scroll import CardScroll
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

__all__ = [
    "MULTI_LINE",
    "DraftReviewScreen",
    "OneLineArea",
    "entry_rows",
    "one_line_text",
    "open_draft_review",
    "review_deck",
]

SHOWN_ORDER = (
    *("prompt", "event", "measure", "quote", "text", "date", "value", "unit", "as_of"),
    *("tolerance", "speaker", "speaker_aliases", "context", "answer", "accept", "members"),
    *("distractors", "events", "reverse", "explanation", "source", "tags", "variants"),
    *("check", "checks"),
)
"""What the entry asks, then its answer, why, where it comes from, and its labels."""
HIDDEN = frozenset({"id", "kind", "review"})
"""In the entry's heading (id, kind) or what the review is about (review)."""


_BREAK = re.compile(r"[ \t]*[\r\n][\s]*")
"""A line break with the blanks around it."""
MULTI_LINE = frozenset({"explanation", "source"})
"""The text fields that may hold line breaks (a paragraph of context, the source's
sentences): enter adds a line there, ctrl+s saves. Every other text field (prompt, event,
measure, quote, speaker, answer, ...) is one line on a card: enter saves it, and a line
break pasted or already in it becomes a space. Lists (one item a line) are several lines."""


def one_line_text(text: str) -> str:
    """``text`` with each line break (and the blanks around it) made one space: a prompt
    saved with enter mid-sentence read "... the\nMoon" on every card."""
    return _BREAK.sub(" ", text)


class OneLineArea(TextArea):
    """A text box for one line that wraps (a long prompt stays in sight): enter saves the
    form (posts :class:`Submitted`) instead of adding a line, and a pasted line break
    becomes a space."""

    class Submitted(Message):
        """Enter was pressed in the box."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())
            return
        await super()._on_key(event)

    def _replace_via_keyboard(self, insert: str, start: Any, end: Any) -> Any:
        return super()._replace_via_keyboard(one_line_text(insert), start, end)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(f"• {_shown(item)}" for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items())
    return field_text(value, "line")


def entry_rows(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, text) for each field of an entry as the file has it, in reading order."""
    names = [n for n in SHOWN_ORDER if n in data]
    names += [n for n in data if n not in names and n not in HIDDEN]
    return [(name.replace("_", " "), _shown(data[name])) for name in names]


class DraftReviewScreen(Screen[None]):
    """The draft's marked entries one by one; dismissed (None) when the author quits."""

    CSS = """
    DraftReviewScreen #dr-progress { height: 1; padding: 0 2; margin-top: 1; color: $text; }
    DraftReviewScreen #dr-heading {
        height: auto; padding: 0 1; margin: 1 2 0 2; background: $panel; text-style: bold;
    }
    DraftReviewScreen #dr-entry, DraftReviewScreen #dr-form {
        height: 1fr; margin: 0 2; padding: 0 1;
    }
    DraftReviewScreen #dr-entry {
        border-bottom: hkey $panel; border-subtitle-color: $accent; border-subtitle-align: right;
    }
    DraftReviewScreen .dr-row { height: auto; margin-top: 1; }
    DraftReviewScreen .dr-label { width: 16; color: $text-muted; text-style: bold; }
    DraftReviewScreen .dr-value { width: 1fr; height: auto; }
    DraftReviewScreen .dr-check { color: $warning; }
    DraftReviewScreen #dr-form Input, DraftReviewScreen #dr-form TextArea {
        background: $boost;
    }
    DraftReviewScreen #dr-form Input { padding: 0 1; }
    DraftReviewScreen #dr-form TextArea { height: auto; max-height: 8; }
    DraftReviewScreen .dr-error { color: $error; height: auto; }
    DraftReviewScreen #dr-message { height: auto; max-height: 4; padding: 0 2; margin: 0 0 1 0; }
    DraftReviewScreen #dr-message.-error { color: $error; }
    """

    BINDINGS = [
        Binding("a", "accept", "Accept", id="draft_review.accept", tooltip="Accept: its "
                "`review: true` is deleted"),
        Binding("e", "edit", "Edit", id="draft_review.edit", tooltip="Edit its fields"),
        Binding("d", "drop", "Drop", id="draft_review.drop", tooltip="Delete it from the deck"),
        Binding("s", "skip", "Skip", id="draft_review.skip", tooltip="Leave it marked, go on"),
        Binding("u", "undo", "Undo", id="draft_review.undo", tooltip="Undo the last action"),
        Binding("r", "again", "Skipped again", id="draft_review.again",
                tooltip="Go round the skipped entries again"),
        Binding("ctrl+s", "save", "Save", id="draft_review.save", key_display="^s",
                tooltip="Save the edit (checked by the deck model first); enter saves too, "
                "but in explanation, source and lists it adds a line"),
        Binding("escape", "cancel", "Cancel", id="draft_review.cancel",
                tooltip="Leave the form; nothing is saved"),
        Binding("pagedown", "page(1)", "More", id="draft_review.page_down", show=False),
        Binding("pageup", "page(-1)", "Back", id="draft_review.page_up", show=False),
        Binding("q,escape", "quit_review", "Quit", id="draft_review.quit", key_display="q",
                tooltip="Stop reviewing (every action is saved already)"),
    ]  # fmt: skip

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.editing: list[FormField] | None = None
        """The fields of the form on screen; None when the entry is shown."""
        self.title = "Review a draft"
        self.sub_title = session.display

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="dr-progress", markup=False)
        yield Static(id="dr-heading", markup=False)
        yield CardScroll(id="dr-entry", placer=self._entry_hint)
        yield VerticalScroll(id="dr-form")
        yield Static(id="dr-message", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#dr-form").display = False
        self.show_entry()

    # ------------------------------------------------------------------ view

    def show_entry(self) -> None:
        """Show the current entry (or the summary when none is left) and the counts."""
        session = self.session
        counts = session.counts
        parts = [f"{session.left} of {session.total} left"]
        parts += [f"{counts.accepted} accepted", f"{len(counts.edited)} edited"]
        parts += [f"{counts.dropped} dropped", f"{len(counts.skipped)} skipped"]
        self.query_one("#dr-progress", Static).update(literal(" · ".join(parts)))
        box = self.query_one("#dr-entry", VerticalScroll)
        box.remove_children()
        heading = self.query_one("#dr-heading", Static)
        index = session.current()
        if index is None:
            heading.update(literal("Review done" if not session.left else "Only skipped left"))
            box.mount(Static(literal(self._summary()), classes="dr-row", markup=False))
        else:
            entry = session.entry(index)
            heading.update(literal(f"{entry.kind} · {entry.id}"))
            rows = self._rows(session.entry_data(index))
            checks = session.checks(index)  # the draft's notes for the author, first
            if checks:
                rows.insert(0, self._check_row(checks))
            box.mount_all(rows)
            box.scroll_home(animate=False)
        self.refresh_bindings()

    def _summary(self) -> str:
        session = self.session
        lines = [session.summary()]
        skipped = len(session.counts.skipped)
        if skipped:
            lines.append(f"r: go round the {skipped} skipped again.")
        if session.can_undo:
            lines.append("u: undo the last action.")
        lines.append("q: quit.")
        return "\n".join(lines)

    @staticmethod
    def _check_row(checks: list[str]) -> Widget:
        """What the draft asks the author to check (a comment a learner never sees, that
        accepting the entry deletes): shown above the fields, as the first thing to read."""
        return Horizontal(
            Static(literal("to check"), classes="dr-label dr-check", markup=False),
            Static(literal("\n".join(checks)), classes="dr-value dr-check", markup=False),
            classes="dr-row",
        )

    @staticmethod
    def _rows(data: dict[str, Any]) -> list[Widget]:
        rows: list[Widget] = []
        for label, text in entry_rows(data):
            rows.append(
                Horizontal(
                    Static(literal(label), classes="dr-label", markup=False),
                    Static(literal(text), classes="dr-value", markup=False),
                    classes="dr-row",
                )
            )
        return rows

    def _entry_hint(self) -> None:
        """ "↓ more: PgDn" on the entry's bottom border when its source (or tags) are below
        the fold: at 80x24 a long quote's tags were cut off, and only a scrollbar said so."""
        self.query_one("#dr-entry", CardScroll).update_hint()

    def action_page(self, direction: int) -> None:
        """PgDn / PgUp scroll the entry (or the form), whatever has the focus."""
        box = self.query_one("#dr-form" if self.editing is not None else "#dr-entry")
        if isinstance(box, VerticalScroll):
            if direction > 0:
                box.scroll_page_down(animate=False)
            else:
                box.scroll_page_up(animate=False)

    def say(self, message: str, *, error: bool = False) -> None:
        line = self.query_one("#dr-message", Static)
        line.update(literal(message))
        line.set_class(error, "-error")

    # --------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "cancel"):
            return self.editing is not None
        if self.editing is not None:
            return action not in ("accept", "edit", "drop", "skip", "undo", "again", "quit_review")
        current = self.session.current()
        if action in ("accept", "edit", "drop", "skip"):
            return current is not None
        if action == "undo":
            return True if self.session.can_undo else None
        if action == "again":
            return current is None and bool(self.session.counts.skipped)
        return True

    def _act(self, do: Callable[[], str | None]) -> None:
        try:
            message = do()
        except ReviewError as exc:
            self.say(" ".join(exc.lines), error=True)
            return
        self.say(message or "")
        self.show_entry()

    def action_accept(self) -> None:
        self._act(self.session.accept)

    def action_drop(self) -> None:
        self._act(self.session.drop)

    def action_skip(self) -> None:
        self._act(self.session.skip)

    def action_undo(self) -> None:
        self._act(lambda: self.session.undo() or "Nothing to undo.")

    def action_again(self) -> None:
        self.session.restart_skipped()
        self.say("The skipped entries again.")
        self.show_entry()

    def action_quit_review(self) -> None:
        self.dismiss(None)

    # ------------------------------------------------------------------ form

    def action_edit(self) -> None:
        index = self.session.current()
        if index is None:
            return
        data = self.session.entry_data(index)
        fields = form_fields(str(data.get("kind")))
        form = self.query_one("#dr-form", VerticalScroll)
        form.remove_children()
        widgets: list[Widget] = []
        for spec in fields:
            text = field_text(data.get(spec.name), spec.shape)
            label = spec.name.replace("_", " ") + (" *" if spec.required else "")
            if spec.shape == "list":
                label += "\n(one a line)"
            editor: Widget
            several = spec.shape == "list" or spec.name in MULTI_LINE
            if several or spec.shape == "lines" or "\n" in text:
                box = TextArea if several else OneLineArea
                editor = box(
                    text,
                    id=f"dr-field-{spec.name}",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                    compact=True,
                )
            else:
                editor = Input(
                    text, id=f"dr-field-{spec.name}", select_on_focus=False, compact=True
                )
            editor.tooltip = spec.hint or None
            error = Static(id=f"dr-error-{spec.name}", classes="dr-error", markup=False)
            error.display = False
            widgets.append(
                Horizontal(
                    Static(literal(label), classes="dr-label", markup=False),
                    Vertical(editor, error, classes="dr-value"),
                    classes="dr-row",
                )
            )
        form.mount_all(widgets)
        self.editing = fields
        self.query_one("#dr-entry").display = False
        form.display = True
        self.say(self._form_hint("", several=False))
        self.refresh_bindings()
        self.call_after_refresh(self._focus_field, fields[0].name if fields else "")

    @staticmethod
    def _form_hint(name: str, several: bool) -> str:
        """Which key saves where the cursor is: in a field of several lines enter adds one."""
        if several:
            shown = name.replace("_", " ")
            return f"In {shown}, enter adds a line: ctrl+s saves. Tab moves on, escape cancels."
        return "Editing: enter or ctrl+s saves; tab moves between fields, escape cancels."

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The hint follows the field (an error message stays until the next save)."""
        widget = event.widget
        name = (widget.id or "").removeprefix("dr-field-")
        if self.editing is None or name == widget.id:
            return
        if self.query_one("#dr-message", Static).has_class("-error"):
            return
        several = isinstance(widget, TextArea) and not isinstance(widget, OneLineArea)
        self.say(self._form_hint(name, several))

    def _focus_field(self, name: str) -> None:
        for widget in self.query(f"#dr-field-{name}"):
            widget.focus()
            widget.scroll_visible(animate=False)

    def _form_texts(self) -> dict[str, str]:
        texts: dict[str, str] = {}
        for spec in self.editing or []:
            widget = self.query_one(f"#dr-field-{spec.name}")
            if isinstance(widget, OneLineArea):
                texts[spec.name] = one_line_text(widget.text)
            elif isinstance(widget, TextArea):
                texts[spec.name] = widget.text
            elif isinstance(widget, Input):
                texts[spec.name] = widget.value
        return texts

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_one_line_area_submitted(self, event: OneLineArea.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if self.editing is None:
            return
        for error in self.query(".dr-error").results(Static):
            error.update("")
            error.display = False
        try:
            changed = self.session.edit(self._form_texts())
        except InvalidEditError as exc:
            for name, message in exc.fields.items():
                for error in self.query(f"#dr-error-{name}").results(Static):
                    error.update(literal(message))
                    error.display = True
            first = next(iter(exc.fields), None)
            named = [f"{name}: {message}" for name, message in exc.fields.items()]
            self.say("Not saved: " + "; ".join(named + exc.general), error=True)
            if first is not None:
                self._focus_field(first)
            return
        except ReviewError as exc:
            self.say(" ".join(exc.lines), error=True)
            return
        self._close_form()
        if changed:
            self.say(f"Saved: {', '.join(changed)}. a accepts it as it is now.")
        else:
            self.say("Nothing changed.")
        self.show_entry()

    def action_cancel(self) -> None:
        if self.editing is None:
            return
        self._close_form()
        self.say("Edit cancelled; nothing saved.")
        self.refresh_bindings()

    def _close_form(self) -> None:
        self.editing = None
        self.query_one("#dr-form", VerticalScroll).display = False
        self.query_one("#dr-entry").display = True
        self.set_focus(None)


def open_draft_review(
    app: App[Any], path: Path, display: str, on_done: Callable[[], None] | None = None
) -> bool:
    """Push the review of the draft at ``path``; False (and a notification) if it cannot be
    read or has nothing marked. ``on_done`` runs when the author quits (to reload decks)."""
    try:
        session = ReviewSession.open(path, display)
    except ReviewError as exc:
        app.notify("\n".join(exc.lines[:4]), severity="error", markup=False, timeout=12)
        return False
    if session.total == 0:
        app.notify(
            f"{display}: no entry is marked `review: true`.", severity="information", markup=False
        )
        return False

    def done(_: None) -> None:
        if on_done is not None:
            on_done()

    app.push_screen(DraftReviewScreen(session), done)
    return True


def review_deck(
    app: App[Any], workspace: Workspace, deck_id: str | None, on_done: Callable[[], None]
) -> bool:
    """Review the draft entries of the deck ``deck_id`` of the workspace (the one home has
    highlighted); ``on_done`` (home's reload) runs when the author quits."""
    loaded = workspace.decks.find(deck_id) if deck_id else None
    if loaded is None:
        app.notify("Highlight a deck first.", severity="warning", markup=False)
        return False
    return open_draft_review(app, loaded.path, display_name(loaded.path), on_done)
