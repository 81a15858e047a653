"""Draft deck entries from an extraction.

Dates become ``date`` entries (``qa`` entries when no year can be told),
figures ``figure`` entries, statements ``quote`` entries: a quotation with its
speaker, or reported speech asked only as "who said it?" (its words are the
article's, not the speaker's). Every entry keeps its sentence verbatim as
``source``, says in ``explanation`` how a date was worked out, and carries
``review: true`` until an author has checked it. What only the author should
read ("Worked out, not stated: check it") is no field a learner sees: it is the
entry's :attr:`DraftDeck.checks`, written as a comment under ``review: true``
and deleted with it. A quotation nobody is said to have said is not drafted;
:func:`draft_notes` lists it for the author instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from msgspec import Struct, field
from pydantic import PrivateAttr

from studyapp.core.authoring.extract.dates import DateMention, format_anchor
from studyapp.core.authoring.extract.extraction import Extraction
from studyapp.core.authoring.extract.sentences import fold_text, slug, word_list
from studyapp.core.authoring.extract.statements import Statement
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.decks.model import (
    ID_PATTERN,
    AnyEntry,
    DateEntry,
    Deck,
    FigureEntry,
    QaEntry,
    QuoteEntry,
    SourceDocument,
)
from studyapp.core.decks.textsafety import safe_text

__all__ = ["DraftDeck", "draft_deck", "draft_notes"]


class DraftDeck(Deck):
    """A drafted deck, with what each entry leaves the author to check (never a field a
    learner reads: the draft writes it as a comment that accepting the entry deletes)."""

    _checks: dict[str, list[str]] = PrivateAttr(default_factory=dict)

    @property
    def checks(self) -> dict[str, list[str]]:
        """Entry id -> the notes for its author."""
        return self._checks

    def __eq__(self, other: object) -> bool:
        """Equal to the deck its file reads back as (the notes are comments there)."""
        if type(other) is Deck:
            return other == Deck.model_construct(**dict(self))
        return super().__eq__(other)

    __hash__ = Deck.__hash__


def _blank(text: str, start: int, end: int) -> str:
    return f"{text[:start]}____{text[end:]}"


def _unique_id(base: str, used: set[str]) -> str:
    base = base.strip("-._")[:72].strip("-._") or "entry"
    if not re.match(ID_PATTERN, base):
        base = "entry"
    candidate = base
    n = 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


_SLUG_STOP = frozenset(
    word_list(
        "the a an of and in on to for with by at from as is was were are be been that this "
        "it its his her their who which what when while ____"
    )
)


def _content_words(text: str, n: int) -> str:
    words = [w for w in slug(text, max_len=200).split("-") if w not in _SLUG_STOP]
    return "-".join(words[:n])


class _Draft(Struct):
    entries: list[AnyEntry] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    checks: dict[str, list[str]] = field(default_factory=dict)


_DATE_LEAD = re.compile(
    r"(?:\b(?:on|in|since|from|until|till|through|thru|to|by|during|of|as\s+of|early|late|mid"
    r"|before|after|at)[\s-]+)?(?:(?:the|a|an)\s+)?(?:(?<![\w-])(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)
"""The words that lead into a date and go with it: "in", "since the mid-", "through"."""
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AFTER_DAY = re.compile(
    rf"[-–]\s?(?:\d{{1,2}}\b(?![-–]\d)(?!\s+{_MONTH_WORD})|{_MONTH_WORD}(?:\s+\d{{1,2}}\b)?)"
)
"""What a month-first day joins: "16-17", "16-February 2"."""
_AFTER_MONTH = re.compile(rf"[-–]\s?(?:{_MONTH_WORD}(?:\s+\d{{1,2}}\b)?|\d{{1,2}}\s+{_MONTH_WORD})")
"""What a month (or a day-first date) joins: "January-February", "5 May–6 June"."""
_JOINED_BEFORE = re.compile(
    rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD}|{_MONTH_WORD})\s?[-–]$"
)
"""A range's first date before the dash: "January 16-", "5 May–", "January-" (never a bare
number: "pages 12-May 4")."""


_JOINED_INSIDE = re.compile(rf"(?:\d{{1,2}}|{_MONTH_WORD})\s?[-–]\s?(?:\d{{1,2}}\b|{_MONTH_WORD})")


def joined_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a date with the other end of a range joined to it by a dash, which goes
    with it: "January 16" of "January 16-17, 1993", "February 1993" of "January-February
    1993" (never a year's: "1990-91" is one date, read whole)."""
    said = text[start:end]
    if not re.search(r"\d{4}$", said):
        joins = _AFTER_DAY if re.search(r"\b\d{1,2}$", said) else _AFTER_MONTH
        after = (
            joins.match(text, end) if re.search(rf"(?:\b\d{{1,2}}|{_MONTH_WORD})$", said) else None
        )
        if after is not None:
            end = after.end()
    before = _JOINED_BEFORE.search(text[:start])
    if before is not None and re.match(rf"{_MONTH_WORD}|\d{{1,2}}\s+{_MONTH_WORD}", said):
        start = before.start()
    year = re.match(r",?\s*\d{4}\b", text[end:])
    if year is not None and not re.search(r"\d{4}$", text[start:end]):
        end += year.end()  # the year the range shares
    return start, end


