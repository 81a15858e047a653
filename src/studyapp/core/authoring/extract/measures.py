"""What a figure measures, in words a card can show without the article.

"Among conservative respondents, 41.5% wish to strengthen security" measures
"conservative respondents: share who wish to strengthen security"; "28,500
troops stayed" measures "number of troops stayed". The phrase runs to the end of
its clause, never cut in the middle of a phrase; the frame that qualifies every
figure of a sentence ("Among ...", "Of the ...", "In the survey, ...") leads it.
"""

from __future__ import annotations

import re

from studyapp.core.authoring.extract.numbers import CARDINAL_WORDS
from studyapp.core.authoring.extract.sentences import word_list

__all__ = ["measure_of", "opens_with_verb", "rate_measure"]

# Words that end a noun phrase describing what a number measures.
_PHRASE_STOP = re.compile(
    r"[;()\[\]—–?!“”\"]|:(?!\S)|\s--|,\s|(?<!\b[A-Za-z])\.\s|\.$|\s\d{1,2}\)|\b(?:while|whereas|versus|compared|which|but|although"
    r"|because|than(?!\s+(?:or\s+equal\s+to\s+)?\d)|when|if|whilst)\b"
)
"""("than" before a number bounds a group: "children aged less than 11 years"; a colon
inside a word, "strain O157:H7", is part of a name; a second count joined by "and" is a
figure of its own: "300 cases of H5N1 and six deaths".)"""
_NEXT_COUNT = re.compile(
    rf"(?<!between\s\d{{4}})\s+and\s+(?:\d|(?:{'|'.join(CARDINAL_WORDS)})\b)", re.IGNORECASE
)
_ASIDE = re.compile(r"\s*(?:\([^()]{1,30}\)|\[[^\[\]]{1,30}\])")
"""A count's share in parentheses, "40 (19%) had fallen": what the count did follows it."""
_CUT_BEFORE = re.compile(r"\s(?:in|at|on|for|from|by|with|during|after|before|since|as|and)\s")
_MAX_WORDS = 24
# Words after a number that say it counts no noun of its own ("grew by 2 percent last year").
_NOT_A_NOUN = frozenset(
    word_list(
        "last next this in on at by from to for a an the per each every than of and or but as "
        "percent per cent percentage points point since until after before over under above "
        "below"
    )
)


def _phrase_after(text: str, start: int, *, counted: bool = False) -> str:
    """The words after ``start`` to the end of their clause (what a number counts; a
    ``counted`` one ends before a second count: "300 cases of H5N1 and six deaths")."""
    rest = text[start:]
    stop = _PHRASE_STOP.search(rest)
    if stop is not None:
        rest = rest[: stop.start()]
    second = _NEXT_COUNT.search(rest) if counted else None
    if second is not None:
        rest = rest[: second.start()]
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
        if m.group(0).startswith("(") and ")" in head[m.end() :]:
            continue  # an aside closed before the number, "The FDA (Food ...) has ..."
        last = m
    clause = head[last.end() :].strip() if last is not None else head.strip()
    # "(The mayor) said the cost had risen by": what was said is the clause, not the saying
    return re.sub(
        r"^(?:[^,;:]{0,60}?\s)?(?:said|says|added|noted|warned|estimated|reported)\s+(?:that\s+)?",
        "",
        clause,
    )


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
    r"|metre|meter|foot|inch|acre|hectare|ton|tonne|pound|member|page|point|story|storey)"
    r"(?:[-‑\s]|,\s+)(?=[a-z])(?!per\b)",  # never "55 mile-per-hour", a speed
    re.IGNORECASE,
)
"""A number joined to its unit before a noun: "three-week campaign", "10-mile walk", "a
2-year, nationwide, multicenter study"."""


def _noun_phrase(words: str) -> list[str]:
    """The first words of ``words`` up to a preposition or a verb (at most four): the noun
    a number qualifies ("the six-member panel met" -> "panel")."""
    noun: list[str] = []
    split = words.split()
    for n, word in enumerate(split[:4]):
        if word.lower() in _NOUN_ENDS or (noun and re.fullmatch(r"[a-z]+ed", word)):
            break
        if noun and re.fullmatch(r"[a-z]{3,}ing", word) and n + 1 < len(split):
            break  # "a $1.4 billion tram line linking the airport ...": a participle's phrase
        noun.append(word)
    return noun


