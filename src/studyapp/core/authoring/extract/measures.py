"""What a figure measures, in words a card can show without the article.

"Among conservative respondents, 41.5% wish to strengthen security" measures
"conservative respondents: share who wish to strengthen security"; "28,500
troops stayed" measures "number of troops stayed". The phrase runs to the end of
its clause, never cut in the middle of a phrase; the frame that qualifies every
figure of a sentence ("Among ...", "Of the ...", "In the survey, ...") leads it.
"""

from __future__ import annotations

import re

from studyapp.core.authoring.extract.sentences import word_list

__all__ = ["measure_of"]

# Words that end a noun phrase describing what a number measures.
_PHRASE_STOP = re.compile(
    r"[;:()\[\]—–?!“”\"]|,\s|(?<!\b[A-Za-z])\.\s|\.$|\s\d{1,2}\)|\b(?:while|whereas|versus|compared|which|but|although"
    r"|because|than(?!\s+(?:or\s+equal\s+to\s+)?\d)|when|if|whilst)\b"
)
"""("than" before a number bounds a group: "children aged less than 11 years".)"""
_CUT_BEFORE = re.compile(r"\s(?:in|at|on|for|from|by|with|during|after|before|since|as|and)\s")
_MAX_WORDS = 24
# Words after a number that say it counts no noun of its own ("grew by 2 percent last year").
_NOT_A_NOUN = frozenset(
    word_list(
        "last next this in on at by from to for a an the per each every than of and or but as "
        "percent per cent percentage points point"
    )
)


def _phrase_after(text: str, start: int) -> str:
    """The words after ``start`` to the end of their clause (what a number counts)."""
    rest = text[start:]
    stop = _PHRASE_STOP.search(rest)
    if stop is not None:
        rest = rest[: stop.start()]
    words = rest.split()
    if len(words) > _MAX_WORDS:
        # too long for a card: end it where a phrase ends, never inside one
        cut = " ".join(words[:_MAX_WORDS])
        last = None
        for m in _CUT_BEFORE.finditer(cut):
            last = m
        rest = cut[: last.start()] if last is not None and last.start() > 10 else cut
    return " ".join(rest.split()).strip(" ,")


def _phrase_before(text: str, end: int, max_words: int = 10) -> str:
    """The words before ``end`` back to a clause boundary (a parenthesised figure's subject)."""
    head = text[:end].rstrip()
    quoted = re.search(r"“([^”]{1,200})”\s*$|\"([^\"]{1,200})\"\s*$", head)
    if quoted:
        return (quoted.group(1) or quoted.group(2) or "").strip(" ,.;:")
    cut = max(head.rfind(c) for c in ",;:.()—–")
    words = head[cut + 1 :].split()
    return " ".join(words[-max_words:]).strip()


def _group_context(text: str) -> str:
    """A leading "Among conservative respondents," that qualifies every figure of a sentence."""
    m = re.match(
        r"\s*(Among|Of|For|In)\s+((?:the\s+)?[^,]{3,60}?(?:respondents|adults|people"
        r"|voters|students|users|men|women|children|patients|households|those|surveyed"
        r"|survey|poll|sample|group|population|participants|smokers))\s*,",
        text,
    )
    if m:
        return f"{m.group(2).strip()}: "
    m = re.match(r"\s*(Among|Of)\s+([^,]{3,60}),", text)
    return f"{m.group(2).strip()}: " if m else ""


_CLAUSE_START = re.compile(
    r"(?:,(?=\s)|[;:(—–]|\.(?=\s)|\b(?:that|which|who|when|while|whereas|as|because|if|and|but)\b)\s*"
)


def _clause_before(text: str, start: int) -> str:
    """The words of the number's own clause before it ("the budget would shrink by")."""
    head = text[:start]
    last = None
    for m in _CLAUSE_START.finditer(head):
        last = m
    return head[last.end() :].strip() if last is not None else head.strip()


_NOUN_ENDS = _NOT_A_NOUN | frozenset(
    word_list(
        "across through under into onto near along around toward towards against between among "
        "within without about during met said began took made went came left held ran won lost "
        "found gave saw led set put kept sat stood grew fell rose spent sent built brought told "
        "became fought flew drove wrote chose broke spoke is are was were has have had will would"
    )
)
"""Words a noun phrase after a number never runs into: prepositions and common verbs."""
_COMPOUND_UNIT = re.compile(
    r"^[-‑](?P<unit>second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer"
    r"|metre|meter|foot|inch|acre|hectare|ton|tonne|pound|member|page|point|story|storey)[-‑\s]"
    r"(?=[a-z])(?!per\b)",  # never "55 mile-per-hour", a speed
    re.IGNORECASE,
)
"""A number joined to its unit before a noun: "three-week campaign", "10-mile walk"."""


