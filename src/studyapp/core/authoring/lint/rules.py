"""The lint rule table, the findings and report, and the linter that collects them.

Each rule has a stable code, a short name and a severity; a :class:`Finding`
is positioned like a loader problem (``file:line:col: path: message``), and
:class:`Linter` turns a YAML path into that position for the checks.

Severities: an ``error`` fails lint, a ``warning`` fails ``--strict``, and an ``info``
never fails: it says what lint saw where the author has nothing to change (a verbatim
source naming another entry's answer), so warnings stay a list of things to act on.
A finding may be milder than its rule's severity (L001 in a source is ``info``).
"""

from __future__ import annotations

from typing import Any, Literal

from msgspec import Struct, field, structs

from studyapp.core.decks.yamlread import Document, Path_, format_path

__all__ = ["RULES", "Finding", "LintReport", "Linter", "Rule", "Severity"]

Severity = Literal["error", "warning", "info"]


class Rule(Struct, frozen=True):
    """A lint rule: a stable code, a short name, how bad it is (at worst: a finding may be
    milder), and what it checks."""

    code: str
    name: str
    severity: Severity
    summary: str
    fixable: bool = False


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("E000", "invalid", "error", "the deck does not load (see `studyapp validate`)"),
        Rule("I001", "missing-id", "error", "an entry has no id", fixable=True),
        Rule("I002", "duplicate-id", "error", "two entries share an id"),
        Rule("S001", "no-source", "warning", "an entry has no source sentence"),
        Rule("S002", "answer-not-in-source", "error", "a date or figure is not in its own source"),
        Rule("S003", "quote-not-in-source", "warning", "a quotation is not in its own source"),
        Rule("G001", "prompt-gives-answer", "error", "the question shows its own answer"),
        Rule("D001", "duplicate-prompt", "error", "two entries ask the same question"),
        Rule(
            "D002", "near-duplicate-prompt", "warning", "two entries ask nearly the same question"
        ),
        Rule(
            "D003",
            "shared-label",
            "warning",
            "two figures share a measure, or two dates an event, that names neither alone",
        ),
        Rule("O001", "option-equals-answer", "error", "a choice option counts as the right answer"),
        Rule(
            "O002",
            "option-near-answer",
            "warning",
            "a choice option is a typo away from the answer",
        ),
        Rule("O003", "duplicate-options", "warning", "two choice options are the same answer"),
        Rule("C001", "cloze-no-blank", "error", "a cloze has no {{blank}}"),
        Rule(
            "V001",
            "check-failed",
            "error",
            "the answer checker disagrees with an entry's expected verdict (checks:)",
        ),
        Rule(
            "L001",
            "leak",
            "warning",
            "an entry's explanation gives away another entry's answer (in a verbatim source, "
            "which cannot be reworded: info)",
        ),
        Rule(
            "L002",
            "answer-in-question",
            "error",
            "an entry's question or options show another entry's answer",
        ),
        Rule(
            "R001",
            "needs-review",
            "warning",
            "a drafted entry no author has accepted yet (review: true)",
        ),
        Rule(
            "N001",
            "speaker-spelling",
            "warning",
            "a speaker is spelled differently across the deck",
        ),
        Rule(
            "A001",
            "partial-list-alias",
            "warning",
            "an accept alias is only part of a list answer",
        ),
    )
}


class Finding(Struct, frozen=True, order=True):
    """One lint finding, positioned like a loader problem."""

    file: str
    line: int
    col: int
    path: str
    rule: str
    message: str
    severity: Severity = "warning"
    fixable: bool = False

    @property
    def name(self) -> str:
        return RULES[self.rule].name

    def __str__(self) -> str:
        # (line 0: the whole file, as a Problem says it)
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        head = f"{where}: {self.path}: " if self.path else f"{where}: "
        return f"{head}{self.severity} {self.rule} {self.name}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {**structs.asdict(self), "name": self.name}


class LintReport(Struct):
    """The findings for one file, and the fixed text when ``fix`` was asked and possible."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    fixed_text: str | None = None
    fixed: int = 0
    notes: list[str] = field(default_factory=list)
    """Why a fix was not applied, for the user."""

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def infos(self) -> int:
        return sum(f.severity == "info" for f in self.findings)


class Linter:
    def __init__(self, display: str, doc: Document) -> None:
        self.display = display
        self.doc = doc
        self.findings: list[Finding] = []

    def add(
        self,
        rule: str,
        path: Path_,
        message: str,
        *,
        key: bool = False,
        severity: Severity | None = None,
    ) -> None:
        """Add a finding of ``rule`` at ``path``; ``severity``: milder than the rule's."""
        line, col = self.doc.position(path, key=key)
        spec = RULES[rule]
        self.findings.append(
            Finding(
                self.display,
                line,
                col,
                format_path(path),
                rule,
                message,
                severity or spec.severity,
                spec.fixable,
            )
        )
