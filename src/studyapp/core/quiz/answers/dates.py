"""Dates: reading them as learners write them, showing them, and checking them.

A date is checked at the precision the deck states it (day, month or year):
a finer answer inside that period is right, one step coarser is *close*, and a
numeric date with two readings ("6/7/2025") is never silently accepted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal

from studyapp.core.decks.model import MONTH_NAMES, PartialDate
from studyapp.core.quiz.answers.normalise import clean, word_set
from studyapp.core.quiz.answers.numbers import SMALL_NUMBERS, TENS_NUMBERS
from studyapp.core.quiz.answers.verdict import Outcome, Verdict, make_verdict, no_answer

__all__ = ["DATE_STYLES", "DateStyle", "check_date", "compatible", "parse_date", "render_date"]

_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.casefold()] = _number
    _MONTHS[_name[:3].casefold()] = _number
_MONTHS["sept"] = 9
_WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_WEEKDAY_INDEX = {
    word: n
    for n, forms in enumerate(
        [
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        ]
    )
    for word in forms.split()
}
"""A weekday's name -> its number (Monday 0, as ``date.weekday()``)."""
_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DATE_FILLER = word_set(
    "in on the of about around circa ca c early mid late by during ad ce year month day"
)

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_DAY_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS, start=1)}
_DAY_WORDS |= {w: i for i, w in enumerate(_TEENS, start=10)}
_DAY_WORDS |= {"twentieth": 20, "thirtieth": 30}
_DAY_WORDS |= {f"twenty {w}": 20 + i for i, w in enumerate(_UNITS, start=1)}
_DAY_WORDS |= {"thirty first": 31}
_DAY_WORD = re.compile(
    r"\b(" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)).replace(" ", "[ -]?") + r")\b"
)
"""Days written as ordinal words: "June third", "the twenty-first of June"."""


def _day_words_as_digits(text: str) -> str:
    return _DAY_WORD.sub(lambda m: str(_DAY_WORDS[re.sub(r"[ -]", " ", m[1])]), text)


_ONES = {w: n for w, n in SMALL_NUMBERS.items() if n}  # (the figures' own number words)
_TENS_WORDS = TENS_NUMBERS
_NOUGHT = frozenset({"oh", "o", "zero", "nought"})
_YEAR_WORD = r"(?:" + "|".join([*_ONES, *_TENS_WORDS, "hundred", "thousand", *_NOUGHT]) + r")"
_YEAR_WORDS = re.compile(rf"\b{_YEAR_WORD}(?:(?:[ -]+|[ -]+and[ -]+){_YEAR_WORD})*\b")
"""A run of the words a year is said in: "nineteen sixty-five", "two thousand and fifteen"."""


