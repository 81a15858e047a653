"""``studyapp lint``: quality problems a valid deck can still have.

``validate`` says whether a deck loads; ``lint`` says whether it teaches well:
a prompt that gives its answer away, a figure that is not in its own source,
two entries asking the same thing, a multiple-choice option that the answer
checker would accept as right, a speaker spelled two ways. Each finding has a
rule id and a severity and is reported as ``file:line:col: path: message``.

``--fix`` applies only safe fixes (today: adding missing ids, derived from the
prompt) with ruamel.yaml's round-trip mode, so comments and layout stay as the
author wrote them; a file ruamel would re-lay-out is left alone and said so.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from msgspec import Struct, field, structs
from pydantic import ValidationError
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from studyapp.core.authoring.extract import find_dates, numbers_in, slug
from studyapp.core.base.problems import Problem
from studyapp.core.decks.loader import limits_from_env, read_text, translate
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    ID_PATTERN,
    AnyEntry,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.decks.yamlread import Document, Path_, format_path, read_yaml
from studyapp.core.quiz.answers import Outcome, Verdict, check_entry, check_name, fold, max_typos


def _words(text: str) -> list[str]:
    """Split a word list written as one string (easier to read and edit)."""
    return text.split()


__all__ = [
    "RULES",
    "Finding",
    "LintReport",
    "Rule",
    "derive_id",
    "fix_missing_ids",
    "lint_file",
    "lint_text",
]

Severity = Literal["error", "warning"]


class Rule(Struct, frozen=True):
    """A lint rule: a stable code, a short name, how bad it is, and what it checks."""

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
            "N001",
            "speaker-spelling",
            "warning",
            "a speaker is spelled differently across the deck",
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
        where = f"{self.file}:{self.line}:{self.col}"
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


class _Linter:
    def __init__(self, display: str, doc: Document) -> None:
        self.display = display
        self.doc = doc
        self.findings: list[Finding] = []

    def add(self, rule: str, path: Path_, message: str, *, key: bool = False) -> None:
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
                spec.severity,
                spec.fixable,
            )
        )


# ------------------------------------------------------------------ helpers


def question_text(entry: AnyEntry) -> str:
    """What a learner is shown when asked this entry's main card."""
    if isinstance(entry, QaEntry | ChoiceEntry):
        return entry.prompt
    if isinstance(entry, DateEntry):
        return entry.prompt or entry.event
    if isinstance(entry, FigureEntry):
        return entry.prompt or entry.measure
    if isinstance(entry, QuoteEntry):
        return entry.quote
    if isinstance(entry, ClozeEntry):
        return entry.text
    return f"{entry.prompt or ''} {' / '.join(entry.events)}"


def _question_path(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry):
        return "prompt" if entry.prompt else "event"
    if isinstance(entry, FigureEntry):
        return "prompt" if entry.prompt else "measure"
    if isinstance(entry, QuoteEntry):
        return "quote"
    if isinstance(entry, ClozeEntry):
        return "text"
    return "prompt"


def _raw_question(entry: dict[str, Any]) -> str:
    for key in ("prompt", "event", "measure", "quote", "text", "answer"):
        value = entry.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            return CLOZE_BLANK.sub(lambda m: m.group(1), str(value))
    return ""


def derive_id(entry: dict[str, Any], index: int, used: set[str]) -> str:
    """A new id from an entry's prompt (or event, measure, quote, text), unique in ``used``."""
    kind = entry.get("kind")
    kind_text = kind if isinstance(kind, str) and re.fullmatch(r"[a-z]+", kind) else "entry"
    base = slug(_raw_question(entry), max_len=48) or f"{kind_text}-{index + 1}"
    if not re.match(r"[a-z]", base):
        base = f"{kind_text}-{base}"
    base = base[:72].strip("-._")
    if not re.fullmatch(ID_PATTERN, base):
        base = f"{kind_text}-{index + 1}"
    candidate, n = base, 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def _words_in(needle: str, haystack: str) -> bool:
    """Whether folded ``needle`` occurs in folded ``haystack`` as whole words."""
    n, h = fold(needle), fold(haystack)
    if not n:
        return False
    return re.search(rf"(?<![\w.]){re.escape(n)}(?![\w]|\.\d)", h) is not None


_STOP = frozenset(
    _words(
        "a an the of and or in on to for with by at from as is was were are be it its this "
        "that what which who whom when where why how did does do"
    )
)


def _content(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _STOP]


