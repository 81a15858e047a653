"""Settings: retention, daily limits, day rollover, scheduler and theme, saved to the config file.

Values are checked as they are typed, with the reason shown beside the field
(marked with a cross, not only in red). Saving writes the settings file
atomically through :meth:`Workspace.save_config`, so the values survive a
restart. The theme applies live; leaving without saving asks first and puts
the saved theme back. Keys are listed read-only: they are remapped by binding
id in the settings file, which the app reads at start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec import Struct, structs
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from studyapp.core.config import AppConfig, config_path
from studyapp.core.tuning.presets import GLOBAL, Preset
from studyapp.core.workspace import Workspace
from studyapp.tui.screens.settings_input import FieldInput
from studyapp.tui.screens.settings_keymap import keymap_rows
from studyapp.tui.text import cell, literal
from studyapp.tui.widgets.confirm import ConfirmDialog
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

ALGORITHMS = (("FSRS-6 (recommended)", "fsrs"), ("SM-2 (Anki's legacy scheduler)", "sm2"))
FIRST_THEMES = ("textual-dark", "textual-light")
ERROR_MARK = "✗ "


# ------------------------------------------------------------------ parsing


def parse_retention(text: str) -> float:
    """0.70-0.99, also written as a percentage (90 or 90%)."""
    raw = text.strip().removesuffix("%").strip()
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("Enter a number from 0.70 to 0.99 (or 70% to 99%).") from None
    if value > 1:
        value /= 100
    value = round(value, 4)
    if not 0.70 <= value <= 0.99:
        raise ValueError("Desired retention must be from 0.70 to 0.99 (70% to 99%).")
    return value


def int_parser(low: int, high: int, what: str) -> Callable[[str], int]:
    """A parser for a whole number in [low, high], with a message naming the field."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise ValueError(f"Enter a whole number from {low} to {high}.") from None
        if not low <= value <= high:
            raise ValueError(f"{what} must be from {low} to {high}.")
        return value

    return parse


class Field(Struct, frozen=True):
    """One typed setting: where it is shown, how it is parsed, and a hint."""

    key: str
    label: str
    hint: str
    parse: Callable[[str], float]


FIELDS = (
    Field(
        "retention",
        "Desired retention",
        "0.70-0.99: higher means more reviews",
        parse_retention,
    ),
    Field("new", "New cards a day", "per deck, 0-9999", int_parser(0, 9999, "New cards a day")),
    Field(
        "reviews",
        "Reviews a day",
        "per deck, 0-99999",
        int_parser(0, 99999, "Reviews a day"),
    ),
    Field(
        "rollover",
        "New day starts at (hour)",
        "local hour, 0-23 (4 = 4 am)",
        int_parser(0, 23, "The hour"),
    ),
)


class Parses(Validator):
    """Valid when ``parse`` accepts the text; its error message is the failure."""

    def __init__(self, parse: Callable[[str], float]) -> None:
        super().__init__()
        self.parse = parse

    def validate(self, value: str) -> ValidationResult:
        try:
            self.parse(value)
        except ValueError as error:
            return self.failure(str(error))
        return self.success()


def field_values(config: AppConfig) -> dict[str, str]:
    """The text each field starts with."""
    study = config.study
    return {
        "retention": _retention_text(study.scheduler.desired_retention),
        "new": str(study.queue.new_per_day),
        "reviews": str(study.queue.reviews_per_day),
        "rollover": str(study.queue.day_starts_at),
    }


def _retention_text(value: float) -> str:
    """0.90 rather than 0.9, but never rounded (a hand-edited 0.875 must survive a save)."""
    return f"{value:.2f}" if round(value, 2) == value else f"{value:g}"


def apply_values(
    config: AppConfig, values: Mapping[str, str], algorithm: str, theme: str
) -> AppConfig:
    """A new config from the form; ValueError (with a readable message) if a value is bad."""
    parsed = {f.key: f.parse(values[f.key]) for f in FIELDS}
    study = config.study
    scheduler = structs.replace(
        study.scheduler,
        algorithm="sm2" if algorithm == "sm2" else "fsrs",
        desired_retention=float(parsed["retention"]),
    )
    queue = structs.replace(
        study.queue,
        new_per_day=int(parsed["new"]),
        reviews_per_day=int(parsed["reviews"]),
        day_starts_at=int(parsed["rollover"]),
    )
    # (a copy: what the form does not edit, such as today's raised limits, stays)
    new_study = structs.replace(study, scheduler=scheduler, queue=queue)
    return structs.replace(config, study=new_study, theme=theme)


# ------------------------------------------------------------------- screen


