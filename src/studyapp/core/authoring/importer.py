"""``studyapp import``: cards from CSV, TSV or Anki's text export, into a YAML deck.

Learners arrive with cards made elsewhere. This reads the common plain-text
forms: CSV and TSV (with or without a header row) and Anki's "Notes in Plain
Text" export with its ``#separator:``, ``#html:``, ``#columns:`` and
``#... column:`` headers. Front/back notes become ``qa`` entries and Anki
cloze notes (``{{c1::...}}``) become ``cloze`` entries; the rows of a studyapp
CSV export (a ``kind`` column and each kind's own fields) become the entries
they were, of every kind (:mod:`studyapp.core.authoring.typed_rows`). The
text helpers (HTML to text, tags) are in :mod:`studyapp.core.authoring.importtext`.

The input is untrusted: HTML is reduced to plain text with the standard
library's ``html.parser`` (tags dropped, entities decoded, scripts and styles
removed), and whatever the deck model would refuse (control characters,
terminal escapes, bidi controls, tags with spaces) is stripped or replaced. A
row that still cannot become an entry is reported with its ``file:line`` and
skipped; the rest are imported. Nothing here raises anything but
:class:`ImportFileError`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from msgspec import Struct, field
from pydantic import ValidationError

from studyapp.core.authoring.extract.sentences import slug
from studyapp.core.authoring.importtext import clean_tag, clean_text, html_to_text
from studyapp.core.authoring.typed_rows import KIND_COLUMNS, is_typed_header, typed_data, unquote
from studyapp.core.base.problems import Problem, UserFileError
from studyapp.core.decks.loader import limits_from_env, read_text
from studyapp.core.decks.model import ENTRY_TYPES, ID_PATTERN, AnyEntry, Deck
from studyapp.core.decks.textsafety import safe_text


def _words(text: str) -> list[str]:
    """Split a word list written as one string (easier to read and edit)."""
    return text.split()


__all__ = [
    "ImportFileError",
    "ImportResult",
    "clean_text",
    "html_to_text",
    "import_file",
    "import_text",
]

Format = Literal["auto", "csv", "tsv", "anki"]


class ImportFileError(UserFileError):
    """Nothing could be imported from a file; ``problems`` says why, with file:line."""


class ImportResult(Struct):
    """The imported deck and the rows that were skipped (as problems with file:line)."""

    deck: Deck
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    """Data rows read (imported or skipped)."""
    separator: str = ","
    html: bool = False


# --------------------------------------------------------------------- parsing

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_HEADER_LINE = re.compile(r"#([A-Za-z][A-Za-z ]{0,30}):(.*)")
_NAMES = {
    "prompt": ("front", "question", "prompt", "q", "term", "word", "recto"),
    "answer": ("back", "answer", "a", "definition", "meaning", "verso"),
    "text": ("text", "cloze"),
    "explanation": ("extra", "back extra", "explanation", "notes", "note", "comment"),
    "source": ("source",),
    "tags": ("tags", "tag"),
    "accept": ("accept", "alternatives", "also"),
    "id": ("id",),
    "kind": ("kind", "type"),
    "guid": ("guid",),
    "notetype": ("notetype", "note type", "model"),
    "deck": ("deck",),
}
_ROLE_OF = {name: role for role, names in _NAMES.items() for name in names}
_ROLE_OF |= {name: f"k:{name}" for name in KIND_COLUMNS}  # a studyapp export's kind fields
_HTML_HINT = re.compile(
    r"<(?:br|div|p|b|i|u|em|strong|span|img|a|ul|ol|li|font|sub|sup|table|tr|td|hr|h\d)\b[^>]*>"
    r"|&(?:nbsp|amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)
_OPEN, _CLOSE = "\ue000", "\ue001"  # placeholders for deletions while HTML is reduced
_ANKI_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


class _Layout(Struct):
    separator: str | None = None
    html: bool | None = None
    columns: list[str] | None = None
    special: dict[str, int] = field(default_factory=dict)
    """Anki's ``#tags column:N`` etc.: role -> 0-based column."""
    notetype: str | None = None
    header_lines: int = 0


