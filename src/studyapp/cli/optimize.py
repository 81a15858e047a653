"""``studyapp optimize``: FSRS parameters fitted to your own reviews, with the evidence.

Fits the 21 FSRS-6 parameters of a preset (the global one, or a deck's own with
``--deck``) to the review history with fsrs-rs, compares them with the set in use on
later reviews (log loss, RMSE(bins), AUC), adopts them only when they predict better
(not with ``--dry-run``), and suggests a desired retention. ``--undo`` goes back to
the set before (and ``--undo`` again comes forward). ``--json`` prints one object.

Only ``argparse`` is imported with this module (the parser is built for every
command); the fit's modules are imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from studyapp.core.config import AppConfig
    from studyapp.core.tuning.metrics import Metrics
    from studyapp.core.tuning.presets import Preset
    from studyapp.core.tuning.run import OptimizeReport, Progress

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    optimize = sub.add_parser(
        "optimize",
        help="fit FSRS parameters to your review history; adopt them if they predict better",
    )
    optimize.add_argument("decks", nargs="*", metavar="DECK", help="deck files or folders")
    optimize.add_argument("--deck", metavar="ID", help="fit this deck's own parameters")
    optimize.add_argument(
        "--dry-run", action="store_true", help="fit and compare, but change nothing"
    )
    optimize.add_argument(
        "--undo", action="store_true", help="go back to the parameters before the last fit"
    )
    optimize.add_argument(
        "--no-retention", action="store_true", help="skip the suggested retention (faster)"
    )
    optimize.add_argument("--progress", metavar="DIR")
    optimize.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from studyapp.cli.given import missing_paths, refuse, say_settings
    from studyapp.core.base import paths
    from studyapp.core.base.terminal import terminal_out
    from studyapp.core.config import load_config
    from studyapp.core.tuning.presets import Preset

    if missing := missing_paths(Path(p).expanduser() for p in args.decks):
        return refuse(missing)  # a slip in the command: no fit on other decks' cards
    mixed = [o for o, on in _FIT_ONLY if getattr(args, on)] + (["DECK"] if args.decks else [])
    if args.undo and mixed:
        return refuse(  # (a dry run that went back all the same would be worse than none)
            [
                f"{', '.join(mixed)}: not with --undo, which goes back to the earlier "
                "parameters at once; run studyapp optimize --undo alone (add --deck ID for a "
                "deck's)"
            ]
        )
    err = terminal_out(sys.stderr)
    folder = paths.config_dir()
    loaded = load_config(folder)
    config = say_settings(loaded, err)
    if loaded.study_unread and (args.undo or not args.dry_run):
        # (the parameters in use and the set before are the learner's: a change computed
        # from the defaults would put them in the file and lose the learner's)
        return refuse([_UNREAD.format(path=loaded.path)], err)
    preset = Preset(args.deck)
    if args.undo:
        return _undo(folder, config, preset, as_json=args.json, out=out, err=err)
    try:
        report = _report(args, config, preset, err)
    except (LookupError, OSError, ValueError) as error:
        err.write(f"studyapp optimize: {error}\n")
        return 1
    adopted = False
    if report.better and report.parameters is not None and not args.dry_run:
        try:
            _save(folder, config, preset, report.parameters)
        except (OSError, ValueError) as error:  # the stored set is left as it was
            err.write(f"studyapp optimize: not adopted: {error}\n")
            return 1
        adopted = True
    if args.json:
        from studyapp.core.base.terminal import json_for_terminal

        out.write(json_for_terminal(report.to_json(adopted=adopted, dry_run=args.dry_run)) + "\n")
    else:
        terminal_out(out).write(_text(report, adopted=adopted, dry_run=args.dry_run))
    return 0


_FIT_ONLY = (("--dry-run", "dry_run"), ("--no-retention", "no_retention"))
"""Options of a fit, that ``--undo`` (no fit) would silently not follow."""


def _report(
    args: argparse.Namespace, config: AppConfig, preset: Preset, err: TextIO
) -> OptimizeReport:
    from studyapp.core.base import paths
    from studyapp.core.base.clock import system_clock
    from studyapp.core.decks.cache import DeckCache
    from studyapp.core.store.store import ProgressStore
    from studyapp.core.tuning.run import optimize
    from studyapp.core.tuning.source import stored_history
    from studyapp.core.workspace import load_decks

    found, cards = load_decks(args.decks or None, cache=DeckCache.default())
    if preset.deck is not None and found.find(preset.deck) is None:
        raise LookupError(f"no deck {preset.deck!r} among the decks found")
    show = None if args.json or not sys.stderr.isatty() else _progress_line(sys.stderr)
    with ProgressStore.open(paths.progress_dir(args.progress), read_only=True) as store:
        history = stored_history(store)
        report = optimize(
            history.reviews,
            undone=history.undone(),
            cards=cards,
            study=config.study,
            preset=preset,
            now=system_clock(),
            with_retention=not args.no_retention,
            progress=show,
        )
    if show is not None:
        sys.stderr.write("\r\x1b[K")
    return report


def _progress_line(err: TextIO) -> Callable[[Progress], None]:
    """One line redrawn on raw stderr (its own control codes); the stage's text made inert."""
    from studyapp.core.base.terminal import terminal_safe

    def show(progress: Progress) -> None:
        stage = terminal_safe(progress.stage)
        err.write(f"\r\x1b[K[{progress.done + 1}/{progress.total}] {stage}...")
        err.flush()

    return show


