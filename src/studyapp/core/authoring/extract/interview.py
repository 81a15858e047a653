"""Interviews printed as a transcript: each answer is a statement of the person who gives it.

"((Wikinews)) What made you run?" / "((Jane Doe)) I wanted to ...", "Q: ..." /
"A: ...", "Jane Doe: ...": a line that opens with a speaker's label. The label
whose lines are questions is the interviewer's; every other label's lines, and
the unlabelled paragraphs that follow them, are answers. :func:`find_answers`
finds them only in a text that reads as a transcript (two labelled lines or
more), so that "Note: ..." in an article is never an answer.
"""

from __future__ import annotations

import re
from collections import Counter

from msgspec import Struct

from studyapp.core.authoring.extract.people import People, person_in
from studyapp.core.authoring.extract.speech import Speaker

__all__ = ["Answer", "Transcript", "find_answers"]


class Answer(Struct, frozen=True):
    """One answer paragraph: its line, where its words start and end, and who gives it."""

    line: int
    start: int
    end: int
    speaker: Speaker


_LABEL = re.compile(
    r"^\s*(?:\(\((?P<a>[^()\n]{1,40})\)\)\s*:?|\[(?P<c>[^\[\]\n]{1,40})\]\s*:?"
    r"|(?P<b>[A-Z][\w.’' -]{0,40}?|Q|A)\s*:)\s+(?P<rest>\S.*)$"
)
_INTERVIEWERS = frozenset(
    ["q", "question", "interviewer", "wikinews", "wn", "reporter", "host", "moderator", "editor"]
)


def _label_speaker(
    label: str, people: People, interviewee: Speaker | None, text: str = ""
) -> Speaker | None:
    if label.lower() in ("a", "answer"):
        return interviewee
    found = people.named(label)
    if found is not None:
        return Speaker(found.name, found.aliases, "person")
    if re.fullmatch(r"[A-Z]{2,4}", label):  # initials: "RS" for Robert Sarvis
        for person in people.people:
            initials = "".join(w[0] for w in person.name.split() if w[:1].isupper())
            if initials == label:
                return Speaker(person.name, person.aliases, "person")
    split = person_in(label)
    if split is not None and split[1]:
        return Speaker(split[1], (), "person")
    if re.fullmatch(r"[A-Z][\w’'-]+", label):
        # "Park:" after "author Sam Park": the full name the article gives the surname
        full = re.search(rf"\b([A-Z][\w’'-]+(?:\s+[A-Z]\.)?)\s+{re.escape(label)}\b", text)
        if full is not None:
            return Speaker(f"{full.group(1)} {label}", (label,), "person")
        return Speaker(label, (), "person")
    return None


class Transcript(Struct, frozen=True):
    """The answers of an interview, and the lines that are its questions."""

    answers: tuple[Answer, ...] = ()
    questions: frozenset[int] = frozenset()


def find_answers(text: str, people: People) -> Transcript:
    """The answers of a transcript in ``text`` (none when it is not one)."""
    labelled: list[tuple[int, int, str, str, int]] = []  # line, offset, label, rest, rest start
    offset = 0
    lines = text.split("\n")
    starts: list[int] = []
    for line_no, line in enumerate(lines, start=1):
        starts.append(offset)
        m = _LABEL.match(line)
        if m is not None:
            label = (m.group("a") or m.group("b") or m.group("c") or "").strip()
            shouted = label.isupper() and len(label) > 4  # "RELEASE: 00-134"
            if label and len(label.split()) <= 5 and not shouted:
                labelled.append((line_no, offset, label, m.group("rest"), offset + m.start("rest")))
        offset += len(line) + 1
    if len(labelled) < 2:
        return Transcript()
    counts = Counter(label for _l, _o, label, _r, _s in labelled)
    asked = Counter(label for _l, _o, label, rest, _s in labelled if rest.rstrip().endswith("?"))
    interviewers = {
        label
        for label in counts
        if label.lower() in _INTERVIEWERS or asked[label] * 2 > counts[label]
    }
    if not interviewers or len(counts) < 2:
        return Transcript()
    interviewee = None
    if people.people:
        best = max(people.people, key=lambda p: len(re.findall(re.escape(p.forms[-1]), text)))
        interviewee = Speaker(best.name, best.aliases, "person")
    out: list[Answer] = []
    questions: set[int] = set()
    current: Speaker | None = None
    labelled_lines = {entry[0]: entry for entry in labelled}
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = labelled_lines.get(line_no)
        if entry is not None:
            _l, _o, label, _rest, rest_start = entry
            if label in interviewers:
                current = None
                questions.add(line_no)
                continue
            current = _label_speaker(label, people, interviewee, text)
            if current is not None:
                out.append(Answer(line_no, rest_start, starts[line_no - 1] + len(line), current))
            continue
        if current is not None:
            begin = starts[line_no - 1] + len(line) - len(line.lstrip())
            out.append(Answer(line_no, begin, starts[line_no - 1] + len(line), current))
    return Transcript(tuple(out), frozenset(questions))