def _read_headers(lines: list[str], display: str, problems: list[Problem]) -> _Layout:
    layout = _Layout()
    for number, line in enumerate(lines, start=1):
        m = _HEADER_LINE.fullmatch(line.rstrip("\r\n"))
        if m is None:
            break
        layout.header_lines = number
        key, value = m.group(1).strip().lower(), m.group(2)
        if key == "separator":
            word = value.strip().lower()
            sep = _SEPARATORS.get(word) or (value if len(value) == 1 else None)
            if sep is None:
                problems.append(
                    Problem(
                        display,
                        number,
                        1,
                        "",
                        f"unknown separator {value.strip()!r}; using the default "
                        "(write tab, comma, semicolon, space, pipe, colon or one character)",
                    )
                )
            layout.separator = sep
        elif key == "html":
            layout.html = value.strip().lower() in ("true", "yes", "1")
        elif key == "columns":
            layout.columns = [value]  # split once the separator is known
        elif key.endswith(" column"):
            role = key.removesuffix(" column").strip()
            if role in ("tags", "guid", "notetype", "deck") and value.strip().isdigit():
                layout.special[role] = int(value.strip()) - 1
        elif key == "notetype":
            layout.notetype = value.strip()
    return layout


def _guess_separator(sample: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    lines = [line for line in sample.split("\n")[:20] if line.strip()]
    if not lines:
        return "\t" if suffix == ".txt" else ","
    best, best_score = ("\t" if suffix == ".txt" else ","), 0.0
    for sep in ("\t", ",", ";", "|"):
        counts = [line.count(sep) for line in lines]
        if min(counts) == 0:
            continue
        steady = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = steady * 10 + min(counts)
        if score > best_score:
            best, best_score = sep, score
    return best


def _rows(text: str, separator: str) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(first line of the row, fields or None, error) for each CSV row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    previous = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, None, str(exc)
            if reader.line_num == previous:
                return
            previous = reader.line_num
            continue
        previous = reader.line_num
        yield start, row, None


# ---------------------------------------------------------------------- entries


def _header_roles(row: list[str]) -> list[str] | None:
    """The roles of a header row, or None if the row is data."""
    names = [cell.strip().lower() for cell in row]
    if not names or any(not n for n in names):
        return None
    roles = [_ROLE_OF.get(n, "") for n in names]
    if sum(1 for r in roles if r in ("prompt", "answer", "text")) == 0:
        return None
    return [r or f"extra:{names[i]}" for i, r in enumerate(roles)]


def _positional_roles(width: int, layout: _Layout) -> list[str]:
    roles = [""] * width
    for role, index in layout.special.items():
        if 0 <= index < width:
            roles[index] = role
    fields = [i for i in range(width) if not roles[i]]
    cloze = layout.notetype is not None and "cloze" in layout.notetype.lower()
    for n, i in enumerate(fields):
        if n == 0:
            roles[i] = "text" if cloze else "prompt"
        elif n == 1:
            roles[i] = "explanation" if cloze else "answer"
        else:
            roles[i] = f"extra:{n + 1}"
    return roles


class _Builder(Struct):
    display: str
    html: bool | None
    problems: list[Problem] = field(default_factory=list)
    entries: list[AnyEntry] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)

    def text(self, raw: str) -> str:
        html = self.html if self.html is not None else bool(_HTML_HINT.search(raw))
        return html_to_text(raw) if html else clean_text(raw)

    def cloze(self, raw: str) -> str:
        """Anki deletions read before the HTML is reduced (``a&#58;&#58;b`` is not a hint)."""
        raw = raw.replace(_OPEN, "").replace(_CLOSE, "")
        inners: list[str] = []

        def mark(m: re.Match[str]) -> str:
            inners.append(m.group(1))
            return f"{_OPEN}{len(inners) - 1}{_CLOSE}"

        marked = _ANKI_CLOZE.sub(mark, raw)
        if not inners:
            return _cloze_text(self.text(raw))
        text = _defuse(self.text(marked))

        def unmark(m: re.Match[str]) -> str:
            inner = _defuse(self.text(inners[int(m.group(1))])).replace("\n", " ").strip()
            return "{{" + inner + "}}" if inner else ""

        return re.sub(f"{_OPEN}(\\d+){_CLOSE}", unmark, text)

    def skip(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.display, line, 1, "", f"{message}; row skipped"))

    def entry_id(self, wanted: str, fallback: str) -> str:
        wanted = wanted.strip()
        base = wanted if re.fullmatch(ID_PATTERN, wanted) else slug(fallback, max_len=48)
        if not base or not re.fullmatch(ID_PATTERN, base):
            base = f"card-{len(self.entries) + 1}"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate = f"{base}-{n}"
            n += 1
        self.used_ids.add(candidate)
        return candidate

    def add(self, line: int, roles: list[str], row: list[str], notetype: str | None) -> None:
        values: dict[str, str] = {}
        extras: list[str] = []
        typed: dict[str, str] = {}
        for role, raw in zip(roles, row, strict=False):
            if role.startswith("k:"):
                typed[role[2:]] = raw
                continue
            if role.startswith("extra:") or role in ("guid", "deck"):
                if role.startswith("extra:") and raw.strip():
                    extras.append(self.text(raw))
                continue
            if role == "notetype":
                notetype = raw
                continue
            values[role] = raw
        if len(row) > len(roles):
            extras += [self.text(v) for v in row[len(roles) :] if v.strip()]
        kind = values.get("kind", "").strip().lower()
        clean = self.text if self.html else unquote  # typed rows: deck text, as exported
        fields = typed_data(kind, values, typed, clean) if is_typed_header(roles) else None
        extras += [self.text(v) for v in typed.values() if fields is None and v.strip()]
        tags: list[str] = []
        for raw_tag in (values.get("tags") or "").split():
            tag = clean_tag(raw_tag)
            if tag and tag not in tags:
                tags.append(tag)
        if fields is not None:
            self.add_entry(line, fields, values.get("id", ""), tags, clean, values)
            return
        explanation = "\n".join(t for t in [self.text(values.get("explanation", "")), *extras] if t)
        source = self.text(values.get("source", "")) or None
        raw_front = values.get("text") or values.get("prompt") or ""
        is_cloze = kind == "cloze" or bool(values.get("text", "").strip())
        is_cloze = is_cloze or bool(_ANKI_CLOZE.search(raw_front))
        is_cloze = is_cloze or (notetype is not None and "cloze" in notetype.lower())
        data: dict[str, Any]
        if is_cloze:
            text = self.cloze(raw_front)
            if not text:
                self.skip(line, "the cloze text is empty (after removing HTML)")
                return
            if "{{" not in text:
                self.skip(line, "the cloze has no {{c1::...}} deletion")
                return
            data = {"kind": "cloze", "text": text}
            back = self.text(values.get("answer", ""))
            if back:
                explanation = "\n".join(t for t in (back, explanation) if t)
            fallback = re.sub(r"\{\{|\}\}", "", text)
        else:
            prompt = self.text(values.get("prompt", ""))
            answer = self.text(values.get("answer", ""))
            if not prompt:
                self.skip(line, "the front (question) is empty after cleaning")
                return
            if not answer:
                self.skip(line, "the back (answer) is empty after cleaning")
                return
            accept = [
                a.strip()
                for a in re.split(r"[;|]", self.text(values.get("accept", "")))
                if a.strip() and a.strip().casefold() != answer.casefold()
            ]
            data = {
                "kind": "qa",
                "prompt": prompt,
                "answer": answer,
                "accept": list(dict.fromkeys(accept)),
            }
            fallback = prompt
        data["id"] = self.entry_id(values.get("id", ""), fallback)
        data["tags"] = tags
        if explanation:
            data["explanation"] = explanation
        if source:
            data["source"] = source
        self.validate(line, data)

    def add_entry(
        self,
        line: int,
        data: dict[str, Any],
        wanted_id: str,
        tags: list[str],
        text: Callable[[str], str],
        values: dict[str, str],
    ) -> None:
        """A row of a studyapp export, rebuilt as the entry of its own kind it was."""
        fallback = str(data.get("prompt") or data.get("event") or data.get("measure") or "")
        data["id"] = self.entry_id(wanted_id, fallback or str(data.get("quote", "")))
        data["tags"] = tags
        for name in ("explanation", "source"):
            if (value := text(values.get(name, ""))).strip():
                data[name] = value
        self.validate(line, data)

    def validate(self, line: int, data: dict[str, Any]) -> None:
        model = ENTRY_TYPES[data["kind"]]
        try:
            self.entries.append(model.model_validate(data))  # type: ignore[arg-type]
        except ValidationError as exc:
            self.used_ids.discard(data["id"])
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            message = str(first["msg"]).removeprefix("Value error, ")
            self.skip(line, f"{where}: {message}")


