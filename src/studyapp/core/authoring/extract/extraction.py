"""Run the finders over a whole article: :func:`extract` and its :class:`Extraction`.

The text is split into sentences and read once, in order, so that what one
sentence says helps the next: the year a paragraph is about completes its
dates without a year, the person a paragraph names is the "he" of the next
sentence, and a quotation that goes on from the sentence or paragraph before
keeps its speaker. The article's own date (its dateline, or ``anchor``)
resolves relative dates and the year of dates that omit it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from msgspec import Struct, structs

from studyapp.core.authoring.extract.dateline import find_dateline
from studyapp.core.authoring.extract.dates import (
    BUDGET_AFTER,
    DateMention,
    context_year,
    find_dates,
)
from studyapp.core.authoring.extract.figures import FigureMention, find_figures
from studyapp.core.authoring.extract.interview import Answer, find_answers
from studyapp.core.authoring.extract.parsed import parse_statements
from studyapp.core.authoring.extract.people import People
from studyapp.core.authoring.extract.quotes import (
    Continuation,
    QuoteMention,
    announcer,
    claim_open_quotes,
    find_quotes,
    give_open_quotes,
    run_on_close,
    run_on_quote,
    run_on_speaker,
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
    parse: bool = False,
    parse_progress: Progress | None = None,
) -> Extraction:
    """Find every date, figure and statement in ``text`` (plain text, one paragraph a line).

    ``anchor`` is the article's date (default: its dateline); ``year`` forces the
    year of dates that omit it ("June 3"), which otherwise comes from the
    sentence, the anchor, the paragraph, or the year the text says it is written in.
    ``parse``: add the statements a sentence parse finds where the rules found none
    (:mod:`.parsed`; nothing when spaCy's model is not installed), telling
    ``parse_progress`` how far it is.
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
    story: DateMention | None = None  # the story's last date with its month (asides left out)
    told_here: DateMention | None = None  # the paragraph's own last story date (for look-backs)
    line = 0
    run_on: int | None = None  # where a quotation the paragraph before left open closes
    first_of_paragraph: Sentence | None = None
    paragraph_starts: set[int] = set()
    total = len(all_sentences)
    for done, sentence in enumerate(all_sentences):
        if progress is not None and done % 200 == 0:
            progress(done, total)
        if sentence.line != line:
            line, paragraph_year, told_here = sentence.line, None, None
            speakers.line = line
            paragraph = [s for s in all_sentences[done : done + 40] if s.line == line]
            signed = signature(paragraph, people)
            if signed is not None:
                # a pull quotation signed with its speaker's name, its marks lost
                continuation = Continuation(speaker=signed, line=line, block=True)
            first_of_paragraph = sentence
            paragraph_starts.add(sentence.start)
            if run_on is not None and run_on < sentence.start:
                run_on = None
            if run_on is None and continuation.open_quote and line - continuation.line in (1, 2):
                # a quotation left open at the end of the paragraph before goes on here (and
                # maybe through the next ones) up to a closing mark, never opened again
                ahead = [s for s in all_sentences[done : done + 120] if s.line <= line + 4]
                close = run_on_close(text[sentence.start : ahead[-1].start + len(ahead[-1].text)])
                run_on = None if close is None else sentence.start + close
                closing = next(
                    (s for s in ahead if run_on is not None and s.start + len(s.text) > run_on),
                    None,
                )
                named = None
                if run_on is not None and closing is not None:
                    named = run_on_speaker(closing, run_on - closing.start, speakers)
                if named is not None:
                    # “We will win. ¶ We have the players,” Hale said: all of it is Hale's
                    give_open_quotes(quotes, named.name, named.aliases, line, paragraph_starts)
                    continuation.speaker = named
        for _s, _e, person in people.mentions(sentence.text, sentence.start):
            person.last_seen = max(person.last_seen, sentence.start)
        if speakers.last_person is not None:
            subjects[sentence.start] = speakers.last_person
        if sentence.line == 1 and title is not None and not _DATED_TITLE.search(title):
            continue  # the title: its words come back in the body
        found = find_dates(sentence.text, anchor=anchor)
        found = [
            _complete(d, sentence, year, anchor, paragraph_year, stated_year, running_year, story)
            for d in found
        ]
        sequels, flashbacks = _sequels(sentence.text, found, told)
        found = sorted([*found, *(d for d in sequels if d.date is not None)], key=_at)
        told += [
            d
            for d in found
            if d.date is not None
            and d.last is None
            and d not in flashbacks
            and not _names_a_thing(d, sentence.text)
        ]
        if not _asks(sentence.text):  # a question states no date or figure ("..., in 2005?")
            dates += [structs.replace(d, sentence=sentence) for d in found]
            figures += [
                structs.replace(f, sentence=sentence)
                for f in find_figures(sentence.text, [*found, *sequels])
            ]
        # a year the paragraph's story looks back to in passing ("Solidarity was formed in
        # August 1980" after "On February 6, 1989"): backstory, not the story's new year
        found_now = [d for d in found if not _looks_back(d, sentence.text, told_here)]
        story = next(
            (
                d
                for d in reversed(found_now)
                if d.date is not None
                and d.date.precision != "year"
                and d.last is None
                and d not in flashbacks
                and not d.relative
                and not _names_a_thing(d, sentence.text)
                and not _aside(d, sentence.text)
            ),
            story,
        )
        if story is not None and story in found_now:
            told_here = story
        paragraph_year = _last_year(found_now, sentence.text) or paragraph_year
        # Across paragraphs the story's year is its timeline's: the last date told with its
        # month ("April 2, 1982"), a year that opens its sentence ("In 1976, ...", "The
        # 1976 elections ...") or a season's ("in the summer of 1994"); a year said in
        # passing ("agreements with the Soviet Union in 1945") stands in until there is one.
        timeline = _last_year(found_now, sentence.text, timeline=True) or timeline
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
        said_on: QuoteMention | None = None
        if run_on is not None and sentence.start <= run_on:
            close = (
                run_on - sentence.start if run_on < sentence.start + len(sentence.text) else None
            )
            said_on = run_on_quote(sentence, close, continuation, speakers)
            if said_on is not None and not sentence.text[said_on.end :].strip():
                quotes.append(said_on)
                continuation = Continuation(
                    speaker=continuation.speaker, line=sentence.line, quoted=True
                )
                speakers.saw(sentence.text)
                continue
        following = all_sentences[done + 1] if done + 1 < total else None
        ends_paragraph = following is None or following.line != sentence.line
        before = continuation
        found_quotes, continuation = find_quotes(
            sentence, speakers, continuation, ends_paragraph=ends_paragraph
        )
        if said_on is not None:
            quotes.append(said_on)
            if not found_quotes:
                continuation.speaker = before.speaker
                continuation.quoted = True
        elif found_quotes and sentence is first_of_paragraph:
            claim_open_quotes(quotes, found_quotes[0], paragraph_starts)
        quotes += found_quotes
        found_reports = find_reported(sentence, speakers)
        reports += found_reports
        if found_reports and not found_quotes:
            continuation.speaker = found_reports[-1].speaker
        elif not any(q.speaker for q in found_quotes):  # (a title or a term announces too)
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
    statements = build_statements(
        quotes, reports, text, _answers(transcript.answers, all_sentences, text)
    )
    if parse:
        statements += parse_statements(text, all_sentences, statements, parse_progress)
    return Extraction(
        title,
        year if year is not None else stated_year,
        all_sentences,
        dates,
        figures,
        quotes,
        statements,
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
    story: DateMention | None = None,
) -> DateMention:
    """A date without a year, given the year its context gives (never another date's guess).

    Across paragraphs a story moves on: a year-less date that would fall before the story's
    last date (``story``) is the next one after it ("By October 30 [1990] ... a land campaign
    that began on February 24": 1991), unless the sentence looks back (the past perfect).
    """
    if d.relative or d.month is None or (d.date is not None and not d.year_inferred):
        return d
    said = f"“{d.text}”"
    chosen: int | None = None
    how: str | None = None
    earlier = [
        m.group(1)
        for m in re.finditer(
            r"(?<![\w$€£¥.,/-])(1[0-9]{3}|20[0-9]{2})(?![\w%])", sentence.text[: d.start]
        )
        if not BUDGET_AFTER.match(sentence.text, m.end())  # "the 2027 budget": no story year
        # "Ann Ray, who had led the walkout in 1976, spoke on June 2": someone's past, told in
        # a relative clause, is not the year of the date after it
        and not _RELATIVE_ASIDE.search(sentence.text[: m.start()])
    ]
    fiscal = list(_FISCAL_YEAR.finditer(sentence.text[: d.start]))
    if fiscal and earlier:
        # the later of the two: "In FY2026, through August" is the fiscal year's
        if fiscal[-1].end() >= sentence.text.rfind(earlier[-1], 0, d.start):
            earlier = []
        else:
            fiscal = []
    shared = _SHARED_YEAR.match(sentence.text[d.end :])
    said_year = re.match(r"\s+of\s+(this|last|next)\s+year\b", sentence.text[d.end :], re.I)
    inferred = True
    if said_year is not None and year is None:
        # "In February of this year": the article's year, or none without its date
        if anchor is None:
            return structs.replace(d, date=None, year_inferred=False, how=None)
        chosen = anchor.year + {"last": -1, "next": 1}.get(said_year.group(1).lower(), 0)
        how = f"{said} {said_year.group(0).strip()}: the year of the article's date ({chosen})"
    elif year is not None:
        chosen, how = year, f"{said}: the year given with --year ({year})"
    elif shared is not None:  # stated, for the pair: "January 4 and 5, 1974"
        chosen, how, inferred = int(shared.group("year")), None, False
    elif fiscal:
        # the US federal fiscal year N runs from October of N-1 to September of N
        fy = int(fiscal[-1].group("fy"))
        chosen = fy - 1 if d.month >= 10 else fy
        how = f"{said}: in fiscal year {fy} (October {fy - 1} to September {fy})"
    elif earlier:
        chosen, how = int(earlier[-1]), f"{said}: the year its sentence gives ({earlier[-1]})"
    elif (
        anchor is not None and anchor.month is not None and _FUTURE.search(sentence.text[: d.start])
    ):
        # "Construction will start in September" in an article of March 4, 2025: the next
        # September after the article's date, whatever year the paragraph looked back to
        after = (d.month, d.day or 32) >= (anchor.month, anchor.day or 0)
        chosen = anchor.year if after else anchor.year + 1
        how = f"{said}: the next one after the article's date ({anchor.isoformat()})"
    elif paragraph_year is not None:
        chosen = paragraph_year[0]
        how = f"{said}: the year of its paragraph (“{paragraph_year[1]}”)"
    elif anchor is not None and d.date is not None:
        return structs.replace(d, how=f"{said}: the year from {d.how}")
    elif running_year is not None:
        chosen = running_year[0]
        how = f"{said}: the year the text last gave, before this paragraph (“{running_year[1]}”)"
        last = story.date if story is not None else None
        if (
            story is not None
            and last is not None
            and last.month is not None
            and not _PAST_PERFECT.search(sentence.text)
        ):
            # the reading nearest the story's last date, at the coarser precision ("late
            # May" is not before "May 5"): a month back is a look back, eight are not
            days = d.day is not None and last.day is not None

            def at(y: int, m: int | None, day: int | None) -> float:
                return y * 12 + (m or 0) + ((day or 0) / 32 if days else 0)

            then = at(last.year, last.month, last.day)
            options = sorted({chosen, last.year, last.year + 1})
            nearest = min(options, key=lambda y: (abs(at(y, d.month, d.day) - then), -y))
            if nearest != chosen and at(chosen, d.month, d.day) < then:
                chosen = nearest
                how = f"{said}: the reading nearest the story's last date, “{story.text}” ({last})"
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
    if inferred and not _weekday_fits(sentence.text, d, chosen):
        # "On Wednesday, April 21" after "since 1947": April 21, 1947 was a Monday, so 1947
        # is not its year (the draft asks the author for it)
        return structs.replace(d, date=None, year_inferred=False, how=None)
    return structs.replace(d, date=date, year_inferred=inferred, how=how)


_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:expected|scheduled|due|set|planned|slated)\s+to"
    r"|(?:plans?|intends?|aims?)\s+to)\s+(?:(?:not|also|then|now|only|[a-z]+ly)\s+)?"
    r"[a-z]+\b[^.;:]{0,80}$",
    re.IGNORECASE,
)
"""The sentence speaks of what is to come, before its date: "Construction will start in
September", "the line is expected to open in June"."""
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BEFORE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WEEKDAY_AFTER = re.compile(
    r"^,?\s*\(?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE
)


