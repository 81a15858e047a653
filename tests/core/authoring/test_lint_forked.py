"""A big deck's leak check in a forked child: the same report, whatever becomes of the child."""

from __future__ import annotations

import os
import time

import pytest

from studyapp.core.authoring.lint import forked, runner
from studyapp.core.authoring.lint.forked import start_check
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


def _where_run(lint: Linter, deck: Deck) -> None:
    """A check that says which process ran it, at the path of the deck's first entry."""
    lint.add("L001", ("entries", 0, "explanation"), f"ran in {os.getpid()}")


def test_a_big_deck_is_linted_alike_with_and_without_the_fork(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alone = lint_text(DECK, "d.yaml").findings
    monkeypatch.setattr(forked, "FORK_FROM", 1)  # this deck counts as big
    assert any(f.rule.startswith("L") for f in alone)
    assert lint_text(DECK, "d.yaml", parallel=True).findings == alone


def test_the_check_runs_in_a_child_and_its_findings_come_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, deck = _linter_and_deck()
    start_check(_where_run, lint, deck, fork=True).finish()
    (found,) = lint.findings
    assert found.message != f"ran in {os.getpid()}"  # another process
    assert (found.rule, found.path, found.line) == ("L001", "entries[0].explanation", 4)


def test_small_decks_and_unforked_runs_stay_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for fork, fork_from in ((True, 10_000), (False, 1)):
        monkeypatch.setattr(forked, "FORK_FROM", fork_from)
        lint, deck = _linter_and_deck()
        start_check(_where_run, lint, deck, fork=fork).finish()
        assert [f.message for f in lint.findings] == [f"ran in {os.getpid()}"]


def test_a_child_that_fails_is_replaced_by_the_check_run_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent = os.getpid()

    def fails_in_a_child(lint: Linter, deck: Deck) -> None:
        if os.getpid() != parent:
            raise MemoryError("the child ran out")
        _where_run(lint, deck)

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, deck = _linter_and_deck()
    start_check(fails_in_a_child, lint, deck, fork=True).finish()
    assert [f.message for f in lint.findings] == [f"ran in {parent}"]


def test_a_fork_refused_by_the_system_runs_the_check_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    monkeypatch.setattr(forked.os, "fork", no_fork)
    lint, deck = _linter_and_deck()
    start_check(_where_run, lint, deck, fork=True).finish()
    assert [f.message for f in lint.findings] == [f"ran in {os.getpid()}"]


def test_an_abandoned_check_is_stopped_and_never_run_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An interrupted lint (^C) must neither wait for the child nor run its check again."""
    ran_here: list[int] = []
    parent = os.getpid()

    def slow(lint: Linter, deck: Deck) -> None:
        if os.getpid() == parent:
            ran_here.append(parent)
        time.sleep(60)

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    lint, deck = _linter_and_deck()
    started = time.monotonic()
    check = start_check(slow, lint, deck, fork=True)
    check.abandon()
    assert time.monotonic() - started < 10
    assert ran_here == [] and lint.findings == []


def test_a_lint_interrupted_meanwhile_abandons_the_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    abandoned: list[bool] = []
    original = forked.Started.abandon

    def noted(self: forked.Started) -> None:
        abandoned.append(True)
        original(self)

    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(forked, "FORK_FROM", 1)
    monkeypatch.setattr(forked.Started, "abandon", noted)
    monkeypatch.setattr(runner, "check_options", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lint_text(DECK, "d.yaml", parallel=True)
    assert abandoned == [True]
