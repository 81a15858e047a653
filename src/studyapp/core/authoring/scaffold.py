"""``studyapp new``: a commented skeleton deck that validates as it is.

The skeleton shows one example entry of each kind with a comment on every
field, and starts with the ``yaml-language-server`` line so editors complete
and check the file as it is typed; that line names a schema file that exists
and is up to date (written beside the deck if need be). It never overwrites a
deck, and makes the deck's folder if it is missing.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import Any

from studyapp.core.authoring.extract.sentences import slug

__all__ = [
    "SCHEMA_FILE",
    "ScaffoldError",
    "create_deck",
    "plan_schema",
    "schema_reference",
    "schema_text",
    "skeleton",
    "write_schema",
]

SCHEMA_FILE = "deck.schema.json"

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A studyapp deck. Each entry teaches one thing; its `kind` decides how it is asked.
# Check it with `studyapp validate {name}` and `studyapp lint {name}`.
# Ids are stable: progress is keyed by them, so never rename or reuse one.

id: {deck_id}                       # lowercase letters, digits, . _ - (progress is keyed by it)
title: {title}
description: What this deck covers, in a sentence or two.
author: Your name
version: "0.1"
language: en                      # BCP 47: en, ja, pt-BR ...
document:                         # the source the entries come from (credited on screen)
  title: The article, chapter or lecture
  publisher: Who published it
  published: 2025                 # YYYY, YYYY-MM or YYYY-MM-DD

entries:
  # A date: asked as "when did it happen?" and "what happened then?".
  - id: example-date
    kind: date
    event: The Treaty on Basic Relations between Japan and South Korea is signed
    date: 1965-06-22              # 1965 or 1965-06 when that is all the source says
    tags: [dates]
    explanation: Shown after the answer; say why it matters.
    source: >-                    # the verbatim sentence(s) the entry was built from
      On June 22, 1965, Japan and South Korea signed the Treaty on Basic Relations.

  # A figure: a number and exactly what it measures.
  - id: example-figure
    kind: figure
    measure: Share of respondents who chose cooperation as the priority (example survey, 2025)
    value: 55.5
    unit: "%"
    tolerance: 0                  # how far off a typed answer may be
    tags: [figures]
    source: Asked for the priority, 55.5% of respondents chose cooperation.

  # A quote: who said it, and what they said.
  - id: example-quote
    kind: quote
    quote: Taking a consistent approach is extremely important in diplomacy
    speaker: Lee Jae-myung
    speaker_aliases: [Lee, President Lee]   # other names that count as right
    context: on history issues with Japan, after his election
    tags: [quotes]
    source: >-
      Lee said that “Taking a consistent approach is extremely important in diplomacy”.

  # A question and its answer; `accept` lists other right answers.
  - id: example-qa
    kind: qa
    prompt: What does the principle "pacta sunt servanda" mean?
    answer: Agreements must be kept
    accept: [treaties must be kept]
    tags: [terms]
    source: The principle of pacta sunt servanda (“agreements must be kept”) underpins trust.

  # A cloze: each {{{{blank}}}} becomes a card.
  - id: example-cloze
    kind: cloze
    text: The {{{{IP4}}}} grouping is Japan, South Korea, Australia and {{{{New Zealand}}}}.
    tags: [terms]
    source: The IP4 grouping is Japan, South Korea, Australia and New Zealand.

  # Multiple choice with your own wrong options (1 to 9 of them).
  - id: example-choice
    kind: choice
    prompt: Whom did President Lee call first among world leaders?
    answer: Donald Trump
    distractors: [Ishiba Shigeru, Xi Jinping]
    source: Lee called US President Donald Trump first, then Prime Minister Ishiba Shigeru.

  # Events to put in chronological order (2 to 12), earliest first.
  - id: example-order
    kind: order
    prompt: Put these in chronological order
    events:
      - Treaty on Basic Relations
      - General Security of Military Information Agreement
      - Camp David Principles
    source: The treaty (1965), the security agreement (2016), Camp David (2023).
"""


class ScaffoldError(Exception):
    """The skeleton could not be written (the file exists, the folder is missing ...)."""


def schema_reference(deck_path: Path) -> str:
    """The ``$schema`` path for a deck at ``deck_path``, relative to the deck's folder.

    The nearest ``schema/deck.schema.json`` in the deck's folder or a parent
    (a studyapp checkout or a course repository) is used; otherwise
    ``deck.schema.json`` beside the deck, which ``studyapp schema > ...`` makes.
    It may not exist: :func:`plan_schema` is what makes sure one does.
    """
    folder = deck_path.resolve().parent
    for candidate in _candidates(folder):
        if candidate.is_file():
            return Path(os.path.relpath(candidate, folder)).as_posix()
    return SCHEMA_FILE


