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


_NOT_LABELS = frozenset(
    {
        "interview",
        "update",
        "updated",
        "note",
        "editor's note",
        "editor’s note",
        "correction",
        "source",
        "sources",
        "photo",
        "related",
        "see also",
        "contact",
        "media contact",
        "background",
    }
)
"""Words a page prints before a colon that name no speaker."""


def find_answers(text: str, people: People) -> Transcript:
    """The answers of a transcript in ``text`` (none when it is not one)."""
    labelled: list[tuple[int, int, str, str, int]] = []  # line, offset, label, rest, rest start
    offset = 0
    lines = text.split("\n")
    starts: list[int] = []
    first = next((n for n, line in enumerate(lines, start=1) if line.strip()), 0)
    for line_no, line in enumerate(lines, start=1):
        starts.append(offset)
        m = _LABEL.match(line)
        if m is not None and line_no != first:  # the headline ("Interview: the new ...")
            label = (m.group("a") or m.group("b") or m.group("c") or "").strip()
            shouted = label.isupper() and len(label) > 4  # "RELEASE: 00-134"
            furniture = label.lower() in _NOT_LABELS  # "Update:", "Editor's note:"
            if label and len(label.split()) <= 5 and not shouted and not furniture:
                labelled.append((line_no, offset, label, m.group("rest"), offset + m.start("rest")))
        offset += len(line) + 1
    if len(labelled) < 2:
        return _unlabelled(lines, starts, people)
    counts = Counter(label for _l, _o, label, _r, _s in labelled)
    asked = Counter(label for _l, _o, label, rest, _s in labelled if rest.rstrip().endswith("?"))
    interviewers = {
        label
        for label in counts
        if label.lower() in _INTERVIEWERS or asked[label] * 2 > counts[label]
    }
    if not interviewers or len(counts) < 2:
        return _unlabelled(lines, starts, people)
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


# An article that says it is an interview: "Wikinews interviews X", "Interview with X",
# "X tells Wikinews about ...", "Wikinews spoke with X"
_INTERVIEW_CUE = re.compile(
    r"\b(?:interview(?:s|ed|ing)?(?:\s+with)?|(?:tells?|told|spoke\s+(?:to|with)|talked\s+(?:to"
    r"|with)|talks\s+(?:to|with))\s+Wikinews)\b",
    re.IGNORECASE,
)
_INTERVIEW_HEADING = re.compile(r"^\s*(?:the\s+)?(?:interview|q\s*&\s*a)\s*:?\s*$", re.IGNORECASE)


def _is_question(paragraph: str) -> bool:
    stripped = paragraph.strip().rstrip("”\"’' ")
    return stripped.endswith("?") and len(paragraph.split()) <= 90


def _is_caption(paragraph: str) -> bool:
    """A heading or a picture's caption, not an answer ("Hill at the forum in 2011",
    "File photo of interviewee David Titley. Image: David Titley.")."""
    if re.search(r"\b(?:Image|Photo|Picture|Credit|Source):\s", paragraph):
        return True
    if re.match(r"\s*(?:\[?Ed(?:itor)?(?:[’']s\s+note)?\.?\s*:|\[Note)", paragraph, re.IGNORECASE):
        return True  # "Ed.: See the catalog": the editor's, not the interviewee's
    if len(paragraph.split()) <= 25 and re.match(
        r"\s*(?:[A-Z][\w.’'-]+\s+){1,3}(?:\(\w+\)\s+)?(?:with|at|in|during|on|and)\s", paragraph
    ):
        return True  # "Hugh McGuire with some books ...": a photo caption
    ends = paragraph.strip().rstrip("”\"’')]").endswith((".", "!", "?", "…", ":"))
    return not ends and len(paragraph.split()) <= 20


def _interviewee(intro: str, people: People) -> Speaker | None:
    """The person (or the two people) the title or the opening names as interviewed:
    after "interviews" / "an interview with", before "tells Wikinews"; None when the
    opening names nobody there ("interviews meteorological experts")."""
    for cue in _INTERVIEW_CUE.finditer(intro):
        if cue.group(0).lower().startswith("interview"):
            window = intro[cue.end() : cue.end() + 100]
        else:
            window = intro[max(0, cue.start() - 80) : cue.start()]
        found = people.mentions(window)
        if not found:
            continue
        if not cue.group(0).lower().startswith("interview"):
            found = found[-1:]  # "Biologist Nick Bos tells Wikinews": the one right before
        first = found[0][2]
        other = next((p for _s, _e, p in found[1:] if p is not first), None)
        if other is not None and re.search(r"\band\b", window[found[0][1] : found[1][0]]):
            return Speaker(f"{first.name} and {other.name}", (), "group")
        return Speaker(first.name, first.aliases, "person")
    return None


def _unlabelled(lines: list[str], starts: list[int], people: People) -> Transcript:
    """An interview printed without labels: questions are paragraphs that end with "?", each
    followed by its answer; only in a text that says it is an interview."""
    paragraphs = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    heading = next(
        (i for i, (_n, line) in enumerate(paragraphs) if _INTERVIEW_HEADING.match(line)), None
    )
    intro = " ".join(line for _n, line in paragraphs[: heading if heading is not None else 3])
    if heading is None and not _INTERVIEW_CUE.search(intro):
        return Transcript()
    body = paragraphs[heading + 1 :] if heading is not None else paragraphs
    asked = [
        i
        for i, (_n, line) in enumerate(body[:-1])
        if _is_question(line) and not _is_question(body[i + 1][1])
    ]
    if len(asked) < 2:
        return Transcript()
    speaker = _interviewee(intro, people)
    if speaker is None:
        return Transcript()
    out: list[Answer] = []
    questions: set[int] = set()
    answering = False
    for i, (line_no, line) in enumerate(body):
        if i < asked[0]:
            continue
        if _is_question(line) and (i in asked or i + 1 == len(body)):
            questions.add(line_no)
            answering = True
            continue
        if not answering or _is_caption(line):
            continue
        begin = starts[line_no - 1] + len(line) - len(line.lstrip())
        out.append(Answer(line_no, begin, starts[line_no - 1] + len(line.rstrip()), speaker))
    return Transcript(tuple(out), frozenset(questions))