_SCALE_EXAMPLE = re.compile(r"\b\d+\s*=\s*\w+")


# ------------------------------------------------------------------- rules


def _check_sources(lint: _Linter, deck: Deck) -> None:
    for i, entry in enumerate(deck.entries):
        base: Path_ = ("entries", i)
        if entry.source is None:
            lint.add(
                "S001",
                base,
                f"entry {entry.id!r} has no source: add the verbatim sentence(s) it was "
                "built from (shown after a wrong answer)",
            )
            continue
        source = entry.source
        if isinstance(entry, DateEntry) and not _date_in(entry, source):
            lint.add(
                "S002",
                (*base, "date"),
                f"the date {entry.date} is not in the entry's source; check the date "
                "(or the source)",
            )
        elif isinstance(entry, FigureEntry) and not _figure_in(entry, source):
            lint.add(
                "S002",
                (*base, "value"),
                f"the value {entry.value} is not in the entry's source; check the number "
                "(or the source)",
            )
        elif isinstance(entry, QuoteEntry):
            folded = fold(source)
            parts = [fold(p) for p in re.split(r"…|\.\.\.", entry.quote) if fold(p)]
            if not all(p in folded for p in parts):
                lint.add(
                    "S003",
                    (*base, "quote"),
                    "the quotation is not word for word in the entry's source; quote exactly "
                    "(join fragments with …)",
                )


def _date_in(entry: DateEntry, source: str) -> bool:
    date = entry.date
    for mention in find_dates(source, date.year):
        found = mention.date
        if found == date:
            return True
        if date.precision == "day" and (mention.month, mention.day) == (date.month, date.day):
            return True  # "June 3": the year comes from the text's context
        if date.precision == "month" and mention.month == date.month and mention.day is None:
            return True
        if date.precision == "year" and found is not None and found.year == date.year:
            return True
    return date.precision == "year" and Decimal(date.year) in numbers_in(source)


def _figure_in(entry: FigureEntry, source: str) -> bool:
    value = Decimal(str(entry.value))
    if value in numbers_in(source):
        return True
    return any(_words_in(form, source) for form in entry.accept)


def _check_giveaways(lint: _Linter, deck: Deck) -> None:
    for i, entry in enumerate(deck.entries):
        base: Path_ = ("entries", i)
        if isinstance(entry, QaEntry | ChoiceEntry):
            forms = [entry.answer]
            if isinstance(entry, QaEntry):
                forms += [a for a in entry.accept if len(fold(a)) >= 5 or len(a.split()) >= 2]
            for form in forms:
                if len(fold(form)) >= 3 and _content(form) and _words_in(form, entry.prompt):
                    lint.add(
                        "G001",
                        (*base, "prompt"),
                        f"the prompt contains the answer {form!r}; reword the question",
                    )
                    break
        elif isinstance(entry, DateEntry):
            text = entry.prompt or entry.event
            if _date_in_text(entry, text):
                lint.add(
                    "G001",
                    (*base, _question_path(entry)),
                    f"the question shows the date it asks for ({entry.date}); reword it",
                )
        elif isinstance(entry, FigureEntry):
            text = _SCALE_EXAMPLE.sub(" ", entry.prompt or entry.measure)
            value = Decimal(str(entry.value))
            if value in numbers_in(text):
                lint.add(
                    "G001",
                    (*base, _question_path(entry)),
                    f"the question shows the value it asks for ({entry.value}); reword it",
                )
        elif isinstance(entry, QuoteEntry):
            shown = f"{entry.quote} {entry.context or ''}"
            names = [entry.speaker, *entry.speaker_aliases]
            names += [t for t in entry.speaker.split() if len(t) >= 3 and t[:1].isupper()]
            named = next((n for n in names if len(fold(n)) >= 3 and _words_in(n, shown)), None)
            if named is not None:
                field_name = "quote" if _words_in(named, entry.quote) else "context"
                lint.add(
                    "G001",
                    (*base, field_name),
                    f"asked who said it, the learner sees the name {named!r}; reword the "
                    f"{field_name}",
                )
            elif (
                entry.context
                and len(entry.quote.split()) >= 2
                and fold(entry.quote) in fold(entry.context)
            ):
                lint.add(
                    "G001",
                    (*base, "context"),
                    "the context contains the quotation it asks for; reword it",
                )
        elif isinstance(entry, ClozeEntry):
            rest = CLOZE_BLANK.sub(" ", entry.text)
            for blank in entry.blanks:
                if len(fold(blank)) >= 3 and _words_in(blank, rest):
                    lint.add(
                        "G001",
                        (*base, "text"),
                        f"the blank {blank!r} also appears outside the blank; reword the text",
                    )
                    break


