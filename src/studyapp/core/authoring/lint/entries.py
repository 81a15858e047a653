"""Per-entry lint checks: sources, give-aways and multiple-choice options.

Each check looks at one entry at a time: whether its date, figure or
quotation is in its own source (S001-S003), whether the question shows its
own answer (G001), and whether a choice option would be accepted as the
answer or is a typo away from it (O001-O003).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from studyapp.core.authoring.extract.dates import DateMention, find_dates
from studyapp.core.authoring.extract.figures import find_figures, numbers_in
from studyapp.core.authoring.extract.numbers import (
    CARDINAL_PHRASE,
    FRACTION_PHRASE,
    ORDINAL_PHRASE,
    fraction_value,
    words_value,
)
from studyapp.core.authoring.lint.acceptance import SoloAnswers, accepting_key
from studyapp.core.authoring.lint.datehint import may_state_a_date
from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.authoring.lint.wording import (
    content_words,
    folded,
    question_path,
    quoted,
    words_in,
)
from studyapp.core.decks.model import (
    CLOZE_BLANK,
    ChoiceEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)
from studyapp.core.decks.yamlread import Path_
from studyapp.core.quiz.answers.judge import check_entry
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.answers.lists import asks_for_order
from studyapp.core.quiz.answers.names import check_name
from studyapp.core.quiz.answers.text import NEAR_MISSES
from studyapp.core.quiz.answers.verdict import Outcome, Verdict

__all__ = ["check_giveaways", "check_options", "check_sources"]

_SCALE_EXAMPLE = re.compile(r"\b\d+\s*=\s*\w+")
_ELLIPSIS = re.compile(r"…|\.\.\.")
"""Where a quotation leaves words out: its fragments are each in the source."""


def check_sources(lint: Linter, deck: Deck) -> None:
    # A deck made without a source document (a student's own notes) has nothing to
    # quote: telling each entry it lacks a source sentence is noise. Once the deck
    # names a document or quotes it somewhere, an entry without its sentence stands out.
    sourced = deck.document is not None or any(e.source is not None for e in deck.entries)
    # "Yesterday" in a source is a date only against the article's own date.
    published = deck.document.published if deck.document is not None else None
    for i, entry in enumerate(deck.entries):
        base: Path_ = ("entries", i)
        if entry.source is None:
            if not sourced:
                continue
            lint.add(
                "S001",
                base,
                f"entry {entry.id!r} has no source: add the verbatim sentence(s) it was "
                "built from (shown after a wrong answer)",
            )
            continue
        source = entry.source
        if isinstance(entry, DateEntry) and not _date_in(entry, source, published):
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
            whole = folded(source)
            parts = [folded(p) for p in _ELLIPSIS.split(entry.quote)]
            if not all(p in whole for p in parts if p):
                lint.add(
                    "S003",
                    (*base, "quote"),
                    "the quotation is not word for word in the entry's source; quote exactly "
                    "(join fragments with …)",
                )


def _date_in(entry: DateEntry, source: str, published: PartialDate | None = None) -> bool:
    date = entry.date
    if date.precision == "year" and _in_digits(source, Decimal(date.year)):
        return True  # what the last line finds, without finding every date first
    hinted = published is not None or may_state_a_date(source)  # see datehint
    if hinted:  # relative dates only resolve against the article's date: none without it
        mentions = find_dates(source, date.year, anchor=published, relative=published is not None)
        if _date_mentioned(date, mentions):
            return True
    # a year may also be written in words ("two thousand and ten")
    return date.precision == "year" and Decimal(date.year) in numbers_in(source)


def _date_mentioned(date: PartialDate, mentions: list[DateMention]) -> bool:
    """Whether one of the finder's ``mentions`` is ``date`` at its precision."""
    for mention in mentions:
        found = mention.date
        if found == date:
            return True
        if date.precision == "day" and (mention.month, mention.day) == (date.month, date.day):
            return True  # "June 3": the year comes from the text's context
        if date.precision == "month" and mention.month == date.month and mention.day is None:
            return True
        if date.precision == "year" and found is not None and found.year == date.year:
            return True
        if (
            date.precision == "year"
            and found is not None
            and mention.last is not None
            and mention.last.year - found.year == 99
            and date.year == found.year + 1
        ):
            return True  # "the nineteenth century" begun as 1801: the strict count of centuries
    return False