def _noun_phrase(words: str) -> list[str]:
    """The first words of ``words`` up to a preposition or a verb (at most four): the noun
    a number qualifies ("the six-member panel met" -> "panel")."""
    noun: list[str] = []
    for word in words.split()[:4]:
        if word.lower() in _NOUN_ENDS or (noun and re.fullmatch(r"[a-z]+ed", word)):
            break
        noun.append(word)
    return noun


def measure_of(text: str, start: int, end: int, kind: str) -> str:
    """A first guess at what the number at ``start:end`` of ``text`` measures."""
    context = _group_context(text) if kind in ("percent", "fraction") else ""
    before = _clause_before(text, start)
    after = re.sub(r"^\s?[-‑]\s?", "", _phrase_after(text, end)).strip()
    if kind == "count" and re.search(r"\bfrom\s+\S+\s+to$", before):
        # "seats increased from 9 to 10 after the vote": the change says what is measured
        return f"{before} … {after}".strip()
    compound = _COMPOUND_UNIT.match(text[end:])
    if kind in ("count", "number") and compound is not None:
        # "a three-week ground campaign": how long (far, big) the campaign was, not a
        # "number of week ground campaign"
        unit = compound.group("unit").lower()
        aged = re.match(r"^[-‑\s]*old\s+", text[end + compound.end() :])
        rest = end + compound.end() + (aged.end() if aged else 0)
        noun_words = _noun_phrase(_phrase_after(text, rest))
        if noun_words:
            what = "size" if unit in ("member", "page", "story", "storey") else "length"
            what = "age" if aged else what  # "a 12-year-old boy"
            return f"{what} of the {' '.join(noun_words)}, in {unit}s"
    group = re.search(r"(?:^|[.;:]\s+)(?:Of|Among)\s+([^,;:]{1,60}),", text[:start])
    verbs = r"(?:have|has|had|were|was|are|is|[a-z]{3,}ed)" if group else r"(?:have|has|had)"
    if kind in ("count", "number") and re.match(rf"{verbs}\b", after):
        # "Of the 59 remaining awards, 3 approved the withdrawal of cases": the count of the
        # group the sentence opened with, that did what follows
        return f"number{' of ' + group.group(1) if group else ''} that {after}"
    first_after = re.match(r"^[\s-]*([A-Za-z]+)", text[end:])
    counted = first_after is not None and first_after.group(1).lower() not in _NOT_A_NOUN
    if kind in ("count", "number") and counted and after:
        return f"number of {after}"  # "28,500 troops stayed"
    attributive = re.search(r"\b(?:a|an|the|its|their|his|her)\s+$", text[:start], re.I)
    if kind == "money" and counted and after and attributive:
        noun = _noun_phrase(after)
        if noun and noun[-1].lower() not in ("mark", "level", "threshold", "barrier", "figure"):
            return f"amount of the {' '.join(noun)}"  # "approve a $45 million budget"
    if kind == "ordinal":
        first = after.split()[0].lower() if after else ""
        if after and first not in ("after", "to", "in", "behind", "among", "of", "place"):
            return f"which {after}"
        subject = _phrase_before(text, start, 8)
        subject = re.sub(
            r"\s+(?:was|is|were|are|came|ranked|placed|finished|the|as|in|ended\s+up)$", "", subject
        )
        after = re.sub(r"^place\b\s*", "", after)
        return f"position of {subject} {after}".strip()
    if kind in ("percent", "fraction"):
        if text[:start].rstrip().endswith("("):
            subject = _phrase_before(text, len(text[:start].rstrip()) - 1)
            return f"{context}share: {subject}".strip()
        if after.startswith("of "):
            return f"{context}share {after}"  # "41 percent of respondents said ..."
        if after and (counted or not before):
            verb = re.match(
                r"^(?:said|say|says|reported|agreed|wanted|chose|preferred|were|was)\b", after
            )
            return f"{context}share who {after}" if verb else f"{context}share: {after}"
    if before and not re.search(r"\b(?:among|in|for)$", before):
        # "the budget would shrink by 2 percent": its clause says what is measured
        tail = "" if re.match(r"^(?:and|or|but)\b", after) else after
        return f"{context}{before} … {tail}".strip()
    if after and not re.match(r"^(?:to|and|or)\b", after):
        return f"amount: {after}" if kind == "money" else f"{context}share: {after}"
    return _phrase_before(text, start) or after
