"""Draft deck entries from an extraction, and write the draft as commented YAML.

Dates become ``date`` entries (or ``qa`` entries when the year is unknown),
figures ``figure`` entries, attributed quotations ``quote`` entries and
unattributed ones ``cloze`` entries; every entry keeps its sentence verbatim
as ``source``. :func:`draft_yaml` writes the deck grouped by kind, with a
header telling the instructor to edit it before use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import yaml
from msgspec import Struct, field

from studyapp.core.authoring.extract.extraction import Extraction
from studyapp.core.authoring.extract.sentences import fold_text, slug, word_list
from studyapp.core.decks.leaks import find_leaks
from studyapp.core.decks.model import (
    ID_PATTERN,
    AnyEntry,
    ClozeEntry,
    DateEntry,
    Deck,
    FigureEntry,
    QaEntry,
    QuoteEntry,
    SourceDocument,
)
from studyapp.core.decks.textsafety import safe_text
from studyapp.core.decks.writer import SCHEMA_COMMENT, deck_to_data
from studyapp.core.decks.yamlread import resolve_plain

__all__ = ["draft_deck", "draft_yaml"]


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


def _content_words(text: str, n: int) -> str:
    words = [w for w in slug(text, max_len=200).split("-") if w not in _SLUG_STOP]
    return "-".join(words[:n])


_SLUG_STOP = frozenset(
    word_list(
        "the a an of and in on to for with by at from as is was were are be been that this "
        "it its his her their who which what when while ____"
    )
)


class _Draft(Struct):
    entries: list[AnyEntry] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


_DATE_LEAD = re.compile(
    r"(?:\b(?:on|in|since|from|until|till|by|during|of|as\s+of|early|late|mid)[\s-]+)?"
    r"(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)


def _without_date(text: str, start: int, end: int) -> str:
    """The sentence with a date phrase taken out ("In 2015, the ..." -> "The ...")."""
    lead = _DATE_LEAD.search(text[:start])
    cut_start = lead.start() if lead and lead.group(0).strip() else start
    if text[cut_start:start].strip().lower() in ("the", "a", "an"):
        cut_start = start  # "the 1965 Treaty": keep the article
    before, after = text[:cut_start].rstrip(), text[end:]
    if re.match(r"\s*\)", after) and before.endswith("("):
        before, after = before[:-1].rstrip(), re.sub(r"^\s*\)", "", after)
    if not before:
        after = re.sub(r"^[\s,;:]+", "", after)
        return after[:1].upper() + after[1:] if after else text
    if before.endswith(",") and re.match(r"\s*,", after):
        after = re.sub(r"^\s*,", "", after)
    if before.endswith(("(", "“")):
        return f"{before}{after.lstrip()}"
    joined = f"{before} {after.lstrip()}" if after.strip()[:1].isalnum() else f"{before}{after}"
    return re.sub(r"\s+", " ", joined).strip()


def _draft_dates(ex: Extraction, draft: _Draft) -> None:
    seen: set[tuple[str, str]] = set()
    for d in ex.dates:
        assert d.sentence is not None
        source = d.sentence.text
        blanked = _blank(source, d.start, d.end)
        event = _without_date(source, d.start, d.end)
        key = (d.date.isoformat() if d.date else f"{d.month}-{d.day}", source)
        if key in seen:
            continue
        seen.add(key)
        words = _content_words(event, 4)
        if d.date is None:
            entry_id = _unique_id(f"date-{words}", draft.used)
            draft.entries.append(
                QaEntry(
                    id=entry_id,
                    kind="qa",
                    prompt=f"When? (give the full date) {blanked}",
                    answer=d.text,
                    tags=["dates", "draft", "needs-year"],
                    explanation=(
                        "The text does not say the year: check it, then make this a date entry."
                    ),
                    source=source,
                )
            )
            continue
        entry_id = _unique_id(f"date-{d.date.isoformat()}-{words}", draft.used)
        draft.entries.append(
            DateEntry(
                id=entry_id,
                kind="date",
                event=event,
                date=d.date,
                prompt=f"When? {blanked}",
                variants=["when"],
                tags=["dates", "draft"],
                explanation=(
                    f"The text says “{d.text}”; the year, {d.date.year}, is inferred from the text."
                    if d.year_inferred
                    else None
                ),
                source=source,
            )
        )


def _draft_figures(ex: Extraction, draft: _Draft) -> None:
    kept: list[tuple[Decimal, str | None, str]] = []
    for f in ex.figures:
        assert f.sentence is not None
        # the same number measuring the same thing again ("the sixtieth anniversary of ...")
        if any(v == f.value and u == f.unit and _similar(m, f.measure) for v, u, m in kept):
            continue
        kept.append((f.value, f.unit, f.measure))
        source = f.sentence.text
        prompt = _blank(source, f.start, f.end)
        value = f"{f.value.normalize():f}".replace(".", "-")
        entry_id = _unique_id(f"fig-{value}-{_content_words(f.measure, 4)}", draft.used)
        accept = [f.word] if f.word and f.word.lower() != str(f.value) else []
        draft.entries.append(
            FigureEntry(
                id=entry_id,
                kind="figure",
                measure=safe_text(f.measure[:1].upper() + f.measure[1:]),
                value=f.number,
                unit=f.unit,
                prompt=f"What number? {prompt}",
                accept=accept,
                tags=["figures", "draft"],
                source=source,
            )
        )


def _similar(a: str, b: str) -> bool:
    wa = set(fold_text(a).split()) - _SLUG_STOP
    wb = set(fold_text(b).split()) - _SLUG_STOP
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.8


def _draft_quotes(ex: Extraction, draft: _Draft) -> None:
    attributed = [q for q in ex.quotes if q.speaker]
    for q in attributed + [q for q in ex.quotes if not q.speaker]:
        assert q.sentence is not None
        source = q.sentence.text
        words = _content_words(q.text, 4) or "quote"
        if q.speaker:
            speaker_slug = slug(q.speaker.split()[0] if q.speaker else "", max_len=20)
            entry_id = _unique_id(f"quote-{speaker_slug}-{words}", draft.used)
            aliases = [a for a in q.aliases if a != q.speaker]
            draft.entries.append(
                QuoteEntry(
                    id=entry_id,
                    kind="quote",
                    quote=q.text,
                    speaker=q.speaker,
                    speaker_aliases=list(dict.fromkeys(aliases)),
                    context=_hide_names(
                        _blank(source, q.start, q.end).replace("____", "“…”", 1),
                        [q.speaker, *aliases],
                    ),
                    tags=["quotes", "draft"],
                    source=source,
                )
            )
            continue
        # No speaker: the quotation is a term or a phrase; a cloze asks for it.
        start, end = q.inner
        plain = [
            _no_braces(source[:start]),
            _no_braces(source[start:end]),
            _no_braces(source[end:]),
        ]
        blanked = f"{plain[0]}{{{{{plain[1]}}}}}{plain[2]}"
        entry_id = _unique_id(f"term-{words}", draft.used)
        try:
            entry = ClozeEntry(
                id=entry_id,
                kind="cloze",
                text=blanked,
                tags=["quotes", "terms", "draft"],
                explanation="The text quotes this without saying who said it.",
                source=source,
            )
        except ValueError:
            continue
        draft.entries.append(entry)


def _hide_names(text: str, names: Sequence[str]) -> str:
    """The context of a "who said it?" card must not name the speaker."""
    parts = [p for n in names for p in n.split(" and ")]
    parts += [t for p in parts for t in p.split() if len(t) >= 3 and t[:1].isupper()]
    for name in sorted(set(parts), key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", "____", text)
    return text


def _no_braces(text: str) -> str:
    """Keep author text from opening or closing a cloze blank."""
    return text.replace("{{", "{ {").replace("}}", "} }")


def draft_deck(
    ex: Extraction,
    *,
    deck_id: str,
    title: str | None = None,
    document_title: str | None = None,
) -> Deck:
    """A deck of draft entries: dates, then figures, then quotations, each in text order."""
    draft = _Draft()
    _draft_dates(ex, draft)
    _draft_figures(ex, draft)
    _draft_quotes(ex, draft)
    if not draft.entries:
        raise ValueError("found no dates, figures or quotations in the text")
    entries = _hide_shown_answers(draft.entries)
    doc_title = document_title or ex.title
    return Deck(
        id=deck_id,
        title=title or f"Draft: {doc_title or deck_id}",
        description=(
            "Drafted by `studyapp extract`: every entry's source is verbatim; edit every "
            "prompt, event, measure and context before giving this deck to anyone."
        ),
        document=SourceDocument(title=doc_title) if doc_title else None,
        entries=entries,
    )


def _hide_shown_answers(entries: list[AnyEntry]) -> list[AnyEntry]:
    """Each entry's question with the answers of the others taken out ("[a date]").

    One sentence gives several entries ("This year, 2025, marks the sixtieth
    anniversary"): the card that asks the anniversary must not print the year the
    next card asks. The rule is lint's own (L002), so a draft lints clean of it.
    """
    for _ in range(3):  # hiding one answer never shows another; twice is plenty
        leaks = [leak for leak in find_leaks(entries) if leak.in_question and leak.item is None]
        if not leaks:
            break
        at = {entry.id: n for n, entry in enumerate(entries)}
        for leak in leaks:
            entry = entries[at[leak.giver]]
            text = getattr(entry, leak.field)
            if isinstance(text, str) and leak.answer in text:
                kind = entries[at[leak.taker]].kind
                stand_in = {"date": "[a date]", "figure": "[a figure]"}.get(kind, "[…]")
                hidden = text.replace(leak.answer, stand_in, 1)
                entries[at[leak.giver]] = entry.model_copy(update={leak.field: hidden})
    return entries


class _Dumper(yaml.SafeDumper):
    """Multi-line text as ``|`` blocks; text that would read as a number stays quoted."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if resolve_plain(value) != value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)

_FIELD_ORDER = word_list(
    "id kind prompt event date measure value unit accept quote speaker speaker_aliases "
    "context text answer variants tags explanation source"
)

_GROUP_HEADINGS = {
    "date": "dates",
    "qa": "dates without a stated year",
    "figure": "figures",
    "quote": "attributed quotations",
    "cloze": "quoted terms and phrases (no speaker in the text)",
}


def draft_yaml(deck: Deck, *, origin: str = "", schema: str | None = None) -> str:
    """The draft deck as commented YAML that ``studyapp validate`` accepts."""
    data = deck_to_data(deck)
    for entry in data["entries"]:
        ordered = {k: entry[k] for k in _FIELD_ORDER if k in entry}
        ordered.update({k: v for k, v in entry.items() if k not in ordered})
        entry.clear()
        entry.update(ordered)
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    lines = body.split("\n")
    out: list[str] = []
    current = None
    kinds = iter(e.kind for e in deck.entries)
    for line in lines:
        if line.startswith("- id: "):
            kind = next(kinds)
            if kind != current:
                count = sum(1 for e in deck.entries if e.kind == kind)
                out.append("")
                out.append(f"# ---- {_GROUP_HEADINGS.get(kind, kind)} ({count})")
                current = kind
        out.append(line)
    schema_line = (
        f"# yaml-language-server: $schema={schema}" if schema else SCHEMA_COMMENT.rstrip("\n")
    )
    header = [
        schema_line,
        "#",
        f"# A DRAFT drafted by `studyapp extract`{' from ' + origin if origin else ''}.",
        "# Every `source` is the verbatim sentence; the prompts, events, measures and contexts",
        "# are first guesses. Edit them, delete what is not worth learning, then run",
        "# `studyapp lint` and `studyapp validate` on this file.",
        "",
    ]
    return "\n".join(header + out)