def _candidates(folder: Path) -> list[Path]:
    return [
        candidate
        for parent in (folder, *folder.parents)
        for candidate in (parent / "schema" / SCHEMA_FILE, parent / SCHEMA_FILE)
    ]


def schema_text() -> str:
    """The deck JSON Schema as ``studyapp schema`` prints it."""
    from studyapp.core.decks.model import deck_json_schema

    return json.dumps(deck_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _is_current(path: Path, current: Any) -> bool:
    try:
        return bool(json.loads(path.read_text(encoding="utf-8")) == current)
    except (OSError, ValueError):
        return False


def plan_schema(deck_path: Path) -> tuple[str, Path | None]:
    """The ``$schema`` reference for a new deck at ``deck_path``, and the schema file to
    write first (None when an up-to-date one exists already).

    An editor must find the schema the line names, and it must be today's: the
    nearest up-to-date ``schema/deck.schema.json`` or ``deck.schema.json`` in the
    deck's folder or a parent is used; if there is none, ``deck.schema.json`` is
    (re)written beside the deck, as ``studyapp schema`` prints it.
    """
    folder = deck_path.resolve().parent
    current = json.loads(schema_text())
    for candidate in _candidates(folder):
        if candidate.is_file() and _is_current(candidate, current):
            return Path(os.path.relpath(candidate, folder)).as_posix(), None
    return SCHEMA_FILE, folder / SCHEMA_FILE


def write_schema(path: Path) -> None:
    """Write the deck schema at ``path`` (replacing an outdated one whole)."""
    from studyapp.core.base.atomic import atomic_write, kept_mode

    atomic_write(path, schema_text().encode("utf-8"), mode=kept_mode(path))


def _yaml_text(value: str) -> str:
    """A one-line YAML scalar for ``value`` (quoted when YAML would misread it)."""
    if re.fullmatch(r"[A-Za-z][\w .,'’()-]*", value) and not value.endswith(" "):
        lowered = value.lower()
        if lowered not in ("yes", "no", "true", "false", "null", "on", "off"):
            return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def skeleton(
    deck_id: str, title: str, *, schema: str = SCHEMA_FILE, name: str = "deck.yaml"
) -> str:
    """The commented skeleton deck text (it validates as it is)."""
    return _TEMPLATE.format(
        schema=schema, deck_id=deck_id, title=_yaml_text(title), name=_yaml_text(name)
    )


def deck_id_for(path: Path) -> str:
    """A deck id from a file name: ``Week 3 – Korea.yaml`` -> ``week-3-korea``."""
    stem = path.name
    for suffix in (".yaml", ".yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return slug(stem, max_len=80) or "my-deck"


def create_deck(path: Path, *, title: str | None = None, deck_id: str | None = None) -> str:
    """Write a skeleton deck at ``path``; refuse to overwrite anything. Returns the text.

    The file appears whole or not at all: it is written to a temporary file in
    the same folder and linked into place, which fails if ``path`` exists.
    """
    if not path.name.lower().endswith((".yaml", ".yml")):
        raise ScaffoldError(f"{path}: a deck file name ends in .yaml (e.g. {path.name}.yaml)")
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{path}: already exists; studyapp new never overwrites a file")
    deck_id = deck_id or deck_id_for(path)
    if not deck_id or not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,79}", deck_id):
        raise ScaffoldError(
            f"{deck_id!r} is not a valid deck id (lowercase letters, digits, . _ -)"
        )
    try:  # `studyapp new decks/bio.yaml` in an empty folder makes decks/
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaffoldError(
            f"{path.parent}: cannot make the folder: {exc.strerror or exc}"
        ) from None
    title = title or path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "My deck"
    reference, schema_file = plan_schema(path)
    text = skeleton(deck_id, title, schema=reference, name=path.name)
    write_new_file(path, text.encode("utf-8"))
    if schema_file is not None:
        try:
            write_schema(schema_file)
        except OSError as exc:
            raise ScaffoldError(
                f"{schema_file}: cannot write the deck schema: {exc.strerror or exc} "
                f"(the deck was written; `studyapp schema > {schema_file}` makes it)"
            ) from None
    return text


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``path`` atomically, failing (ScaffoldError) if it already exists."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)  # atomic, and refuses an existing target
        except FileExistsError:
            raise ScaffoldError(
                f"{path}: already exists; studyapp new never overwrites a file"
            ) from None
        except OSError:
            # filesystems without hard links: exclusive create, then copy the bytes in
            try:
                with open(path, "xb") as out:
                    out.write(data)
            except FileExistsError:
                raise ScaffoldError(
                    f"{path}: already exists; studyapp new never overwrites a file"
                ) from None
    except OSError as exc:
        raise ScaffoldError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