def _below_hundred(words: list[str]) -> int | None:
    """ "sixty five" -> 65, "seven" -> 7, "twenty" -> 20; None for anything else."""
    if len(words) == 1:
        return _ONES.get(words[0], _TENS_WORDS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS_WORDS and words[1] in _ONES:
        unit = _ONES[words[1]]
        return _TENS_WORDS[words[0]] + unit if unit < 10 else None
    return None


def _spoken_year(words: list[str]) -> int | None:
    """A year said in words, or None: "nineteen sixty five" (a pair), "eighteen oh five",
    "twenty twenty four", "nineteen hundred (and five)", "two thousand (and) fifteen",
    "one thousand nine hundred sixty five". ``words``: casefolded, one word an item."""
    if "thousand" in words:
        at = words.index("thousand")
        thousands = _below_hundred(words[:at]) if at == 1 else None
        if thousands is None or thousands > 9:
            return None
        rest = words[at + 1 :]
        hundreds = 0
        if "hundred" in rest:
            h = rest.index("hundred")
            found = _below_hundred(rest[:h]) if h == 1 else None
            if found is None or found > 9:
                return None
            hundreds, rest = found, rest[h + 1 :]
        return _year_tail(thousands * 1000 + hundreds * 100, rest)
    for cut in (1, 2):  # the century: "nineteen", "twenty"; "twenty one" is no century
        century = _below_hundred(words[:cut])
        if century is None or century < 10 or len(words) <= cut:
            continue
        rest = words[cut:]
        if rest[0] == "hundred":
            return _year_tail(century * 100, rest[1:])
        if rest[0] in _NOUGHT and len(rest) == 2 and rest[1] in _ONES and _ONES[rest[1]] < 10:
            return century * 100 + _ONES[rest[1]]  # "eighteen oh five"
        tail = _below_hundred(rest)
        if tail is not None and tail >= 10:
            return century * 100 + tail  # "nineteen sixty five", "twenty twenty four"
    return None


def _year_tail(base: int, rest: list[str]) -> int | None:
    """``base`` plus the year's last two digits said after "hundred" or "thousand"
    ("and five", "fifteen", or none: "nineteen hundred")."""
    if rest[:1] == ["and"]:
        rest = rest[1:]
        if not rest:
            return None
    if not rest:
        return base
    tail = _below_hundred(rest)
    return None if tail is None else base + tail


def _spoken_years_as_digits(text: str) -> str:
    """Years said in words written in digits: "june 3 nineteen sixty-five" -> "june 3 1965".
    ``text`` is casefolded; a run of number words that is no year is left as it is."""

    def year(match: re.Match[str]) -> str:
        found = _spoken_year(re.split(r"[ -]+", match[0]))
        return match[0] if found is None else str(found)

    return _YEAR_WORDS.sub(year, text)


DateStyle = Literal["long", "day_first", "short", "iso"]
"""How a date is written: "June 17, 2025", "17 June 2025", "Jun 17, 2025", "2025-06-17"."""
DATE_STYLES: tuple[DateStyle, ...] = ("long", "day_first", "short", "iso")

Reading = tuple[int | None, int | None, int | None]
"""One way to read a typed date: (year, month, day); the year may be missing ("June 17")."""


def render_date(date: PartialDate, style: DateStyle = "day_first") -> str:
    """A date at its own precision, in one of the styles the app shows.

    The default matches the study cards ("17 June 2025", "June 2025", "2025").
    """
    if style == "iso" or date.month is None:
        return date.isoformat() if style == "iso" else str(date.year)
    month = MONTH_NAMES[date.month - 1]
    if style == "short":
        month = month[:3]
    if date.day is None:
        return f"{month} {date.year}"
    if style == "day_first":
        return f"{date.day} {month} {date.year}"
    return f"{month} {date.day}, {date.year}"


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return year is None or year >= 1
    if month is None:
        return False
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return year is None or year >= 1


def parse_date(text: str) -> tuple[list[Reading], str | None]:
    """Every reasonable reading of a typed date, or an explanation of why it is none.

    "June 17, 2025", "17 June 2025", "Jun 17 2025", "2025-06-17", "2025/6/17",
    "April 2023", "2023-04", "4/2023", "in 2015", "2025年6月17日", and years said in
    words ("June third, nineteen sixty-five", "two thousand and fifteen"). A numeric
    "6/7/2025" has two readings (6 July, June 7); the checker reports that.
    """
    s = clean(text).strip()
    cjk = re.fullmatch(r"(\d{4})\s*[年년](?:\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?)?", s)
    if cjk:
        return _checked([tuple(int(g) if g else None for g in cjk.groups())], text)  # type: ignore[list-item]
    s = _spoken_years_as_digits(_day_words_as_digits(s.casefold()))
    s = re.sub(r"(\d+)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\s+", " ", s.strip(" .,;"))
    m = re.fullmatch(r"(\d{4})(?:[-/. ](\d{1,2})(?:[-/. ](\d{1,2}))?)?", s)
    if m:
        return _checked([tuple(int(g) if g else None for g in m.groups())], text)  # type: ignore[list-item]
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        return _checked([(int(m[1]), int(m[2]), int(m[3]))], text)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", s)
    if m:
        return _checked([(int(m[2]), int(m[1]), None)], text)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", s)
    if m:
        if len(m[3]) == 2:
            return [], f"'{text.strip()}': write the year in full (e.g. 2025)"
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        readings = [r for r in ((year, a, b), (year, b, a)) if _valid(*r)]
        return _checked(_unique_readings(readings), text)
    words = re.findall(r"[^\W\d_]+|\d+", s)
    month: int | None = None
    numbers: list[int] = []
    weekday: str | None = None
    for word in words:
        if word.isdigit():
            numbers.append(int(word))
        elif word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif word in _WEEKDAYS:
            weekday = weekday or word
        elif word in _DATE_FILLER:
            continue
        else:
            return [], f"'{text.strip()}' is not a date"
    if month is None:
        if len(numbers) == 1 and len(str(numbers[0])) == 4:
            return [(numbers[0], None, None)], None
        return [], f"'{text.strip()}' is not a date"
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if len(years) > 1 or len(days) > 1 or len(numbers) > 2:
        return [], f"'{text.strip()}' is not a date"
    if years and years[0] < 1000:
        return [], f"'{text.strip()}': write the year in full (e.g. 2025)"
    reading = (years[0] if years else None, month, days[0] if days else None)
    wrong_day = _other_weekday(reading, weekday)
    if wrong_day is not None:
        return [], f"'{text.strip()}': {wrong_day}; write the date again (no weekday needed)"
    return _checked([reading], text)


def _other_weekday(reading: Reading, weekday: str | None) -> str | None:
    """What is wrong with a weekday typed beside a full date it does not fall on ("Tuesday
    June 18 2018": a Monday), or None: the learner named two days, and which one they
    meant is theirs to say (a date without its year has no weekday to check)."""
    year, month, day = reading
    if weekday is None or year is None or month is None or day is None:
        return None
    try:
        actual = dt.date(year, month, day).weekday()
    except ValueError:
        return None  # not a calendar date: said as such
    if _WEEKDAY_INDEX.get(weekday, actual) == actual:
        return None
    return f"{render_date(PartialDate(year, month, day))} was a {_WEEKDAY_NAMES[actual]}"


def _date_of(reading: Reading) -> PartialDate:
    year, month, day = reading
    if year is None:
        raise ValueError("a date needs a year")
    return PartialDate(year, month, day)


def _unique_readings(readings: Sequence[Reading]) -> list[Reading]:
    out: list[Reading] = []
    for r in readings:
        if r not in out:
            out.append(r)
    return out


def _checked(readings: list[Reading], text: str) -> tuple[list[Reading], str | None]:
    valid = [r for r in readings if _valid(*r)]
    if not valid:
        return [], f"'{text.strip()}' is not a real calendar date"
    return valid, None


def _at(reading: Reading, precision: str) -> Reading:
    year, month, _ = reading
    if precision == "year":
        return (year, None, None)
    if precision == "month":
        return (year, month, None)
    return reading


def _precision_of(reading: Reading) -> str:
    _, month, day = reading
    return "day" if day is not None else "month" if month is not None else "year"


_LEVEL = {"year": 0, "month": 1, "day": 2}


def _judge_date(
    reading: Reading, expected: PartialDate, rivals: Sequence[PartialDate]
) -> tuple[Outcome, str, str]:
    """(outcome, reason, note) for one reading of the answer: the note is the reason
    without the answer (``shown``), which the screen shows on a line of its own."""
    shown = render_date(expected)
    want = (expected.year, expected.month, expected.day)
    year, month, day = reading
    if year is None:
        if month == expected.month and (expected.day is None or day == expected.day):
            return (
                Outcome.CLOSE,
                f"right, but which year? the answer is {shown}",
                "right, but which year?",
            )
        return Outcome.WRONG, f"the answer is {shown}", ""
    given_level = _LEVEL[_precision_of(reading)]
    want_level = _LEVEL[expected.precision]
    if given_level >= want_level:
        if _at(reading, expected.precision) == want:
            if given_level == want_level:
                return Outcome.CORRECT, "correct", ""
            only = f"the deck knows only the {expected.precision}"
            return Outcome.CORRECT, f"correct (the deck knows only {shown})", only
        as_date = _date_of(_at(reading, expected.precision))
        if as_date in rivals:
            other = f"{render_date(as_date)} is another date in this deck"
            return Outcome.WRONG, f"{other}; the answer is {shown}", other
        return Outcome.WRONG, f"the answer is {shown}", ""
    coarse = _precision_of(reading)
    if _at(want, coarse) != reading:
        return Outcome.WRONG, f"the answer is {shown}", ""
    if want_level - given_level > 1:
        return (
            Outcome.WRONG,
            f"right year, but the answer is {shown}",
            "right year, but which month and day?",
        )
    missing = "day" if expected.precision == "day" else "month"
    crowded = {
        r for r in rivals if r != expected and _at((r.year, r.month, r.day), coarse) == reading
    }
    crowd = ""
    if crowded:
        period = render_date(_date_of(reading))
        crowd = f" (this deck has {len(crowded) + 1} dates in {period})"
    which = f"right {coarse}, but which {missing}?"
    return Outcome.CLOSE, f"{which} the answer is {shown}{crowd}", which + crowd


def check_date(given: str, expected: PartialDate, rivals: Sequence[PartialDate] = ()) -> Verdict:
    """Check a date at the precision the deck states it.

    A finer answer inside the expected period is right; a coarser one that is
    one step short (the month for a day) is *close*; an ambiguous numeric date
    is never silently accepted.
    """
    shown_expected = render_date(expected)
    shown = given.strip()
    if not shown:
        return no_answer(shown_expected, shown)
    years = _year_range(_spoken_years_as_digits(clean(shown).casefold()))
    if years is not None:
        return _check_range(years, shown, expected, rivals)
    readings, error = parse_date(given)
    if error is not None:
        if _date_attempt(shown):  # a date the checker cannot read: written again, no grade
            write = f"{error}; write it as {_example(expected)}"
            return make_verdict(
                Outcome.WRONG, write, shown_expected, shown, note=write, ambiguous=True
            )
        return make_verdict(
            Outcome.WRONG,
            f"{error}; the answer is {shown_expected}",
            shown_expected,
            shown,
            note=error,
        )
    judged = [_judge_date(r, expected, rivals) for r in readings]
    if len(judged) == 1 or len({o for o, _, _ in judged}) == 1:
        outcome, reason, note = judged[0]
        return make_verdict(outcome, reason, shown_expected, shown, note=note)
    meanings = " or ".join(render_date(_date_of(r)) for r in readings)
    best = min((o for o, _, _ in judged), key=lambda o: _LEVEL_OF_OUTCOME[o])
    outcome = Outcome.CLOSE if best is Outcome.CORRECT else Outcome.WRONG
    # Both readings of what the learner wrote, in the order read: whichever is the answer,
    # the words are the same, so the re-ask gives nothing away.
    again = (
        f"ambiguous: '{shown}' could be {meanings}; write the month as a word or in "
        f"year-month-day order, {_example(expected)}"
    )
    return make_verdict(outcome, again, shown_expected, shown, note=again, ambiguous=True)


_SAID_WORDS = frozenset(
    {*_ONES, *_TENS_WORDS, *_NOUGHT, "hundred", "thousand", "and", "a", "st", "nd", "rd", "th"}
)
"""Words a date may be said in besides months, weekdays, day ordinals and fillers."""


def _date_attempt(shown: str) -> bool:
    """Whether an answer the checker cannot read as a date is still written as one:
    digits once days and years said in words are read ("17 Jume 2025", "Jume third,
    nineteen sixty-five"), or nothing but the words of dates ("sixty-five", "June
    thirty-second"). Such an answer is asked again; "yesterday" or "banana" is wrong."""
    said = _spoken_years_as_digits(_day_words_as_digits(clean(shown).casefold()))
    if re.search(r"\d", said):
        return True
    words = re.findall(r"[^\W\d_]+", said)
    if not any(w in _MONTHS or (w in _SAID_WORDS and w not in ("and", "a")) for w in words):
        return False  # no month, no number: "the", "Tuesday"
    return all(
        w in _SAID_WORDS or w in _MONTHS or w in _WEEKDAYS or w in _DATE_FILLER for w in words
    )


_RANGE = re.compile(
    r"(?:from\s+|between\s+)?(\d{4})"
    r"(?:\s*(?:-|–|—|/|to|until|till|and)\s*|\s+)(\d{4}|\d{2})",
    re.IGNORECASE,
)


def _year_range(shown: str) -> tuple[int, int] | None:
    """A span of years as articles write it: "1980-1988", "1980–88", "from 1980 to 1988"."""
    found = _RANGE.fullmatch(clean(shown).strip(" .,;"))
    if found is None:
        return None
    start, end = int(found[1]), int(found[2])
    if len(found[2]) == 2:
        if end <= 12 or end <= start % 100:
            return None  # "2023-04" is April 2023
        end += start - start % 100  # "1980-88"
    return start, end


def _check_range(
    years: tuple[int, int], shown: str, expected: PartialDate, rivals: Sequence[PartialDate]
) -> Verdict:
    """A range of years for a card that asks one date.

    Its start is the answer: right, since the card's blank is where the source wrote
    that range and a period is dated by its start ("the Iran-Iraq War of 1980"). Its end
    is the answer: close, for the learner did not say which end was asked. Neither: wrong.
    A range backwards, or for a card that asks a month or a day, is asked again.
    """
    answer = render_date(expected)
    start, end = years
    if end <= start or expected.precision != "year":
        again = f"'{shown}' is a range of years; give one date, {_example(expected)}"
        return make_verdict(Outcome.WRONG, again, answer, shown, note=again, ambiguous=True)
    if start == expected.year:
        note = "one date was asked: the start of your range"
        return make_verdict(Outcome.CORRECT, f"correct ({note})", answer, shown, note=note)
    if end == expected.year:
        which = "the end of your range; one date was asked"
        return make_verdict(
            Outcome.CLOSE, f"{which}; the answer is {answer}", answer, shown, note=which
        )
    other = [r for r in rivals if r.year == start and r.precision == "year"]
    note = f"{start} is another date in this deck" if other else ""
    reason = f"{note}; the answer is {answer}" if note else f"the answer is {answer}"
    return make_verdict(Outcome.WRONG, reason, answer, shown, note=note)


def _example(expected: PartialDate) -> str:
    """How to write a date, at the card's precision, without giving the answer away."""
    year = 1969 if expected.year != 1969 else 1989
    example = PartialDate(year, 7, 20 if expected.day is not None else None)
    if expected.month is None:
        return f"a year in full, e.g. {year}"
    return f"e.g. '{render_date(example)}' or {example.isoformat()}"


_LEVEL_OF_OUTCOME = {Outcome.CORRECT: 0, Outcome.CLOSE: 1, Outcome.WRONG: 2}


def compatible(a: PartialDate, b: PartialDate) -> bool:
    """Whether two dates could be the same day ("June 2025" and "2025-06-17" could)."""
    level = min(_LEVEL[a.precision], _LEVEL[b.precision])
    precision = ("year", "month", "day")[level]
    return _at((a.year, a.month, a.day), precision) == _at((b.year, b.month, b.day), precision)