_FINITE_VERBS = frozenset(
    word_list(
        "were was are is had have has died occurred remained stayed survived returned recovered "
        "met said began took made went came left held ran won lost found gave saw led set put "
        "kept sat stood grew fell rose spent sent built brought told became fought flew drove "
        "wrote chose broke spoke"
    )
)
"""Words that can only be a clause's verb after a noun: "persons were hospitalized",
"deaths occurred in" (an -ed word may be a participle instead: "people injured in")."""
_RELATIVE = frozenset(word_list("who whose which that where"))
_LEADS_VERB = re.compile(r"[a-z]+ly|will|would|may|might|can|could|should|must|shall|also|not")
"""A word that goes with the verb after it: "reportedly had", "will have", "also were"."""
_VERB_ED_NEXT = re.compile(
    r"^\s*(?:$|[,.;:)]|(?:the|a|an|their|his|her|its|in|at|on|to|from|with|during|after"
    r"|before|within|for)\b|[A-Z]|[a-z]{2,}ing\b)"
)
_MEDIAN = re.compile(
    r"\b((?:median|mean|average)\s+[^,;()]+?)\s+(?:was|were|is|are)"
    r"(?:\s+(?:about|around|approximately|nearly))?$",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{'|'.join(CARDINAL_WORDS)}))\s*\($", re.IGNORECASE)


_OUT_OF_WHOLE = re.compile(
    rf"of\s+(?P<whole>(?:(?:the\s+)?(?:\d[\d,]*|(?:{'|'.join(CARDINAL_WORDS)}))|these|those)\b.*)",
    re.IGNORECASE,
)
"""What follows a count out of a total, "of the nine reportedly had eaten", "of 12 clinics",
"of these were awards"."""


_PLURALS = {"child": "children", "man": "men", "woman": "women", "person": "persons"}


def _plural(noun: str) -> str:
    """A measure counts in the plural: "one child died" is a number of children."""
    if noun in _PLURALS or noun.endswith("s"):
        return _PLURALS.get(noun, noun)
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("x", "ch", "sh")) else "s")


def opens_with_verb(after: str) -> bool:
    """Whether the words after a count open with its verb: "died", "had fallen", "developed
    HUS", "approved the plan" (never an adjective: "40 armed men", "12 injured people")."""
    first = re.match(r"([a-z]+)\b", after)
    if first is None:
        return False
    word = first.group(1)
    if word in _FINITE_VERBS:
        return True
    return word.endswith("ed") and _VERB_ED_NEXT.match(after[first.end() :]) is not None


def _noun_that_verb(after: str, *, ed: bool = False) -> str:
    """ "persons were hospitalized" -> "persons that were hospitalized": a measure names what
    is counted, then what it did (``ed``: an -ed word is the verb too, as in "of 40 delegates
    voted", where the count is the subject)."""
    words = after.split()
    for i, word in enumerate(words[1:9], start=1):
        if word.lower() in _RELATIVE:
            break  # "persons whose illnesses met the definition": it has its verb
        if (
            word.lower() in ("and", "but")
            and i + 1 < len(words)
            and words[i + 1].lower() in ("the", "a", "an", "its", "their", "his", "her")
        ):
            return " ".join(words[:i])  # "tanks and the navy sent ...": another clause
        verb = word.lower() in _FINITE_VERBS or (
            ed and re.fullmatch(r"[a-z]{2,}ed", word) and i < len(words) - 1  # not "ponds sampled"
        )
        if verb:  # "people injured in the blast were treated"
            if words[i - 1].lower() in ("and", "or", "but"):
                return " ".join(words[: i - 1])  # "... hospitals and was isolated": another clause
            lead = i - 1 if i > 1 and _LEADS_VERB.fullmatch(words[i - 1].lower()) else i
            return " ".join([*words[:lead], "that", *words[lead:]])
    return after


def _words_before(text: str, end: int, most: int = 12) -> str:
    """The words before ``end`` back to their clause's start (a comma, a semicolon, a
    bracket or a sentence's end: never the comma of "45,550" or the point of "35.3%"),
    without the conjunction that opens them."""
    head = text[:end].rstrip()
    cuts = list(re.finditer(r"[;:()—–]|,(?!\d{3})|\.(?!\d)|\s(?:and|or)\s", head))
    words = head[cuts[-1].end() :].split() if cuts else head.split()
    phrase = " ".join(words[-most:]).strip()
    phrase = re.sub(r"^(?:and|or|but|whereas|while|with|which|that)\s+", "", phrase)
    return re.sub(r"^(?:(?:further|an?|the|our|this)\s+)?analysis\s+of\s+", "", phrase, flags=re.I)