# A sentence that opens with a word that only the article can explain.
_BARE_OPENING = re.compile(
    r"^(?:This|These|That|Those|It|Its|The\s+two|Both|The\s+(?:agreement|deal|move|decision|plan"
    r"|incident|program|programme|study|report|measure|bill|law|policy|proposal|company|group"
    r"|organization|organisation|event|meeting|summit|talks|treaty))\b"
)
_PRONOUN_SUBJECT = re.compile(r"^(?P<p>He|She)\b(?!['’])")


_OPENING_WORD = r"(?:But|And|Yet|So|Then|Still|Later|Finally|Eventually|Meanwhile)"
"""A word that may open a sentence before its date: "But on August 2, 1990, ..."."""


def _without_date(text: str, start: int, end: int) -> str:
    """The sentence with a date phrase taken out ("In 2015, the ..." -> "The ...")."""
    lead = _DATE_LEAD.search(text[:start])
    cut_start = lead.start() if lead and lead.group(0).strip() else start
    if text[cut_start:start].strip().lower() in ("the", "a", "an") or (
        re.search(r"(?<![\w-])(?:the|a|an)\s+$", text[:start], re.IGNORECASE)
        and re.match(r"\s+\w", text[end:])
    ):
        cut_start = start  # "the 1965 Treaty", "day five of the 2018 World Cup": keep the lead
    before, after = text[:cut_start].rstrip(), text[end:]
    if re.match(r"\s*,", after) and re.fullmatch(_OPENING_WORD, before, re.IGNORECASE):
        after = re.sub(r"^\s*,", "", after)  # "But on May 2, Iraq ..." -> "But Iraq ..."
    if re.match(r"\s*\)", after) and before.endswith("("):
        before, after = before[:-1].rstrip(), re.sub(r"^\s*\)", "", after)
    if not before:
        after = re.sub(r"^[\s,;:]+", "", after)
        return after[:1].upper() + after[1:] if after else text
    if not after.strip():
        return before.rstrip(" ,;:—–-")  # a heading that dates its subject: "Monroe Doctrine, 1823"
    if before.endswith(",") and re.match(r"\s*(?:--|—|–)\s", after):
        before = before[:-1]  # "WASHINGTON, April 21 -- Secretary ..." -> "WASHINGTON -- ..."
    conjunction = re.search(r"(?<![\w-])(?:and|but|or|yet|so|then|while)\s*,?$", before, re.I)
    if (before.endswith(",") or conjunction) and re.match(r"\s*,", after):
        after = re.sub(r"^\s*,", "", after)
        if conjunction:  # "..., and on May 3, 1980, Carter asked" -> "..., and Carter asked"
            before = before.rstrip(",")
    if before.endswith(("(", "“")):
        return f"{before}{after.lstrip()}"
    joined = f"{before} {after.lstrip()}" if after.strip()[:1].isalnum() else f"{before}{after}"
    return re.sub(r"\s+", " ", joined).strip()


def _standalone(text: str, ex: Extraction, start: int) -> tuple[str, bool]:
    """``text`` with a leading "He"/"She" named, and whether it still needs its context."""
    subject = ex.subjects.get(start)
    pronoun = _PRONOUN_SUBJECT.match(text)
    if pronoun is not None and subject is not None:
        text = subject.name + text[pronoun.end() :]
    needs = bool(_BARE_OPENING.match(text)) or _PRONOUN_SUBJECT.match(text) is not None
    return text, needs