def _figure_in(entry: FigureEntry, source: str) -> bool:
    if _states(source, Decimal(str(entry.value))):
        return True
    return any(words_in(form, source) for form in entry.accept)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
"""A number in digits, as :func:`numbers_in` reads them."""


def _in_digits(text: str, value: Decimal) -> bool:
    """Whether ``text`` writes ``value`` in digits: a part of ``numbers_in``, and the
    cheap part (most sources state their figure so)."""
    for match in _DIGITS.finditer(text):
        try:
            if Decimal(match.group().replace(",", "")) == value:
                return True
        except InvalidOperation:
            continue
    return False


def _states(text: str, value: Decimal) -> bool:
    """``value in numbers_in(text)``, the digits read first."""
    return _in_digits(text, value) or value in numbers_in(text)


def check_giveaways(lint: Linter, deck: Deck) -> None:
    for i, entry in enumerate(deck.entries):
        base: Path_ = ("entries", i)
        if isinstance(entry, QaEntry | ChoiceEntry):
            forms = [entry.answer]
            if isinstance(entry, QaEntry):
                forms += [a for a in entry.accept if len(folded(a)) >= 5 or len(a.split()) >= 2]
            for form in forms:
                if len(folded(form)) >= 3 and content_words(form) and words_in(form, entry.prompt):
                    lint.add(
                        "G001",
                        (*base, "prompt"),
                        f"the prompt contains the answer {quoted(form)}; reword the question",
                    )
                    break
        elif isinstance(entry, DateEntry):
            text = entry.prompt or entry.event
            if _date_in_text(entry, text):
                lint.add(
                    "G001",
                    (*base, question_path(entry)),
                    f"the question shows the date it asks for ({entry.date}); reword it",
                )
        elif isinstance(entry, FigureEntry):
            text = _SCALE_EXAMPLE.sub(" ", entry.prompt or entry.measure)
            at = _value_shown(text, Decimal(str(entry.value)), rank=_asks_a_rank(entry))
            if at is not None:
                lint.add(
                    "G001",
                    (*base, question_path(entry)),
                    f"the question shows the value it asks for: {quoted(text[at[0] : at[1]])} "
                    f"in {quoted(_around(text, *at))}; reword it",
                )
        elif isinstance(entry, QuoteEntry):
            shown = f"{entry.quote} {entry.context or ''}"
            names = [entry.speaker, *entry.speaker_aliases]
            names += [t for t in entry.speaker.split() if len(t) >= 3 and t[:1].isupper()]
            named = next((n for n in names if len(folded(n)) >= 3 and words_in(n, shown)), None)
            if named is not None:
                field_name = "quote" if words_in(named, entry.quote) else "context"
                lint.add(
                    "G001",
                    (*base, field_name),
                    f"asked who said it, the learner sees the name {quoted(named)}; reword the "
                    f"{field_name}",
                )
            elif (
                entry.context
                and len(entry.quote.split()) >= 2
                and folded(entry.quote) in folded(entry.context)
            ):
                lint.add(
                    "G001",
                    (*base, "context"),
                    "the context contains the quotation it asks for; reword it",
                )
        elif isinstance(entry, ClozeEntry):
            rest = CLOZE_BLANK.sub(" ", entry.text)
            for blank in entry.blanks:
                if len(folded(blank)) >= 3 and words_in(blank, rest):
                    lint.add(
                        "G001",
                        (*base, "text"),
                        f"the blank {quoted(blank)} also appears outside the blank; reword "
                        "the text",
                    )
                    break


_ORDINAL_DIGITS = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
"""What makes digits an ordinal ("2nd", "18th") when it follows them."""

_RANK_WORDS = re.compile(r"\b(?:position|place|placed|rank|ranked|ranking)\b", re.IGNORECASE)
"""Words of a question that asks for a rank ("Position of Korea", "what place")."""

