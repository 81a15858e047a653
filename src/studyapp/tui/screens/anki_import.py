"""Import an Anki package from the app: its decks, review history and FSRS presets.

The dialog asks for the package's path (checked as typed: a file, named .apkg or
.colpkg or a zip inside), shows where the deck files will go (the first deck
folder the app reads), and runs :func:`studyapp.core.authoring.anki.run.run_import`
(what ``studyapp import`` runs) in a thread worker with a progress bar. The two
calls that change the progress store run on the UI thread (the store is not
thread-safe). Then it shows the summary; closing it gives back True when decks were
written, so that the caller reloads the deck list. Anki's FSRS parameters of a deck,
when its preset has them, are kept as that deck's preset (the settings file),
as ``studyapp import`` keeps them.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import structs
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from studyapp.core.workspace import Workspace
from studyapp.tui.text import literal

if TYPE_CHECKING:
    from studyapp.core.authoring.anki.collection import AnkiFsrs
    from studyapp.core.authoring.anki.run import ImportOptions, ImportOutcome

__all__ = ["AnkiImportDialog", "open_anki_import", "package_problem"]

_SUFFIXES = (".apkg", ".colpkg")
_ZIP_MAGIC = b"PK\x03\x04"


def package_problem(text: str) -> str | None:
    """Why ``text`` does not name an Anki package to import, or None when it may."""
    if not text.strip():
        return "Type the path of an .apkg or .colpkg file."
    path = Path(text.strip()).expanduser()
    if not path.exists():
        return f"No such file: {path}"
    if not path.is_file():
        return f"Not a file: {path}"
    if path.suffix.lower() in _SUFFIXES:
        return None
    try:
        with open(path, "rb") as handle:
            is_zip = handle.read(4) == _ZIP_MAGIC
    except OSError as error:
        return f"Cannot read {path}: {error.strerror or error}"
    return None if is_zip else f"Not an Anki package (.apkg or .colpkg): {path}"


def deck_folder(workspace: Workspace) -> Path:
    """Where imported decks go: the first deck folder the app reads, else the working one."""
    for root in workspace.decks.roots:
        if root.is_dir():
            return root
    return Path.cwd()


class _Bar:
    """The import's progress, sent to the dialog on the UI thread (ten times a second)."""

    def __init__(self, dialog: AnkiImportDialog) -> None:
        self.dialog = dialog
        self.last = 0.0

    def start(self, notes: int) -> None:
        pass

    def phase(self, text: str) -> None:
        self.dialog.app.call_from_thread(self.dialog.show_phase, text)

    def step(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= 0.1 or done >= total:
            self.last = now
            self.dialog.app.call_from_thread(self.dialog.show_step, what, done, total)


class AnkiImportDialog(ModalScreen[bool]):
    """Type a package's path, Enter imports it; the summary, then Enter or Escape closes."""

    DEFAULT_CSS = """
    AnkiImportDialog { align: center middle; }
    AnkiImportDialog > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        padding: 1 2; border: round $accent; background: $panel;
    }
    AnkiImportDialog .anki-import-title { text-style: bold; margin-bottom: 1; }
    AnkiImportDialog .anki-import-hint { color: $text-muted; margin-top: 1; }
    AnkiImportDialog #anki-import-error { color: $error; margin-top: 1; height: auto; }
    AnkiImportDialog #anki-import-status { margin-top: 1; height: auto; }
    AnkiImportDialog ProgressBar { margin-top: 1; }
    AnkiImportDialog #anki-import-summary { height: auto; max-height: 16; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="anki_import.close"),
        Binding("enter", "finish", "Close", show=False, id="anki_import.finish"),
    ]

    def __init__(self, workspace: Workspace, path: str = "") -> None:
        super().__init__()
        self.workspace = workspace
        self.initial = path
        self.folder = deck_folder(workspace)
        self.outcome: ImportOutcome | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import an Anki package", classes="anki-import-title", markup=False)
            yield Input(self.initial, placeholder="~/Downloads/deck.apkg", id="anki-import-path")
            yield Static("", id="anki-import-target", markup=False)
            yield Checkbox(
                "Update deck files that exist (progress is kept)",
                id="anki-import-force",
            )
            error = Static("", id="anki-import-error", markup=False)
            error.display = False
            yield error
            status = Static("", id="anki-import-status", markup=False)
            status.display = False
            yield status
            bar = ProgressBar(total=None, show_eta=False, id="anki-import-bar")
            bar.display = False
            yield bar
            summary = VerticalScroll(Static("", id="anki-import-lines", markup=False))
            summary.id = "anki-import-summary"
            summary.display = False
            yield summary
            yield Static(
                "Enter imports · Escape cancels", id="anki-import-hint", classes="anki-import-hint"
            )

    def on_mount(self) -> None:
        self._show_target(self.initial)
        self.query_one("#anki-import-path", Input).focus()

    # ------------------------------------------------------------------ asking

    def options(self, text: str) -> ImportOptions:
        """What to import where: the deck file is named after the package."""
        from studyapp.core.authoring.anki.package import limits_from_env
        from studyapp.core.authoring.anki.run import ImportOptions
        from studyapp.core.authoring.extract.sentences import slug

        source = Path(text.strip()).expanduser()
        name = slug(source.name.rsplit(".", 1)[0], max_len=60) or "anki"
        return ImportOptions(
            source,
            self.folder / f"{name}.yaml",
            force=self.query_one("#anki-import-force", Checkbox).value,
            history=not self.workspace.read_only,
            limits=limits_from_env(),
        )

    def _show_target(self, text: str) -> None:
        where = self.query_one("#anki-import-target", Static)
        if not text.strip():
            where.update(literal(f"Deck files go to {self.folder}"))
            return
        target = self.options(text).target
        note = "" if not self.workspace.read_only else " (progress is read-only: notes only)"
        where.update(literal(f"Deck file: {target} (one per Anki deck beside it){note}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_target(event.value)
        self._error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.outcome is not None:
            self.action_close()
            return
        if self.running:
            return
        problem = package_problem(event.value)
        if problem is not None:
            self._error(problem)
            return
        self._error("")
        self.running = True
        self.query_one("#anki-import-path", Input).disabled = True
        self.query_one("#anki-import-force", Checkbox).disabled = True
        self.query_one("#anki-import-bar", ProgressBar).display = True
        self.show_phase("reading the package")
        self.import_package(self.options(event.value))

    def _error(self, message: str) -> None:
        widget = self.query_one("#anki-import-error", Static)
        widget.update(literal(message))
        widget.display = bool(message)

    # ------------------------------------------------------------------ working

    @work(thread=True, exclusive=True, group="anki-import", exit_on_error=False)
    def import_package(self, options: ImportOptions) -> ImportOutcome:
        from studyapp.core.authoring.anki.run import run_import

        workspace = self.workspace
        app: App[Any] = self.app

        def on_store(call: Callable[[], Any]) -> Any:
            return app.call_from_thread(call)

        return run_import(
            options,
            open_store=lambda: contextlib.nullcontext(workspace.store),
            settings=workspace.config.study,
            now=workspace.clock(),
            reporter=_Bar(self),
            on_store=on_store,
        )

    def show_phase(self, text: str) -> None:
        status = self.query_one("#anki-import-status", Static)
        status.update(literal(text[:1].upper() + text[1:] + " …"))
        status.display = True

    def show_step(self, what: str, done: int, total: int) -> None:
        self.query_one("#anki-import-bar", ProgressBar).update(total=max(total, 1), progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "anki-import":
            return
        if event.state is WorkerState.ERROR:
            self._failed(event.worker.error)
        elif event.state is WorkerState.SUCCESS and event.worker.result is not None:
            self._done(event.worker.result)

    def _failed(self, error: BaseException | None) -> None:
        from studyapp.core.authoring.anki.package import AnkiPackageError

        self.running = False
        self.query_one("#anki-import-bar", ProgressBar).display = False
        self.query_one("#anki-import-status", Static).display = False
        self.query_one("#anki-import-path", Input).disabled = False
        self.query_one("#anki-import-force", Checkbox).disabled = False
        self.query_one("#anki-import-path", Input).focus()
        if isinstance(error, AnkiPackageError):
            self._error(error.render())
        else:
            self._error(f"The import failed: {error}")

    def _done(self, outcome: ImportOutcome) -> None:
        self.running = False
        if outcome.existing and not outcome.written:
            self._failed(None)
            names = ", ".join(p.name for p in outcome.existing)
            self._error(
                f"Already exists: {names}. Tick “Update deck files that exist” to update them."
            )
            return
        self.outcome = outcome
        lines = list(outcome.written)
        if outcome.presets:
            lines += self._keep_presets(outcome.presets)
        lines += outcome.summary
        lines += outcome.report.lines() if outcome.report is not None else []
        for done_with in ("#anki-import-bar", "#anki-import-status", "#anki-import-force"):
            self.query_one(done_with).display = False  # room for the summary
        self.query_one("#anki-import-lines", Static).update(literal("\n".join(lines)))
        self.query_one("#anki-import-summary").display = True
        self.query_one("#anki-import-hint", Static).update(literal("Enter or Escape closes"))
        self.query_one("#anki-import-summary").focus()  # scrolls a long summary; Enter closes

    def _keep_presets(self, presets: dict[str, AnkiFsrs]) -> list[str]:
        """Anki's parameters as each deck's preset (kept for undo), as ``studyapp import``
        keeps them; what was done."""
        from studyapp.core.tuning.presets import Preset, adopt

        if self.outcome is None or self.outcome.report is None:
            return []  # notes only: the memory was not replayed with them
        workspace = self.workspace
        config = workspace.config
        study, previous = config.study, dict(config.previous_parameters)
        try:
            for deck_id, preset in presets.items():
                study, previous = adopt(study, previous, Preset(deck_id), preset.parameters or ())
                if preset.desired_retention is not None:
                    study = study.with_deck_overrides(
                        deck_id, desired_retention=preset.desired_retention
                    )
            workspace.save_config(
                structs.replace(config, study=study, previous_parameters=previous)
            )
        except (OSError, ValueError) as error:
            return [f"Anki's FSRS parameters not kept: {error}"]
        return [f"deck {deck_id}: Anki's FSRS parameters kept as its preset" for deck_id in presets]

    # ------------------------------------------------------------------ leaving

    def action_finish(self) -> None:
        """Enter on the summary: close (before it, Enter belongs to the path field)."""
        if self.outcome is not None:
            self.action_close()

    def action_close(self) -> None:
        if self.running:
            self.notify(
                "The import is still running; it finishes on its own.", markup=False, timeout=4
            )
            return
        self.dismiss(bool(self.outcome is not None and self.outcome.written))


def open_anki_import(app: App[Any], workspace: Workspace, reload: Callable[[], None]) -> None:
    """Open the dialog; ``reload`` (the home screen's deck reload) runs when decks came in."""

    def done(imported: bool | None) -> None:
        if imported:
            reload()

    screen: Screen[bool] = AnkiImportDialog(workspace)
    app.push_screen(screen, done)