def _date_in_text(entry: DateEntry, text: str) -> bool:
    date = entry.date
    for mention in find_dates(text, date.year):
        if mention.date == date:
            return True
        if date.precision == "day" and (mention.month, mention.day) == (date.month, date.day):
            return True
    return False


def _check_duplicates(lint: _Linter, deck: Deck) -> None:
    seen: dict[tuple[str, str], int] = {}
    by_kind: dict[str, list[tuple[int, str]]] = {}
    for i, entry in enumerate(deck.entries):
        text = question_text(entry)
        key = (entry.kind, fold(text))
        path: Path_ = ("entries", i, _question_path(entry))
        if key in seen:
            first = seen[key]
            line, _ = lint.doc.position(("entries", first))
            lint.add(
                "D001",
                path,
                f"same question as entries[{first}] ({deck.entries[first].id!r}, line {line}); "
                "merge them or ask differently",
            )
            continue
        seen[key] = i
        by_kind.setdefault(entry.kind, []).append((i, fold(text)))
    for items in by_kind.values():
        for i, j in _near_pairs(items):
            line, _ = lint.doc.position(("entries", i))
            entry = deck.entries[j]
            lint.add(
                "D002",
                ("entries", j, _question_path(entry)),
                f"nearly the same question as entries[{i}] ({deck.entries[i].id!r}, line "
                f"{line}); make the difference clear or merge them",
            )


_NEAR_CUTOFF = 90.0
_BLOCK = 4000


def _near_pairs(items: Sequence[tuple[int, str]]) -> Iterable[tuple[int, int]]:
    """Pairs of questions that differ only by typos or small words.

    The similarity scan runs in rapidfuzz (C); only pairs above the cutoff are
    looked at word by word. Huge decks compare each question with its
    neighbours in sorted order only, which keeps linting linear.
    """
    if len(items) < 2:
        return
    keys = [text for _i, text in items]
    words = [frozenset(_content(text)) for text in keys]
    if len(items) > _BLOCK:
        order = sorted(range(len(items)), key=lambda k: keys[k])
        pairs: Iterable[tuple[int, int]] = (
            (order[k], order[m])
            for k in range(len(order))
            for m in range(k + 1, min(k + 25, len(order)))
            if fuzz.ratio(keys[order[k]], keys[order[m]], score_cutoff=_NEAR_CUTOFF)
        )
    else:
        pairs = (
            (k, k + 1 + m)
            for k in range(len(keys) - 1)
            for _choice, _score, m in process.extract(
                keys[k], keys[k + 1 :], scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=None
            )
        )
    for k, m in pairs:
        if keys[k] != keys[m] and _only_trivial_differences(words[k], words[m]):
            i, j = items[k][0], items[m][0]
            yield (min(i, j), max(i, j))


def _only_trivial_differences(wa: frozenset[str], wb: frozenset[str]) -> bool:
    left, right = wa - wb, wb - wa
    for word in left:
        if re.search(r"\d", word) or not any(_typo(word, other) for other in right):
            return False
    for word in right:
        if re.search(r"\d", word) or not any(_typo(word, other) for other in left):
            return False
    return True


def _typo(a: str, b: str) -> bool:
    limit = max(1, max_typos(max(len(a), len(b))) - 1)
    return a[:1] == b[:1] and OSA.distance(a, b, score_cutoff=limit) <= limit


def _check_options(lint: _Linter, deck: Deck) -> None:
    for i, entry in enumerate(deck.entries):
        if not isinstance(entry, ChoiceEntry):
            continue
        probe = QaEntry(id=entry.id, kind="qa", prompt=entry.prompt, answer=entry.answer)
        for j, option in enumerate(entry.distractors):
            path: Path_ = ("entries", i, "distractors", j)
            verdict = _judge(probe, option)
            if verdict.outcome is Outcome.CORRECT:
                lint.add(
                    "O001",
                    path,
                    f"option {option!r} would be accepted as the answer {entry.answer!r}; "
                    "replace it with a clearly wrong option",
                )
            elif verdict.outcome is Outcome.CLOSE and verdict.reason.startswith("typo"):
                lint.add(
                    "O002",
                    path,
                    f"option {option!r} is a typo away from the answer {entry.answer!r}; "
                    "learners will think it is a trick",
                )
        for j, option in enumerate(entry.distractors):
            for k in range(j):
                other = entry.distractors[k]
                same = QaEntry(id=entry.id, kind="qa", prompt=entry.prompt, answer=other)
                if check_entry(same, option).outcome is Outcome.CORRECT:
                    lint.add(
                        "O003",
                        ("entries", i, "distractors", j),
                        f"option {option!r} is the same answer as option {other!r}; drop one",
                    )
                    break


