"""Property: accepting and dropping any entries of any draft keeps the rest of the file.

A draft is generated (entries of four kinds with awkward text: quotes, colons,
``#``, brackets, line breaks, non-ASCII), written by ``draft_yaml`` with its
headings and notes, and given extra comments between entries and between the
fields of an entry. Any subset is then accepted, another dropped, another edited
(an explanation set, tags and the mark removed), one at a time, in any order;
the result must load, the entries not touched must be byte for byte
what they were, an accepted one must have lost only its ``review`` line, and
every comment outside the dropped entries must still be there, in order.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.core.authoring.extract.draftfile import draft_yaml
from studyapp.core.authoring.review.spans import entry_spans, split_lines
from studyapp.core.authoring.review.textedit import accept_entry, drop_entry, set_fields
from studyapp.core.decks.loader import parse_deck
from studyapp.core.decks.model import Deck
from studyapp.core.decks.yamlread import read_yaml

_CHARS = st.sampled_from(list("abcXYZ019 .,:;'\"#-[]{}|>&*!%@?é漢"))
_WORDS = st.text(_CHARS, min_size=1, max_size=30).filter(lambda s: bool(s.strip()))
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=3).map("\n".join)


@st.composite
def _entry(draw: st.DrawFn, index: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["date", "figure", "quote", "qa"]))
    entry: dict[str, Any] = {"id": f"e{index}", "kind": kind, "review": True}
    if kind == "date":
        entry |= {"event": draw(_WORDS), "date": draw(st.sampled_from(["1969", "2025-06-03"]))}
    elif kind == "figure":
        entry |= {"measure": draw(_WORDS), "value": draw(st.integers(-5, 10**6))}
    elif kind == "quote":
        entry |= {"quote": draw(_PARAGRAPH), "speaker": draw(_WORDS)}
    else:
        entry |= {"prompt": draw(_WORDS), "answer": draw(_WORDS)}
    if draw(st.booleans()):
        entry["source"] = draw(_PARAGRAPH)
    if draw(st.booleans()):
        entry["tags"] = ["draft", f"t{index}"]
    return entry


@st.composite
def _draft(draw: st.DrawFn) -> str:
    count = draw(st.integers(2, 7))
    entries = [draw(_entry(i)) for i in range(count)]
    deck = Deck.model_validate({"id": "d", "title": "D", "entries": entries})
    text = draft_yaml(deck, origin="a.txt", notes=["a note: kept"])
    lines = split_lines(text)
    out: list[str] = []
    marks = iter(range(10_000))
    for line in lines:
        # a comment may go before any entry or any key of an entry (never inside a value)
        if line.startswith("- id: ") and draw(st.booleans()):
            out.append(f"# between {next(marks)}\n")
        elif line.startswith("  ") and line[2:3].isalpha() and draw(st.integers(0, 3)) == 0:
            col = draw(st.sampled_from([0, 2, 4]))
            out.append(" " * col + f"# inside {next(marks)}\n")
        out.append(line)
    return "".join(out)


def _comments(lines: list[str]) -> list[str]:
    return [line for line in lines if line.lstrip().startswith("# ")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), text=_draft())
def test_accept_and_drop_any_entries(data: st.DataObject, text: str) -> None:
    original = parse_deck(text, "d.yaml")
    ids = [e.id for e in original.entries]
    lines = split_lines(text)
    spans = entry_spans(lines, read_yaml(text, "d.yaml"))
    block = {i: "".join(lines[s.start : s.end]) for i, s in zip(ids, spans, strict=True)}
    actions = data.draw(
        st.lists(
            st.sampled_from(["accept", "drop", "keep", "edit"]),
            min_size=len(ids),
            max_size=len(ids),
        )
    )
    if all(a == "drop" for a in actions):
        actions[0] = "keep"
    order = data.draw(st.permutations(list(range(len(ids)))))
    explained = {entry_id: data.draw(_PARAGRAPH) for entry_id in ids}

    for position in order:
        entry_id, action = ids[position], actions[position]
        if action == "keep":
            continue
        doc = read_yaml(text, "d.yaml")
        index = [e["id"] for e in doc.data["entries"]].index(entry_id)
        if action == "edit":
            changes = {"explanation": explained[entry_id], "tags": None, "review": None}
            text = set_fields(text, doc, index, changes).text
        else:
            edit = accept_entry if action == "accept" else drop_entry
            text = edit(text, doc, index).text

    deck = parse_deck(text, "d.yaml")
    assert [e.id for e in deck.entries] == [
        i for i, a in zip(ids, actions, strict=True) if a != "drop"
    ]
    for entry_id, action in zip(ids, actions, strict=True):
        if action == "keep":
            assert block[entry_id] in text
        elif action == "accept":
            assert block[entry_id].replace("  review: true\n", "", 1) in text
            assert next(e for e in deck.entries if e.id == entry_id).review is None
        elif action == "edit":
            entry = next(e for e in deck.entries if e.id == entry_id)
            assert entry.explanation == explained[entry_id].strip() or entry.explanation
            assert entry.tags == [] and entry.review is None
        else:
            assert block[entry_id] not in text
    dropped = {
        row
        for entry_id, span, action in zip(ids, spans, actions, strict=True)
        if action == "drop"
        for row in range(span.start, span.end)
    }
    kept = _comments([line for row, line in enumerate(lines) if row not in dropped])
    remaining = iter(_comments(split_lines(text)))
    assert all(any(c == r for r in remaining) for c in kept)  # a subsequence, in order