def _cloze_text(text: str) -> str:
    """Anki's ``{{c1::answer::hint}}`` -> ``{{answer}}``; stray braces are defused."""
    parts: list[str] = []
    last = 0
    for m in _ANKI_CLOZE.finditer(text):
        parts.append(_defuse(text[last : m.start()]))
        inner = _defuse(m.group(1)).strip()
        parts.append("{{" + inner + "}}" if inner else "")
        last = m.end()
    parts.append(_defuse(text[last:]))
    if last == 0:  # no Anki deletions: maybe our own {{blank}} syntax already
        return text if re.search(r"\{\{[^{}]+\}\}", text) and _balanced(text) else _defuse(text)
    return "".join(parts)


def _defuse(text: str) -> str:
    return text.replace("{{", "{ {").replace("}}", "} }")


def _balanced(text: str) -> bool:
    rest = re.sub(r"\{\{[^{}]+\}\}", "", text)
    return "{{" not in rest and "}}" not in rest


# ------------------------------------------------------------------------ entry


def _check_deck_id(deck_id: str, display: str) -> None:
    if not re.fullmatch(ID_PATTERN, deck_id):
        raise ImportFileError(
            display,
            [
                Problem(
                    display,
                    0,
                    0,
                    "",
                    f"{deck_id!r} is not a valid deck id (lowercase letters, digits, . _ -)",
                )
            ],
        )