_WHICH = re.compile(r"^\s*(?:in\s+)?which\b", re.IGNORECASE)
"""A measure that asks for a rank: "Which minute" (as the extractor words an ordinal)."""

_SECOND_OF_TIME = re.compile(
    r"(?:\b(?:a|one|per|split|each|every|the\s+same)|\d)\s*$", re.IGNORECASE
)
"""What stands before "second" when it is a unit of time ("a second", "per second")."""


def _is_ordinal(written: str) -> bool:
    """Whether a written answer is a rank: "second", "twenty-first", "2nd"."""
    written = written.strip()
    return bool(
        re.fullmatch(ORDINAL_PHRASE, written, re.IGNORECASE)
        or re.fullmatch(r"\d+(?:st|nd|rd|th)", written, re.IGNORECASE)
    )


def _asks_a_rank(entry: FigureEntry) -> bool:
    """Whether the figure is itself an ordinal (a place, a minute of a match, an anniversary):
    only then does an ordinal in its question ("the second half") give its value away."""
    if any(_is_ordinal(form) for form in entry.accept) or _WHICH.match(entry.measure):
        return True
    return _RANK_WORDS.search(f"{entry.measure} {entry.prompt or ''}") is not None


def _value_shown(text: str, value: Decimal, *, rank: bool) -> tuple[int, int] | None:
    """Where ``text`` writes ``value`` (digits, number words, a fraction, a figure the finder
    reads), as a span; an ordinal ("second half", "2nd") counts only for a ``rank``, and
    "second" as a unit of time ("a second") never does."""
    if not _states(text, value):
        return None  # the cheap reading, ordinals and all, finds none: nearly every question
    for match in _DIGITS.finditer(text):
        suffix = _ORDINAL_DIGITS.match(text, match.end())
        if suffix and not rank:
            continue
        try:
            if Decimal(match.group().replace(",", "")) == value:
                return match.start(), suffix.end() if suffix else match.end()
        except InvalidOperation:
            continue
    for mention in find_figures(text, dates=[]):
        if mention.value == value and (rank or mention.kind != "ordinal"):
            return mention.start, mention.end
    words = rf"\b(?:(?P<ord>{ORDINAL_PHRASE})|{CARDINAL_PHRASE}|one|zero)\b"
    for match in re.finditer(words, text, re.IGNORECASE):
        if match.group("ord") is not None:
            timed = match.group().lower() in ("second", "seconds") and _SECOND_OF_TIME.search(
                text, 0, match.start()
            )
            if not rank or timed:
                continue
        if words_value(match.group()) == value:
            return match.span()
    for match in re.finditer(rf"\b(?:{FRACTION_PHRASE})", text, re.IGNORECASE):
        share = fraction_value(match.group())
        if share is not None and value in (share, share.quantize(Decimal("0.01")).normalize()):
            return match.span()
    return None


def _around(text: str, start: int, end: int, words: int = 3) -> str:
    """The words around ``text[start:end]``, "..." where the text goes on: enough to find
    the give-away in a long question."""
    before = text[:start].split()
    after = text[end:].split()
    head = " ".join(before[-words:])
    tail = " ".join(after[:words])
    # the span may be glued to a word ("2nd", "(2)"): keep what touches it
    shown = f"{head}{' ' if head and text[start - 1 : start].isspace() else ''}"
    shown += text[start:end]
    shown += f"{' ' if tail and text[end : end + 1].isspace() else ''}{tail}"
    lead = "... " if len(before) > words else ""
    trail = " ..." if len(after) > words else ""
    return f"{lead}{shown}{trail}"


def _date_in_text(entry: DateEntry, text: str) -> bool:
    date = entry.date
    if not may_state_a_date(text):
        return False
    for mention in find_dates(text, date.year, relative=False):  # no anchor: none resolves
        if mention.date == date:
            return True
        if date.precision == "day" and (mention.month, mention.day) == (date.month, date.day):
            return True
    return False


