"""A big deck's leak check shared with a forked child: the same report, whatever becomes of
the child."""

from __future__ import annotations

import os
import time

import pytest

from studyapp.core.authoring.lint import forked, runner
from studyapp.core.authoring.lint.forked import start_parts
from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.runner import lint_text
from studyapp.core.decks.loader import limits_from_env
from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import read_yaml

from .test_lint_leaks import DECK

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a system without fork")


def _linter_and_deck() -> tuple[Linter, Deck]:
    doc = read_yaml(DECK, "d.yaml", limits_from_env())
    assert doc is not None and isinstance(doc.data, dict)
    return Linter("d.yaml", doc), Deck.model_validate(doc.data)


PARTS = 24


def _where_run(lint: Linter, part: int) -> None:
    """A part of a check that says which process ran it, at the deck's first entry."""
    time.sleep(0.005)  # long enough that both processes take parts
    lint.add("L001", ("entries", 0, "explanation"), f"{part} ran in {os.getpid()}")


def _runs(lint: Linter) -> list[tuple[int, int]]:
    """(part, process) of each finding, by part."""
    found = [f.message.split(" ran in ") for f in lint.findings]
    return sorted((int(part), int(pid)) for part, pid in found)


def test_a_big_deck_is_linted_alike_with_and_without_the_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = lint_text(DECK, "d.yaml").findings
    monkeypatch.setattr(forked, "FORK_FROM", 1)  # this deck counts as big
    assert any(f.rule.startswith("L") for f in alone)
    assert lint_text(DECK, "d.yaml", parallel=True).findings == alone


def test_both_processes_take_parts_and_each_part_is_done_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, _deck = _linter_and_deck()
    start_parts(PARTS, _where_run, lint, fork=True, size=1).finish()
    runs = _runs(lint)
    assert [part for part, _pid in runs] == list(range(PARTS))
    assert {pid for _part, pid in runs} - {os.getpid()}  # the child did some
    assert all(f.line == 4 for f in lint.findings)  # the child's findings keep their place


def test_small_decks_and_unforked_runs_stay_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for fork, fork_from in ((True, 10_000), (False, 1)):
        monkeypatch.setattr(forked, "FORK_FROM", fork_from)
        lint, _deck = _linter_and_deck()
        start_parts(PARTS, _where_run, lint, fork=fork, size=5_000).finish()
        assert _runs(lint) == [(n, os.getpid()) for n in range(PARTS)]


def test_the_parts_of_a_child_that_fails_are_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent = os.getpid()

    def fails_in_a_child(lint: Linter, part: int) -> None:
        if os.getpid() != parent and part >= 3:
            raise MemoryError("the child ran out")
        _where_run(lint, part)

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, _deck = _linter_and_deck()
    start_parts(PARTS, fails_in_a_child, lint, fork=True, size=1).finish()
    assert [part for part, _pid in _runs(lint)] == list(range(PARTS))


def test_a_fork_refused_by_the_system_does_every_part_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    monkeypatch.setattr(forked.os, "fork", no_fork)
    lint, _deck = _linter_and_deck()
    start_parts(PARTS, _where_run, lint, fork=True, size=1).finish()
    assert _runs(lint) == [(n, os.getpid()) for n in range(PARTS)]


def test_an_abandoned_check_is_stopped_and_never_run_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An interrupted lint (^C) must neither wait for the child nor do its parts again."""
    ran_here: list[int] = []
    parent = os.getpid()

    def slow(lint: Linter, part: int) -> None:
        if os.getpid() == parent:
            ran_here.append(part)
        time.sleep(60)

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, _deck = _linter_and_deck()
    started = time.monotonic()
    check = start_parts(PARTS, slow, lint, fork=True, size=1)
    check.abandon()
    assert time.monotonic() - started < 10
    assert ran_here == [] and lint.findings == []


def test_a_lint_interrupted_meanwhile_abandons_the_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    abandoned: list[bool] = []
    original = forked.Parts.abandon

    def noted(self: forked.Parts) -> None:
        abandoned.append(True)
        original(self)

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    monkeypatch.setattr(forked.Parts, "abandon", noted)
    monkeypatch.setattr(runner, "check_options", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lint_text(DECK, "d.yaml", parallel=True)
    assert abandoned == [True]


def test_a_lint_interrupted_while_this_process_takes_parts_abandons_the_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studyapp.core.authoring.lint import leaks

    abandoned: list[bool] = []
    original = forked.Parts.abandon
    parent = os.getpid()
    report = leaks.report_leaks

    def noted(self: forked.Parts) -> None:
        abandoned.append(True)
        original(self)

    def interrupted_here(*args: object, **kwargs: object) -> None:
        if os.getpid() == parent:
            raise KeyboardInterrupt
        time.sleep(0.05)  # a slow child: this process surely has parts left to take
        report(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    monkeypatch.setattr(forked.Parts, "abandon", noted)
    monkeypatch.setattr(leaks, "report_leaks", interrupted_here)
    with pytest.raises(KeyboardInterrupt):
        lint_text(DECK, "d.yaml", parallel=True)
    assert abandoned == [True]
