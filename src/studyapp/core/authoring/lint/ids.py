"""Entry ids for lint: missing (I001) and duplicate (I002) ids, and ``--fix``.

``--fix`` applies only safe fixes (today: adding missing ids, derived from the
prompt) with ruamel.yaml's round-trip mode, so comments and layout stay as the
author wrote them; a file ruamel would re-lay-out is left alone and said so.
"""

from __future__ import annotations

import io
import re
from typing import Any

from studyapp.core.authoring.extract.sentences import slug
from studyapp.core.authoring.lint.rules import Linter
from studyapp.core.decks.model import CLOZE_BLANK, ID_PATTERN
from studyapp.core.decks.yamlread import Document

__all__ = ["check_duplicate_ids", "derive_id", "fix_missing_ids", "missing_ids"]


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


def check_duplicate_ids(lint: Linter, entries: list[Any]) -> bool:
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


def missing_ids(doc: Document) -> dict[int, str]:
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
