"""Run the finders over a whole article: :func:`extract` and its :class:`Extraction`.

The text is split into sentences and read once, in order, so that what one
sentence says helps the next: the year a paragraph is about completes its
dates without a year, the person a paragraph names is the "he" of the next
sentence, and a quotation that goes on from the sentence or paragraph before
keeps its speaker. The article's own date (its dateline, or ``anchor``)
resolves relative dates and the year of dates that omit it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from msgspec import Struct, structs

from studyapp.core.authoring.extract.dateline import find_dateline
from studyapp.core.authoring.extract.dates import DateMention, context_year, find_dates
from studyapp.core.authoring.extract.figures import FigureMention, find_figures
from studyapp.core.authoring.extract.interview import Answer, find_answers
from studyapp.core.authoring.extract.people import People
from studyapp.core.authoring.extract.quotes import (
    Continuation,
    QuoteMention,
    announcer,
    find_quotes,
    signature,
    unmarked_quote,
)
from studyapp.core.authoring.extract.relative import after_date, find_sequels
from studyapp.core.authoring.extract.reported import ReportMention, find_reported
from studyapp.core.authoring.extract.sentences import Sentence, sentences
from studyapp.core.authoring.extract.speech import Speaker, Speakers
from studyapp.core.authoring.extract.statements import Statement, build_statements
from studyapp.core.decks.model import PartialDate
from studyapp.core.decks.textsafety import safe_text

__all__ = ["Extraction", "Progress", "extract"]

Progress = Callable[[int, int], None]
"""Called with (sentences done, sentences in all) while a long text is read."""


class Extraction(Struct):
    """What an article holds: its sentences and every date, figure and statement."""

    title: str | None
    year: int | None
    """The year the text says it is written in ("This year, 2025"), or ``--year``."""
    sentences: list[Sentence]
    dates: list[DateMention]
    figures: list[FigureMention]
    quotes: list[QuoteMention]
    statements: list[Statement] = []
    anchor: PartialDate | None = None
    """The article's own date: from its dateline, or given (``--date``)."""
    anchor_source: str | None = None
    """Where the anchor comes from: the dateline's words, or "--date"."""
    dateline_line: int | None = None
    subjects: dict[int, Speaker] = {}
    """The person last named before each sentence (by its start): who "he" is there."""


# "Monroe Doctrine, 1823", "The Suez Crisis, 1956–1957": a heading that dates its subject
# (a history's or an encyclopedia's), where the body may never state the year again
_DATED_TITLE = re.compile(
    r"^[^,]{2,80}(?<![\d.]),\s+(?:1[0-9]|20)[0-9]{2}(?:\s*[–-]\s*(?:1[0-9]|20)[0-9]{2})?$"
)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.rstrip().endswith(".")