def _date_explanation(d: DateMention) -> tuple[str | None, list[str]]:
    """Why the date is right, for the learner; and what the author must check."""
    parts: list[str] = []
    checks: list[str] = []
    if d.how:
        how = d.how[:1].upper() + d.how[1:]
        parts.append(how if how.endswith((".", "”", ")")) else f"{how}.")
        checks.append("worked out, not stated: check it.")
    if d.last is not None and d.date is not None:
        span = d.last.year - d.date.year
        what = "decade" if span == 9 else "century" if span in (99, 100) else "range"
        parts.append(
            f"The text gives a {what}, “{d.text}” ({d.date}–{d.last}): this card asks when it "
            "began."
        )
        checks.append(f"the text gives a {what}: edit the card to ask what you want learnt.")
    return " ".join(parts) or None, checks


def _dated_start(ex: Extraction, at: int) -> bool:
    """Whether the date mention that starts at ``at`` (in the text) has a date of its own."""
    return any(
        d.sentence is not None and d.sentence.start + d.start == at and d.date is not None
        for d in ex.dates
    )


def _draft_dates(ex: Extraction, draft: _Draft) -> None:
    seen: set[tuple[str, str]] = set()
    published = False
    for d in ex.dates:
        assert d.sentence is not None
        source = d.sentence.text
        if d.date is None and d.relative:
            continue  # no anchor to count from: listed in the draft's notes
        key = (d.date.isoformat() if d.date else f"{d.month}-{d.day}", source)
        if key in seen:
            continue
        seen.add(key)
        if (
            ex.dateline_line is not None
            and d.sentence.line == ex.dateline_line
            and d.date is not None
            and d.date.precision == "day"
        ):
            if published:
                continue
            published = True
            _draft_publication(ex, d, draft)
            continue
        start, end = joined_range(source, d.start, d.end)
        if start < d.start and _dated_start(ex, d.sentence.start + start):
            continue  # the end of "January 16-February 2, 1993": its start's card asks it
        if d.date is None and end > d.end and re.search(r"\d{4}$", source[start:end]):
            continue  # "January" of "January-February 1993": the end's card asks it
        # the prompt names a leading "He"/"She" as the event does ("When? Reagan lifted ...")
        blanked, _needs = _standalone(_blank(source, start, end), ex, d.sentence.start)
        event, needs_context = _standalone(_without_date(source, start, end), ex, d.sentence.start)

        words = _content_words(event, 4)
        flags = ["needs-context"] if needs_context else []
        if d.date is None:
            entry_id = _unique_id(f"date-{words}", draft.used)
            _add(
                draft,
                QaEntry,
                id=entry_id,
                kind="qa",
                prompt=f"When? (give the full date) {blanked}",
                answer=d.text,
                tags=["dates", "draft", "needs-year", *flags],
                source=source,
                review=True,
                check=[
                    "the text does not say the year, and neither its sentence, its paragraph "
                    "nor a date line gives it: check it (or give the article's date with "
                    "`studyapp extract --date`), then make this a date entry."
                ],
            )
            continue
        inferred = ["inferred-date"] if d.how else []
        relative = ["relative-date"] if d.relative else []
        entry_id = _unique_id(f"date-{d.date.isoformat()}-{words}", draft.used)
        explanation, checks = _date_explanation(d)
        if d.last is None and (end > d.end or start < d.start or _JOINED_INSIDE.search(d.text)):
            # "January 16-17, 1993", "January-February 1993": a range, asked by one end
            which = "ended" if start < d.start else "began"
            said = f"The text gives a range, “{source[start:end]}”: this card asks when it {which}."
            explanation = f"{explanation.rstrip('.')}. {said}" if explanation else said
            checks.append("the text gives a range: edit the card to ask what you want learnt.")
        _add(
            draft,
            DateEntry,
            id=entry_id,
            kind="date",
            event=safe_text(event),
            date=d.date,
            prompt=f"When? {blanked}",
            variants=["when"],
            tags=["dates", "draft", *relative, *inferred, *flags],
            explanation=explanation,
            source=source,
            review=True,
            check=checks,
        )