_PERSON = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3}")


def _judge(probe: QaEntry, option: str) -> Verdict:
    """How the checker would judge ``option`` as an answer to ``probe``; names as names."""
    verdict = check_entry(probe, option)
    if verdict.outcome is Outcome.CORRECT or not _PERSON.fullmatch(probe.answer):
        return verdict
    if not _PERSON.fullmatch(option):
        return verdict
    as_name = check_name(option, probe.answer)
    return as_name if as_name.outcome is not Outcome.WRONG else verdict


def _check_speakers(lint: _Linter, deck: Deck) -> None:
    first: dict[str, tuple[int, str]] = {}
    aliases: dict[str, set[str]] = {}
    quotes = [(i, e) for i, e in enumerate(deck.entries) if isinstance(e, QuoteEntry)]
    for _i, entry in quotes:
        key = fold(entry.speaker)
        aliases.setdefault(key, set()).update(fold(a) for a in entry.speaker_aliases)
    for i, entry in quotes:
        spelled = entry.speaker
        for other_key, (j, other) in first.items():
            if other == spelled:
                break
            if not _same_person(spelled, other):
                continue
            known = aliases.get(other_key, set()) | aliases.get(fold(spelled), set())
            if fold(spelled) in known or fold(other) in known:
                continue
            line, _ = lint.doc.position(("entries", j, "speaker"))
            lint.add(
                "N001",
                ("entries", i, "speaker"),
                f"speaker {spelled!r} is spelled {other!r} in entries[{j}] (line {line}); use "
                "one spelling, or list the other in speaker_aliases",
            )
            break
        else:
            first.setdefault(fold(spelled), (i, spelled))


def _same_person(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    ca, cb = fa.replace(" ", ""), fb.replace(" ", "")
    if ca == cb:
        return True
    if len(ca) >= 6 and len(cb) >= 6 and OSA.distance(ca, cb) <= max(1, max_typos(len(ca)) - 1):
        return True
    if " and " in f" {fa} " or " and " in f" {fb} ":
        return False  # "Ishiba and Lee" is two people, not a spelling of "Lee"
    ta, tb = set(fa.split()), set(fb.split())
    return bool(ta) and bool(tb) and (ta < tb or tb < ta)


# -------------------------------------------------------------------- driver


def _duplicate_ids(lint: _Linter, entries: list[Any]) -> bool:
    first: dict[str, int] = {}
    found = False
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str | int):
            continue
        key = str(entry["id"])
        if key in first:
            line, _ = lint.doc.position(("entries", first[key], "id"))
            lint.add(
                "I002",
                ("entries", index, "id"),
                f"duplicate entry id {key!r} (first used at line {line}); ids must be unique",
            )
            found = True
        else:
            first[key] = index
    return found


def _missing_ids(doc: Document) -> dict[int, str]:
    """Entries without an id -> the id ``--fix`` would give them."""
    entries = doc.data.get("entries") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return {}
    used = {str(e["id"]) for e in entries if isinstance(e, dict) and "id" in e}
    return {
        index: derive_id(entry, index, used)
        for index, entry in enumerate(entries)
        if isinstance(entry, dict) and "id" not in entry
    }


def _validation_rule(problem: Problem) -> str:
    if "needs at least one {{blank}}" in problem.message:
        return "C001"
    if "equals the answer" in problem.message:
        return "O001"
    return "E000"