def _bracketed(text: str, start: int, end: int, kind: str) -> str:
    """What a figure in brackets measures, read around its brackets ("" when it is not in
    brackets after words): "related to cleaners (28,158)" counts the calls related to
    cleaners; "(3,137 for cleaners, ...)" the increase before the brackets, for cleaners;
    "an increase of 35.3% (from 4,713 to 6,379) for all cleaners": the value before or
    after that increase."""
    square = re.search(rf"(?:\d|\b(?:{'|'.join(CARDINAL_WORDS)}))\s*\[$", text[:start], re.I)
    if square is not None and kind in ("percent", "fraction"):
        # "eight [13%] hospitalizations": the share the count before it is of its kind
        shut = text.find("]", end)
        noun = _noun_phrase(_phrase_after(text, shut + 1)) if shut > 0 else []
        return f"share: {' '.join(noun)}" if noun else ""
    open_at = text.rfind("(", 0, start)
    if open_at < 0 or ")" in text[open_at:start] or re.search(r"\.\s", text[open_at:start]):
        return ""
    close = text.find(")", end)
    if close < 0 or not re.search(r"[A-Za-z%\d]\s*$", text[:open_at]):
        return ""
    inside = text[open_at + 1 : close]
    mine = start - open_at - 1
    before = _words_before(text, open_at)
    after = _phrase_after(text, close + 1)
    after = (
        "" if re.match(r"^(?:and|or|but|which|who|whereas|while|respectively)\b", after) else after
    )
    after = re.split(r"\s+(?:and|or|but)\s+", after)[0]
    changed = re.fullmatch(r"\s*from\s+(\S+)\s+to\s+(\S+)\s*", inside)
    if changed is not None:
        which = "before" if mine < changed.start(2) else "after"
        return f"{before} {after}: the value {which} the change".replace("  ", " ").strip()
    told_for = re.match(r"\s*for\s+([^,;)]+)", text[end:close])
    if told_for is not None:  # "(3,137 for cleaners, 4,591 for disinfectants)"
        return f"{before}, for {told_for.group(1).strip()}".strip(" ,")
    if kind in ("count", "number") and re.fullmatch(r"\s*[\d,.]+\s*(?:;.*)?", inside):
        # "received 45,550 exposure calls related to cleaners (28,158) and disinfectants"
        counted = re.search(
            r"\b\d[\d,.]*\s+((?:[a-z-]+\s+){0,3}?[a-z-]+s\s+(?:related\s+to|about|of|for"
            r"|from|involving|with|in|among))\s+",
            text[:open_at],
        )
        own = re.split(
            r"\)\s*(?:,\s*)?(?:and|or)?\s*|,(?!\d{3})\s*(?:and\s+|or\s+)?", text[:open_at]
        )[-1]
        own = re.sub(r"^(?:whereas|while|but)\s+", "", own.strip())
        if counted is not None and "(" not in text[counted.end() : open_at]:
            own = text[counted.end() : open_at].strip()  # the first of the counted's parts
        if counted is not None and own and len(own.split()) <= 4:
            return f"number of {counted.group(1)} {own}"
        return f"number: {before}"
    if kind in ("percent", "fraction") and re.match(r"\s*[\d,.]+\s*;", inside):
        return f"share: {before}"  # "(1,949; 62.1%)": the count's share
    return ""