def _weekday_fits(text: str, d: DateMention, year: int) -> bool:
    """Whether the weekday written with a day ("Wednesday, April 21", "April 21 (Wednesday)")
    is that day's in ``year``; true when none is written."""
    if d.month is None or d.day is None:
        return True
    named = _WEEKDAY_BEFORE.search(text[: d.start]) or _WEEKDAY_AFTER.match(text[d.end :])
    if named is None:
        return True
    try:
        weekday = datetime.date(year, d.month, d.day).weekday()
    except ValueError:
        return True
    return _WEEKDAYS[weekday] == named.group(1).lower()


_OPENS_OR_SEASON = re.compile(
    r"^\s*(?:(?:In|By|During|Since|Until|From|Through|Throughout|After|Before|Over|As\s+of"
    r"|Early\s+in|Late\s+in|The)\s+(?:the\s+)?(?:(?:early|late|mid|spring|summer|autumn|fall"
    r"|winter)(?:\s+of)?[\s-]+)?)?$"
    r"|\b(?:spring|summer|autumn|fall|winter)\s+of\s+$",
    re.IGNORECASE,
)
"""Before a year that sets a story's time: at the opening of its sentence ("In 1976,",
"The 1976 elections"), or a season's ("in the summer of 1994")."""
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|never|already|long|also|just|since|been|once)\s+)*"
    r"(?!(?:a|an|the|to|no|its|his|her|their|some|many|little|much|more|[0-9])\b)"
    r"[a-z]+(?:ed|en|wn|ne|ung|ught|ept|elt|ade|id|ost|ot|ound|ent|un)\b",
    re.IGNORECASE,
)
"""The past perfect: what had happened before the story ("the United Kingdom had
established a presence"), whose years are backstory."""
_NAMES_A_THING = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+$", re.IGNORECASE)
"""Before a year that qualifies a noun ("the 1947 treaty", "its 1816 independence")."""


