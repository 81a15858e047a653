"""Fit FSRS parameters to the learner's history: progress, the evidence, adopt or undo.

The work is :func:`studyapp.core.tuning.run.optimize`, the same as ``studyapp
optimize`` does, in a thread worker: it reports each step (a progress bar with the
step's name) and stops between two steps when the learner presses Escape. The screen
leaves at once: fsrs-rs lets the UI thread run while it computes, and a step under way
(it cannot be interrupted) ends in the background, its result unused.

Nothing is stored until the learner adopts the fitted set, which is only offered when
it predicted their later reviews better than the set in use (the core decides, as for
the CLI). Adopting keeps the replaced set; undo goes back to it (and undo again comes
forward). Both are one atomic save of the settings file.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from msgspec import structs
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import Worker, WorkerState

from studyapp.core.decks.card import Card
from studyapp.core.study.settings import StudySettings
from studyapp.core.tuning import presets
from studyapp.core.tuning.metrics import Metrics
from studyapp.core.tuning.model import MIN_FULL_ITEMS, MIN_ITEMS
from studyapp.core.tuning.presets import Preset
from studyapp.core.tuning.run import STEPS, OptimizeReport, Progress, optimize, skipped_notes
from studyapp.core.tuning.source import StoredHistory, stored_history
from studyapp.core.workspace import Workspace
from studyapp.tui.text import literal
from studyapp.tui.widgets.charts import Align, text_table
from studyapp.tui.widgets.keybar import KeyBar
from studyapp.tui.widgets.titlebar import TitleBar

__all__ = ["FitParametersScreen", "comparison_text", "preset_name", "report_text"]


def preset_name(preset: Preset, titles: dict[str, str]) -> str:
    """ "the global preset", or the deck's title (deck text: shown literally)."""
    if preset.deck is None:
        return "the global preset"
    return f"deck {titles.get(preset.deck, preset.deck)}"


def _auc(m: Metrics) -> str:
    return "-" if m.auc is None else f"{m.auc:.3f}"


def comparison_text(report: OptimizeReport) -> str:
    """The parameter sets side by side: log loss, RMSE(bins), AUC, reviews scored."""
    columns: list[tuple[str, Metrics]] = []
    if report.default is not None:
        columns.append(("defaults", report.default))
    if report.current is not None:
        columns.append(("in use", report.current))
    if report.fitted is not None:
        columns.append(("fitted", report.fitted))
    if not columns:
        return "No review a day or more after the card's previous one: nothing to score."
    rows = [
        ["log loss", *(f"{m.log_loss:.4f}" for _, m in columns), "lower is better"],
        ["RMSE(bins)", *(f"{m.rmse_bins:.2%}" for _, m in columns), "lower is better"],
        ["AUC", *(_auc(m) for _, m in columns), "higher is better"],
        ["reviews scored", *(f"{m.count:,}" for _, m in columns), ""],
    ]
    headers = ["measure", *(name for name, _ in columns), ""]
    right: list[Align] = [">"] * len(columns)
    return text_table(headers, rows, ["<", *right, "<"])


