"""Lint's kept reports: an unchanged deck's report is read back, whole and under the name
it is linted by; a changed deck, other limits or a damaged entry mean linting again."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from studyapp.cli.tools import main
from studyapp.core.authoring.lint import reportcache, runner
from studyapp.core.authoring.lint.reportcache import ReportCache
from studyapp.core.authoring.lint.runner import lint_file
from studyapp.core.decks.loader import limits_from_env

DECK = """id: t
title: T
entries:
  - id: a
    kind: qa
    prompt: Who led the delegation to Camp David?
    answer: Yoon Suk Yeol
  - id: b
    kind: qa
    prompt: Who led the delegatoin to Camp David?
    answer: Kishida Fumio
  - kind: date
    event: The summit at Camp David
    date: 2023-08-18
"""


def _relint_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any lint that is not read back fail loudly."""

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("linted again")

    monkeypatch.setattr(runner, "lint_text", refuse)


def test_an_unchanged_deck_is_read_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    cache = ReportCache(tmp_path / "lint")
    first = lint_file(deck, "d.yaml", cache=cache)
    assert {f.rule for f in first.findings} >= {"I001", "D002"}
    _relint_refused(monkeypatch)
    again = lint_file(deck, "d.yaml", cache=cache)
    assert again.findings == first.findings
    elsewhere = lint_file(deck, "copy/d.yaml", cache=cache)  # the same text, another name
    assert [f.file for f in elsewhere.findings] == ["copy/d.yaml"] * len(first.findings)
    assert [(f.line, f.message) for f in elsewhere.findings] == [
        (f.line, f.message) for f in first.findings
    ]


def test_a_kept_report_keeps_each_findings_severity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An info (L001 in a verbatim source) comes back an info, beside the warnings."""
    deck = tmp_path / "d.yaml"
    deck.write_text(
        DECK + "    source: The summit at Camp David was held on August 18, 2023.\n"
        "  - id: c\n    kind: qa\n    prompt: On which day was the summit?\n"
        "    answer: August 18, 2023\n    source: It was held on August 18, 2023.\n"
    )
    cache = ReportCache(tmp_path / "lint")
    first = lint_file(deck, "d.yaml", cache=cache)
    assert {f.severity for f in first.findings} == {"error", "warning", "info"}
    _relint_refused(monkeypatch)
    again = lint_file(deck, "d.yaml", cache=cache)
    assert [(f.rule, f.severity) for f in again.findings] == [
        (f.rule, f.severity) for f in first.findings
    ]
    assert (again.errors, again.warnings, again.infos) == (
        first.errors,
        first.warnings,
        first.infos,
    )


def test_the_kept_format_is_in_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports kept in an older format (L001 in a source as a warning) are not read back."""
    limits = limits_from_env()
    now = ReportCache.key(DECK, limits)
    monkeypatch.setattr(reportcache, "_FORMAT", reportcache._FORMAT - 1)
    assert ReportCache.key(DECK, limits) != now


def test_a_changed_deck_or_other_limits_are_linted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    cache = ReportCache(tmp_path / "lint")
    before = lint_file(deck, "d.yaml", cache=cache)
    deck.write_text(DECK.replace("delegatoin", "talks"))
    after = lint_file(deck, "d.yaml", cache=cache)
    assert "D002" in {f.rule for f in before.findings}
    assert "D002" not in {f.rule for f in after.findings}
    monkeypatch.setenv("STUDYAPP_MAX_DECK_MB", "3")  # a report depends on the limits
    assert len(list((tmp_path / "lint").glob("*.lint"))) == 2
    lint_file(deck, "d.yaml", cache=cache)
    assert len(list((tmp_path / "lint").glob("*.lint"))) == 3


@pytest.mark.parametrize("damage", [b"", b"\x93\xa1x", b"not msgpack at all", None])
def test_a_damaged_report_means_linting_again(tmp_path: Path, damage: bytes | None) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    cache = ReportCache(tmp_path / "lint")
    first = lint_file(deck, "d.yaml", cache=cache)
    (kept,) = (tmp_path / "lint").glob("*.lint")
    if damage is None:  # a whole report, but kept under another key (a hash prefix clash)
        other = ReportCache(tmp_path / "other")
        other.put("0" * 64, first.findings[:1])
        kept.write_bytes(next((tmp_path / "other").glob("*.lint")).read_bytes())
    else:
        kept.write_bytes(damage)
    assert lint_file(deck, "d.yaml", cache=cache).findings == first.findings
    assert lint_file(deck, "d.yaml", cache=cache).findings == first.findings  # kept anew


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    report = lint_file(deck, "d.yaml", cache=ReportCache(blocked / "lint"))
    assert "I001" in {f.rule for f in report.findings}


def test_only_the_reports_last_used_are_kept(tmp_path: Path) -> None:
    cache = ReportCache(tmp_path / "lint")
    first = "00" + "0" * 62
    cache.put(first, [])
    os.utime(tmp_path / "lint" / f"{first[:40]}.lint", (1, 1))  # made long ago ...
    for n in range(1, 70):
        if n == 60:
            assert cache.get(first, "d.yaml") == []  # ... and read again just now
        cache.put(f"{n:02d}" + "0" * 62, [])
    assert len(list((tmp_path / "lint").glob("*.lint"))) == 64
    assert cache.get(first, "d.yaml") == []


def _lint_json(*args: str) -> dict[str, object]:
    out = io.StringIO()
    main(["lint", *args, "--format", "json"], out=out)
    result: dict[str, object] = json.loads(out.getvalue())
    return result


def test_the_command_keeps_reports_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    fresh = _lint_json(str(deck))
    assert {"I001", "D002"} <= _rules(fresh)
    assert list((tmp_path / "cache" / "lint").glob("*.lint"))  # STUDYAPP_CACHE (conftest)
    _relint_refused(monkeypatch)
    assert _lint_json(str(deck)) == fresh
    with pytest.raises(AssertionError, match="linted again"):
        _lint_json(str(deck), "--no-cache")


def test_fixing_lints_afresh_and_keeps_the_fixed_decks_report(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(DECK)
    _lint_json(str(deck))  # kept before the fix
    out = io.StringIO()
    main(["lint", str(deck), "--fix"], out=out)
    assert "fixed (added missing ids)" in out.getvalue()
    assert "I001" not in out.getvalue()
    assert "I001" not in _rules(_lint_json(str(deck)))


def _rules(found: object) -> set[str]:
    """The rule of every finding in a JSON report."""
    if isinstance(found, dict):
        own = {found["rule"]} if isinstance(found.get("rule"), str) else set()
        return own.union(*(_rules(v) for k, v in found.items() if k != "rules"))
    if isinstance(found, list):
        return set().union(*(_rules(v) for v in found))
    return set()