def import_text(
    text: str,
    display: str,
    *,
    deck_id: str = "imported",
    title: str | None = None,
    fmt: Format = "auto",
    html: bool | None = None,
    separator: str | None = None,
) -> ImportResult:
    """Turn CSV/TSV/Anki-export ``text`` into a deck; bad rows are reported, not fatal."""
    _check_deck_id(deck_id, display)
    try:
        return _import(text, display, deck_id, title, fmt, html, separator)
    except ImportFileError:
        raise
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:  # pragma: no cover
        raise ImportFileError(
            display, [Problem(display, 0, 0, "", f"cannot import this file: {exc}")]
        ) from None


def _import(
    text: str,
    display: str,
    deck_id: str,
    title: str | None,
    fmt: Format,
    html: bool | None,
    separator: str | None,
) -> ImportResult:
    text = text.removeprefix("\ufeff")
    problems: list[Problem] = []
    head = text.split("\n", 50)[:50]
    layout = _read_headers(head, display, problems) if fmt in ("auto", "anki") else _Layout()
    body_lines = text.split("\n")[layout.header_lines :]
    offset = layout.header_lines
    body = "\n".join(body_lines)
    suffix = Path(display).suffix.lower()
    if fmt == "tsv":
        suffix = ".tsv"
    sep = separator or layout.separator or _guess_separator(body[:20000], suffix)
    if fmt == "anki" and layout.separator is None and separator is None:
        sep = "\t"
    use_html = html if html is not None else layout.html
    builder = _Builder(display, use_html)
    builder.problems = problems
    roles: list[str] | None = None
    if layout.columns is not None:
        names = layout.columns[0].strip("\r").split(sep)
        roles = _header_roles(names) or [
            _ROLE_OF.get(n.strip().lower(), f"extra:{n}") for n in names
        ]
        for role, index in layout.special.items():
            if 0 <= index < len(roles):
                roles[index] = role
    rows = 0
    first = True
    for line, row, error in _rows(body, sep):
        line += offset
        if error is not None:
            builder.problems.append(
                Problem(display, line, 1, "", f"cannot read this row: {error}; row skipped")
            )
            continue
        assert row is not None
        if not any(cell.strip() for cell in row):
            continue
        if first and roles is None:
            first = False
            header = _header_roles(row)
            if header is not None:
                roles = header
                for role, index in layout.special.items():
                    if 0 <= index < len(roles):
                        roles[index] = role
                continue
        first = False
        rows += 1
        row_roles = roles or _positional_roles(len(row), layout)
        content = [r for r in row_roles if r in ("prompt", "answer", "text")]
        if len(row) < 2 and "text" not in content:
            shown = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(sep, repr(sep))
            builder.skip(
                line,
                f"expected at least 2 columns (front and back), found {len(row)}; is the "
                f"separator right? (using {shown})",
            )
            continue
        builder.add(line, row_roles, row, layout.notetype)
    if not builder.entries:
        if not builder.problems:
            builder.problems.append(Problem(display, 0, 0, "", "the file has no cards to import"))
        raise ImportFileError(display, builder.problems)
    deck = Deck(
        id=deck_id,
        title=safe_text(title).strip() if title and safe_text(title).strip() else deck_id,
        description=f"Imported from {Path(display).name} by studyapp import.",
        entries=builder.entries,
    )
    return ImportResult(deck, builder.problems, rows, sep, bool(use_html))


def import_file(
    path: Path,
    *,
    display: str | None = None,
    deck_id: str | None = None,
    title: str | None = None,
    fmt: Format = "auto",
    html: bool | None = None,
    separator: str | None = None,
) -> ImportResult:
    """Read ``path`` (UTF-8, size-capped) and import it; see :func:`import_text`."""
    shown = display if display is not None else str(path)
    text, problems = read_text(path, limits_from_env(), shown)
    if text is None:
        raise ImportFileError(shown, problems)
    stem = path.name.rsplit(".", 1)[0] if "." in path.name else path.name
    return import_text(
        text,
        shown,
        deck_id=deck_id or slug(stem, max_len=80) or "imported",
        title=title or stem.replace("_", " ").replace("-", " ").strip() or None,
        fmt=fmt,
        html=html,
        separator=separator,
    )