def report_text(report: OptimizeReport, name: str) -> str:
    """Everything the fit found, in words (the comparison is :func:`comparison_text`)."""
    lines = [
        f"{report.reviews:,} answers used for {name}; {report.predicted:,} of them a day or "
        "more after the card's previous answer (those are predicted)."
    ]
    notes = skipped_notes(report.skipped)
    if notes:
        lines.append("Not used: " + "; ".join(notes) + ".")
    lines += ["", comparison_text(report)]
    if report.fitted is not None:
        lines.append(
            "(each scored review predicted by a fit on the reviews before it, "
            "as the srs-benchmark scores)"
        )
    lines.append("")
    if report.parameters is None:
        lines.append(
            f"Too few reviews to fit: {report.training_items} usable, fsrs-rs needs at least "
            f"{MIN_ITEMS} ({MIN_FULL_ITEMS} to fit more than the first-answer stabilities). "
            "Study for a few more days and fit again."
        )
    elif report.better:
        lines.append(
            "The fitted parameters predict your later reviews better than "
            + ("the set in use." if report.current is not None else "the defaults.")
        )
        if report.partial:
            lines.append(
                f"(under {MIN_FULL_ITEMS} reviews: only the first-answer stabilities were fitted)"
            )
    elif report.reason:
        lines.append(f"Not offered: {report.reason}.")
    advice = report.retention
    if advice is not None:
        best, now = advice.at_optimal, advice.at_current
        lines += [
            "",
            f"Suggested desired retention: {advice.optimal:.2f} (the least study time per "
            f"card remembered, a year simulated at your pace; now {now.retention:.2f})",
        ]
        if report.parameters is None:
            # a new learner's 20 answers: the simulation ran on the defaults, not on them
            lines.append(
                "  (simulated with the default parameters: too few reviews of yours to fit "
                "them; a suggestion for you comes once they can be fitted)"
            )
        for label, load in ((f"at {best.retention:.2f}", best), (f"at {now.retention:.2f}", now)):
            lines.append(
                f"  {label}: {load.reviews_per_day:,.0f} answers and "
                f"{load.minutes_per_day:.1f} min a day; {load.memorized:,.0f} cards "
                "remembered after a year"
            )
        if advice.at_floor:
            lines.append(f"  ({advice.floor_note()}.)")
    return "\n".join(lines)