def _draft_publication(ex: Extraction, d: DateMention, draft: _Draft) -> None:
    assert d.date is not None and d.sentence is not None
    title = ex.title or "the article"
    shown = f"“{title}”" if ex.title else title
    _add(
        draft,
        DateEntry,
        id=_unique_id(f"date-{d.date.isoformat()}-published", draft.used),
        kind="date",
        event=f"{shown} is published",
        date=d.date,
        prompt=f"When was {shown} published?",
        variants=["when"],
        tags=["dates", "draft", "dateline"],
        explanation="The article's date line.",
        source=d.sentence.text,
        review=True,
    )


def _draft_figures(ex: Extraction, draft: _Draft) -> None:
    kept: list[tuple[Decimal, str | None, str, str]] = []
    for f in ex.figures:
        assert f.sentence is not None
        source = f.sentence.text
        # the same number measuring the same thing again ("the sixtieth anniversary of ...");
        # a measure that names nothing but its unit ("number of months", "share of the")
        # cannot tell, so its sentence must be the same as well
        if any(
            v == f.value
            and u == f.unit
            and _similar(m, f.measure)
            and ((_names_something(m, u) and _names_something(f.measure, u)) or _similar(s, source))
            for v, u, m, s in kept
        ):
            continue
        kept.append((f.value, f.unit, f.measure, source))
        prompt, needs_context = _standalone(_blank(source, f.start, f.end), ex, f.sentence.start)
        value = f"{f.value.normalize():f}".replace(".", "-")
        entry_id = _unique_id(f"fig-{value}-{_content_words(f.measure, 4)}", draft.used)
        accept = [f.word] if f.word and f.word.lower() != str(f.value) else []
        measure = f.measure[:1].upper() + f.measure[1:]
        _add(
            draft,
            FigureEntry,
            id=entry_id,
            kind="figure",
            measure=safe_text(measure),
            value=f.number,
            unit=f.unit,
            prompt=f"What number? {prompt}",
            accept=accept,
            tags=["figures", "draft", *(["needs-context"] if needs_context else [])],
            source=source,
            review=True,
        )


_BARE_MEASURE = frozenset(word_list("number share amount value what measures percentage"))


def _names_something(measure: str, unit: str | None) -> bool:
    """Whether a figure's measure says what is measured beyond its unit ("share of the",
    "number of months" do not)."""
    left = set(fold_text(measure).split()) - _SLUG_STOP - _BARE_MEASURE
    return bool(left - set(fold_text(unit or "").split()))


def _similar(a: str, b: str) -> bool:
    wa = set(fold_text(a).split()) - _SLUG_STOP
    wb = set(fold_text(b).split()) - _SLUG_STOP
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


def _without_names(words: str, names: Sequence[str]) -> str:
    """The words with the speaker's names cut out (fragments joined with …): asked who said
    it, the learner must not read the answer."""
    parts = [p for n in names for p in n.split(" and ")]
    parts += [t for p in parts for t in p.split() if len(t) >= 3 and t[:1].isupper()]
    out = words
    for name in sorted(set(parts), key=len, reverse=True):
        # (an acronym in any case: "DoD" is DOD's name too)
        flags = re.IGNORECASE if len(name) >= 2 and name.isupper() else 0
        out = re.sub(rf"(?<![\w-]){re.escape(name)}(?:[’']s)?(?![\w-])", " … ", out, flags=flags)
    pieces = [p.strip(" ,;:") for p in out.split("…")]
    return " … ".join(p for p in pieces if re.search(r"\w", p))


_SPEAKER_PRONOUN = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bthen\s)|(?<=\bwhen\s)"
    r"|(?<=\bwhere\s)|(?<=\bwhile\s))(?:[Hh]e|[Ss]he|[Tt]hey)"
    r"(?=\s+(?:[a-z]+\s+){0,2}?[a-z]+(?:\s+that)?\s*[,:]?\s*\x00)"
    # or right after them, before its verb: "“…” he said", "“…,” she added, but ..."
    r"|(?<=\x00\s)(?:he|she|they)(?=\s+[a-z]+\b)|(?<=\x00[,.!?]\s)(?:he|she|they)(?=\s+[a-z]+\b)"
)
"""A pronoun that is the subject of the verb bringing the speaker's words ("He said, “…”",
"she also demanded that …"): it stands for the answer, like the name it replaces."""
_FRAME_WORDS = frozenset(
    word_list(
        "according to said says say stated states told added adds wrote writes also he she they"
        " dr mr mrs ms prof"
    )
)