_FISCAL_YEAR = re.compile(r"\b(?:FY\s?|[Ff]iscal\s+[Yy]ear\s+)(?P<fy>1[0-9]{3}|20[0-9]{2})\b")
"""A fiscal year its sentence names before a month that omits its year ("In FY2026, through
August, ...", "a low of 13,844 claims (November)")."""
_SHARED_YEAR = re.compile(
    r",?\s*(?:and|or|to|through|until|-|–|—)\s+(?:(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Nov|Dec)\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:of\s+)?(?P<year>1[0-9]{3}|20[0-9]{2})\b"
)
"""A year-less date paired with a dated one shares its year: "In January and May 1974",
"January 4 and 5, 1974", "the April and November 1973 efforts", "in October and November of
1943"."""


def _names_a_thing(d: DateMention, text: str) -> bool:
    """A date inside a name: "the 1947 Inter-American Treaty", "the June 1967 Arab-Israeli
    War" (never "the 1976 presidential elections", the year's own events)."""
    return bool(
        _NAMES_A_THING.search(text[: d.start]) and re.match(r"\s+[A-Z][a-z]", text[d.end :])
    )


_ASIDE = re.compile(r",\s*which\b[^;:—–()]*$")
"""Before a date told in passing, in a clause about something else: "a war, which began on
January 16, 1991, and ended on February 28, 1991" (told ahead of the story, or behind it)."""