class SettingsScreen(Screen[None]):
    """Edit and save the learner's settings."""

    DEFAULT_CSS = """
    SettingsScreen #settings-body {
        padding: 0 2;
    }
    SettingsScreen .settings-heading {
        text-style: bold underline;
        margin-top: 1;
    }
    SettingsScreen .settings-row {
        height: auto;
    }
    SettingsScreen .settings-label {
        width: 26;
        padding: 1 1 0 0;
    }
    SettingsScreen .settings-row Input {
        width: 14;
    }
    SettingsScreen .settings-row Select {
        width: 36;
    }
    SettingsScreen .settings-hint {
        width: 1fr;
        padding: 1 0 0 1;
        color: $text-muted;
    }
    SettingsScreen .settings-hint.-error {
        color: $error;
        text-style: bold;
    }
    SettingsScreen #settings-actions {
        height: auto;
        margin-top: 1;
    }
    SettingsScreen #settings-fit {
        margin-left: 1;
    }
    SettingsScreen #settings-actions Button {
        margin-right: 2;
    }
    SettingsScreen #settings-file, SettingsScreen #settings-keys-note {
        color: $text-muted;
        margin-top: 1;
    }
    SettingsScreen #settings-keys {
        height: auto;
        margin: 1 0;
    }
    SettingsScreen.-narrow .settings-label {
        width: 18;
    }
    SettingsScreen.-narrow .settings-row Select {
        width: 1fr;
    }
    SettingsScreen.-narrow .settings-note {
        display: none;
    }
    """
    AUTO_FOCUS = "#set-retention"
    """Focused as the screen is shown. Focusing it later, from on_mount, first let Textual
    focus the scrolling body (the first focusable widget), and each move restyled all
    fifty widgets under it: 30% of the work of opening the screen."""
    NARROW_BELOW = 80
    """Below this width the labels are narrower and the selects take what is left."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save"),
        Binding("escape", "leave", "Back", id="settings.leave"),
        Binding(
            "ctrl+f",
            "fit_parameters",
            "Fit parameters",
            id="settings.fit",
            tooltip="Fit FSRS parameters to your review history, compare, adopt or undo",
        ),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.saved_theme = workspace.config.theme

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        config = self.workspace.config
        values = field_values(config)
        yield TitleBar()
        with VerticalScroll(id="settings-body"):
            yield Static("Study", classes="settings-heading", markup=False)
            for field in FIELDS:
                with Horizontal(classes="settings-row"):
                    yield Label(field.label, classes="settings-label", markup=False)
                    yield FieldInput(
                        values[field.key],
                        id=f"set-{field.key}",
                        validators=[Parses(field.parse)],
                        tooltip=field.hint,
                    )
                    yield Static(
                        field.hint, id=f"set-{field.key}-msg", classes="settings-hint", markup=False
                    )
            with Horizontal(classes="settings-row"):
                yield Label("Scheduler", classes="settings-label", markup=False)
                yield Select(
                    ALGORITHMS,
                    value=config.study.scheduler.algorithm,
                    allow_blank=False,
                    id="set-algorithm",
                )
                yield Static("", classes="settings-hint settings-note", markup=False)
            yield Static("Appearance", classes="settings-heading", markup=False)
            with Horizontal(classes="settings-row"):
                yield Label("Theme", classes="settings-label", markup=False)
                yield Select(
                    self._theme_options(),
                    value=self._current_theme(),
                    allow_blank=False,
                    id="set-theme",
                )
                yield Static("applies at once", classes="settings-hint settings-note", markup=False)
            with Horizontal(classes="settings-row"):
                yield Label("Parameters", classes="settings-label", markup=False)
                yield Select(
                    self._preset_options(),
                    value=GLOBAL,
                    allow_blank=False,
                    id="set-preset",
                    tooltip="Which parameters to fit: the global set, or a deck's own",
                )
                yield Button("Fit to my history (ctrl+f)", id="settings-fit")
            with Horizontal(id="settings-actions"):
                yield Button("Save (ctrl+s)", id="settings-save", variant="primary")
                yield Button("Back (esc)", id="settings-back")
            yield Static(
                literal(f"Settings file: {config_path(self.workspace.config_dir)}"),
                id="settings-file",
                markup=False,
            )
            yield Static("Keys", classes="settings-heading", markup=False)
            yield Static(
                literal(
                    'To remap a key, add it by binding id under "keys" in the settings file, '
                    'e.g. "keys": {"study.reveal": "space,r"}; studyapp reads it at start.'
                ),
                id="settings-keys-note",
                markup=False,
            )
            yield DataTable(id="settings-keys", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _preset_options(self) -> list[tuple[Content, str]]:
        """The global preset, then each deck (its own set if it has one): deck titles
        are deck text, shown literally."""
        study = self.workspace.config.study
        options = [(literal("Global preset"), GLOBAL)]
        for deck in self.workspace.decks.decks:
            own = "parameters" in study.decks.get(deck.deck_id, {})
            label = f"Deck: {deck.title}" + (" (own)" if own else "")
            options.append((literal(label), f"deck:{deck.deck_id}"))
        return options

    def _theme_options(self) -> list[tuple[str, str]]:
        themes = self.app.available_themes
        names = [n for n in FIRST_THEMES if n in themes]
        names += sorted(n for n in themes if n not in FIRST_THEMES)
        return [(f"{n} ({'dark' if themes[n].dark else 'light'})", n) for n in names]

    def _current_theme(self) -> str:
        configured = self.workspace.config.theme
        return configured if configured in self.app.available_themes else self.app.theme

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW_BELOW, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.size.width < self.NARROW_BELOW, "-narrow")
        self.sub_title = "Settings"
        self.call_after_refresh(self._fill_key_table)

    def _fill_key_table(self) -> None:
        """The key table, below the form, once the form is on screen: listing some eighty
        bindings (read from source on the first open) would hold the first frame back."""
        try:
            table = self.query_one("#settings-keys", DataTable)
        except NoMatches:  # left (Escape) before the form was on screen
            return
        table.add_columns("Binding id", "Key", "Does")
        for binding_id, key, what, remapped in keymap_rows(self.app, self.workspace.config.keys):
            shown = f"{key} (remapped)" if remapped else key
            table.add_row(cell(binding_id), cell(shown), cell(what), key=binding_id)

    # ----------------------------------------------------------------- form

    def form_values(self) -> dict[str, str]:
        return {f.key: self.query_one(f"#set-{f.key}", Input).value for f in FIELDS}

    def _select_value(self, widget_id: str, default: str) -> str:
        value = self.query_one(widget_id, Select).value
        return value if isinstance(value, str) else default

    def form_config(self) -> AppConfig:
        """The config the form describes; ValueError if a field is not valid."""
        config = self.workspace.config
        return apply_values(
            config,
            self.form_values(),
            self._select_value("#set-algorithm", config.study.scheduler.algorithm),
            self._select_value("#set-theme", config.theme),
        )

    def errors(self) -> dict[str, str]:
        """Field key -> message, for the fields that do not parse."""
        out = {}
        for field, text in zip(FIELDS, self.form_values().values(), strict=True):
            try:
                field.parse(text)
            except ValueError as error:
                out[field.key] = str(error)
        return out

    def is_dirty(self) -> bool:
        try:
            return self.form_config() != self.workspace.config
        except ValueError:
            return True

    def _show_message(self, key: str, error: str | None) -> None:
        widget = self.query_one(f"#set-{key}-msg", Static)
        hint = next(f.hint for f in FIELDS if f.key == key)
        widget.update(literal(ERROR_MARK + error if error else hint))
        widget.set_class(bool(error), "-error")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("set-")
        result = event.validation_result
        error = None
        if result is not None and not result.is_valid:
            error = " ".join(result.failure_descriptions)
        self._show_message(key, error)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    @on(Select.Changed, "#set-theme")
    def _theme_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    @on(Button.Pressed, "#settings-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-fit")
    def _fit_pressed(self) -> None:
        self.action_fit_parameters()

    @on(Button.Pressed, "#settings-back")
    def _back_pressed(self) -> None:
        self.action_leave()

    # -------------------------------------------------------------- actions

    def action_save(self) -> None:
        """Validate every field, then write the settings file (atomically)."""
        errors = self.errors()
        for field in FIELDS:
            self._show_message(field.key, errors.get(field.key))
        if errors:
            first = next(f for f in FIELDS if f.key in errors)
            self.query_one(f"#set-{first.key}", Input).focus()
            self.notify(
                "Not saved: " + " ".join(errors.values()),
                title="Check the marked fields",
                severity="error",
                markup=False,
            )
            return
        try:
            config = self.form_config()
            self.workspace.save_config(config)
        except (ValueError, OSError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        self.saved_theme = config.theme
        self.notify(
            f"Settings saved to {config_path(self.workspace.config_dir)}.",
            title="Saved",
            markup=False,
        )

    def selected_preset(self) -> Preset:
        """The preset chosen beside the fit button (a deck that is gone: the global one)."""
        value = self._select_value("#set-preset", GLOBAL)
        deck = value.removeprefix("deck:") if value.startswith("deck:") else None
        if deck is not None and self.workspace.decks.find(deck) is None:
            deck = None
        return Preset(deck)

    def action_fit_parameters(self) -> None:
        """Fit the chosen preset's parameters (a screen of its own: progress, compare,
        adopt, undo). Unsaved edits of the form stay as they are."""
        from studyapp.tui.screens.fit_parameters import FitParametersScreen

        self.app.push_screen(FitParametersScreen(self.workspace, self.selected_preset()))

    def quit_question(self) -> tuple[str, str, str] | None:
        """What to ask before the app quits with changes not saved (ctrl+q), as Escape asks."""
        if not self.is_dirty():
            return None
        return (
            "Quit without saving the settings?",
            "Your changes to the settings have not been saved. Press n, then ctrl+s on the "
            "settings screen to save them.",
            "y: quit without saving",
        )

    def action_leave(self) -> None:
        """Back to where we came from; unsaved changes are confirmed first."""
        if not self.is_dirty():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._restore_theme()
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "Leave without saving?",
                "Your changes to the settings have not been saved. Press ctrl+s on the "
                "settings screen to save them.",
                yes="y: leave without saving",
            ),
            answered,
        )

    def _restore_theme(self) -> None:
        if self.saved_theme in self.app.available_themes and self.app.theme != self.saved_theme:
            self.app.theme = self.saved_theme