def _tells_more(context: str) -> bool:
    """Whether a context says more than who-said-it's own frame ("According to ____, …",
    "____ said, “…”"): one that does not is no help to the learner, only noise."""
    words = re.findall(r"[\w’'-]+", context.replace("____", " "))
    return any(fold_text(w) not in _FRAME_WORDS for w in words)


def _statement_context(s: Statement, names: Sequence[str]) -> str:
    source = s.source
    first = s.sentences[0].start
    text = source
    for start, end in sorted(s.spans, reverse=True):
        a, b = start - first, end - first
        if 0 <= a < b <= len(text):
            text = text[:a] + "\x00" + text[b:]  # the statement's own words, marked
    text = _SPEAKER_PRONOUN.sub("____", _hide_names(text, names), count=1)
    if "____" not in text:
        # "He described the plan as “…”": the subject that opens the sentence said it
        text = re.sub(
            r"^(?:He|She|They)(?=\s+(?:also\s+|[a-z]+ly\s+)?"
            r"(?!(?:was|has|is|does|had|needed|used|seemed|appeared)\b)[a-z]+(?:ed|s)\b)",
            "____",
            text,
        )
    if s.reported:
        # "In July, ____ …, which ...": words that begin with their verb ("accused X of
        # ...") keep it in the context too, so that the sentence still reads as one
        verb = re.match(
            r"(?:[a-z]+ly\s+)?(?!(?:this|thus|its|his|hers|was|has|is|as)\b)[a-z]+(?:ed|s)\b",
            s.words,
        )
        if verb is not None:
            said = verb.group(0)
            text = re.sub(r"(____\s+)\x00", lambda m: f"{m.group(1)}{said} \x00", text, count=1)
    return text.replace("\x00", "…" if s.reported else "“…”")


def _draft_statements(ex: Extraction, draft: _Draft) -> None:
    seen: set[str] = set()
    for s in ex.statements:
        names = [s.speaker, *s.aliases]
        words = _without_names(s.words, names)
        key = fold_text(words)
        if not key or key in seen or (s.reported and len(re.findall(r"\w+", words)) < 4):
            continue
        seen.add(key)
        speaker_slug = slug(s.speaker.split()[-1] if s.speaker else "", max_len=20)
        entry_id = _unique_id(f"quote-{speaker_slug}-{_content_words(words, 4)}", draft.used)
        context = _statement_context(s, names)
        if not _tells_more(context):
            context = "reported speech" if s.reported else ""
        elif s.reported:
            context = f"{_REPORTED_LEAD}{context}"
        _add(
            draft,
            QuoteEntry,
            id=entry_id,
            kind="quote",
            quote=words,
            speaker=s.speaker,
            speaker_aliases=[a for a in dict.fromkeys(s.aliases) if a.strip() and a != s.speaker],
            context=safe_text(context) if re.search(r"\w", context) else None,
            variants=["who"] if s.reported else None,
            tags=["quotes", "draft", "reported" if s.reported else "quoted"],
            source=s.source,
            review=True,
        )


def _hide_names(text: str, names: Sequence[str]) -> str:
    """The context of a "who said it?" card must not name the speaker, in any case."""
    parts = [p for n in names for p in n.split(" and ")]
    parts += [re.sub(r"^(?:the|a|an)\s+", "", p, flags=re.IGNORECASE) for p in parts]
    parts += [t for p in parts for t in p.split() if len(t) >= 3 and t[:1].isupper()]
    for name in sorted(set(parts), key=len, reverse=True):
        pattern = rf"(?<![\w-])(?:the\s+)?{re.escape(name)}(?![\w-])"
        text = re.sub(pattern, "____", text, flags=re.IGNORECASE)
    # "General 'Abd ____": the first part of the name ("'Abd Al-Karim Qasim", "ʿAli ...")
    # that the speaker's name lost goes with the rest
    return re.sub(r"(?<!\S)[’'ʿ][A-Z][\w’'-]*\s+(?=____)", "", text)