_UNREAD = (
    "{path}: its study settings could not be read (said above), so optimize "
    "cannot change the parameters in them; mend them (studyapp's Settings screen saves a "
    "whole set), or run studyapp optimize --dry-run to see a fit without adopting it"
)


def _save(
    folder: Path, config: AppConfig, preset: Preset, parameters: Sequence[float] | None
) -> None:
    """Adopt ``parameters`` (None: go back to the set before), keeping the replaced set;
    an atomic save, merged with what another window saved meanwhile."""
    from msgspec import structs

    from studyapp.core.config import save_config
    from studyapp.core.tuning import presets

    study, previous = presets.change(config.study, config.previous_parameters, preset, parameters)
    changed = structs.replace(config, study=study, previous_parameters=previous)
    save_config(folder, changed, base=config, keep_bad_parts=True)


def _undo(
    folder: Path, config: AppConfig, preset: Preset, *, as_json: bool, out: TextIO, err: TextIO
) -> int:
    from studyapp.core.base.terminal import json_for_terminal, terminal_out

    try:
        _save(folder, config, preset, None)
    except (LookupError, OSError, ValueError) as error:
        err.write(f"studyapp optimize: {error}\n")
        return 1
    from studyapp.core.config import load_config

    now = preset.in_use(load_config(folder).config.study)
    if as_json:
        data = {"preset": preset.key, "undone": True, "parameters_in_use": list(now)}
        out.write(json_for_terminal(data) + "\n")
    else:
        terminal_out(out).write(
            f"Back to the earlier parameters for {preset}:\n  {_numbers(now)}\n"
            "(studyapp optimize --undo again comes forward to the fitted ones.)\n"
        )
    return 0


def _numbers(parameters: Sequence[float]) -> str:
    return ", ".join(f"{w:g}" for w in parameters)


def _metrics_rows(report: OptimizeReport) -> list[tuple[str, Metrics]]:
    rows: list[tuple[str, Metrics | None]] = [("defaults", report.default)]
    if report.current is not None:
        rows.append(("in use", report.current))
    rows.append(("fitted", report.fitted))
    return [(name, m) for name, m in rows if m is not None]


def _text(report: OptimizeReport, *, adopted: bool, dry_run: bool) -> str:
    from studyapp.core.base.listing import plural

    lines = [f"FSRS parameters for {report.preset}, from your reviews"]
    lines.append(
        f"  {plural(report.reviews, 'answer')} used, {report.predicted:,} of them predicted "
        "(a day or more after the card's previous answer)"
    )
    from studyapp.core.tuning.run import skipped_notes

    notes = skipped_notes(report.skipped)
    if notes:
        lines.append("  not used: " + "; ".join(notes))
    if report.other_presets:
        belong = "belongs" if report.other_presets == 1 else "belong"
        lines.append(
            f"  {plural(report.other_presets, 'answer')} {belong} to decks with their own preset"
        )
    rows = _metrics_rows(report)
    if rows:
        lines.append("")
        lines.append(f"  {'':10} {'log loss':>9} {'RMSE(bins)':>11} {'AUC':>6}")
        for name, m in rows:
            auc = "-" if m.auc is None else f"{m.auc:.3f}"
            lines.append(f"  {name:10} {m.log_loss:9.4f} {m.rmse_bins:10.2%} {auc:>6}")
        if report.fitted is not None:
            lines.append(
                f"  (on {report.fitted.count:,} later answers, each predicted by a fit on the "
                "answers before it;\n   lower log loss and RMSE are better, and higher AUC)"
            )
    lines.append("")
    if report.parameters is not None:
        lines.append("  fitted parameters:")
        values = report.parameters
        lines += [f"    {_numbers(values[i : i + 7])}" for i in range(0, len(values), 7)]
        if report.partial:
            lines.append("  (few reviews: only the first-answer stabilities were fitted)")
    if adopted:
        lines.append(
            f"Adopted: the fitted parameters now schedule {report.preset} "
            "(studyapp optimize --undo goes back)."
        )
    elif report.better and dry_run:
        lines.append("Better than the set in use; not adopted (--dry-run).")
    elif report.reason:
        lines.append(f"Not adopted: {report.reason}.")
    advice = report.retention
    if advice is not None:
        best, now = advice.at_optimal, advice.at_current
        lines.append(
            f"Suggested desired retention: {advice.optimal:.2f} (the least study time per card "
            "remembered;\n  a year of this preset simulated at your pace)"
        )
        if advice.at_floor:
            import textwrap

            note = f"({advice.floor_note()}.)"
            lines.append(textwrap.fill(note, 88, initial_indent="  ", subsequent_indent="   "))
        for label, load in (
            (f"at {best.retention:.2f}:", best),
            (f"at {now.retention:.2f} (now):", now),
        ):
            lines.append(
                f"  {label:16} {load.reviews_per_day:4.0f} answers, {load.minutes_per_day:.1f} "
                f"min a day; {load.memorized:,.0f} cards remembered after a year"
            )
    return "\n".join(lines) + "\n"