def lint_text(text: str, display: str, *, fix: bool = False) -> LintReport:
    """Lint deck YAML ``text``; with ``fix``, also compute the fixed text."""
    limits = limits_from_env()
    report = LintReport(display)
    doc = read_yaml(text, display, limits) if len(text) <= limits.max_bytes else None
    if doc is None:
        report.findings.append(
            Finding(display, 1, 1, "", "E000", "the file is over the size cap", "error")
        )
        return report
    lint = _Linter(display, doc)
    for problem in doc.problems:
        lint.findings.append(
            Finding(
                display, problem.line, problem.col, problem.path, "E000", problem.message, "error"
            )
        )
    if doc.problems or not doc.complete or not isinstance(doc.data, dict):
        if doc.data is not None and not isinstance(doc.data, dict) and not doc.problems:
            lint.add("E000", (), "expected a deck: a mapping of fields (id: ..., title: ...)")
        elif doc.data is None and not doc.problems:
            lint.add("E000", (), "the file is empty")
        report.findings = sorted(lint.findings)
        return report
    missing = _missing_ids(doc)
    data = dict(doc.data)
    entries = data.get("entries")
    if isinstance(entries, list):
        entries = [
            {"id": missing[i], **e} if i in missing and isinstance(e, dict) else e
            for i, e in enumerate(entries)
        ]
        data["entries"] = entries
        for index, new_id in missing.items():
            lint.add(
                "I001",
                ("entries", index),
                f"entry has no id; add `id: {new_id}` (studyapp lint --fix does it)",
            )
        dup = _duplicate_ids(lint, entries)
    else:
        dup = False
    deck: Deck | None = None
    try:
        deck = Deck.model_validate(data)
    except ValidationError as exc:
        for detail in exc.errors(include_url=False):
            problem = translate(detail, doc, Deck, display)
            lint.findings.append(
                Finding(
                    display,
                    problem.line,
                    problem.col,
                    problem.path,
                    _validation_rule(problem),
                    problem.message,
                    "error",
                )
            )
    if deck is not None and not dup:
        _check_sources(lint, deck)
        _check_giveaways(lint, deck)
        _check_duplicates(lint, deck)
        _check_options(lint, deck)
        _check_speakers(lint, deck)
    report.findings = sorted(set(lint.findings), key=lambda f: (f.line, f.col, f.rule, f.message))
    if fix and missing:
        fixed, note = fix_missing_ids(text, missing)
        if fixed is None:
            report.notes.append(f"{display}: not fixed: {note}")
        else:
            report.fixed_text = fixed
            report.fixed = len(missing)
    return report


def lint_file(path: Path, display: str | None = None, *, fix: bool = False) -> LintReport:
    """Read and lint one deck file (problems reading it become E000 findings)."""
    shown = display if display is not None else str(path)
    text, problems = read_text(path, limits_from_env(), shown)
    if text is None:
        report = LintReport(shown)
        report.findings = [
            Finding(shown, p.line, p.col, p.path, "E000", p.message, "error") for p in problems
        ]
        return report
    return lint_text(text, shown, fix=fix)


# ----------------------------------------------------------------------- fix


def _round_trip(text: str) -> tuple[Any, Any] | None:
    """A ruamel YAML instance that writes ``text`` back byte for byte, and its data."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    for mapping, offset in _indent_candidates(text):
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
        try:
            data = yaml.load(text)
            out = io.StringIO()
            yaml.dump(data, out)
        except (YAMLError, ValueError, TypeError, AttributeError):
            return None
        if out.getvalue() == text:
            return yaml, yaml.load(text)
    return None


def _indent_candidates(text: str) -> list[tuple[int, int]]:
    """(mapping indent, dash offset) pairs to try, the one the file seems to use first."""
    mapping, offset = 2, 0
    m = re.search(r"^( *)[\w-]+:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*( *)- ", text, re.M)
    if m:
        offset = max(0, len(m.group(2)) - len(m.group(1)))
    k = re.search(r"^( *)[\w-]+:[ \t]*(?:#.*)?\n(?:[ \t]*(?:#.*)?\n)*( *)[\w-]+:", text, re.M)
    if k and len(k.group(2)) > len(k.group(1)):
        mapping = len(k.group(2)) - len(k.group(1))
    first = (mapping, offset)
    rest = [(m_, o) for m_ in (2, 4) for o in (0, 2, 4) if (m_, o) != first]
    return [first, *rest]


def fix_missing_ids(text: str, missing: dict[int, str]) -> tuple[str | None, str]:
    """Add the ids in ``missing`` (entry index -> id); (fixed text, "") or (None, why not)."""
    found = _round_trip(text)
    if found is None:
        return None, (
            "ruamel.yaml cannot write this file back without changing its layout; "
            "add the ids by hand"
        )
    yaml, data = found
    entries = data.get("entries") if hasattr(data, "get") else None
    if entries is None:
        return None, "no entries list"
    for index, new_id in missing.items():
        entry = entries[index]
        if not hasattr(entry, "insert"):
            return None, f"entries[{index}] is not a mapping"
        entry.insert(0, "id", new_id)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), ""