_NEAR_MISS = (*NEAR_MISSES, "another spelling")
"""The checker's reasons for an answer a slip of the keys away from the right one, or the
same name spelled otherwise: an option like that reads as a trick (O002)."""

_NEAR_MISS_SAID = dict(
    zip(
        _NEAR_MISS,
        (
            "is a typo away from",
            "is another form of the words of",
            "says in other words",
            "is another spelling of",
        ),
        strict=True,
    )
)
"""How an O002 finding says what the option is to the answer, by the checker's label."""


def check_options(lint: Linter, deck: Deck) -> None:
    solo = SoloAnswers(accepting_key)  # a key per distinct answer or option, not per question
    for i, entry in enumerate(deck.entries):
        if not isinstance(entry, ChoiceEntry):
            continue
        ordered = asks_for_order(entry.prompt)
        for j, option in enumerate(entry.distractors):
            path: Path_ = ("entries", i, "distractors", j)
            verdict = _option_verdict(solo, entry, option, ordered)
            if verdict.outcome is Outcome.CORRECT:
                lint.add(
                    "O001",
                    path,
                    f"option {quoted(option)} would be accepted as the answer "
                    f"{quoted(entry.answer)}; "
                    "replace it with a clearly wrong option",
                )
            elif verdict.outcome is Outcome.CLOSE and verdict.reason.startswith(_NEAR_MISS):
                kind = next(k for k in _NEAR_MISS if verdict.reason.startswith(k))
                lint.add(
                    "O002",
                    path,
                    f"option {quoted(option)} {_NEAR_MISS_SAID[kind]} the answer "
                    f"{quoted(entry.answer)}; "
                    "learners will think it is a trick",
                )
        for j, option in enumerate(entry.distractors):
            for k in range(j):
                other = entry.distractors[k]
                verdict = solo.judge(entry.prompt, other, option, ordered=ordered)
                if verdict.outcome is Outcome.CORRECT:
                    lint.add(
                        "O003",
                        ("entries", i, "distractors", j),
                        f"option {quoted(option)} is the same answer as option "
                        f"{quoted(other)}; drop one",
                    )
                    break


def _option_verdict(solo: SoloAnswers, entry: ChoiceEntry, option: str, ordered: bool) -> Verdict:
    """:func:`_judge` of ``option`` against the entry's answer, from the remembered keys.

    Those keys leave the lookalikes out, which only ever turn a typo into wrong: any
    other verdict is the full key's (a wrong one perhaps for another reason, which no
    finding tells), and a typo is judged again with the full key.
    """
    verdict = solo.judge(entry.prompt, entry.answer, option, ordered=ordered)
    if verdict.outcome is Outcome.CORRECT:
        return verdict
    if verdict.outcome is Outcome.CLOSE and verdict.reason.startswith(NEAR_MISSES):
        return _judge(_solo(entry, entry.answer), option)
    return _as_name(verdict, entry.answer, option)


def _solo(entry: ChoiceEntry, answer: str) -> tuple[QaEntry, AnswerKeyIndex]:
    """A question with ``answer`` as its answer, and its answer key's index: the one
    :func:`check_entry` builds on every call without it (a deck of that entry alone)."""
    probe = QaEntry(id=entry.id, kind="qa", prompt=entry.prompt, answer=answer)
    return probe, AnswerKeyIndex(Deck(id="solo", title="solo", entries=[probe]))


_PERSON = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3}")


def _judge(solo: tuple[QaEntry, AnswerKeyIndex], option: str) -> Verdict:
    """How the checker would judge ``option`` as an answer to ``probe``; names as names."""
    probe, index = solo
    return _as_name(check_entry(probe, option, index=index), probe.answer, option)


def _as_name(verdict: Verdict, answer: str, option: str) -> Verdict:
    """``verdict``, unless ``option`` and ``answer`` both look like a person's name and
    the name checker finds more in it than wrong."""
    if verdict.outcome is Outcome.CORRECT or not _PERSON.fullmatch(answer):
        return verdict
    if not _PERSON.fullmatch(option):
        return verdict
    as_name = check_name(option, answer)
    return as_name if as_name.outcome is not Outcome.WRONG else verdict
