"""Reported speech: statements attributed to a speaker without quotation marks.

"Goldin said the Russian participation will be accomplished through ...",
"Officials tell BBC News every claim will be assessed ...", "according to the
agency, ...", "..., officials said." A report needs a speaker (a person, a
group or a body: never a study or a data set) and a clause of its own, not just
an object ("Bolden announced the locations" reports an act, not a statement).
:func:`find_reported` returns the reported clauses of one sentence.
"""

from __future__ import annotations

import re

from msgspec import Struct

from studyapp.core.authoring.extract.people import NAME_TOKEN
from studyapp.core.authoring.extract.sentences import Sentence, quote_spans, word_list
from studyapp.core.authoring.extract.speech import REPORT_VERB, Speaker, Speakers, subject_before

__all__ = ["ReportMention", "find_reported"]


class ReportMention(Struct, frozen=True):
    """A reported statement: the clause the article attributes to ``speaker``."""

    text: str
    start: int
    end: int
    speaker: Speaker
    sentence: Sentence


# "told reporters", "told the committee", "told GB News"
_OBJECT = re.compile(
    rf"^\s+(?:(?:the\s+)?{NAME_TOKEN}(?:\s+(?:of\s+|&\s+)?{NAME_TOKEN}){{0,5}}"
    r"|reporters|journalists|the\s+(?:[a-z-]+\s+){0,2}[a-z-]+|him|her|them|us|me|parliament"
    r"|lawmakers|students|listeners|viewers|readers|supporters|delegates)(?=[\s,])"
)
_ADVERBIAL = re.compile(
    r"^\s*,?\s*(?:(?:on|last|this|next)\s+(?:[A-Z][a-z]+day|week|month|year)|yesterday|today"
    r"|earlier|later|recently|previously|also|repeatedly|in\s+(?:a|an|the|his|her|their|its)"
    r"\s+(?:[a-z-]+\s+){0,2}(?:statement|interview|letter|speech|report|release|post|message"
    r"|briefing|email|op-ed|tweet|press\s+conference)(?:\s+(?:to|with|on)\s+[^,]{1,40})?"
    r"|at\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:conference|briefing|hearing|meeting|event"
    r"|rally|summit|ceremony))\s*,?"
)
_CLAUSE_END = re.compile(
    r";|\s[—–]\s|\s--\s|(?<=[,;][”\"])\s+(?:but|while|whilst|whereas|although|though)\b"
    r"|,\s+(?:but|while|whilst|whereas|with|although|though|and\s+(?:said"
    r"|added|noted|told|says|warned)|adding|saying|according)\b|\.\s*$|\.\s+(?=[A-Z“\"])"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|may|might|must|should|shall|has|have|had"
    r"|does|do|did|won't|can't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't)\b"
    r"|\b[a-z]{3,}ed\b"
)
_SAY_VERBS = frozenset(
    word_list(
        "said says say told tells tell stated states added adds noted notes argued argues warned "
        "warns insisted insists claimed claims believes believe maintained maintains contended "
        "contends asserted asserts wrote writes explained explains reiterated stressed"
    )
)
_PREPOSITIONS = frozenset(
    word_list("to in at on for with by about from of into over under after before during as")
)
_RELATIVES = frozenset(word_list("that which who whom whose where"))
_TO_VERBS = frozenset(word_list("asked urged offered promised promising pledged vowed proposed"))
_POSTPOSED = re.compile(
    r",\s*(?P<np>[^,;:“”\"]{2,80}?)\s+(?:has\s+|have\s+|also\s+)?(?P<verb>said|says|say|added"
    r"|noted|reported|claimed|warned|argued|wrote|explained|insisted)"
    r"(?:\s+(?:on\s+[A-Z][a-z]+day|yesterday|today|in\s+a\s+statement))?\s*\.?\s*$"
    r"|,\s*(?P<verb2>said|says|added|noted)\s+(?P<np2>[^,;:“”\"]{2,80}?)\s*\.?\s*$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:“”\"]{2,80}?)\s*(?:,|\.?\s*$)")
_AS_TOLD = re.compile(
    r"^\s*As\s+(?P<np>[^,;:“”\"]{2,80}?)\s+(?:told|said|noted|explained|wrote)\b[^,]{0,60},\s*"
)


def _outside_quotes(text: str) -> str:
    out = text
    for start, end, _closed in reversed(quote_spans(text)):
        out = out[:start] + " " + out[end:]
    return out


def _clause(text: str, start: int) -> tuple[int, int]:
    """Where the reported clause starting at ``start`` ends (a clause break or the sentence end)."""
    spans = quote_spans(text)
    pos = start
    while True:
        m = _CLAUSE_END.search(text, pos)
        if m is None:
            return start, len(text.rstrip())
        inside = any(s < m.start() < e for s, e, _ in spans)
        if not inside:
            end = m.start()
            return start, end
        pos = m.end()


