"""How well ``studyapp extract`` drafts articles it was not written on (issue 23).

    .venv/bin/python benchmarks/extract_corpus.py [--details] [--tuning-only] [ARTICLE_DIR ...]

Runs ``extract`` and ``draft_deck`` on every article of the corpus
(tests/fixtures/articles/*/article.txt) and compares the draft with the
article's answer key (key.yaml, written by reading the article; the format is
in the corpus README). For each article and each kind (dates, figures,
statements) it prints

* recall: the share of the key's items that some drafted entry finds;
* precision: the share of drafted entries that find some key item;

then the totals (summed over articles), with the held-out articles (keys
written before the extractor ever ran on them) reported apart from the tuning
set: the held-out figure is the one that counts. A held-out key whose figures
have been read and tuned on says so (``spent:`` in its key.yaml, with when) and
is reported in a group of its own: blind once, tuning material since. ``--details`` lists every
missed key item and every drafted entry that matched nothing.

How a drafted entry finds a key item (``matches``), strictly:

* date: a ``date`` entry whose date equals the key's at the key's precision
  (1948-06 does not find 1948-06-24, nor the reverse) and whose source
  sentence contains the key's ``text`` (the same mention, not the same date
  elsewhere). A key range (``end``) is found by its first or its last date.
  A ``qa`` entry asking for a date whose year it could not tell never finds
  anything: the key knows the year.
* figure: a ``figure`` entry whose value times the scale in its unit equals
  the key's ("$3 billion" = 3 x 10^9; a key range: either end), whose unit is
  of the key's class (percent, percentage points, a currency, or anything else
  counted: 40% never finds "40 seats", nor $3 billion "3 billion people"), and
  whose source sentence contains the key's ``text``. A key ``fraction`` (one
  fourth = 0.25) is found by 0.25 or by 25%.
* statement: a ``quote`` entry whose speaker names the key's speaker (its
  words, "the" aside, are all in one of the key's names, or one of the key's
  names is all in its words) and at least half of whose quoted content words,
  and at least three (all, when fewer), are words of the key's statement. A
  ``cloze`` entry (a quotation drafted without a speaker) never finds a
  statement: a statement needs its speaker. A key's quotation (``kind:
  quoted``) is also found by a statement of its speaker that holds it word for
  word ("Rubio said the United States is "willing to do everything necessary"
  in compliance with ..." finds the quotation "willing to do everything
  necessary"): the same words, said by the same speaker, with the clause they
  were said in. (Since session 15; ``--strict-overlap`` measures by the rule
  before it, where such a statement found nothing for saying more than the key.)

A drafted entry counts once for precision however many key items it finds;
two drafts of the same item both count as precise. Prints figures; never
fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from studyapp.core.authoring.extract.draft import draft_deck
from studyapp.core.authoring.extract.extraction import extract
from studyapp.core.authoring.extract.parsed import available
from studyapp.core.authoring.extract.sentences import fold_text, word_list
from studyapp.core.decks.model import (
    AnyEntry,
    ClozeEntry,
    DateEntry,
    FigureEntry,
    PartialDate,
    QaEntry,
    QuoteEntry,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "articles"
KINDS = ("date", "figure", "statement")
LABEL = 47  # width of the article column

# ---------------------------------------------------------------- answer keys


@dataclass(frozen=True)
class KeyDate:
    event: str
    date: PartialDate
    end: PartialDate | None
    texts: tuple[str, ...]
    how: str | None = None


@dataclass(frozen=True)
class KeyFigure:
    what: str
    value: Decimal
    end: Decimal | None
    unit: str | None
    texts: tuple[str, ...]
    group: str | None = None


@dataclass(frozen=True)
class KeyStatement:
    speaker: str
    aliases: tuple[str, ...]
    kind: str
    words: str


@dataclass(frozen=True)
class Key:
    article: str
    genre: str
    held_out: bool
    anchor: PartialDate | None
    spent: str | None
    """For a held-out key: when its figures were read and it became tuning material."""
    dates: tuple[KeyDate, ...]
    figures: tuple[KeyFigure, ...]
    statements: tuple[KeyStatement, ...]

    def items(self, kind: str) -> Sequence[KeyDate | KeyFigure | KeyStatement]:
        if kind == "date":
            return self.dates
        return self.figures if kind == "figure" else self.statements


def _partial_date(value: Any) -> PartialDate:
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ValueError(f"not a date: {value!r}")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"not a number: {value!r}")
    try:
        return Decimal(str(value))
    except InvalidOperation as err:
        raise ValueError(f"not a number: {value!r}") from err


def _texts(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(t, str | int) and str(t).strip() for t in items):
        raise ValueError(f"text must be words of the article: {value!r}")
    return tuple(str(t) for t in items)


def _text_field(entry: dict[str, Any], name: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name!r} must be non-empty text: {entry!r}")
    return value


def parse_key(data: Any) -> Key:
    """A key from key.yaml's data; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a key is a mapping")
    if not isinstance(data.get("held_out"), bool):
        raise ValueError("held_out must be true or false")
    spent = data.get("spent")
    if spent is not None and (not isinstance(spent, str) or not data["held_out"]):
        raise ValueError("spent is a held-out key's note of when it became tuning material")
    anchor = data.get("anchor")
    dates = tuple(
        KeyDate(
            event=_text_field(d, "event"),
            date=_partial_date(d.get("date")),
            end=_partial_date(d["end"]) if d.get("end") is not None else None,
            texts=_texts(d.get("text")),
            how=d.get("how"),
        )
        for d in data.get("dates") or []
    )
    figures = tuple(
        KeyFigure(
            what=_text_field(f, "what"),
            value=_decimal(f.get("value")),
            end=_decimal(f["end"]) if f.get("end") is not None else None,
            unit=str(f["unit"]) if f.get("unit") is not None else None,
            texts=_texts(f.get("text")),
            group=f.get("group"),
        )
        for f in data.get("figures") or []
    )
    statements = []
    for s in data.get("statements") or []:
        if s.get("kind") not in ("quoted", "reported"):
            raise ValueError(f"a statement is quoted or reported: {s!r}")
        statements.append(
            KeyStatement(
                speaker=_text_field(s, "speaker"),
                aliases=tuple(str(a) for a in s.get("aliases") or []),
                kind=s["kind"],
                words=_text_field(s, "words"),
            )
        )
    return Key(
        article=_text_field(data, "article"),
        genre=_text_field(data, "genre"),
        held_out=data["held_out"],
        anchor=_partial_date(anchor) if anchor is not None else None,
        spent=spent,
        dates=dates,
        figures=figures,
        statements=tuple(statements),
    )