def extract(
    text: str,
    *,
    year: int | None = None,
    anchor: PartialDate | None = None,
    progress: Progress | None = None,
) -> Extraction:
    """Find every date, figure and statement in ``text`` (plain text, one paragraph a line).

    ``anchor`` is the article's date (default: its dateline); ``year`` forces the
    year of dates that omit it ("June 3"), which otherwise comes from the
    sentence, the anchor, the paragraph, or the year the text says it is written in.
    """
    text = safe_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    title = first if _looks_like_title(first) else None
    dateline = find_dateline(text)
    anchor_source: str | None = None
    if anchor is not None:
        anchor_source = "--date"
    elif dateline is not None:
        anchor, anchor_source = dateline.date, dateline.line.strip()
    stated_year = context_year(text)
    people = People(text)
    speakers = Speakers(people)
    all_sentences = sentences(text)
    transcript = find_answers(text, people)
    answer_lines = {a.line for a in transcript.answers}
    dates: list[DateMention] = []
    figures: list[FigureMention] = []
    quotes: list[QuoteMention] = []
    reports: list[ReportMention] = []
    subjects: dict[int, Speaker] = {}
    continuation = Continuation()
    paragraph_year: tuple[int, str] | None = None
    running_year: tuple[int, str] | None = None
    timeline: tuple[int, str] | None = None
    told: list[DateMention] = []  # the story's dates so far, in order (spans left out)
    line = 0
    total = len(all_sentences)
    for done, sentence in enumerate(all_sentences):
        if progress is not None and done % 200 == 0:
            progress(done, total)
        if sentence.line != line:
            line, paragraph_year = sentence.line, None
            speakers.line = line
            paragraph = [s for s in all_sentences[done : done + 40] if s.line == line]
            signed = signature(paragraph, people)
            if signed is not None:
                # a pull quotation signed with its speaker's name, its marks lost
                continuation = Continuation(speaker=signed, line=line, block=True)
        for _s, _e, person in people.mentions(sentence.text, sentence.start):
            person.last_seen = max(person.last_seen, sentence.start)
        if speakers.last_person is not None:
            subjects[sentence.start] = speakers.last_person
        if sentence.line == 1 and title is not None and not _DATED_TITLE.search(title):
            continue  # the title: its words come back in the body
        found = find_dates(sentence.text, anchor=anchor)
        found = [
            _complete(d, sentence, year, anchor, paragraph_year, stated_year, running_year)
            for d in found
        ]
        sequels, flashbacks = _sequels(sentence.text, found, told)
        found = sorted([*found, *(d for d in sequels if d.date is not None)], key=_at)
        told += [d for d in found if d.date is not None and d.last is None and d not in flashbacks]
        dates += [structs.replace(d, sentence=sentence) for d in found]
        figures += [
            structs.replace(f, sentence=sentence)
            for f in find_figures(sentence.text, [*found, *sequels])
        ]
        paragraph_year = _last_year(found, sentence.text) or paragraph_year
        # Across paragraphs the story's year is its timeline's (the last date stated with
        # its month: "April 2, 1982"), not a year of its backstory ("in 1833"); a bare
        # year stands in until the text gives a date with a month.
        timeline = _last_year(found, sentence.text, with_month=True) or timeline
        running_year = timeline or paragraph_year or running_year
        if (
            sentence.heading
            or sentence.line in answer_lines
            or sentence.line in transcript.questions
        ):
            continuation = Continuation()
            continue  # an interview's answers are statements whole (below)
        block = unmarked_quote(sentence, continuation)
        if block is not None and continuation.speaker is not None:
            # the paragraph after "X said:", printed without quotation marks
            quotes.append(block)
            speakers.heard(continuation.speaker)
            continuation = Continuation(
                speaker=continuation.speaker, line=sentence.line, quoted=True, block=True
            )
            speakers.saw(sentence.text)
            continue
        following = all_sentences[done + 1] if done + 1 < total else None
        ends_paragraph = following is None or following.line != sentence.line
        found_quotes, continuation = find_quotes(
            sentence, speakers, continuation, ends_paragraph=ends_paragraph
        )
        quotes += found_quotes
        found_reports = find_reported(sentence, speakers)
        reports += found_reports
        if found_reports and not found_quotes:
            continuation.speaker = found_reports[-1].speaker
        elif not found_quotes:
            announced = announcer(sentence, speakers)
            continuation.speaker = announced or continuation.speaker
            continuation.announced = announced is not None and sentence.text.rstrip()[-1:] in ",:"
            continuation.colon = announced is not None and sentence.text.rstrip()[-1:] == ":"
        continuation.line = sentence.line
        for report in found_reports:
            speakers.heard(report.speaker)
        speakers.saw(sentence.text)
    if progress is not None:
        progress(total, total)
    return Extraction(
        title,
        year if year is not None else stated_year,
        all_sentences,
        dates,
        figures,
        quotes,
        build_statements(quotes, reports, text, _answers(transcript.answers, all_sentences, text)),
        anchor,
        anchor_source,
        dateline.line_no if dateline is not None else None,
        subjects,
    )


def _complete(
    d: DateMention,
    sentence: Sentence,
    year: int | None,
    anchor: PartialDate | None,
    paragraph_year: tuple[int, str] | None,
    stated_year: int | None,
    running_year: tuple[int, str] | None = None,
) -> DateMention:
    """A date without a year, given the year its context gives (never another date's guess)."""
    if d.relative or d.month is None or (d.date is not None and not d.year_inferred):
        return d
    said = f"“{d.text}”"
    chosen: int | None = None
    how: str | None = None
    earlier = re.findall(
        r"(?<![\w$€£¥.,/-])(1[0-9]{3}|20[0-9]{2})(?![\w%])", sentence.text[: d.start]
    )
    if year is not None:
        chosen, how = year, f"{said}: the year given with --year ({year})"
    elif earlier:
        chosen, how = int(earlier[-1]), f"{said}: the year its sentence gives ({earlier[-1]})"
    elif paragraph_year is not None:
        chosen = paragraph_year[0]
        how = f"{said}: the year of its paragraph (“{paragraph_year[1]}”)"
    elif anchor is not None and d.date is not None:
        return structs.replace(d, how=f"{said}: the year from {d.how}")
    elif running_year is not None:
        chosen = running_year[0]
        how = f"{said}: the year the text last gave, before this paragraph (“{running_year[1]}”)"
    elif stated_year is not None:
        chosen, how = (
            stated_year,
            f"{said}: the year the text says it is written in ({stated_year})",
        )
    if chosen is None:
        return structs.replace(d, date=None, year_inferred=False, how=None)
    try:
        date = PartialDate.parse(PartialDate(chosen, d.month, d.day).isoformat())
    except ValueError:
        return structs.replace(d, date=None, year_inferred=False, how=None)
    return structs.replace(d, date=date, year_inferred=True, how=how)