def _aside(d: DateMention, text: str) -> bool:
    """Whether a date is told in a ", which ..." clause (:data:`_ASIDE`): not the story's."""
    return _ASIDE.search(text[: d.start]) is not None


def _sets_the_year(d: DateMention, text: str) -> bool:
    """Whether a date a sentence states says when its story is, and so the year of the
    "April 7" that follows: not a decade or a century ("the 1960s"), not a date inside a
    name ("the 1947 Inter-American Treaty"), not a year of the story's past told in the
    past perfect ("Argentina had maintained a claim since 1816"), not a fiscal year."""
    if d.date is None or d.year_inferred or d.relative:
        return False
    if re.search(r"\bFY\s?$", text[: d.start]):
        return False  # "for the period FY2027-FY2036": a budget's years, often ahead of the story
    if d.last is not None and (d.last.year - d.date.year >= 9 or d.date.precision != "year"):
        return False  # a decade or a century; a range of years ends in its last
    if _names_a_thing(d, text):
        return False
    if re.search(
        r"\b(?:[Ss]ince|[Ee]ver\s+since)\s+(?:(?:early|late|mid)[\s-]+)?$", text[: d.start]
    ):
        return (
            False  # "studied since 1947": a state that began then and goes on, not the story's year
        )
    if d.date.precision != "year" or re.search(r"\b[Bb]y\s+$", text[: d.start]):
        return True  # "By 1973, OPEC had demanded ...": the state of things in 1973
    clause_start = max(text.rfind(c, 0, d.start) for c in ";:")
    clause_end = min((i for i in (text.find(c, d.end) for c in ";:") if i >= 0), default=len(text))
    return not _PAST_PERFECT.search(text[clause_start + 1 : clause_end])


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,;:()]*$")
"""Before a year inside a relative clause set off by commas, still open: "Ann Ray, who had
led the walkout in 1976, ...": the clause is about someone's or something's past."""
_LOOK_BACK_MONTHS = 12
"""How far before the paragraph's story date a date told in passing must fall to be backstory:
more than a year (a month or two back is the same story's "earlier in October")."""