def _is_report(words: str, verb: str) -> bool:
    """Whether ``words`` (the clause after ``verb``) is a statement, not an object or a quote."""
    plain = _outside_quotes(words)
    count = len(re.findall(r"[A-Za-z0-9’'-]+", plain))
    if count < 4:
        return False
    if verb in _TO_VERBS:
        return bool(re.match(r"^\s*(?:to\s+\w|(?:\S+\s+){1,6}?to\s+[a-z]+|that\s)", words))
    if re.match(r"^\s*that\s", words):
        return True
    if re.match(
        r"^\s*(?:the\s+)?(?:a|an|it|this|that|these|those|what|how|so|yes|no)\s*[,.]?\s*$", plain
    ):
        return False
    # a clause with a verb of its own, soon after its subject: "the locations that would
    # be given ..." is an object with a relative clause, not a statement
    tokens = plain.split()
    if verb in _SAY_VERBS and tokens:
        # "say" takes a clause, not an object: "scientists say pictures ... paint a portrait"
        opening = {t.lower().strip(",") for t in tokens[:3]}
        return tokens[0].lower() not in _PREPOSITIONS and not opening & _RELATIVES
    for i, token in enumerate(tokens[1:], start=1):
        after_pronoun = tokens[i - 1].lower() in ("he", "she", "it", "they", "we", "i", "you")
        if _FINITE.fullmatch(token.strip(",.;:").lower()) or (
            after_pronoun and re.fullmatch(r"[a-z]+", token)
        ):
            before = {t.lower().strip(",") for t in tokens[:i]}
            return i <= 9 and not before & {"that", "which", "who", "whom", "whose", "where"}
    return False


def find_reported(sentence: Sentence, speakers: Speakers) -> list[ReportMention]:
    """The statements ``sentence`` reports, each with its speaker."""
    text = sentence.text
    spans = quote_spans(text)
    out: list[ReportMention] = []
    previous: Speaker | None = None
    for m in REPORT_VERB.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        verb = m.group("verb").lower().split()[0]
        speaker = _subject(text, m, speakers, sentence, previous)
        if speaker is None:
            continue
        previous = speaker
        pos = m.end()
        if verb in ("told", "tells", "tell"):
            obj = _OBJECT.match(text[pos:])
            if obj is None:
                continue
            pos += obj.end()
        adverbial = _ADVERBIAL.match(text[pos:])
        if adverbial is not None:
            pos += adverbial.end()
        rest = text[pos:]
        lead = re.match(r"^\s*(?:that\s+|,\s*)?", rest)
        body = pos + (lead.end() if lead else 0)
        if text[body : body + 1] in '“"' and verb not in _TO_VERBS:
            quoted = next((s for s in spans if s[0] == body), None)
            if quoted is None or not _outside_quotes(text[quoted[1] :]).strip(" .,"):
                continue  # "X said: “...”" is a quotation, not a report
        clause_start, clause_end = _clause(text, body)
        words = text[clause_start:clause_end].strip().rstrip(",")
        if not _is_report(text[pos:clause_end], verb):
            continue
        out.append(ReportMention(words, clause_start, clause_end, speaker, sentence))
    out += _framed(sentence, speakers, spans)
    return _distinct(out)


def _subject(
    text: str,
    m: re.Match[str],
    speakers: Speakers,
    sentence: Sentence,
    previous: Speaker | None,
) -> Speaker | None:
    found = subject_before(text, m.start())
    if found is None:
        # "..., and said it was ...": the subject of the clause before
        if previous is not None and re.search(r"\band\s+$", text[: m.start()]):
            return previous
        return None
    phrase, at = found
    if re.search(r"\b(?:which|that|who|whom|whose)\s+$", text[:at]):
        return None  # "the document, which media reports range ...": a relative clause
    return speakers.resolve(phrase, sentence.start + at, text[:at])


def _framed(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "According to X, ...", "As X told Y, ...", "..., officials said." """
    text = sentence.text
    if spans and sum(e - s for s, e, _ in spans) > len(text) / 2:
        return []
    out: list[ReportMention] = []
    according = _ACCORDING.search(text)
    if according is not None:
        speaker = speakers.resolve(according.group("np").strip(), sentence.start, text)
        if speaker is not None:
            if according.start() < 3:
                start, end = according.end(), len(text.rstrip())
            else:
                start, end = 0, according.start()
            words = text[start:end].strip(" ,.")
            if _is_report(words, "said"):
                out.append(ReportMention(words, start, end, speaker, sentence))
    told = _AS_TOLD.match(text)
    if told is not None:
        speaker = speakers.resolve(told.group("np").strip(), sentence.start, text)
        if speaker is not None:
            start, end = _clause(text, told.end())
            words = text[start:end].strip(" ,.")
            if _is_report(words, "said"):
                out.append(ReportMention(words, start, end, speaker, sentence))
    post = _POSTPOSED.search(text)
    if post is not None:
        phrase = (post.group("np") or post.group("np2") or "").strip()
        speaker = speakers.resolve(phrase, sentence.start, text)
        if speaker is not None:
            words = text[: post.start()].strip(" ,")
            if _is_report(words, "said"):
                out.append(ReportMention(words, 0, post.start(), speaker, sentence))
    return out


def _distinct(reports: list[ReportMention]) -> list[ReportMention]:
    out: list[ReportMention] = []
    for report in reports:
        if any(r.start <= report.start and report.end <= r.end for r in out):
            continue
        out = [r for r in out if not (report.start <= r.start and r.end <= report.end)]
        out.append(report)
    return out