def load_key(path: Path) -> Key:
    return parse_key(yaml.safe_load(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------- matching


def words(text: str) -> list[str]:
    """Folded words, without the full stops and apostrophes that end them."""
    out = (t.strip(".'") for t in fold_text(text).split())
    return [t for t in out if t]


def mentions(source: str | None, text: str) -> bool:
    """Whether ``source`` contains ``text`` as whole words (case, punctuation aside)."""
    needle = words(text)
    return (
        bool(source)
        and bool(needle)
        and f" {' '.join(needle)} " in f" {' '.join(words(source or ''))} "
    )


def date_matches(entry: AnyEntry, key: KeyDate) -> bool:
    if not isinstance(entry, DateEntry):
        return False
    dates = (key.date, key.end) if key.end is not None else (key.date,)
    return entry.date in dates and any(mentions(entry.source, t) for t in key.texts)


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_CURRENCIES = {
    "usd": "USD",
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "jpy": "JPY",
    "¥": "JPY",
    "yen": "JPY",
    "krw": "KRW",
    "₩": "KRW",
    "won": "KRW",
}


def unit_class(unit: str | None) -> tuple[str, int]:
    """A unit's class (percent, points, a currency, fraction or count) and its scale."""
    tokens = re.findall(r"[a-z]+|[$€£¥₩%]", (unit or "").casefold().replace("us$", "$"))
    scale = 1
    for t in tokens:
        scale *= _SCALES.get(t, 1)
    if "%" in tokens or "percent" in tokens or ("per" in tokens and "cent" in tokens):
        return "percent", scale
    if "point" in tokens or "points" in tokens:
        return "points", scale
    if tokens == ["fraction"]:
        return "fraction", scale
    for t in tokens:
        if t in _CURRENCIES:
            return _CURRENCIES[t], scale
    return "count", scale


def figure_matches(entry: AnyEntry, key: KeyFigure) -> bool:
    if not isinstance(entry, FigureEntry) or not any(mentions(entry.source, t) for t in key.texts):
        return False
    got_class, got_scale = unit_class(entry.unit)
    got = Decimal(str(entry.value)) * got_scale
    want_class, want_scale = unit_class(key.unit)
    wanted = [
        v * want_scale for v in ((key.value, key.end) if key.end is not None else (key.value,))
    ]
    if want_class == "fraction":
        return (got_class == "count" and got in wanted) or (
            got_class == "percent" and got in [v * 100 for v in wanted]
        )
    return got_class == want_class and got in wanted


_STOP = frozenset(
    word_list(
        "the a an of and or in on at to for by with from as is are was were be been being it its "
        "this that these those he she they we i you his her their our my your who which what "
        "not no but if so than then there here has have had do does did will would can could "
        "may might must should shall"
    )
)


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in _STOP and not re.fullmatch(r"[\W_]+", w)}


def speaker_matches(given: str, key: KeyStatement) -> bool:
    """Whether a drafted speaker names the key's speaker (one set of words holds the other)."""
    got = set(words(given)) - {"the"}
    if not got:
        return False
    for form in (key.speaker, *key.aliases):
        known = set(words(form)) - {"the"}
        if known and (got <= known or known <= got):
            return True
    return False


def words_overlap(quoted: str, statement: str) -> bool:
    """At least half of the drafted quote's content words, and three, are the statement's."""
    drafted = content_words(quoted)
    shared = len(drafted & content_words(statement))
    return bool(drafted) and shared * 2 >= len(drafted) and shared >= min(3, len(drafted))


STRICT_OVERLAP = False
"""Measure by the rule before session 15: a statement that holds a key's quotation word for
word finds it only when its words mostly are the quotation's (``--strict-overlap``)."""


def holds_quotation(quoted: str, key: KeyStatement) -> bool:
    """Whether the drafted statement holds the key's quotation word for word (each part of a
    quotation cut by an ellipsis or a bracket in its order, as whole words)."""
    if key.kind != "quoted" or not content_words(key.words):
        return False
    parts = [" ".join(words(p)) for p in re.split(r"…|\.\.\.|\[[^\]]*\]", key.words)]
    drafted = " " + " ".join(words(quoted)) + " "
    at = 0
    for part in (p for p in parts if p):
        found = drafted.find(f" {part} ", at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def statement_matches(entry: AnyEntry, key: KeyStatement) -> bool:
    if not isinstance(entry, QuoteEntry) or not speaker_matches(entry.speaker, key):
        return False
    if words_overlap(entry.quote, key.words):
        return True
    return not STRICT_OVERLAP and holds_quotation(entry.quote, key)


def matches(entry: AnyEntry, item: KeyDate | KeyFigure | KeyStatement) -> bool:
    """Whether drafted ``entry`` finds key ``item`` (the rules in the module docstring)."""
    if isinstance(item, KeyDate):
        return date_matches(entry, item)
    if isinstance(item, KeyFigure):
        return figure_matches(entry, item)
    return statement_matches(entry, item)


def draft_kind(entry: AnyEntry) -> str | None:
    """Which key kind a drafted entry answers to (None: none of the three)."""
    if isinstance(entry, DateEntry) or (isinstance(entry, QaEntry) and "dates" in entry.tags):
        return "date"
    if isinstance(entry, FigureEntry):
        return "figure"
    if isinstance(entry, QuoteEntry | ClozeEntry):
        return "statement"
    return None


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for one kind: key items found / in the key, drafts matching / drafted."""

    found: int = 0
    total: int = 0
    matched: int = 0
    drafted: int = 0

    def add(self, other: Score) -> None:
        self.found += other.found
        self.total += other.total
        self.matched += other.matched
        self.drafted += other.drafted


@dataclass
class ArticleResult:
    name: str
    key: Key
    scores: dict[str, Score]
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    unattributed: int = 0
    seconds: float = 0.0


def _describe(item: KeyDate | KeyFigure | KeyStatement) -> str:
    if isinstance(item, KeyDate):
        end = f"/{item.end.isoformat()}" if item.end else ""
        return f"date {item.date.isoformat()}{end} {item.event!r} ({item.texts[0]!r})"
    if isinstance(item, KeyFigure):
        end = f"-{item.end}" if item.end is not None else ""
        return f"figure {item.value}{end} {item.unit or ''} {item.what!r}"
    return f"statement {item.speaker}: {item.words[:70]!r}"


def _describe_entry(entry: AnyEntry) -> str:
    if isinstance(entry, DateEntry):
        return f"date {entry.date.isoformat()} from {(entry.source or '')[:70]!r}"
    if isinstance(entry, FigureEntry):
        return f"figure {entry.value} {entry.unit or ''} from {(entry.source or '')[:70]!r}"
    if isinstance(entry, QuoteEntry):
        return f"quote {entry.speaker}: {entry.quote[:60]!r}"
    if isinstance(entry, QaEntry):
        return f"date without year {entry.answer!r} from {(entry.source or '')[:60]!r}"
    if isinstance(entry, ClozeEntry):
        return f"unattributed {entry.blanks[0][:60]!r}" if entry.blanks else "cloze"
    return entry.kind


def score_article(key: Key, entries: Iterable[AnyEntry]) -> ArticleResult:
    """Recall and precision counts of drafted ``entries`` against ``key``, per kind."""
    drafted = [e for e in entries if draft_kind(e) is not None]
    result = ArticleResult(key.article, key, {k: Score() for k in KINDS})
    for kind in KINDS:
        items = key.items(kind)
        mine = [e for e in drafted if draft_kind(e) == kind]
        score = result.scores[kind]
        score.total, score.drafted = len(items), len(mine)
        for item in items:
            if any(matches(e, item) for e in mine):
                score.found += 1
            else:
                result.missed.append(_describe(item))
        for entry in mine:
            if any(matches(entry, item) for item in items):
                score.matched += 1
            else:
                result.unmatched.append(_describe_entry(entry))
    result.unattributed = sum(isinstance(e, ClozeEntry) for e in drafted)
    return result


def run_article(folder: Path, *, parse: bool = False) -> ArticleResult:
    key = load_key(folder / "key.yaml")
    text = (folder / "article.txt").read_text(encoding="utf-8")
    start = time.perf_counter()
    try:
        entries = list(draft_deck(extract(text, parse=parse), deck_id="draft").entries)
    except ValueError:  # nothing found at all
        entries = []
    seconds = time.perf_counter() - start
    result = score_article(key, entries)
    result.name, result.seconds = folder.name, seconds
    return result


# ---------------------------------------------------------------- report


def _cell(a: int, b: int) -> str:
    return f"{'  -  ' if b == 0 else f'{a / b:5.0%}'} {a:>3}/{b:<3}"


def _row(label: str, scores: dict[str, Score], extra: str = "") -> str:
    cells = []
    for kind in KINDS:
        s = scores[kind]
        cells.append(f"{_cell(s.found, s.total)} {_cell(s.matched, s.drafted)}")
    return f"{label:<{LABEL}} " + " | ".join(cells) + extra


def _header() -> list[str]:
    top = f"{'':<{LABEL}} " + " | ".join(f"{k + 's':^27}" for k in KINDS)
    sub = f"{'article (genre)':<{LABEL}} " + " | ".join(
        f"{'recall':^13} {'precision':^13}" for _ in KINDS
    )
    return [top, sub, "-" * len(sub)]


def _total(results: Sequence[ArticleResult]) -> dict[str, Score]:
    total = {k: Score() for k in KINDS}
    for r in results:
        for kind in KINDS:
            total[kind].add(r.scores[kind])
    return total


def counts_as_held_out(key: Key) -> bool:
    """A key written blind and never tuned on: its figures are the ones that count."""
    return key.held_out and not key.spent


def report(
    results: Sequence[ArticleResult], *, details: bool = False, tuning_only: bool = False
) -> list[str]:
    """The tables; ``tuning_only``: never a held-out article's row or details (main leaves
    them out before, totals and all)."""
    lines: list[str] = []
    groups = [
        ("tuning articles", [r for r in results if not r.key.held_out]),
        (
            "spent held-out articles (keys written blind, measured, since then tuned on)",
            [r for r in results if r.key.held_out and r.key.spent],
        ),
        (
            "HELD-OUT articles (keys written blind: the figure that counts)",
            [r for r in results if counts_as_held_out(r.key)],
        ),
    ]
    for title, group in groups:
        if not group:
            continue
        lines += ["", f"== {title}", *_header()]
        hidden = tuning_only and counts_as_held_out(group[0].key)
        for r in [] if hidden else group:
            extra = f"  ({r.unattributed} unattributed, {r.seconds * 1000:.0f} ms)"
            lines.append(_row(f"{r.name} ({r.key.genre})"[:LABEL], r.scores, extra))
        lines.append(_row(f"TOTAL {title.split()[0].lower()} ({len(group)})", _total(group)))
    lines += [
        "",
        "== all articles",
        *_header(),
        _row(f"TOTAL all ({len(results)})", _total(results)),
    ]
    if details:
        for r in results:
            if tuning_only and counts_as_held_out(r.key):
                continue
            held = " (held out)" if counts_as_held_out(r.key) else ""
            lines += ["", f"-- {r.name}{held}"]
            lines += [f"  missed:    {m}" for m in r.missed]
            lines += [f"  unmatched: {u}" for u in r.unmatched]
    return lines


def corpus_folders(root: Path = CORPUS) -> list[Path]:
    return sorted(p.parent for p in root.glob("*/key.yaml"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="article folders (default: all)")
    parser.add_argument("--details", action="store_true", help="list misses and unmatched drafts")
    parser.add_argument(
        "--tuning-only",
        action="store_true",
        help="while tuning: the held-out articles left out, their totals too",
    )
    parser.add_argument(
        "--strict-overlap",
        action="store_true",
        help="the statement rule before session 15 (a key's quotation held in a longer "
        "statement found nothing)",
    )
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="without the sentence parse (studyapp[parse]), as extract --no-parse drafts",
    )
    args = parser.parse_args(argv)
    global STRICT_OVERLAP
    STRICT_OVERLAP = args.strict_overlap
    folders = args.folders or corpus_folders()
    if not folders:
        print(f"no articles found under {CORPUS}")
        return 0
    parse = not args.rules_only and available()
    print("statements: rules and the sentence parse" if parse else "statements: rules only")
    runs = [(f, run_article(f, parse=parse)) for f in folders]
    if args.tuning_only:  # not even a total: a tuner who sees one learns from it
        runs = [(f, r) for f, r in runs if not counts_as_held_out(r.key)]
    results = [r for _f, r in runs]
    words_total = sum(
        len((f / "article.txt").read_text(encoding="utf-8").split()) for f, _r in runs
    )
    print(f"{len(results)} articles, {words_total} words; cells: share found/total")
    for line in report(results, details=args.details, tuning_only=args.tuning_only):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