def measure_of(text: str, start: int, end: int, kind: str) -> str:
    """A first guess at what the number at ``start:end`` of ``text`` measures."""
    bracketed = _bracketed(text, start, end, kind)
    if bracketed:
        return bracketed
    context = _group_context(text) if kind in ("percent", "fraction") else ""
    before = _clause_before(text, start)
    aside = _ASIDE.match(text, end) if kind in ("count", "number") else None
    after_at = aside.end() if aside else end
    counts = kind in ("count", "number")
    after = re.sub(r"^\s?[-‑]\s?", "", _phrase_after(text, after_at, counted=counts))
    after = after.strip()
    group = re.search(
        r"(?:^|[.;:]\s+)(?:Of|Among)\s+((?:[^,;:]|,(?=\d{3})){1,60}?)(?:\s\([^()]{1,30}\))?"
        r",(?!\d{3})",
        text[:start],
    )
    whole = group.group(1) if group else ""
    whole = re.sub(r"^(?:some|about|nearly|roughly|approximately|over)\s+", "", whole)
    of_group = f" of {'the ' if whole[:1].isdigit() else ''}{whole}" if whole else ""
    if kind in ("percent", "fraction") and _NUMBER_BEFORE.search(text[:start].rstrip()):
        # "Of the 212 riders, 40 (19%) had fallen": the share of the group that did it
        close = text.find(")", end)
        did = _phrase_after(text, close + 1).strip() if close >= 0 else ""
        if opens_with_verb(did):
            return f"share{of_group} that {did}"
    median = _MEDIAN.search(before) if kind in ("count", "number") else None
    if median is not None:
        return median.group(1)  # "The median age of riders was 41 years"
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
        listed = re.match(r"(?:[a-z-]+,\s+)*", text[rest:])  # "2-year, nationwide, ... study"
        rest += listed.end() if listed and compound.group(0).rstrip().endswith(",") else 0
        noun_words = _noun_phrase(_phrase_after(text, rest))
        if noun_words:
            what = "size" if unit in ("member", "page", "story", "storey") else "length"
            what = "age" if aged else what  # "a 12-year-old boy"
            return f"{what} of the {' '.join(noun_words)}, in {unit}s"
    whole = _OUT_OF_WHOLE.match(after) if kind in ("count", "number") else None
    if whole is not None:
        # "Four of the nine reportedly had eaten there": of that total, the ones that did it;
        # "positive in four of 12 clinics": the clause says what
        of_whole = _noun_that_verb(whole.group("whole"), ed=True)
        of_whole = f"the {of_whole}" if of_whole[:1].isdigit() else of_whole
        if " that " in of_whole:
            return f"number of {of_whole}"
        return f"{before} … {after}".strip() if before else f"number {after}"
    elided = re.search(r"(?:;|,(?:\s+and)?)\s+$", text[:start]) is not None
    if kind in ("count", "number") and (
        opens_with_verb(after) or (elided and re.match(r"[a-z]{2,}ed\b", after))
    ):
        # "Of the 59 remaining awards, 3 approved the withdrawal of cases": the count of the
        # group the sentence opened with, that did what follows ("three died": of no group;
        # "..., and one developed kidney failure": one of those counted before)
        return f"number{of_group} that {after}"
    first_after = re.match(r"^[\s-]*([A-Za-z]+)", text[after_at:])
    designation = first_after is not None and re.match(
        r"[-‑]\d", text[after_at + first_after.end(1) :]
    )  # "three F-15Es", "one A-10": a model's designation names what is counted
    counted = first_after is not None and (
        designation is not None
        or (
            first_after.group(1).lower() not in _NOT_A_NOUN
            and len(first_after.group(1)) > 1  # "155 F": a unit's symbol, no noun
        )
    )
    if kind in ("count", "number") and counted and after:
        # "14 stations and carry an estimated 45,000 ...": a second verb, with its own object
        second_verb = re.search(r"\s+and\s+[a-z]+\s+(?=(?:a|an|the|its|their|his|her)\b)", after)
        if second_verb is not None and not opens_with_verb(after):
            after = after[: second_verb.start()]
        counted_words = _noun_that_verb(after)
        if text[start:end].lower() in ("one", "1", "a", "an"):  # "one child died"
            first_noun, _sep, others = counted_words.partition(" ")
            counted_words = f"{_plural(first_noun)} {others}".strip()
            counted_words = re.sub(  # "one A-10 was lost": "A-10s that were lost"
                r"\bthat (was|is|has)\b",
                lambda m: "that " + {"was": "were", "is": "are", "has": "have"}[m.group(1)],
                counted_words,
                count=1,
            )
        return f"number of {counted_words}"  # "28,500 troops stayed"
    attributive = re.search(r"\b(?:a|an|the|its|their|his|her)\s+$", text[:start], re.I)
    if kind == "money" and counted and after and attributive:
        noun = _noun_phrase(after)
        if noun and noun[-1].lower() not in ("mark", "level", "threshold", "barrier", "figure"):
            return f"amount of the {' '.join(noun)}"  # "approve a $45 million budget"
    if kind == "ordinal":
        ranked = _rank_by_degree(text, start, end)
        if ranked:
            return ranked
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
            subject = _words_before(text, len(text[:start].rstrip()) - 1)
            return f"{context}share: {subject}".strip()
        if after.startswith("of "):
            return f"{context}share {after}"  # "41 percent of respondents said ..."
        if after and (counted or not before):
            verb = re.match(
                r"^(?:said|say|says|reported|agreed|wanted|chose|preferred|were|was)\b", after
            )
            return f"{context}share who {after}" if verb else f"{context}share: {after}"
    if before and not re.search(r"\b(?:among|in|for)$", before):
        # "the budget would shrink by 2 percent": its clause says what is measured ("...
        # since the first estimate and warned that ...": up to its subject's next verb)
        tail = "" if re.match(r"^(?:and|or|but)\b", after) else after
        tail = re.split(r"\s+(?:and|but)\s+(?=[a-z]+ed\b|said\b|told\b|says\b)", tail)[0]
        return f"{context}{before} … {tail}".strip()
    if after and not re.match(r"^(?:to|and|or)\b", after):
        if kind in ("count", "number"):
            return f"number of {after}"
        return f"amount: {after}" if kind == "money" else f"{context}share: {after}"
    return _phrase_before(text, start) or after