_NAMES_A_THING = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+$", re.IGNORECASE)
"""Before a year that qualifies a noun ("the 1947 treaty", "its 1816 independence")."""


def _sets_the_year(d: DateMention, text: str) -> bool:
    """Whether a date a sentence states says when its story is: a year or a date in time,
    not a span ("the 1960s", "the nineteenth century", "1910-1945") and not a year that
    names a thing ("the 1947 Inter-American Treaty"): neither tells the year of the
    "April 7" that follows."""
    if d.date is None or d.year_inferred or d.relative or d.last is not None:
        return False
    if d.date.precision == "year" and _NAMES_A_THING.search(text[: d.start]):
        return not re.match(r"\s+[A-Za-z]", text[d.end :])
    return True


def _last_year(
    found: list[DateMention], text: str, *, with_month: bool = False
) -> tuple[int, str] | None:
    """The last year a sentence states outright (what its paragraph goes on to be about);
    ``with_month``: only of a date stated with its month ("April 2, 1982")."""
    stated = [
        d
        for d in found
        if _sets_the_year(d, text) and not (with_month and d.date and d.date.precision == "year")
    ]
    if not stated:
        return None
    last = stated[-1]
    assert last.date is not None
    return (last.date.year, last.text)


def _at(d: DateMention) -> int:
    return d.start


def _sequels(
    text: str, found: list[DateMention], told: list[DateMention]
) -> tuple[list[DateMention], list[DateMention]]:
    """The dates a sentence says relative to the story's last one ("The following day",
    "three days later"), each counted from the last date told before it precisely
    enough (a day for a day); one with no such date is kept without a date, so that its
    number is not drafted as a figure ("three days"). Second, those that look back
    ("two weeks earlier"): a flashback, never what a later "the next day" counts from."""
    out: list[DateMention] = []
    back: list[DateMention] = []
    stated = any(d.date is not None and not d.year_inferred and not d.relative for d in found)
    for sequel in find_sequels(text):
        if stated or any(d.start < sequel.end and sequel.start < d.end for d in found):
            # "Fifteen months later, in February 1973, ...": the sentence states its date;
            # the count is a duration (a figure), not a second date
            continue
        before = [*told, *(d for d in found if d.end <= sequel.start and d.last is None)]
        base = next(
            (
                d
                for d in reversed(before)
                if d.date is not None and after_date(d.date, sequel) is not None
            ),
            None,
        )
        if base is None or base.date is None:
            out.append(DateMention(sequel.text, sequel.start, sequel.end, None, relative=True))
            continue
        date = after_date(base.date, sequel)
        assert date is not None
        how = f"“{sequel.text}”: counted from “{base.text}” ({base.date.isoformat()})"
        mention = DateMention(
            sequel.text,
            sequel.start,
            sequel.end,
            date,
            date.month,
            date.day,
            year_inferred=True,
            how=how,
        )
        out.append(mention)
        if sequel.count < 0:
            back.append(mention)
    return out, back


def _answers(
    answers: Sequence[Answer], all_sentences: Sequence[Sentence], text: str
) -> list[Statement]:
    """Each answer of an interview as one statement of the person who gives it."""
    out: list[Statement] = []
    for answer in answers:
        words = text[answer.start : answer.end].strip()
        if len(words.split()) < 3:
            continue
        held = tuple(s for s in all_sentences if s.line == answer.line)
        if not held:
            continue
        out.append(
            Statement(
                words,
                answer.speaker.name,
                answer.speaker.aliases,
                False,
                held,
                ((answer.start, answer.end),),
            )
        )
    return out
