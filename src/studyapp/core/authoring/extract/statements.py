"""Statements: what a speaker said, quoted or reported, ready to become a quote entry.

A quotation split by its attribution ("A," said Malin, "B.") or going on in the
next sentence of its paragraph is one statement ("A … B"); a quotation that
goes on into the next paragraph is a statement of its own with the same
speaker. Reported speech is one statement per reported clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec import Struct

from studyapp.core.authoring.extract.quotes import QuoteMention
from studyapp.core.authoring.extract.reported import ReportMention
from studyapp.core.authoring.extract.sentences import Sentence, fold_text
from studyapp.core.authoring.extract.speech import QUOTE_CUE

__all__ = ["Statement", "build_statements"]


class Statement(Struct, frozen=True):
    """Words attributed to a speaker, with the sentences they come from."""

    words: str
    """The quoted words (fragments joined with " … "), or the reported clause."""
    speaker: str
    aliases: tuple[str, ...]
    reported: bool
    sentences: tuple[Sentence, ...]
    spans: tuple[tuple[int, int], ...]
    """Where each fragment sits in the text (absolute offsets, quotation marks included)."""
    kind: str = "person"

    @property
    def source(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def start(self) -> int:
        return self.spans[0][0]


def _gap_is_attribution(gap: str) -> bool:
    """Whether the text between two quotations only says who spoke ("," said Malin, ")."""
    if re.search(r"[“”\"]", gap):
        return False
    words = re.findall(r"[\w’'-]+", gap)
    if not words:
        return True
    if "that" in (w.lower() for w in words):
        return False  # "Rathbun asserted that officials, “...”": a new statement, not a split one
    last_sentence = re.split(r"[.!?]\s+", gap)[-1]
    if re.search(r"[.!?]\s+", gap) and QUOTE_CUE.search(last_sentence):
        return False  # "“A,” he said. He called it “B”": a sentence of its own brings B
    return len(words) <= 45 and QUOTE_CUE.search(gap) is not None


def _opens_sentence(
    last: Sentence, sentence: Sentence, text: str, start: int, cue: str = ""
) -> bool:
    """Whether a quotation in a new sentence goes on with the one before (“A,” he said.
    “B.”): one that comes after words of its own sentence ("Although characterized by Nixon
    as “B”") or has an attribution of its own (“B,” it added) is a statement of its own."""
    if sentence.start == last.start:
        return True
    return re.search(r"\w", text[sentence.start : start]) is None and cue not in ("after", "before")


_TRAILING_GLOSS = re.compile(r"\s*\((?:[^()]|\([^()]*\)){3,}\)[\s.]*$")


def build_statements(
    quotes: Sequence[QuoteMention],
    reports: Sequence[ReportMention],
    text: str,
    answers: Sequence[Statement] = (),
) -> list[Statement]:
    """Attributed quotations joined into statements, the reported ones and an interview's
    answers, in text order."""
    out: list[Statement] = list(answers)
    current: Statement | None = None
    previous_end = -1
    previous_inner = -1
    previous_cue = ""
    for q in quotes:
        if q.speaker is None or q.sentence is None:
            if current is not None:
                out.append(current)
                current = None
            continue
        start = q.sentence.start + q.start
        end = q.sentence.start + q.end
        if (
            current is not None
            and current.speaker == q.speaker
            and current.sentences[-1].line == q.sentence.line
            and _gap_is_attribution(text[previous_end:start])
            and _opens_sentence(current.sentences[-1], q.sentence, text, start, q.cue)
        ):
            sentences = current.sentences
            if sentences[-1] is not q.sentence and sentences[-1].start != q.sentence.start:
                sentences = (*sentences, q.sentence)
            joiner = " … "
            if (
                q.cue == "run-on"
                and previous_cue == "run-on"
                and not text[previous_end:start].strip()
            ):
                # sentences of one quoted paragraph, one after the other: the words as printed
                joiner = text[previous_inner : q.sentence.start + q.inner[0]]
            current = Statement(
                f"{current.words}{joiner}{q.text}",
                current.speaker,
                current.aliases,
                False,
                sentences,
                (*current.spans, (start, end)),
            )
        else:
            if current is not None:
                out.append(current)
            current = Statement(q.text, q.speaker, q.aliases, False, (q.sentence,), ((start, end),))
        previous_end = end
        previous_inner = q.sentence.start + q.inner[1]
        previous_cue = q.cue
    if current is not None:
        out.append(current)
    seen = {fold_text(s.words) for s in out}
    for r in reports:
        # "would withdraw recognition from Taiwan (also known as the Republic of China)": a
        # gloss in brackets that ends a report is the writer's, not the speaker's claim
        words = _TRAILING_GLOSS.sub("", r.text) or r.text
        key = fold_text(words)
        if key in seen:
            continue
        seen.add(key)
        # the clause as the speaker's words begin (the mention may start at the space or
        # the comma before them: "According to X, applications ...")
        at = r.sentence.text.find(words, r.start)
        start = r.sentence.start + (at if at >= 0 else r.start)
        out.append(
            Statement(
                words,
                r.speaker.name,
                r.speaker.aliases,
                True,
                (r.sentence,),
                ((start, start + len(words)),),
                r.speaker.kind,
            )
        )
    out.sort(key=lambda s: s.start)
    return [s for s in out if not _inside_report(s, out)]


def _inside_report(statement: Statement, all_statements: Sequence[Statement]) -> bool:
    """A short quotation inside a reported clause of the same speaker ("troops would stay
    “as long as necessary”"): the report already holds it, with the words around it."""
    if statement.reported or len(statement.spans) != 1 or len(statement.words.split()) > 5:
        return False
    start, end = statement.spans[0]
    return any(
        r.reported
        and r.speaker == statement.speaker
        and r.spans[0][0] <= start
        and end <= r.spans[-1][1] + 1
        for r in all_statements
    )