class FitParametersScreen(Screen[None]):
    """Fit a preset's parameters to the learner's history, compare, adopt or go back."""

    DEFAULT_CSS = """
    FitParametersScreen #fit-body {
        padding: 0 2;
    }
    FitParametersScreen #fit-heading {
        text-style: bold;
        margin-top: 1;
    }
    FitParametersScreen #fit-progress {
        margin-top: 1;
    }
    FitParametersScreen #fit-stage {
        color: $text-muted;
    }
    FitParametersScreen #fit-result {
        margin-top: 1;
    }
    FitParametersScreen #fit-status {
        margin-top: 1;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("escape", "leave", "Back", id="fit.leave", tooltip="Cancel the fit, or go back"),
        Binding("a", "adopt", "Adopt fitted", id="fit.adopt"),
        Binding("u", "undo", "Undo: previous set", id="fit.undo"),
    ]

    def __init__(self, workspace: Workspace, preset: Preset | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        self.preset = preset or Preset()
        self.report: OptimizeReport | None = None
        """What the fit found (None while it runs, or if it failed)."""
        self.adopted = False
        self._cancel = threading.Event()

    @property
    def name_shown(self) -> str:
        titles = {d.deck_id: d.title for d in self.workspace.decks.decks}
        return preset_name(self.preset, titles)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="fit-body"):
            yield Static(
                literal(f"Fit FSRS parameters to your reviews: {self.name_shown}"),
                id="fit-heading",
                markup=False,
            )
            yield ProgressBar(total=STEPS, show_eta=False, id="fit-progress")
            yield Static("Starting…", id="fit-stage", markup=False)
            yield Static("", id="fit-result", markup=False)
            yield Static("", id="fit-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Fit parameters"
        ws = self.workspace
        # Taken on the UI thread (the store is not thread-safe); read in the worker.
        history = stored_history(ws.store)
        self.fit(history, list(ws.cards), ws.config.study)

    # ---------------------------------------------------------------- worker

    @work(thread=True, exclusive=True, group="fit", exit_on_error=False)
    def fit(
        self, history: StoredHistory, cards: Sequence[Card], study: StudySettings
    ) -> OptimizeReport:
        """The optimization, off the UI thread; stops between steps when cancelled."""
        return optimize(
            history.reviews,
            undone=history.undone(),
            cards=cards,
            study=study,
            preset=self.preset,
            now=self.workspace.clock(),
            progress=self._report_progress,
            cancelled=self._cancel.is_set,
        )

    def _report_progress(self, progress: Progress) -> None:
        """Called in the worker: the bar is updated on the UI thread."""
        if not self._cancel.is_set():
            self.app.call_from_thread(self._show_progress, progress)

    def _show_progress(self, progress: Progress) -> None:
        self.query_one("#fit-progress", ProgressBar).update(
            total=progress.total, progress=progress.done
        )
        self.query_one("#fit-stage", Static).update(
            literal(f"Step {progress.done + 1} of {progress.total}: {progress.stage}…")
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "fit" or self._cancel.is_set():
            return
        if event.state is WorkerState.ERROR:
            self.query_one("#fit-stage", Static).update(
                literal(f"The fit could not be done: {event.worker.error}")
            )
            self.refresh_bindings()
        elif event.state is WorkerState.SUCCESS and isinstance(event.worker.result, OptimizeReport):
            self.show(event.worker.result)

    @property
    def running(self) -> bool:
        return self.report is None and any(w.group == "fit" and w.is_running for w in self.workers)

    # ---------------------------------------------------------------- display

    def show(self, report: OptimizeReport) -> None:
        self.report = report
        bar = self.query_one("#fit-progress", ProgressBar)
        bar.update(total=STEPS, progress=STEPS)
        self.query_one("#fit-stage", Static).update("Done.")
        self.query_one("#fit-result", Static).update(literal(report_text(report, self.name_shown)))
        self._show_status()
        self.refresh_bindings()

    def _show_status(self) -> None:
        report = self.report
        parts = []
        if self.adopted:
            parts.append("Adopted: the fitted parameters now schedule your reviews.")
        elif report is not None and report.better:
            parts.append("Press a to adopt the fitted parameters.")
        if self._can_undo():
            parts.append("Press u to go back to the previous set.")
        self.query_one("#fit-status", Static).update(literal(" ".join(parts)))

    # ---------------------------------------------------------------- actions

    def _can_undo(self) -> bool:
        return self.preset.key in self.workspace.config.previous_parameters

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "adopt":
            report = self.report
            return report is not None and report.better and not self.adopted
        if action == "undo":
            return not self.running and self._can_undo()
        return True

    def _save(self, parameters: Sequence[float] | None) -> bool:
        """Adopt ``parameters`` (None: undo) in one atomic save; False if it failed."""
        ws = self.workspace
        config = ws.config
        try:
            study, previous = presets.change(
                config.study, config.previous_parameters, self.preset, parameters
            )
            ws.save_config(structs.replace(config, study=study, previous_parameters=previous))
        except (LookupError, OSError, ValueError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return False
        return True

    def action_adopt(self) -> None:
        report = self.report
        if report is None or not report.better or report.parameters is None or self.adopted:
            return
        if self._save(report.parameters):
            self.adopted = True
            self.notify(f"Fitted parameters adopted for {self.name_shown}.", markup=False)
        self._show_status()
        self.refresh_bindings()

    def action_undo(self) -> None:
        if not self._can_undo() or not self._save(None):
            return
        self.adopted = False
        in_use = self.preset.in_use(self.workspace.config.study)
        fitted = self.report.parameters if self.report is not None else None
        if fitted is not None and tuple(in_use) == tuple(fitted):
            self.adopted = True  # undo again came forward to the fitted set
            message = "Forward again: the fitted parameters are back in use."
        else:
            message = f"Back to the previous parameters for {self.name_shown}."
        self.notify(message, markup=False)
        self._show_status()
        self.refresh_bindings()

    def action_leave(self) -> None:
        """Back to the settings; a fit under way is cancelled (nothing was stored)."""
        if self.running:
            self._cancel.set()
            self.workers.cancel_group(self, "fit")
            self.notify("Fit cancelled: your parameters are unchanged.", markup=False)
        self.dismiss(None)