def _add(
    draft: _Draft, make: Callable[..., AnyEntry], check: Sequence[str] = (), **fields: Any
) -> None:
    """Append the entry ``make(**fields)``, with ``check`` for its author; one the deck model
    refuses is left out, never the whole draft (an article can hold anything)."""
    try:
        draft.entries.append(make(**fields))
    except ValueError:
        draft.used.discard(fields.get("id", ""))
        return
    if check:
        draft.checks[fields["id"]] = list(check)


def draft_deck(
    ex: Extraction,
    *,
    deck_id: str,
    title: str | None = None,
    document_title: str | None = None,
) -> DraftDeck:
    """A deck of draft entries: dates, then figures, then statements, each in text order."""
    draft = _Draft()
    _draft_dates(ex, draft)
    _draft_figures(ex, draft)
    _draft_statements(ex, draft)
    if not draft.entries:
        raise ValueError("found no dates, figures or quotations in the text")
    doc_title = document_title or ex.title
    entries = _hide_shown_answers(draft.entries, keep=[t for t in (doc_title, ex.title) if t])
    if ex.title:
        entries = _title_years_hidden(entries, ex.title)
    deck = DraftDeck(
        id=deck_id,
        title=title or f"Draft: {doc_title or deck_id}",
        description=(
            "Drafted by `studyapp extract`: every entry's source is verbatim; edit every "
            "prompt, event, measure and context, and delete `review: true` from each entry "
            "you have checked, before giving this deck to anyone."
        ),
        document=(
            SourceDocument(title=doc_title, published=ex.anchor if ex.anchor_source else None)
            if doc_title
            else None
        ),
        entries=entries,
    )
    deck.checks.update(draft.checks)
    return deck


def draft_notes(ex: Extraction) -> list[str]:
    """What the draft leaves to the author: quotations without a speaker, dates without anchor."""
    notes: list[str] = []
    if ex.anchor is not None and ex.anchor_source:
        shown = "given with --date" if ex.anchor_source == "--date" else f"“{ex.anchor_source}”"
        notes.append(f"The article's date: {format_anchor(ex.anchor)} ({shown}).")
    unresolved = [d for d in ex.dates if d.relative and d.date is None]
    if unresolved:
        said = ", ".join(f"“{d.text}”" for d in unresolved[:8])
        notes.append(
            f"{len(unresolved)} relative date(s) not drafted, the article has no date line: "
            f"{said}. Give its date with `studyapp extract --date YYYY-MM-DD`."
        )
    unattributed = [q for q in ex.quotes if q.speaker is None]
    if unattributed:
        notes.append(
            f"{len(unattributed)} quotation(s) not drafted, the text does not say who said them "
            "(a term, a title or a scare quote, or a speaker the extractor missed):"
        )
        notes += [f"  “{q.text[:100]}{'…' if len(q.text) > 100 else ''}”" for q in unattributed]
    return notes


_REPORTED_LEAD = "reported speech, the article's words: "
"""How a reported statement's context opens: the words are the article's, not the speaker's."""
_QUESTION_LEAD = re.compile(
    r"^(?:(?:When|What number)\?\s+(?:\(give the full date\)\s+)?"
    rf"|{re.escape(_REPORTED_LEAD)})?"
)


def _taken_out(text: str, start: int, end: int, kind: str, verbatim: bool) -> str:
    """``text`` without the answer at ``start:end`` that another entry (of ``kind``) asks.

    As a teacher writes it, never a placeholder: a date goes with the words that lead
    into it ("owed it to creditors in 1990." -> "owed it to creditors."); in quoted words,
    and for any other answer, the cut is marked as an elision ("…").
    """
    if kind == "date":
        start, end = joined_range(text, start, end)
    if kind == "date" and not verbatim:
        lead = _QUESTION_LEAD.match(text)
        head = lead.group(0) if lead else ""
        if start >= len(head):
            rest = _without_date(text[len(head) :], start - len(head), end - len(head))
            if re.sub(r"\W", "", rest):
                return head + rest
    attributive = re.search(
        r"(?<![\w-])(?:the|a|an)\s+$", text[:start], re.IGNORECASE
    ) and re.match(r"\s+\w", text[end:])
    if kind == "date" and not attributive:  # "the … Treaty", but "since …"
        found = _DATE_LEAD.search(text[:start])
        if found and found.group(0).strip():
            start = found.start()
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return f"{before} …{' ' if after[:1].isalnum() else ''}{after}".strip()