def _looks_back(d: DateMention, text: str, story: DateMention | None) -> bool:
    """Whether a date stated in a sentence is the story looking back, in passing, from the
    date its paragraph has reached: more than a year before it and not opening its sentence
    ("Solidarity was formed in August 1980 ..." or "Dubcek, who led the Prague Spring in
    1968, ..." in a paragraph already at 1989). Such a year is not the year of the paragraph's
    next "April 4". A sentence that opens on a year ("In 1980, ...") moves the story there."""
    if story is None or story.date is None or d.date is None or d.year_inferred or d.relative:
        return False
    if _OPENS_OR_SEASON.search(text[: d.start]):
        return False
    last = d.last if d.last is not None else d.date
    then = story.date.year * 12 + (story.date.month or 1)
    said = last.year * 12 + (last.month or 12)
    return then - said > _LOOK_BACK_MONTHS


def _last_year(
    found: list[DateMention], text: str, *, timeline: bool = False
) -> tuple[int, str] | None:
    """The last year a sentence states outright (what its paragraph goes on to be about);
    ``timeline``: only a date with its month, a year opening the sentence or a season's."""
    stated = [
        d
        for d in found
        if _sets_the_year(d, text)
        and (
            not timeline
            or (d.date is not None and d.date.precision != "year" and not _aside(d, text))
            or _OPENS_OR_SEASON.search(text[: d.start])
        )
    ]
    if not stated:
        return None
    last = stated[-1]
    assert last.date is not None
    year = last.last.year if last.last is not None else last.date.year  # "1978–1979": 1979
    return (year, last.text)


def _asks(text: str) -> bool:
    """Whether a sentence is a question of the text's own (an interviewer's, a rhetorical
    one): what it holds is asked, not stated."""
    return text.rstrip().rstrip("”\"’'").rstrip().endswith("?") and not re.search(
        r"[”\"]\s*[,.]?\s*\w", text
    )


def _at(d: DateMention) -> int:
    return d.start


def _sequels(
    text: str, found: list[DateMention], told: list[DateMention]
) -> tuple[list[DateMention], list[DateMention]]:
    """The dates a sentence says relative to the story's last one ("The following day",
    "three days later"), each counted from the last date told before it; one whose last
    date is not precise enough (a day after "1963"), or that has none, is kept without a
    date, so that its number is not drafted as a figure ("three days"). Second, those that
    look back ("two weeks earlier"): a flashback, never what a later "the next day" counts
    from."""
    out: list[DateMention] = []
    back: list[DateMention] = []
    stated = any(d.date is not None and not d.year_inferred and not d.relative for d in found)
    for sequel in find_sequels(text):
        if any(d.start < sequel.end and sequel.start < d.end for d in found):
            continue
        own = [d for d in found if d.end <= sequel.start and d.last is None and d.date]
        if stated and not (own and sequel.text.lower().startswith("the ")):
            # "Fifteen months later, in February 1973, ...": the sentence states its date;
            # the count is a duration (a figure), not a second date. "the previous year"
            # after a date of its own sentence counts from it ("10.2% in 2025, down from
            # 10.7% the previous year")
            continue
        before = [*told, *(d for d in found if d.end <= sequel.start and d.last is None)]
        # the story's last date, whatever its precision: "By 1963, ... Three weeks later"
        # counts from 1963 (no day: no date), never from a day told before it
        base = before[-1] if before else None
        date = after_date(base.date, sequel) if base is not None and base.date else None
        if base is None or base.date is None or date is None:
            out.append(DateMention(sequel.text, sequel.start, sequel.end, None, relative=True))
            continue
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