_DEGREE = re.compile(
    r"[\s-]+(?P<sup>(?:most|least)\s+[a-z]+|largest|biggest|highest|lowest|smallest|greatest"
    r"|longest|busiest|richest|poorest|oldest|fastest|leading)\b\s*",
    re.IGNORECASE,
)
_RANKED_SUBJECT = re.compile(
    r"(?:^|[,;:—–]\s*)(?P<subject>[^,;:—–]+?)\s+(?:is|was|are|were|became|becomes|remains"
    r"|remained|has\s+become|had\s+become|ranks|ranked)\b(?:(?!\b(?:is|was|are|were)\b).)*$",
    re.IGNORECASE,
)
_OF_STOPS = r"(?:in|and|or|the|to|at|on|for|by|with|from|since|during)\b"
_PRONOUNS = frozenset(word_list("it its they them this that these those he she we"))


def _rank_by_degree(text: str, start: int, end: int) -> str:
    """What an ordinal before a superlative ranks, and among what: "Indonesia is the world's
    third-largest democracy" is Indonesia's rank among the world's largest democracies; ""
    when no superlative follows."""
    degree = _DEGREE.match(text, end)
    if degree is None:
        return ""
    rest = _phrase_after(text, degree.end())
    noun = _noun_phrase(rest)
    scope = re.search(r"(?P<the>\bthe\s+)?(?P<owner>[\w’'.]+[’']s|its|their)\s+$", text[:start])
    among = "the "
    if scope is not None and scope.group("owner") not in ("its", "their"):
        among = f"{scope.group('the') or ''}{scope.group('owner')} "
    sup = degree.group("sup").lower()
    if noun:
        what = f"{sup} {' '.join([*noun[:-1], _plural(noun[-1])])}"
        of = re.match(
            rf"{re.escape(' '.join(noun))}\s+"
            rf"(of\s+(?:the\s+)?[a-z]+(?:\s+(?!{_OF_STOPS})[a-z]+){{0,2}})\b",
            rest,
        )
        if of is not None:
            what += f" {of.group(1)}"  # "the second largest producer of oil"
        within = ""
    else:
        found_within = re.match(r"((?:among|in|of)\s+[^,;:()]+)", rest)
        what, within = sup, found_within.group(1).strip() if found_within else ""
    found = _RANKED_SUBJECT.search(text[:start])
    subject = found.group("subject").strip() if found is not None else ""
    subject = re.sub(r"^(?:[A-Z][a-z]+ly|Despite[^,]*|With[^,]*|In\s+\d{4})\s*", "", subject)
    if subject and subject.split()[0] in ("The", "A", "An"):
        subject = subject[0].lower() + subject[1:]
    if not subject or subject.split()[0].lower() in _PRONOUNS or len(subject.split()) > 7:
        subject = ""
    if not noun:  # "the third highest among 21 reporting countries"
        return f"rank{' of ' + subject if subject else ''} {within}, {what} first".replace(
            " ,", ","
        )
    return f"rank{' of ' + subject if subject else ''} among {among}{what}"


def rate_measure(text: str, start: int, end: int) -> str:
    """What a rate per a base measures: the subject of its brackets ("the gonorrhea rate for
    blacks (1935 per 100,000 persons)"), else what the clause says of it."""
    if text[:start].rstrip().endswith("("):
        subject = _phrase_before(text, len(text[:start].rstrip()) - 1)
        if subject:
            return subject
    return measure_of(text, start, end, "count")