def _outside(text: str, answer: str, keep: Sequence[str]) -> int:
    """Where ``answer`` is in ``text`` outside every ``keep`` (a title is not a question:
    its words stay as they are); -1: nowhere."""
    kept = [(m.start(), m.start() + len(k)) for k in keep for m in re.finditer(re.escape(k), text)]
    at = text.find(answer)
    while at >= 0 and any(a <= at < b for a, b in kept):
        at = text.find(answer, at + 1)
    return at


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_TITLE_YEARS = re.compile(
    rf"(?:,\s*|\s*\(\s*)?(?:(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?)?"
    r"(?<![\w.-])(?P<years>(?:1[0-9]|20)[0-9]{2}"
    r"(?:\s*(?:,|and|or|to|through|[-–—/])\s*(?:1[0-9]|20)[0-9]{2})*)(?![\w.-])(?:\s*\))?"
)
"""A year of a title with what goes with it: its month ("January 2025"), the years listed
or spanned with it ("1988 and 1989", "2019-2021"), the comma or brackets setting it off."""


def _title_years_hidden(entries: list[AnyEntry], title: str) -> list[AnyEntry]:
    """The article's title, where a card quotes it ("When was “World Cup 2018 day five”
    published?"), without a year that a date card asks: a title is quoted as written
    (never cut by :func:`_hide_shown_answers`), but it must not answer the date cards,
    its own card's included ("The Gulf War, 1991" -> "The Gulf War")."""
    asked = {str(e.date.year) for e in entries if isinstance(e, DateEntry)}

    def cut(m: re.Match[str]) -> str:
        if not asked.intersection(re.findall(r"\d{4}", m.group("years"))):
            return m.group(0)
        if re.search(
            r"(?<![\w-])(?:in|of|since|for|from|during|until|by|to)\s*$", title[: m.start()]
        ):
            return " … "  # "Poverty in 2025": the year masked, the phrase kept
        return " "

    shown = _TITLE_YEARS.sub(cut, title)
    shown = re.sub(r"\s+([:;,.!?])", r"\1", re.sub(r"\s{2,}", " ", shown)).strip(" ,;:")
    if shown == title or not re.search(r"\w", shown):
        return entries
    out: list[AnyEntry] = []
    for entry in entries:
        update = {
            field: text.replace(f"“{title}”", f"“{shown}”")
            for field in ("prompt", "event")
            if isinstance(text := getattr(entry, field, None), str) and f"“{title}”" in text
        }
        out.append(entry.model_copy(update=update) if update else entry)
    return out


def _hide_shown_answers(entries: list[AnyEntry], keep: Sequence[str] = ()) -> list[AnyEntry]:
    """Each entry's question with the answers of the others taken out (:func:`_taken_out`).

    One sentence gives several entries ("This year, 2025, marks the sixtieth
    anniversary"): the card that asks the anniversary must not print the year the
    next card asks. The rule is lint's own (L002), so a draft lints clean of it, save
    for the article's title (``keep``), quoted as written.
    """
    for _ in range(3):  # hiding one answer never shows another; twice is plenty
        leaks = [leak for leak in find_leaks(entries) if leak.in_question and leak.item is None]
        if not leaks:
            break
        at = {entry.id: n for n, entry in enumerate(entries)}
        for leak in leaks:
            entry = entries[at[leak.giver]]
            text = getattr(entry, leak.field)
            if not isinstance(text, str):
                continue
            start = _outside(text, leak.answer, keep)
            if start < 0:
                continue
            taker = entries[at[leak.taker]]
            # a date drafted without its year asks "When?" as a question: still a date
            asks_when = isinstance(taker, QaEntry) and taker.prompt.startswith("When?")
            kind = "date" if asks_when else taker.kind
            verbatim = leak.field == "quote"
            hidden = _taken_out(text, start, start + len(leak.answer), kind, verbatim)
            entries[at[leak.giver]] = entry.model_copy(update={leak.field: hidden})
    return entries
