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

from studyapp.core.authoring.extract.people import NAME_TOKEN, ROLE_NOUNS
from studyapp.core.authoring.extract.provisions import find_provisions
from studyapp.core.authoring.extract.sentences import Sentence, quote_spans, word_list
from studyapp.core.authoring.extract.speech import (
    FINDING_VERBS,
    GROUP_NOUNS,
    REPORT_VERB,
    THAT_ASIDE,
    Speaker,
    Speakers,
    subject_before,
)

__all__ = ["ReportMention", "find_reported"]


class ReportMention(Struct, frozen=True):
    """A reported statement: the clause the article attributes to ``speaker``."""

    text: str
    start: int
    end: int
    speaker: Speaker
    sentence: Sentence


# "told reporters", "told the committee", "told GB News" (never "told the nation that he")
_OBJECT = re.compile(
    rf"^\s+(?:(?:the\s+)?{NAME_TOKEN}(?:\s+(?:of\s+|&\s+)?{NAME_TOKEN}){{0,5}}"
    # ("told the paper the plan was ...": a hearer holds one determiner)
    r"|reporters|journalists|(?:the|an?)\s+(?:(?!that\b|the\b|an?\b)[a-z-]+\s+){0,2}"
    r"(?!that\b|the\b|an?\b)[a-z-]+"
    r"|him|her|them"
    r"|us|me|parliament|lawmakers|students|listeners|viewers|readers|supporters|delegates"
    r"|investors|staff|employees|members|congress|senators|voters|residents|colleagues"
    r"|(?:his|her|their|its|our)\s+(?:(?!that\b)[a-z-]+\s+){0,2}(?!that\b)[a-z-]+"
    r"|(?:(?!that\b)[a-z-]+\s+){0,2}(?!that\b|this\b|those\b|these\b)[a-z]{3,}s)(?=[\s,])"
)
# Verbs whose first object is the hearer: "told reporters", "assured investors that ..."
_HEARER_VERBS = frozenset(
    word_list("told tells tell informed informs assured assures reminded reminds")
)
# Verbs that may name their hearer before "that" or not: "warned residents that ...",
# "warned that ..."
_OPTIONAL_HEARER = frozenset(
    word_list(
        "warned warns warn cautioned cautions caution forewarned forewarns advised advises "
        "notified notifies reassured reassures persuaded convinced"
    )
)
# "said on Monday that", "said in an interview with the BBC that", "wrote in the journal
# Nature that": words between the verb and "that" that only say when, where or to whom
_LEAD_TO_THAT = re.compile(
    r"^\s*,?\s*(?:(?:in|on|at|to|with|during|after|before|last|this|earlier|later|from|via"
    r"|through|for|outside|while|when|speaking|yesterday|today|recently|also|again|Monday"
    r"|however|though|moreover|furthermore|nevertheless|therefore|indeed|instead|too"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"[^.;:“”\"]{0,90}?)\s*,?\s+that\s+(?=\S)"
)
_ASIDE_TO_THAT = re.compile(rf"^{THAT_ASIDE}that\s+(?=\S)")
"""An aside between the verb and "that" (:data:`~.speech.THAT_ASIDE`): "held, among other
things, that ...", "made clear—at first in secret—that ..."."""
# Forms that are nouns as often as verbs: "Recent reports have revealed", "claims of fraud"
_NOUN_VERBS = frozenset(
    word_list(
        "report reports claim claims note notes estimate estimates state states hopes fears "
        "find finds add write"
    )
)
_NOUN_USE = re.compile(
    r"^\s+(?:have|has|had|are|were|is|was|will|would|show|shows|suggest|suggests|of|from|by"
    r"|indicate|indicates|published|released|issued|say|says|said)\b"
)
_AUX_BEFORE = re.compile(
    r"\b(?:to|will|would|can|could|may|might|must|should|shall|cannot)\s+$", re.IGNORECASE
)
# "North Korea's state news agency", "the claims": a determiner or a possessive makes a noun
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|its|his|her|their|our|these|those))\s+$", re.I)
_NEGATED = re.compile(
    # ("has not publicly outlined": an adverb between)
    r"\b(?:not|never|n[’']t|declined\s+to|refused\s+to|did\s+not|would\s+not)\s+"
    r"(?:(?:yet|[a-z]+ly)\s+)?$",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:when|whenever|if|unless|until|once)\s+(?:[^\s,;:]+\s+){1,5}$"
    # "Should Congress decide that ...": a condition by inversion, at the sentence's start
    r"|^\s*(?:Should|Were|Had)\s+(?:[^\s,;:]+\s+){1,5}$",
    re.IGNORECASE,
)
_MIGHT = re.compile(r"\b(?:might|may|could|can|must|should)\s+(?:(?:also|well|[a-z]+ly)\s+)?$")
"""Before a verb of saying that is only possible: "a defendant might argue that ..."."""
_IF_SO = re.compile(
    r"\b(?:if|unless|as\s+long\s+as|so\s+long\s+as|provided(?:\s+that)?|providing\s+that"
    r"|on\s+condition\s+that|in\s+case)\s+(?:[^\s,;:]+\s+){1,5}$",
    re.IGNORECASE,
)
"""Before a stance that is a condition, not a report: "as long as the Mexicans agreed to"."""
_SUBORDINATE_OPENING = re.compile(
    r"(?:Because|Once|When|After|Although|Though|Since|As|While|If|Until|Before|Whereas)\s"
)
_SUBORDINATE_START = re.compile(
    r"(?:When|Whenever|If|Unless|Once|While|Although|Though|Even|As|Because|Since)\b"
)
"""A phrase that opens a subordinate clause, never a speaker ("Even though ...")."""
_SECOND_THAT = re.compile(r"\s*(?:,?\s+(?:and|but)|;\s*(?:and|but)?)\s+(?:also\s+)?that\s+")
"""A second clause of the same verb of saying: "..., and that he would not consent"."""
_CONJUNCTION = re.compile(r"^\s*,?\s*(?:but|and|or|yet|nor)\b", re.IGNORECASE)
_ADVERBIAL = re.compile(
    r"^\s*,?\s*(?:(?:on|last|this|next)\s+(?:[A-Z][a-z]+day|week|month|year)|yesterday|today"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+(?:that\s+)?[a-z])"
    r"|earlier|later|recently|previously|also|repeatedly|in\s+(?:a|an|the|his|her|their|its)"
    r"\s+(?:[a-z-]+\s+){0,2}(?:statement|interview|letter|speech|report|release|post|message"
    r"|briefing|email|op-ed|tweet|press\s+conference|blog|column|paper|study|book|address"
    r"|testimony|affidavit|filing|podcast|broadcast|video)"
    r"(?:\s+(?:to|with|on|for|at)\s+(?:(?!that\b)[^,\s]+\s*){1,6}?(?=,|\s+that\b|$))?"
    r"|at\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:conference|briefing|hearing|meeting|event"
    r"|rally|summit|ceremony))\s*,?"
)
_CLAUSE_END = re.compile(
    r";|\s[—–]\s|\s--\s|(?<=[,;][”\"])\s+(?:but|while|whilst|whereas|although|though"
    r"|and\s+that)\b"
    r"|,\s+(?:but|while|whilst|whereas|with|although|though|and\s+(?:said"
    r"|added|noted|told|says|warned|that|confided|cautioned|stressed|insisted|argued|declared"
    r"|explained|wrote|urged|asked)|adding|saying|according)\b|\.\s*$"
    # (not after an abbreviation: "the U.S. Department", "Dr. Kessler")
    r"|(?<!\b[A-Za-z])(?<!\b[A-Z][a-z])(?<!\bMrs)\.\s+(?=[A-Z“\"])"
    # "... the Essequibo River—an effective claim on ...": an apposition after a dash
    r"|(?<=\w)[—–](?=(?:a|an|the)\s)"
    # "..., proposing that the findings be enforced": a statement of its own
    r"|,\s+(?=[a-z]+ing\s+that\b)"
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
        "contends asserted asserts wrote writes explained explains reiterated stressed report "
        "write contend argue warn insist claim note add state maintain assert replied replies "
        "reply responded responds respond answered countered observed complained revealed "
        "disclosed alleged alleges allege declared declares adding saying noting warning arguing "
        "insisting claiming stressing explaining stating"
    )
)
# Verbs of saying that never take a plain object: what follows them is the statement
_CLAUSE_ONLY = frozenset(word_list("said says say saying"))
_PREPOSITIONS = frozenset(
    word_list("to in at on for with by about from of into over under after before during as")
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|will|would|could|can|may|might|must|should|shall|has|have|had)\b"
)
_QUESTION_WORDS = frozenset(word_list("why how whether what where who whom which"))
_SUBORDINATORS = frozenset(word_list("when while after before because as if during upon"))
_RELATIVES = frozenset(word_list("that which who whom whose where"))
_TO_VERBS = frozenset(
    word_list(
        "asked urged offered promised promising pledged vowed proposed pressed presses pressing "
        "petitioned petitions encouraged encourages implored implores urges urging advised "
        "advises advise threatened threatens requested appealed appeals directs directed "
        "asks imploring invited invites inviting"
    )
)
# Of those, the ones that may ask for a thing: "petitioned the Commission for duties on ..."
_FOR_THING_VERBS = frozenset(
    word_list("asked petitioned petitions pressed presses appealed appeals")
)
_POSTPOSED = re.compile(
    r",\s*(?P<np>[^,;:“”\"]{2,80}?)\s+(?:has\s+|have\s+|also\s+)?(?P<verb>said|says|say|added"
    r"|noted|reported|reports|report|claimed|warned|argued|wrote|writes|explained|insisted"
    r"|concluded|concludes|conclude"
    # "..., Fox told reporters.", "..., the mayor told the BBC on Monday.": the hearer named
    r"|(?:told|tells)\s+(?:reporters|journalists"
    r"|(?:the|an?)\s+(?:(?!to\b)[\w’'&.-]+\s+){0,3}(?!to\b)[\w’'&.-]+"
    r"|[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}|him|her|them|us|me))"
    r"(?:\s+(?:on\s+[A-Z][a-z]+day|[A-Z][a-z]+day|yesterday|today|last\s+(?:week|month|year)"
    r"|in\s+a\s+statement|on\s+condition\s+of\s+anonymity"
    # "..., a team at the University of Bristol reports in the journal Nature."
    r"|in\s+(?:the\s+)?(?:journal\s+|magazine\s+|newspaper\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4})){0,2}"
    r"\s*\.?\s*$"
    r"|,\s*(?P<verb2>said|says|added|noted)\s+(?P<np2>[^,;:“”\"]{2,80}?)"
    r"(?:,\s*(?:the|a|an|its|his|her|their)\s[^,;:“”\"]{2,80}?)?\s*\.?\s*$"  # ", the director"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,;:“”\"]{2,80}?)\s*(?:,|\.?\s*$)")
# "Per Article I, Section 2 of the U.S. Constitution, ...": "per" before a named text is
# "according to" it; the text is the last thing named ("of the Constitution"), never "per cent"
_PER = re.compile(
    r"^Per\s+(?:[^;:“”\"]{0,80}?\bof\s+)??(?P<np>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:(?:of|the|and|on)\s+)*[A-Z][\w.’'-]*)*)\s*,\s*(?=[a-z“\"])"
)
# "in their first matchup, the robot scored ...": a fronted adverbial before the clause
_LEADING_PHRASE = re.compile(
    r"^(?:in|on|at|by|for|during|after|before|since|until|from)\b[^,]{0,60},\s*"
)
# "For example, the museum saw ...": a link to the sentence before, not the speaker's words
_DISCOURSE = re.compile(
    r"(?:For\s+(?:example|instance)|In\s+(?:fact|particular|addition)|However|Moreover"
    r"|Meanwhile|Indeed|Still|Likewise|Similarly|Furthermore|Nevertheless|Instead),\s*"
)
_FULL_NAME = re.compile(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,2}}")
_LINKING_ONLY = re.compile(
    r"\s*(?:Therefore|Thus|However|Moreover|Furthermore|Hence|Accordingly|Instead|Still|Indeed"
    r"|Similarly|Likewise|Consequently|Nevertheless|Nonetheless|In\s+short|In\s+addition"
    r"|In\s+particular|As\s+a\s+result|By\s+contrast|In\s+contrast|Meanwhile|Yet)\s*,\s*"
)
"""A linking word and its comma, all that stands before "according to" at a sentence's
start."""
_ACCORDING_NAME = re.compile(r"^\s*According\s+to\s+")
_AS_TOLD = re.compile(
    r"^\s*As\s+(?P<np>[^,;:“”\"]{2,80}?)\s+(?:has\s+|had\s+|once\s+|later\s+)?(?:told|tells"
    r"|said|says|noted|notes|explained|explains|wrote|writes|observed|observes|argued|argues"
    r"|pointed\s+out|points\s+out|remarked|remarks|warned|warns|stated|states|put\s+it|puts\s+it"
    r"|reported|reports|recalled|recalls|concluded|concludes|suggested|suggests|insisted"
    r"|insists|predicted|claimed|claims|showed|shows|discovered)\b[^,]{0,60},\s*"
)


_IN_VIEW = re.compile(
    r"^\s*In\s+(?P<np>his|her|their|(?:the\s+)?[A-Z][^,;:“”\"]{1,60}?(?=[’']s?\s))(?:[’']s?)?\s+"
    r"(?:own\s+)?(?:view|opinion|words|estimation|assessment|judgment|judgement),\s*"
)


def _inside_quotes(text: str, at: int) -> bool:
    return any(s <= at < e for s, e, _closed in quote_spans(text))


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


def _opens_a_clause(words: str) -> bool:
    """Whether the words after a verb are a clause ("the dam was safe", "its borders
    extended as far as"), not a thing ("alleged encroachment on its territory")."""
    first = words.split()[:6]
    return _AUXILIARY.search(" ".join(first)) is not None or any(
        re.fullmatch(r"[a-z]{3,}ed", w) for w in first[2:5]
    )


def _is_report(words: str, verb: str) -> bool:
    """Whether ``words`` (the clause after ``verb``) is a statement, not an object or a quote."""
    plain = _outside_quotes(words)
    count = len(re.findall(r"[A-Za-z0-9’'-]+", plain))
    if count < (3 if verb in _TO_VERBS else 4):
        return False  # ("pledged to strengthen ties": a promise in three words)
    if verb in _TO_VERBS:
        # "urged the committee to reject ...", not "proposed revisions to the criteria"
        # ("revisions to the criteria to be used": an earlier "to" makes it a thing's phrase)
        infinitive = r"to\s+(?!(?:the|a|an|his|her|their|its|this|these|those|our)\b)[a-z]+"
        # the hearer: "the committee", "the President and the Secretary of Commerce"
        # (never a particle: "pressed on for three days", "pressed ahead with")
        hearer = (
            r"(?!(?:on|upon|ahead|forward|back|up|down|out|in|into|for|to|at|with|by|from)\b)"
            r"\S+\s+(?:(?!(?:to|for|how|why|what|whether|when|where|if|that|which|who"
            r"|because|since|although|though|while|so|as|but)\b)\S+\s+){0,9}?"
        )
        if verb in _FOR_THING_VERBS and re.match(
            rf"^\s*(?:to\s+)?(?:{hearer})?for\s+(?:the\s+|a\s+|an\s+)?(?!\d|(?:one|two|three|four|five|six"
            r"|seven|eight|nine|ten|several|many|more|years?|months?|weeks?|days?|hours?)\b)[a-zA-Z]",
            words,
        ):
            return True  # "petitioned the Commission for duties on imports from ..."
        if re.search(r"\bto\s+do\s+(?:so|it|that|this)\W*$", words):
            return False  # "urged me to do so": the request is in the sentence before
        asked = re.match(rf"^\s*(?:{infinitive}|{hearer}{infinitive}|that\s)", words)
        # "requested donations via his blog, in order to help ...": a purpose, not a request
        return asked is not None and not re.search(
            r"\b(?:in\s+order|so\s+as)\s+to\s+\S+$", words[: asked.end()]
        )
    if re.match(r"^\s*that\s+[a-z]+(?:\s+(?:and|or)\b|\s*[,.;]|\s*$)", plain):
        return False  # "reaffirms that test and cites ...": "that" points at a thing
    if verb in ("found", "finds", "find") and re.match(r"^\s*that\s+[a-z]", plain):
        # "found that response unacceptable": "that" points at a thing unless a verb follows
        segment = re.split(r"[,;]", plain, maxsplit=1)[0]
        return bool(_FINITE.search(segment) or re.search(r"\bbe\b", segment))
    if re.match(r"^\s*that[\s,]", words):
        return True
    if re.match(
        r"^\s*(?:the\s+)?(?:a|an|it|this|that|these|those|what|how|so|yes|no)\s*[,.]?\s*$", plain
    ):
        return False
    # a clause with a verb of its own, soon after its subject: "the locations that would
    # be given ..." is an object with a relative clause, not a statement
    tokens = plain.split()
    if tokens and tokens[0].lower() in _SUBORDINATORS and not _AUXILIARY.search(plain):
        return False  # "said when asked about the report": a circumstance, not a clause
    if tokens and tokens[0].lower() in _QUESTION_WORDS:
        return False  # "explained why the team was denied visas": a question, not a claim
    if tokens and tokens[0].lower().strip(",.") in (
        "nothing",
        "little",
        "war",
        "independence",
        "martial",
    ):
        return False  # "said nothing else of", "declared war on", "declared martial law": acts
    if (
        len(tokens) > 1
        and tokens[1].lower().strip(",.") in ("war", "independence")
        and not _FINITE.search(" ".join(tokens[2:6]))
    ):
        return False  # "declared formal independence on June 25": an act
    if verb in _SAY_VERBS and tokens:
        # "say" takes a clause, not an object: "scientists say pictures ... paint a portrait"
        opening = {t.lower().strip(",") for t in tokens[:3]}
        if tokens[0].lower() in _PREPOSITIONS or opening & _RELATIVES:
            return False
        if verb in ("wrote", "writes", "write", "written") and tokens[0].lower() == "the":
            # "wrote the opinion for the Court, in which six Justices joined": an object;
            # "noted the plan would fail": a clause, its verb before any relative pronoun
            for token in tokens[1:8]:
                word = token.lower().strip(",.;:")
                if word in _RELATIVES or word in ("in", "for", "of", "to", "with", "by"):
                    return False
                if _FINITE.fullmatch(word):
                    return True
            return False
        if verb not in _CLAUSE_ONLY and tokens[0].lower() in ("a", "an"):
            # "have maintained a policy of turning away boats": an object, unless a verb
            # of its own follows ("noted a rise was likely" is rare; "a" opens objects)
            return _FINITE.search(" ".join(tokens[1:8])) is not None
        if verb not in _CLAUSE_ONLY and tokens[0].lower() in ("their", "his", "her", "its", "our"):
            # "declared their independence and drafted a constitution": an object and a
            # second act; "claimed their team would win": a clause
            for i, token in enumerate(tokens[1:8], start=1):
                if _FINITE.fullmatch(token.lower().strip(",.;:")):
                    return tokens[i - 1].lower() != "and"
            return False
        return True
    for i, token in enumerate(tokens[1:], start=1):
        after_pronoun = tokens[i - 1].lower() in ("he", "she", "it", "they", "we", "i", "you")
        if _FINITE.fullmatch(token.strip(",.;:").lower()) or (
            after_pronoun and re.fullmatch(r"[a-z]+", token)
        ):
            before = {t.lower().strip(",") for t in tokens[:i]}
            return i <= 9 and not before & {"that", "which", "who", "whom", "whose", "where"}
    return False


_ITEM = re.compile(r"\((\d{1,2}|[a-h])\)\s+")
"""An item's number in a list written in one sentence: "(1) ", "(b) "."""


def _enumerated(text: str, start: int) -> list[tuple[int, int]]:
    """Where each item of a numbered list that opens at ``start`` lies ("(1) A; (2) B; and
    (3) C."), or nothing when none opens there or its numbers do not run 1, 2, 3 (or a, b)."""
    if _ITEM.match(text, start) is None:
        return []
    marks = list(_ITEM.finditer(text, start))
    labels = [m.group(1) for m in marks]
    first = labels[0]
    expected = (
        [str(n) for n in range(1, len(labels) + 1)]
        if first.isdigit()
        else [chr(ord("a") + n) for n in range(len(labels))]
    )
    if len(marks) < 2 or labels != expected or first not in ("1", "a"):
        return []
    items = []
    for n, mark in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        item = text[mark.end() : end]
        kept = len(re.sub(r"(?:[;,.]\s*(?:and|or)?|\s+(?:and|or))?\s*$", "", item))
        if kept:
            items.append((mark.end(), mark.end() + kept))
    return items


def find_reported(sentence: Sentence, speakers: Speakers) -> list[ReportMention]:
    """The statements ``sentence`` reports, each with its speaker."""
    text = sentence.text
    spans = quote_spans(text)
    out: list[ReportMention] = []
    previous: Speaker | None = None
    for m in REPORT_VERB.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        verb = m.group("verb").lower().split()[-1]
        if re.match(r"[’'](?:s\b|\s)", text[m.end() :]):
            continue  # "the Gulf states’ refusal", "the reports' authors": a plural's possessive
        if _NOUN_BEFORE.search(text[: m.start()]) and not re.match(r"\s+that\b", text[m.end() :]):
            continue  # "Madison's stated rationale", "its announced plan": a modifier, not a verb
        if verb in _NOUN_VERBS and (
            _NOUN_USE.match(text[m.end() :])
            or _AUX_BEFORE.search(text[: m.start()])
            or _NOUN_BEFORE.search(text[: m.start()])
        ):
            continue  # "Recent reports have revealed": a noun; "to report": no speech yet
        speaker = _subject(text, m, speakers, sentence, previous)
        if speaker is None:
            continue
        if verb in FINDING_VERBS and not _finder(speaker, speakers, text[: m.start()]):
            continue  # "History shows that ...": a thing shows, nobody says
        if _NEGATED.search(text[: m.start()]):
            continue  # "officials have not said why ...": nothing was said
        if _MIGHT.search(text[: m.start()]):
            continue  # "a defendant might argue that ...": what could be said, not what was
        condition = _CONDITION.search(text[: m.start()])
        if condition is not None and not (
            condition.group(0).split()[0].lower() in ("when", "once", "until")
            and re.fullmatch(r"[a-z]+ed|said|told|wrote", verb)
        ):
            # "when FDA determines that ...": a case, not something said ("The crisis ended
            # when the minister suggested that ...": a time, and what was said then)
            continue
        previous = speaker
        pos = m.end()
        if verb in _HEARER_VERBS:
            obj = _OBJECT.match(text[pos:])
            if obj is None:
                continue
            pos += obj.end()
        elif verb in _OPTIONAL_HEARER:
            obj = _OBJECT.match(text[pos:])
            if obj is not None and re.match(r"\s*,?\s*that\s", text[pos + obj.end() :]):
                pos += obj.end()  # "cautioned residents that ...": the hearer, then the clause
        aside = _ASIDE_TO_THAT.match(text[pos:])
        to_that = _LEAD_TO_THAT.match(text[pos:]) or aside
        if to_that is not None:
            pos += to_that.end()
        else:
            adverbial = _ADVERBIAL.match(text[pos:])
            if adverbial is not None:
                pos += adverbial.end()
        rest = text[pos:]
        if re.match(r"(?:respond|repl|react)", verb) and re.match(
            r"\s*(?:[a-z]+ly\s+)?(?:to|with|by|in)\b", rest
        ):
            continue  # "responded cautiously to Gorbachev": a reaction, not words
        if _CONJUNCTION.match(rest):
            continue  # "..., she said, but refused to ...": no clause of hers follows
        # "said that, as ..., they"; "said—as always—nothing": the aside is no part of it
        lead = re.match(r"^\s*(?:that\s*,?\s+|,\s*|[—–][^—–.;“”\"]{1,120}[—–]\s*)?", rest)
        body = pos + (lead.end() if lead else 0)
        if re.match(
            r"(?:nothing|little|not\s+a\s+word)\b(?!\s+(?:had|has|have|was|were|is|are|will"
            r"|would|could|can|should|must|changed|happened)\b)",
            text[body:],
        ):
            continue  # "said—as always—nothing at all": nothing was said
        fronted = re.match(
            r"(?:as|over|in|on|at|after|before|during|since|for|when|while)\b"
            r"[^,“”\"]{0,80},\s*(?=[“\"])",
            text[body:],
        )
        if fronted is not None:
            body += fronted.end()  # "told the court that, over the last months, “...”"
        if text[body : body + 1] in '“"' and verb not in _TO_VERBS:
            quoted = next((s for s in spans if s[0] == body), None)
            if quoted is None or not _outside_quotes(text[quoted[1] :]).strip(" .,"):
                continue  # "X said: “...”" is a quotation, not a report
        parenthetical = _parenthetical(text, m, body, spans)
        if parenthetical is not None:
            start, end, words = parenthetical
            # "As each task becomes more specialized, Smith noted, it engages less ...": an
            # opening subordinate clause, then the main clause is the report's own
            opens = _SUBORDINATE_OPENING.match(words) is not None
            if _is_report(words, verb) or (opens and _is_report(text[body:end], verb)):
                out.append(ReportMention(words, start, end, speaker, sentence))
            continue
        clause_start, clause_end = _clause(text, body)
        clause_end = _next_speaker(text, clause_start, clause_end, spans, speakers, sentence)
        clause_end = _before_quotation(text, clause_start, clause_end, spans)
        if _WHO_CLAUSE.search(text[: m.start()]):
            comma = text.find(", ", clause_start, clause_end)
            clause_end = comma if comma > 0 else clause_end  # the relative clause ends there
        if verb in _TO_VERBS:
            # "asked Roosevelt to negotiate a peace, and representatives of the two nations
            # met ...": the request ends where a clause of its own begins
            joined = re.search(r",\s+(?:and|but)\s+", text[clause_start:clause_end])
            if joined is not None:
                clause_end = clause_start + joined.start()
        main = _having(text, m.start())
        if main is not None and clause_start < main[2] < clause_end:
            clause_end = main[2]  # "Having concluded that X, the dissent ...": X alone
        opening = _SUBORDINATE_OPENING.match(text)
        if opening is not None and m.start() < text.find(",", opening.end()):
            # "Because Bullitt urged that a mission be sent, House asked ...": the report
            # ends with the clause it opens
            comma = text.find(",", m.end())
            if clause_start < comma < clause_end:
                clause_end = comma
        words = re.sub(r",([”\"])$", r"\1", text[clause_start:clause_end].strip().rstrip(","))
        # "suggested to Americans that two nations issue ...": "that" after the verb and its
        # hearer opens a clause even when its verb is a subjunctive with no tense to see
        lead_words = text[m.end() : pos]
        that = "that " if to_that is not None and ("," not in lead_words or aside) else ""
        if verb in _TO_VERBS:
            that = ""  # "offered to take ..., so that I could": an infinitive, not a hearer
        if not _is_report(that + text[pos:clause_end], verb):
            continue
        items = _enumerated(text, clause_start)
        if items:
            # "recommended that (1) A; (2) B; and (3) C": three claims, each its own
            out += [ReportMention(text[a:b], a, b, speaker, sentence) for a, b in items]
            continue
        out.append(ReportMention(words, clause_start, clause_end, speaker, sentence))
        second = _SECOND_THAT.match(text, clause_end)
        while second is not None:
            # "stressed that A, and that he would not consent to B": a second claim ("proposed
            # that A; that B; and that C": each its own)
            start2, end2 = _clause(text, second.end())
            if not _is_report("that " + text[start2:end2], verb):
                break
            words2 = text[start2:end2].strip().rstrip(",")
            out.append(ReportMention(words2, start2, end2, speaker, sentence))
            second = _SECOND_THAT.match(text, end2) if end2 > start2 else None
    out += _stances(sentence, speakers, spans)
    out += _inverted(sentence, speakers, spans)
    out += _fronted(sentence, speakers, spans)
    out += _described_as(sentence, speakers, spans)
    out += _framed(sentence, speakers, spans)
    out += _positions(sentence, speakers, spans)
    out += _passive_by(sentence, speakers, spans)
    out += _owned_acts(sentence, speakers, spans)
    out += [
        ReportMention(p.text, p.start, p.end, p.speaker, sentence)
        for p in find_provisions(sentence)
        if not any(s <= p.start < e for s, e, _ in spans)
    ]
    return _distinct(out)


_OWNED_ACT = re.compile(
    rf"(?P<owner>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}}[’']s?|\b[Hh]is|\b[Hh]er)\s+"
    r"(?:(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:(?:new|latest|earlier|formal|public|written|repeated)\s+)?"
    r"(?P<noun>offer|proposal|demand|pledge|promise|assurance|warning|threat|request|appeal"
    r"|insistence|call|plea)s?\s+(?:to\s+(?!(?:the|a|an|his|her|their|its|this|that|him|them)\b)"
    r"[a-z]+\s+\S"
    r"|that\s+(?:the|a|an|it|he|she|they|his|her|their|its|[A-Z])\S*\s+\S"
    # "his call for the United States to lead ...": for a hearer, then what to do
    r"|for\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,5}?to\s+(?!(?:the|a|an)\b)[a-z]+\s+\S)"
)
_MAIN_VERB = re.compile(
    r"\s(?:has|have|had|is|was|were|will|would|remains|remained|became|becomes|proved|helped"
    r"|went|won|drew|shaped|led|found|met|fell|failed|gained)\b"
)
"""The verb of the sentence after an owned act that opens it ("His call for ... to lead ...
has had an enduring influence"): where the act's words end."""
"""A speech act named by a noun with its owner: "Stalin's March 1952 offer to agree to a
unified Germany", "his assurance that the republics would vote" (what he offered or
assured)."""


def _owned_acts(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "a rejection of Stalin's offer to agree to a unified Germany on the condition that
    ...": the offer is Stalin's statement, from the noun to the end of its clause."""
    text = sentence.text
    out: list[ReportMention] = []
    for m in _OWNED_ACT.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        opens = not re.search(r"[A-Za-z]\s+$", text[: m.start()])
        main = _MAIN_VERB.search(text, m.end()) if opens else None
        that = re.match(r"s?\s+that\b", text[m.end("noun") :]) is not None
        if opens and (main is None or that):
            continue  # "Smith's proposal that ... failed": a subject, whose clause runs on
        if re.search(r"\b[A-Z][\w’'-]*\s+(?:of|for|and)\s+$", text[: m.start()]):
            continue  # "the Church of Scientology's requests": the end of a longer name
        owner = re.sub(r"[’']s?$", "", m.group("owner"))
        if owner.lower() in ("his", "her"):
            pronoun = "he" if owner.lower() == "his" else "she"
            speaker = speakers.resolve(pronoun, sentence.start + m.start(), text[: m.start()])
        else:
            speaker = speakers.resolve(owner, sentence.start + m.start(), text[: m.start()])
        if speaker is None or speaker.kind != "person":
            continue
        end = _clause(text, m.start("noun"))[1]
        if main is not None:
            end = min(end, main.start())  # "His call for ... to lead ... has had ...": the subject
        opening = _SUBORDINATE_OPENING.match(text)
        if opening is not None and m.start() < text.find(",", opening.end()):
            comma = text.find(",", m.end())
            end = comma if m.end() < comma < end else end  # "Though X heeds Y's requests, ..."
        words = text[m.start("noun") : end].strip().rstrip(",")
        if len(words.split()) < 5:
            continue
        out.append(ReportMention(words, m.start("noun"), end, speaker, sentence))
    return out


_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|from|in|at|on|with|for|about|into|taken|(?<!led\s)(?<!headed\s)by)\s+$"
)


def _finder(speaker: Speaker, speakers: Speakers, head: str) -> bool:
    """Whether a speaker can have found something out and said so ("Einstein showed that"):
    a person the article names, a described person ("the geologist") or a group of people;
    never a body, nor a capitalised word that opens the sentence and that the article never
    names as a person ("History shows that"; "But Einstein showed that" is a name)."""
    found = subject_before(head, len(head))
    first = re.sub(r"^(?:the|a|an)\s+", "", speaker.name, flags=re.IGNORECASE).split()[:1]
    if (
        found is not None
        and _AFTER_PREPOSITION.search(head[: found[1]])
        and first
        and first[0] in found[0].split()
    ):
        # "Studies of tissue from the tumors showed": the studies, not the tumors ("Researchers
        # at the University showed" keeps the researchers)
        return False
    if speaker.kind == "group":
        # people ("the geologists", "Smith and Jones"), never things ("the skin tumors")
        noun = re.split(r"\s+(?:at|of|from|in|with|for|on|led|who)\s", speaker.name)[0]
        last = noun.split()[-1].lower()
        return (
            last in GROUP_NOUNS
            or re.search(r"(?:ists|ians|ers)$", last) is not None
            or (" and " in speaker.name or speaker.name.endswith("et al."))
        )
    if speaker.kind != "person":
        return False
    if speakers.people.named(speaker.name) is not None:
        return True
    if speaker.name[:1].islower() or len(speaker.name.split()) >= 2:
        return True
    return not head.lstrip().startswith(speaker.name)


_CLAUSE_SUBJECT = re.compile(
    r"(?:^|[,;]\s+)(?P<np>(?:[Tt]he\s+)?(?:[a-z]+\s+){0,2}[a-z]+s|(?:[Tt]he\s+)?[A-Z][\w’'.&-]*"
    r"(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'.&-]*){0,4})\s+(?:(?:also|then|later|[a-z]+ly)\s+)?"
    r"(?:[a-z]+ed|held|found|took|made|gave|set|put|issued)\b[^,;]*,\s*$"
)
"""The subject of the clause a participle follows: "the agencies adopted that position, "."""
_ISSUER = re.compile(
    r"(?P<who>.+?)\s+(?:released|issued|published|sent|circulated|adopted|signed|delivered"
    r"|submitted|filed|wrote|drafted)\s+(?:a|an|the|its|their|his|her|a\s+joint)\s+(?:[\w-]+\s+){0,3}"
    r"(?:statement|letter|memo|memorandum|report|note|communiqu[eé]|declaration|resolution"
    r"|order|notice|guidance|brief|proposal|plan|paper|document|opinion)$"
)
"""A subject that is someone's act of issuing a text: the one who issued it speaks."""
_HAVING = re.compile(r"\s*(?:Having|After\s+having)\s+(?:(?:also|first|already|[a-z]+ly)\s+)?$")
_MAIN_SUBJECT = re.compile(
    r",\s+(?P<np>(?:[Tt]he\s+|[Ii]ts\s+|[Hh]is\s+|[Hh]er\s+|[Tt]heir\s+)?(?:[A-Z][\w’'.-]*|[a-z]+)"
    r"(?:\s+[A-Z][\w’'.-]*)*)\s+(?:(?:also|then|further|nonetheless|still|[a-z]+ly)\s+)?"
    r"(?:[a-z]+ed|held|found|said|wrote|took|made|saw|gave)\b"
)


def _having(text: str, verb_start: int) -> tuple[str, int, int] | None:
    """For a verb right after a fronted "Having" ("Having concluded that X, the dissent
    rejected ..."): the main clause's subject, where it starts, and the comma before it."""
    if not _HAVING.fullmatch(text[:verb_start]):
        return None
    main = _MAIN_SUBJECT.search(text, verb_start)
    if main is None:
        return None
    return main.group("np"), main.start("np"), main.start()


def _subject(
    text: str,
    m: re.Match[str],
    speakers: Speakers,
    sentence: Sentence,
    previous: Speaker | None,
) -> Speaker | None:
    head = text[: m.start()]
    if _THIS_TEXT.search(head):
        return None  # "This Legal Sidebar explains ...": the text's plan, no one's statement
    main = _having(text, m.start())
    if main is not None:
        # "Having concluded that the claim was not preempted, the dissent also rejected ...":
        # the main clause's subject said it
        np_text, np_at, _comma = main
        return speakers.resolve(np_text, sentence.start + np_at, text[:np_at])
    spoke = _SPOKE_TO.search(head)
    if spoke is not None:
        # "Bush addressed the nation from the Oval Office to announce that ...": the one who
        # took the floor says it
        found = subject_before(head, spoke.start())
        if found is None:
            return None
        return speakers.resolve(found[0], sentence.start + found[1], head[: found[1]])
    participle = re.fullmatch(r"[a-z]+ing", m.group("verb")) is not None
    if participle and re.search(
        r"\b(?:to|with|for)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+$",
        head,
    ):
        return None  # "sent a letter to Khrushchev declaring that ...": not Khrushchev's words
    if participle and re.search(r",\s*$", head):
        # "..., adding that ...": the speaker of the clause before, or the subject of the
        # clause the participle follows ("In their 2000 Guidelines, the agencies adopted that
        # position, explaining that ..."), or the sentence's subject
        if previous is not None:
            return previous
        clause = _CLAUSE_SUBJECT.search(head)
        if clause is not None:
            owner = speakers.resolve(
                clause.group("np"), sentence.start + clause.start("np"), head[: clause.start("np")]
            )
            if owner is not None:
                return owner
        return _sentence_subject(head, speakers, sentence)
    if participle and re.search(r"\b(?:while|whilst|by)\s+(?:also\s+|again\s+)?$", head):
        # "Others support tariffs while also emphasizing the need ...": the sentence's subject
        some = _SOME_PEOPLE.match(head)
        if some is not None:
            return speakers.resolve(some.group(0), sentence.start, "")
        return previous or _sentence_subject(head, speakers, sentence)
    who = _WHO_CLAUSE.search(head)
    if who is not None:
        # "Devocht, who had told Montalvo he would ...": the relative clause's antecedent
        group = "np" if who.group("np") else "body"
        found_who = speakers.resolve(who.group(group), sentence.start + who.start(group), head)
        if group == "body" and (found_who is None or found_who.kind == "person"):
            return None  # "the Smith Report, which found": a text, not a body that spoke
        return found_who
    found = subject_before(text, m.start())
    aside = _PARTICIPLE_ASIDE.search(head)
    if aside is not None and not participle:
        # "the Congressional Budget Office (CBO), comparing public reporting ..., estimated
        # that": the subject before the participle's aside
        found = subject_before(text, aside.start()) or found
    if found is None:
        # "..., and said it was ...": the subject of the clause before
        if not participle and re.search(
            r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|later)\s+)*$", head
        ):
            # "Reagan agreed ..., while he pursued START and argued that ...": the last
            # person named before, when no verb of saying came first
            return (
                previous
                or _last_person(head, speakers)
                or _opening_person(head, speakers)
                or _opening_subject(head, speakers, sentence)
            )
        return None
    phrase, at = found
    issuer = _ISSUER.match(phrase)
    if issuer is not None:
        # "the DOJ and FTC released a policy statement explaining that ...": who issued it
        phrase = issuer.group("who")
    if participle and re.match(r"(?:a|an|any|each|every)\s+[a-z]", phrase):
        return None  # "a plaintiff alleging failure to warn must show ...": anyone who would
    whereby = re.match(r"(?:whereby|wherein)\s+", phrase, re.IGNORECASE)
    if whereby is not None:  # "the agreement, whereby the Mexicans agreed to pay ..."
        phrase, at = phrase[whereby.end() :], at + whereby.end()
    if phrase.lower() in ("it", "they", "he", "she") and re.search(
        r"\b(?:(?:in|under|by|through)\s+which|whereby)\s+$", text[:at]
    ):
        # "signed the Potsdam Declaration, in which they demanded ...", "issued its demands,
        # in which it asked that ...": the main clause's subject, or no one
        return _sentence_subject(text[:at], speakers, sentence)
    if phrase.lower() in ("we", "i") and not _inside_quotes(text, at):
        # "We conclude that ...", "We urge you to ...": outside quotation marks the first
        # person is the writer of the text, whose claims are the text's own
        return None
    if re.search(r"\b(?:which|that|who|whom|whose)\s+$", text[:at]) and not re.search(
        r"\b(?:in|under|by|through)\s+which\s+$", text[:at]
    ):
        # "the document, which media reports range ...": a relative clause ("an agreement in
        # which Japan promised to ...": its subject speaks)
        return None
    if _FINDING_BY.search(text[:at]):
        return None  # "A survey by the Census Office found": the survey's finding
    members = re.search(
        r"(?:^|[\s,;:])((?:[Tt]he\s+|[Ss]ome\s+|[Mm]any\s+)?([A-Za-z][a-z]+s))\s+(?:in|of|at|from|within)\s+$",
        text[:at],
    )
    if (
        members is not None
        and members.group(2).lower() in GROUP_NOUNS
        and re.search(r"(?:^|[,;:]\s*|\b(?:and|but|while)\s+)$", text[: members.start(1)])
    ):
        # "Critics in Congress charged", "Officials at the agency said": the group speaks,
        # not the body it belongs to
        whole = f"{text[members.start(1) : at]} {phrase}"
        return Speaker(" ".join(whole.split()), (), "group")
    resolved = speakers.resolve(phrase, sentence.start + at, text[:at])
    qualified = re.search(r"\s(?:at|in|of|from|on|with)\s+$", text[:at])
    if resolved is None and qualified is not None and phrase[:1].islower():
        # "Economists at the time predicted": the noun before the qualifying phrase
        outer = subject_before(text, qualified.start())
        if outer is not None and outer[0][:1].isupper():
            return speakers.resolve(outer[0], sentence.start + outer[1], text[: outer[1]])
    return resolved


_SOME_PEOPLE = re.compile(
    r"(?:Some|Many|Several|Most|Few|Other|Both)\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b(?=\s+[a-z]+\s)"
)
"""People a sentence opens with, counted but not named: "Many growers back ..."."""
_PARTICIPLE_ASIDE = re.compile(
    r"(?<=[\w.)]),\s+(?:[a-z]+ly\s+)?(?!(?:being|having|according|including)\b)[a-z]{3,}ing\s"
    r"[^;:“”\"]{1,160}?,\s*$"
)
"""An aside that opens with a participle between a subject and its verb (", citing U.S.
officials,")."""
# "a survey by", "a 2019 study from": what follows is the finding's author, not a speaker
_FINDING_BY = re.compile(
    r"\b(?:study|studies|survey|surveys|poll|polls|report|reports|research|analysis|data"
    r"|audit|review|census|test|tests)\s+(?:(?:conducted|carried\s+out|published|commissioned)"
    r"\s+)?(?:by|from|of|for)\s+$",
    re.IGNORECASE,
)
_WHO_CLAUSE = re.compile(
    rf"(?P<np>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})\s*,\s+who\s+(?:[a-z]+\s+){{0,2}}$"
    # "the Supreme Court, which found that ...": a named body, by its relative clause
    rf"|(?P<body>(?:the\s+)?{NAME_TOKEN}(?:\s+(?:of\s+)?{NAME_TOKEN}){{0,4}})\s*,\s+which\s+"
    r"(?:[a-z]+\s+){0,1}$"
)


def _parenthetical(
    text: str, m: re.Match[str], body: int, spans: list[tuple[int, int, bool]]
) -> tuple[int, int, str] | None:
    """ "The images, Bindschadler said, show cracks ...": the clause around the attribution
    (start, end and its words without the attribution), or None when the verb is not
    set off by commas between a subject and its verb."""
    found = subject_before(text, m.start())
    if found is None or spans or _ASIDE_TO_THAT.match(text[m.end() :]):
        return None  # (", among other things, that ...": the verb's own clause follows)
    opening = text[: found[1]]
    if not re.search(r"\w[^,]*,\s*$", opening) or not re.match(r"^\s*,\s*[a-z]", text[m.end() :]):
        return None
    if re.search(r"[,;:]", opening.rstrip().rstrip(",")):
        return None  # more than one phrase before it: not a subject set off by commas
    lead = re.match(r"^\s*,\s*", text[m.end() :])
    resume = m.end() + (lead.end() if lead is not None else 0)
    end = _clause(text, resume)[1]
    relative = _RELATIVE_OPENING.match(opening)
    if relative is not None:
        # "condemned the landings against the wishes of the inhabitants who, she argued,
        # favored ...": what she argued is the relative clause, said of its antecedent
        start = relative.start("np")
        return start, end, f"{relative.group('np')} {text[resume:end].strip()}".strip(" .")
    joint = "," if _SUBORDINATE_OPENING.match(opening) else ""  # "If it rises, the town ..."
    words = f"{opening.rstrip().rstrip(',')}{joint} {text[resume:end].strip()}".strip(" .")
    return 0, end, words


_RELATIVE_OPENING = re.compile(
    r"^.*\b(?P<np>(?:the|a|an|its|his|her|their|these|those)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
    r"\s+(?:who|which)\s*,\s*$",
    re.DOTALL,
)


_NOT_A_SUBJECT = re.compile(
    r"(?:in|on|at|under|for|by|with|after|before|during|since|from|to|of|as|when|while|if"
    r"|although|though|because|once|unless|until|but|and|yet|so|however|meanwhile|also)\b",
    re.IGNORECASE,
)


def _subject_phrase(before: str) -> str:
    """The noun phrase that opens a sentence and is set off by the attribution after it
    ("The new rules, according to X, will ..."), or "" when the words before are an
    opening phrase ("Under the plan,") or a clause of their own."""
    phrase = before.strip().rstrip(",").strip()
    words = phrase.split()
    if not words or len(words) > 8 or re.search(r"[,;:“”\"()]", phrase):
        return ""
    if _NOT_A_SUBJECT.match(phrase) or _FINITE.search(phrase):
        return ""
    return phrase


def _last_person(head: str, speakers: Speakers) -> Speaker | None:
    """The subject of "..., while he pursued X and argued": the pronoun's person, never just
    the last name in the clause (it may be the object: "claimed Paris was ... and claim")."""
    pronouns = re.findall(r"\b(he|she|they)\s+(?!said|says)[a-z]+", head, re.IGNORECASE)
    if not pronouns:
        return None
    return speakers.resolve(pronouns[-1].lower(), 0, head)


def _opening_person(head: str, speakers: Speakers) -> Speaker | None:
    """The person a sentence opens with as its subject, for a verb joined by "and" ("Facebook
    co-founder Mark Zuckerberg tweeted to Mohamed and said ..."): only when the name comes
    first (after a title at most) and a verb follows it, so an object is never taken."""
    mentions = speakers.people.mentions(head)
    if not mentions:
        return None
    start, end, person = mentions[0]
    title = head[:start].split()
    if len(title) > 5 or any(
        t[:1].islower() and t.lower() not in ROLE_NOUNS and "-" not in t for t in title
    ):
        return None
    if not re.match(r"\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|s)\b", head[end:]):
        return None
    return Speaker(person.name, person.aliases, "person")


def _before_quotation(text: str, start: int, end: int, spans: list[tuple[int, int, bool]]) -> int:
    """Where a reported clause ends when the speaker's own words follow it after a comma
    ("said kits would be ready," “For example, schools can ...”): the quotation is a
    statement of its own, not part of the report (a quoted word or two stays inside)."""
    for s, e, _closed in spans:
        if start < s < end and re.search(r",\s*$", text[start:s]) and len(text[s:e].split()) >= 5:
            return len(text[:s].rstrip().rstrip(",").rstrip())
    return end


def _next_speaker(
    text: str,
    start: int,
    end: int,
    spans: list[tuple[int, int, bool]],
    speakers: Speakers,
    sentence: Sentence,
) -> int:
    """Where a reported clause ends when another speaker takes over inside it
    ("Johnson said they must ..., and McNamara argued that ...")."""
    for m in REPORT_VERB.finditer(text, start, end):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        joined = _SAME_SUBJECT.search(text, start, m.start())
        after = text[m.end() : _clause(text, m.end())[1]]
        if (
            joined is not None
            and not m.group("verb").endswith("ing")
            # "claim that Reagan failed ... and demonstrated that ...": Reagan's deed, in
            # the claim, not a second finding of the critics
            and m.group("verb").split()[-1].lower() not in FINDING_VERBS
            and (_is_report(after, m.group("verb").lower()) or _STANCE_OBJECT.match(after))
        ):
            # "They claimed A and claim B", "has said A, and has argued B": the same
            # speaker's second statement, a clause of its own
            return joined.start()
        found = subject_before(text, m.start())
        if found is None or found[1] <= start:
            continue
        lead = re.search(r"(?:[,;]?\s+and|[,;])\s+$", text[start : found[1]])
        if lead is None:
            continue  # "said the company claimed ...": the clause's own content
        if speakers.resolve(found[0], sentence.start + found[1], text[: found[1]]) is None:
            continue
        return start + lead.start()
    return end


# "... and (has) also claimed": a second verb of saying with the subject left out
_SAME_SUBJECT = re.compile(r",?\s+and\s+(?:(?:has|have|had|also|then|later)\s+)*$")


def _sentence_subject(head: str, speakers: Speakers, sentence: Sentence) -> Speaker | None:
    """The speaker a sentence opens with ("Lopez insisted ..., adding that ..."), if any."""
    mentions = speakers.people.mentions(head)
    if mentions and mentions[0][0] < 40:
        person = mentions[0][2]
        return Speaker(person.name, person.aliases, "person")
    first = REPORT_VERB.search(head)
    found = subject_before(head, first.start()) if first is not None else None
    if found is None:
        return _opening_subject(head, speakers, sentence)
    return speakers.resolve(found[0], sentence.start + found[1], head[: found[1]])


_SPOKE_TO = re.compile(
    r"\b(?:addressed|went\s+on|appeared\s+on|took\s+the\s+(?:floor|podium|stage|opportunity)"
    r"|held|convened|gave|wrote\s+to|telephoned|cabled)\b[^.;:“”\"]{0,80}?\s+to\s+$"
)
"""A speech made to say something: "addressed the nation from the Oval Office to", "held a
press conference to", "took the floor to" (never "plans to", "is expected to")."""
_OPENING_WORDS = frozenset(
    word_list(
        "even though although when whenever if unless once while as because since however "
        "also then this that these those there it its after before instead meanwhile still "
        "yet but and so indeed moreover"
    )
)
_OPENING_CLAUSE = re.compile(
    r"^(?:(?:When|After|Before|Although|Though|As|While|Since|Because|If|Once|In|On|At|By"
    r"|During|For|From|Following|Despite|Under|With)\b[^,;:“”\"]{0,90},\s*"
    r"|(?:In|On|At|By|During)\s+\d{4}\s+"
    # "Acknowledging the changes in the Soviet Union, NATO's heads of state ...", "Wary of
    # Soviet intentions, policymakers ...": a participle's or an adjective's phrase
    r"|(?!United\b)[A-Z][a-z]+(?:ing|ed)\b[^,;:“”\"]{0,90},\s*|Wary\b[^,;:“”\"]{0,90},\s*)"
)


def _opening_subject(head: str, speakers: Speakers, sentence: Sentence) -> Speaker | None:
    """The named subject a sentence opens with, after an opening phrase ("When gold was
    found, Great Britain sought ..., claiming ...", "In 1876 Venezuela protested and
    appealed ..."): the speaker of a participle or a second verb joined to it."""
    if _SUBORDINATE_START.match(head) and "," not in head:
        return None  # "When Germany stood by its ally and declared ...": still that clause
    body = _OPENING_CLAUSE.sub("", head, count=1)
    at = len(head) - len(body)
    named = re.match(rf"(?:[Tt]he\s+)?{NAME_TOKEN}(?:\s+(?:of\s+)?{NAME_TOKEN}){{0,4}}", body)
    if named is not None and named.group(0).split()[0].lower() in _OPENING_WORDS:
        return None  # "Even though ...", "However, ...": no subject named
    if named is not None and re.search(r"[’']s$", named.group(0)):
        # "NATO's heads of state agreed ... and emphasized": the owner stands for them
        verb_after = r"(?:\s+(?:[a-z]+|of)){1,4}?\s+(?:[a-z]+ly\s+)?[a-z]+ed\b"
        if not re.match(verb_after, body[named.end() :]):
            return None
        return speakers.resolve(named.group(0)[:-2], sentence.start + at, head[:at])
    if named is None or not re.match(r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)?\b", body[named.end() :]):
        return None  # no name, or no verb after it: not the sentence's subject
    return speakers.resolve(named.group(0), sentence.start + at, head[:at])


def _framed(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "According to X, ...", "As X told Y, ...", "..., officials said." """
    text = sentence.text
    if spans and sum(e - s for s, e, _ in spans) > len(text) / 2:
        return []
    out: list[ReportMention] = []
    speaker: Speaker | None
    bare = _ACCORDING_NAME.match(text)
    named = speakers.people.mentions(text[bare.end() :]) if bare is not None else []
    after_name = bare.end() + named[0][1] if bare is not None and named else 0
    if bare is not None and named and named[0][0] == 0 and text[after_name : after_name + 1] == " ":
        # "According to Rathbun the property was returned ...": no comma after the name
        person = named[0][2]
        start, end = after_name, len(text.rstrip())
        words = text[start:end].strip(" ,.")
        if _is_report(words, "said"):
            speaker = Speaker(person.name, person.aliases, "person")
            out.append(ReportMention(words, start, end, speaker, sentence))
        according = None
    else:
        according = _ACCORDING.search(text) or _PER.match(text)
    if according is not None:
        subject = ""
        speaker = speakers.resolve(according.group("np").strip(), sentence.start, text)
        if re.search(r"\b(?:which|who|whom|that)\s*,\s*$", text[: according.start()]):
            speaker = None  # "boats which, according to AFP, the UN criticised": a fragment
        elif according.start() < 3 and _inner_speaker(text, according.end(), speakers):
            speaker = None  # "According to the Herald, Burrows said ...": Burrows's own words
        if speaker is not None:
            after = (according.end(), _clause(text, according.end())[1])
            # "Therefore, according to the dissent, FIFRA requires ...": a linking word
            # before it leaves the attribution at the sentence's start
            opens = according.start() < 3 or _LINKING_ONLY.fullmatch(text[: according.start()])
            if opens:
                start, end = according.end(), len(text.rstrip())
                named_after = re.match(r"\s*([^,;:“”\"]{3,60}),\s*", text[start:])
                known = speakers.people.mentions(named_after.group(1)) if named_after else []
                if named_after is not None and known and known[0][0] == 0:
                    # "According to the team's coach, Alireza Mehraban, in their first ..."
                    speaker = Speaker(known[0][2].name, known[0][2].aliases, "person")
                    start += named_after.end()
                elif named_after is not None and _FULL_NAME.fullmatch(named_after.group(1)):
                    speaker = Speaker(named_after.group(1), (), "person")
                    start += named_after.end()
            elif (
                text[according.end() - 1] == ","
                and _FINITE.search(_outside_quotes(text[after[0] : after[1]])) is not None
                and _is_report(text[after[0] : after[1]], "said")
            ):
                start, end = after  # "Under the plan, according to officials, schools would ..."
                first = text[after[0] : after[1]].split()[:1]
                if first and _FINITE.fullmatch(first[0].lower()):
                    subject = _subject_phrase(text[: according.start()])
            else:
                start, end = 0, according.start()
            linking = _DISCOURSE.match(text, start)
            if linking is not None:
                start = linking.end()
            words = text[start:end].strip(" ,.")
            if subject:
                # "The children, according to the director, were at risk": the subject set
                # off before the attribution belongs to the clause after it
                start, words = 0, f"{subject} {words}"
            if _is_report(_LEADING_PHRASE.sub("", words), "said"):
                out.append(ReportMention(words, start, end, speaker, sentence))
    told = _AS_TOLD.match(text)
    view = _IN_VIEW.match(text)
    if told is None and view is not None:
        # "In Zinn's view, ...", "In his words, ...": the owner of the view says it
        owner = view.group("np").strip()
        owner = {"his": "he", "her": "she", "their": "they"}.get(owner.lower(), owner)
        speaker = speakers.resolve(owner, sentence.start, "")
        if (
            speaker is not None
            and speaker.kind == "person"
            and owner not in ("he", "she")
            and speakers.people.named(owner) is None
        ):
            speaker = None  # "In New York's view": no person the article names
        if speaker is not None:
            start, end = _clause(text, view.end())
            words = text[start:end].strip(" ,.")
            if _is_report(words, "said"):
                out.append(ReportMention(words, start, end, speaker, sentence))
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
        named = speakers.people.mentions(phrase)
        if (
            post.group("np2") is not None
            and named
            and named[0][0] < 30
            and re.match(r"(?:\s+(?:of|from|at|with)\s|\s*\(|\s*$)", phrase[named[0][1] :])
        ):
            # "..., said lead author Dr. Jeffrey Kopp of the National Institute (NIDR).":
            # the person named, whatever follows the name
            phrase = phrase[: named[0][1]]
        if _SUBORDINATE_START.match(phrase):
            phrase = ""  # "Even though I'm not famous, ... I say": no one named
        clause_like = (
            not phrase
            or len(phrase.split()) > 12
            or (len(phrase.split()) > 8 and _FINITE.search(phrase) is not None)
            or (post.group("np2") is not None and _FINITE.search(phrase) is not None)
        )  # "..., said the results surprised the team": a clause, not who said it
        speaker = None if clause_like else speakers.resolve(phrase, sentence.start, text)
        if speaker is not None:
            words = text[: post.start()].strip(" ,")
            # (the words before a postposed "X said" are the statement itself: "The fact
            # that the genes were active confirms that ...", Dr. Kopp said)
            if _is_report("that " + words, "said"):
                out.append(ReportMention(words, 0, post.start(), speaker, sentence))
    return out


# Verbs of saying that state a position through a noun or "for/against" rather than a
# clause: "emphasized his support for ...", "argued for changes to ...", "expressed
# interest in ...", "pleaded with him to ...". The verb and its object are the statement.
_STANCE_VERB = re.compile(
    r"\b(?P<verb>emphasi[sz](?:ed|es|ing)|stress(?:ed|es|ing)|express(?:ed|es|ing)|voiced|voices"
    r"|voicing|underscor(?:ed|es|ing)"
    r"|reiterat(?:ed|es)|signall?ed|signals|declared|declares|argued|argues|called|calls"
    r"|pleaded|pleads|begged|begs|campaigned|campaigns|lobbied|lobbies|advocated|advocates"
    r"|outlined|outlines|(?:set|sets|laid|lays|spelled|spelt|spells)\s+out"
    r"|forewarned|forewarns|warned|warns|cautioned|cautions|announced|announces"
    r"|insisted|insists|condemned|condemns|denounced|denounces|branded|brands|hailed|hails"
    r"|accused|accuses|rejected|rejects|disputed|dismissed|dismisses|challenged"
    r"|questioned|protested|claimed|claiming|attacked|criticized|criticised|advocated|advocates"
    r"|advocate|advocating|raised|raises|agreed|agrees|informed|informs|notified|thanked|thanks"
    r"|described|describes|depicted|depicts|portrayed|portrays|characteri[sz]ed"
    r"|recommended|recommends|requested|requests|demanded|demands|endorsed|endorses|praised"
    r"|praises|spoke|speaks|discussed|discusses|discuss|expects|expected|expect|anticipates"
    r"|anticipated|anticipate|welcomed|welcomes|welcome|cited|cites|issued|issues"
    r"|describe|pledged|pledges|promised|promises|committed|commits|urged|urges|proposed|proposes)\b"
)
# Verbs that object to or lay claim to a thing: "protested alleged British encroachment on
# its territory", "disputed the British delineation", "claiming an additional 33,000 square
# miles": the thing is the statement (never "claimed the lives of", "protested outside")
_CLAIM_VERB = re.compile(r"protested|disputed|claimed|claiming")
_CLAIM_OBJECT = re.compile(
    r"^\s+(?!(?:the\s+lives?|that|to|outside|against|in|at|on|for|with|by|from|and|but)\b)"
    r"(?:the|an?|its|his|her|their|alleged|any|all|some|an\s+additional|[0-9][\d,.]*)\s"
    r"(?:[\w’'.,-]+\s+){1,}"
)
# Verbs that fault a thing for something: "attacked the article for failing to ...",
# "criticized the policy for being too defensive"; and advocating a course ("advocated
# defending above all else the centers of industrial power")
_FAULT_VERB = re.compile(r"attacked|critici[sz]ed")
_FAULT_OBJECT = re.compile(r"^\s+(?:[\w’'.-]+\s+){1,6}?for\s+[a-z]+ing\b")
_ADVOCATE_VERB = re.compile(r"advocate[ds]?|advocating")
_ADVOCATE_OBJECT = re.compile(
    r"^\s+(?:[a-z]+ing\b|for\s+\S|(?:a|an|the)\s+[a-z-]+\s+[a-z]"
    # "advocated even more collectivization", "advocate reforms and closer ties"
    r"|(?:even\s+)?(?:more|greater|further|closer|stronger|increased|wider)\s+[a-z]"
    r"|[a-z]{3,}s\s+(?:and|of|in|to|for)\s)"
)
# Verbs of a commitment: "agreed to launch another offensive", "agreed in principle that ..."
_AGREE_VERB = re.compile(r"agree[ds]")
_AGREE_OBJECT = re.compile(
    r"^\s+(?:(?:in\s+principle\s+|at\s+[A-Z][\w-]+\s+|(?:also|further|jointly)\s+)?"
    r"(?:not\s+)?to\s+(?!(?:the|a|an|his|her|their|its|this|these|those|our|it|him|them|me|us)\b)[a-z]+"
    r"\s+\S|(?:in\s+principle|at\s+[A-Z][\w-]+)\s+that\s)"
)
"""("agreed that ..." is a clause of its own, reported as such.)"""
# Verbs that tell a hearer of a thing: "informed the President of his intention to resign"
_INFORM_VERB = re.compile(r"inform(?:ed|s)|notified")
_INFORM_OBJECT = re.compile(
    r"^\s+(?:(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|him|her|them|us|me"
    r"|(?:the|his|her|their|its)\s+(?:[a-z-]+\s+)?[a-z]+)\s+of\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+|an\s+)?[A-Za-z]"
)
# Thanks given for a thing: "thanked the host government for its help"
_THANK_VERB = re.compile(r"thank(?:ed|s)")
_THANK_OBJECT = re.compile(r"^\s+(?:[\w’'.-]+\s+){1,6}?for\s+(?:its|his|her|their|the)\s+[a-z]")
# Concerns raised: "raised concerns about the loss of staff", "raised concerns that ..."
_RAISE_VERB = re.compile(r"raise[ds]")
_RAISE_OBJECT = re.compile(
    r"^\s+(?:(?:serious|new|similar|further|grave|several)\s+)?(?:concerns?|objections?"
    r"|questions|doubts|fears|alarms?|the\s+(?:concern|objection|question|possibility))"
    r"\s+(?:about|over|that|regarding|with|of)\s+\S"
)
# Depicting a thing as something: "described their diet as simple", "portrayed him as a hero"
_DEPICT_VERB = re.compile(r"describe[ds]|depict(?:ed|s)|portray(?:ed|s)|characteri[sz]ed")
_DEPICT_OBJECT = re.compile(
    r"^\s+(?!(?:in|at|on|by|to|from|with)\b)(?:[\w’'-]+\s+){1,6}?as\s+(?!well\b|follows\b|part\b)"
    r"(?:an?\s+|the\s+)?[a-z]"
)
# Condemning or denouncing a thing is a statement on it whatever follows: "condemned the
# brutality of the regime" (never a gerund: "denouncing X was a way to ...")
_CONDEMN_VERB = re.compile(r"condemn(?:ed|s)|denounc(?:ed|es)")
_CONDEMN_OBJECT = re.compile(r"^\s+(?!(?:in|at|on|by|to|from|with|for|and|or)\b)[\w’'-]+")
# Advice on a thing: "recommends a diet that contains less fat" ("recommends that" is a clause)
_RECOMMEND_VERB = re.compile(r"recommend(?:ed|s)")
_RECOMMEND_OBJECT = re.compile(
    r"^\s+(?:a|an|the|more|less|fewer|further|regular|daily|stricter|tighter)\s+[a-z]"
)
# Verbs that accuse of a thing: "accused the agency of hiding the costs"
_ACCUSE_VERB = re.compile(r"accus(?:ed|es)")
_ACCUSE_OBJECT = re.compile(r"^\s+(?:[\w’'.-]+\s+){1,6}?of\s+[a-z]+ing\b")
# Verbs that reject a claim: "rejected the claim that the border ran along the river"
_REJECT_VERB = re.compile(r"reject(?:ed|s)|dismiss(?:ed|es)|challenged|questioned")
_REJECT_OBJECT = re.compile(
    r"^\s+(?:the|any|a|an|such)\s+(?:[a-z-]+\s+)?(?:claims?|suggestions?|idea|notion|arguments?"
    r"|allegations?|charges?|assertions?|view|reports?|accusations?|contention)\s+that\s"
)
# Verbs that judge a thing as something: "condemned the landings as an act of aggression"
_JUDGE_VERB = re.compile(r"brand(?:ed|s)|hail(?:ed|s)")
_JUDGE_OBJECT = re.compile(r"^\s+(?:[\w’'-]+\s+){1,6}?as\s+(?:an?\s+|the\s+)?[A-Za-z]")
# Verbs that insist on a thing: "insisted on a return to the status quo ante"
_INSIST_VERB = re.compile(r"insist(?:ed|s)")
_INSIST_OBJECT = re.compile(r"^\s+(?:up)?on\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[a-z]")
# Verbs of presenting a position in full: "Monroe outlined two spheres of influence: ...",
# "Gibbons outlined to the committee three budget options": the verb and its object
_SET_OUT = re.compile(r"outlined|outlines|\w+\s+out")
_SET_OUT_OBJECT = re.compile(
    r"^\s+(?:to\s+(?:the\s+)?[^,;:]{2,80}?\s+)?(?:his|her|their|its|the|a|an|two|three|four"
    r"|five|several|some|(?!(?:on|in|for|from|to|at|with|into|across|through|along|by|after"
    r"|again|early|late|toward|towards|over|under|around|alone|together|once)\b)[a-z]+)"
    r"\s+(?!that\b|how\b|why\b|what\b)[a-z-]+"
)
# Verbs of warning against: "forewarned the European powers against interfering in ..."
_WARN_VERB = re.compile(r"(?:fore)?warn(?:ed|s)|caution(?:ed|s)")
_WARN_OBJECT = re.compile(r"^\s+(?:[\w’'-]+\s+){0,7}?(?:against|of|about)\s+[a-z]")
# Asking for an amount, demanding or backing a thing: "requested at least $87 million for
# ...", "demanded the repatriation of ...", "endorsed de la Espriella", "praised the plan's
# focus on ..." (what follows "that" or "to" is a clause, reported as such; "requested the
# files" and "proposed revisions to the rules" are acts a card has no speaker's words for)
_ASK_VERB = re.compile(
    r"request(?:ed|s)|demand(?:ed|s)|endors(?:ed|es)|prais(?:ed|es)|urg(?:ed|es)"
)
_ASK_OBJECT = re.compile(
    r"^\s+(?:(?:at\s+least|some|about|nearly|almost|more\s+than|up\s+to|an\s+additional)\s+"
    r"(?=\$|\d)|(?!(?:that|to|in|at|on|by|from|with|for|and|or|but|as|it|him|her|them|me|us"
    r"|this|anonymity|not)\b))(?:\$\s?\d|\d|[\w’'-]+\s+\S)"
)
_AMOUNT = re.compile(
    r"^\s+(?:(?:at\s+least|some|about|nearly|almost|more\s+than|up\s+to|an\s+additional)\s+)?"
    r"(?:\$\s?\d|\d[\d,.]*\s+(?:million|billion|trillion)|(?:additional\s+|more\s+)?(?:funding"
    r"|funds))"
)
"""What a request asks for, to be a statement: an amount ("requested $87 million")."""
# A proposal of an act or of a measure: "proposed dividing the classes of cruisers ...",
# "proposed an overall cruiser limit of 70 ships" (never "proposed tax cuts", a plan named
# in passing, nor "proposed revisions to the rules")
_PROPOSE_VERB = re.compile(r"propos(?:ed|es)")
_PROPOSE_OBJECT = re.compile(
    r"^\s+(?:(?!being\b|having\b)[a-z]{3,}ing\s+(?:the|a|an|its|their|his|her|all|some|more"
    r"|[a-z]+s)\b|(?:a|an)\s+(?:[a-z-]+\s+){0,3}(?:limit|cap|ceiling|ban|freeze|moratorium|ratio"
    r"|truce|ceasefire|cease-fire|compromise|settlement|formula|conference|summit|treaty|pact"
    r"|referendum|reduction|increase|exchange|partition|plebiscite)\s+(?:of|on|to|for|between|with)\s)"
)
_PLEDGE_VERB = re.compile(r"pledg(?:ed|es)|promis(?:ed|es)|commit(?:ted|s)")
"""A promise of an amount: "pledged at least $380 million to support the MSS" (only an
amount: "committed a crime", "promised to act" are not this shape)."""
# Speaking out on a thing: "spoke out against harassment in ...", "spoke in favor of the
# bill", "spoke of leaving Marxism-Leninism on the ash-heap of history" (never "spoke to
# reporters", "spoke at the meeting": who heard, or where)
_SPEAK_VERB = re.compile(r"spoke|speaks")
_SPEAK_OBJECT = re.compile(
    r"^\s+(?:out\s+(?:against|for|in\s+favou?r\s+of|on|about)|in\s+favou?r\s+of|against"
    r"|of\s+(?:the\s+)?[a-z]+ing)\s+\S"
)
# Talking a thing over: "the two Presidents discussed accelerating the process", "Ahuja
# discussed the piloting of ..." (never "discussed it", "discussed with")
_DISCUSS_VERB = re.compile(r"discuss(?:ed|es)?")
_DISCUSS_OBJECT = re.compile(
    r"^\s+(?!(?:with|it|them|this|that|how|why|what|whether|in|at|on|for)\b)"
    r"(?:[a-z]+ing|the|a|an|its|his|her|their|plans?|ways?|options?|[“\"])"
)
# What a body or people expect: "the Commission expects to complete its work in early 1994",
# "researchers expect a corresponding increase in ..." (never a passive: "is expected to")
_EXPECT_VERB = re.compile(r"expect(?:s|ed)?|anticipat(?:es|ed|e)")
_EXPECT_OBJECT = re.compile(
    r"^\s+(?:to\s+[a-z]+\s+\S|[a-z]+ing\s+\S|(?:a|an|the|more|further|fewer|higher|lower"
    r"|significant|substantial|continued)\s+[a-z-]+)"
)
# What was described, as people tell of it: "speakers described transmission issues and the
# activity of saliva" ("described ... as ..." is a depiction, read apart; never "described
# in detail", "described above")
_DESCRIBE_VERB = re.compile(r"describe[ds]?")
_DESCRIBE_OBJECT = re.compile(
    r"^\s+(?!(?:in|at|on|by|to|from|with|above|below|here|earlier|later|it|him|her|them"
    r"|this|how|why|what|where)\b)(?:the|a|an|its|his|her|their|[a-z-]+s\b|[a-z-]+\s+[a-z-]+s\b)"
)
_SELF = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:This|this)\s+(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*|report"
    r"|paper|article|memo|brief|chapter|section|book|study|essay|piece|post|sidebar|insight"
    r"|analysis|overview|primer)\s+(?:(?:also|briefly|further|first|then|next|finally)\s+)?$"
)
"""The text speaking of itself ("This Insight describes ..."): the article's plan, no one's
statement."""
_THIS_TEXT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but)\s+)(?:This|this)\s+(?:(?:CRS|Legal)\s+)?(?:Insight|Sidebar|Report"
    r"|In\s+Focus|report|paper|article|memo|brief|chapter|section|essay|piece|post|sidebar"
    r"|insight|analysis|overview|primer|product|page|fact\s+sheet)\s+"
    r"(?:(?:also|briefly|further|first|then|next|finally)\s+)?$"
)
"""The text itself as a verb's subject ("This Legal Sidebar explains ...", "This report
examines ..."), never a doctrine or a treaty called "This Doctrine"."""
_PUBLISHED = re.compile(
    r"^\s+(?:his|her|their|the|this|a|an|its)\s+(?:new\s+)?(?:study|studies|findings|work"
    r"|research|results|paper|experiment|method|trial)\s+(?:in|at|to)\b"
)
# A step welcomed: "others have welcomed the ability for growing contractors to ...",
# "welcomed the court's decision" (never a guest: "welcomed the visitors")
_WELCOME_VERB = re.compile(r"welcome[ds]?")
_WELCOME_OBJECT = re.compile(
    r"^\s+(?:the|a|an|this|its|his|her|their|[A-Z][\w.’'-]*[’']s)\s+(?:[a-z-]+\s+){0,2}?(?:decision|move"
    r"|ability|news|agreement|proposal|plan|ruling|announcement|step|deal|outcome|result|report"
    r"|initiative|opportunity|changes?|measures?|reforms?|ceasefire|cease-fire|release|vote"
    r"|verdict|law|bill|rule|policy|offer|talks|election|appointment|nomination)\b"
    # "has welcomed deeper cooperation with the United States": more of a relation
    r"|^\s+(?:deeper|closer|greater|increased|more|further|stronger|expanded|renewed)\s+"
    r"(?:[a-z-]+\s+)?(?:cooperation|ties|engagement|investment|trade|relations|partnership"
    r"|integration|involvement|dialogue|security\s+cooperation)\b"
)
# Reasons given: "cited Germany's violation of its pledge ... as his reasons for declaring
# war" (never "cited in the report", "was cited for speeding")
_CITE_VERB = re.compile(r"cite[ds]")
_CITE_OBJECT = re.compile(
    r"^\s+(?=\S)(?!(?:in|by|for|as|at|on)\b)[^;:“”\"]{3,200}?\s+as\s+(?:his|her|their|its|the|a"
    r"|an|one"
    r"|our)\s+(?:main\s+|chief\s+|primary\s+)?(?:reasons?|justification|grounds|cause|motive"
    r"|evidence|rationale)\b"
)
# What a body puts out in writing, with what it says: "issued a press release requesting that
# persons with bloody diarrhea contact ...", "has issued interim recommendations to increase
# the temperature for ..." (never "issued passports", "issued a report" alone)
_ISSUE_VERB = re.compile(r"issue[ds]")
_ISSUE_OBJECT = re.compile(
    r"^\s+(?:(?:a|an|the|its|his|her|their|new|interim|revised|updated|joint|formal|public"
    r"|final|further|several|two|three)\s+){0,2}(?:[a-z-]+\s+)?(?:statement|press\s+release"
    r"|recommendations?|guidelines?|guidance|advisory|advisories|warnings?|alert|appeal|call"
    r"|directive|proclamation|declaration|ultimatum|communiqu[eé])\s+(?:requesting|urging|saying"
    r"|warning|calling|stating|recommending|asking|advising|declaring|demanding|announcing|that"
    r"|to|for|against)\b"
)
_VERB_OBJECTS = (
    (_PROPOSE_VERB, _PROPOSE_OBJECT),
    (_PLEDGE_VERB, _AMOUNT),
    (_ISSUE_VERB, _ISSUE_OBJECT),
    (_WELCOME_VERB, _WELCOME_OBJECT),
    (_CITE_VERB, _CITE_OBJECT),
    (_ASK_VERB, _ASK_OBJECT),
    (_DISCUSS_VERB, _DISCUSS_OBJECT),
    (_EXPECT_VERB, _EXPECT_OBJECT),
    (_SPEAK_VERB, _SPEAK_OBJECT),
    (_SET_OUT, _SET_OUT_OBJECT),
    (_AGREE_VERB, _AGREE_OBJECT),
    (_INFORM_VERB, _INFORM_OBJECT),
    (_THANK_VERB, _THANK_OBJECT),
    (_RAISE_VERB, _RAISE_OBJECT),
    (_DEPICT_VERB, _DEPICT_OBJECT),
    (_DESCRIBE_VERB, _DESCRIBE_OBJECT),
    (_CONDEMN_VERB, _CONDEMN_OBJECT),
    (_RECOMMEND_VERB, _RECOMMEND_OBJECT),
    (_WARN_VERB, _WARN_OBJECT),
    (_JUDGE_VERB, _JUDGE_OBJECT),
    (_INSIST_VERB, _INSIST_OBJECT),
    (_ACCUSE_VERB, _ACCUSE_OBJECT),
    (_CLAIM_VERB, _CLAIM_OBJECT),
    (_FAULT_VERB, _FAULT_OBJECT),
    (_ADVOCATE_VERB, _ADVOCATE_OBJECT),
    (_REJECT_VERB, _REJECT_OBJECT),
)
"""The stance verbs that take an object of their own shape, each with that shape."""
_STANCE_NOUNS = (
    r"(?:support|opposition|intention|intent|commitment|desire|wish|hope|hopes|interest"
    r"|concern|concerns|belief|view|views|determination|willingness|readiness|preference"
    r"|objection|objections|reservations|doubt|doubts|confidence|frustration|disappointment"
    r"|regret|sympathy|condolences|gratitude|approval|disapproval|opposition|skepticism"
    r"|scepticism|optimism|pessimism|fears?|worry|worries|need|importance|resolve"
    # what an announcement states: "announced the suspension of aid to ..."
    r"|decision|plans?|breakdown|suspension|withdrawal|resignation|nomination|appointment"
    r"|termination|lifting|imposition|ban|end|creation|establishment|launch|initiative"
    r"|policy|proposal|strategy|measures|reforms|sanctions|legislation|bill|investigation"
    r"|inquiry"
    # a feeling voiced: "expressed displeasure with the act"
    r"|displeasure|dissatisfaction|unhappiness|anger|outrage|alarm|dismay|satisfaction)"
)
_STANCE_OBJECT = re.compile(
    r"^\s+(?:"
    r"(?<=\s)(?:for|against)\s+(?:the\s+|a\s+|an\s+)?[a-z-]+"  # argued for changes
    r"|with\s+(?:him|her|them|[A-Z][\w-]+|(?:the|his|her|their)\s+[a-z-]+)\s+(?:to|not\s+to)\s+[a-z]+"
    rf"|(?:(?:his|her|their|its|the|a|an|our|strong|deep|renewed|serious|grave)\s+){{0,2}}"
    rf"(?:[a-z-]+\s+)?{_STANCE_NOUNS}\s+(?:(?:today|yesterday|again|also|here)\s+)?"
    r"(?:for|to|in|of|that|about|with|over|at|on)\s+\S"
    r")"
)
# which verbs take which object: "argued for", "called for", not "expressed for"
_FOR_VERBS = frozenset(
    word_list(
        "argued argues called calls pleaded pleads campaigned campaigns lobbied lobbies "
        "advocated advocates begged begs"
    )
)


def _stances(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "Dissanayake has emphasized his intention to pursue ...", "Waters expressed interest
    in further donations", "his sister pleaded with him to ...": a position stated, reported
    as the verb and its object (what a card can ask "who ...?" about)."""
    text = sentence.text
    out: list[ReportMention] = []
    for m in _STANCE_VERB.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        verb = m.group("verb").lower()
        shapes = [obj for verbs, obj in _VERB_OBJECTS if verbs.fullmatch(verb)]
        # (a verb may take more than one shape: "described the plan as ..." or "described
        # the issues": the first that fits)
        special = next((obj for obj in shapes if obj.match(text[m.end() :])), None)
        if shapes and special is None:
            continue
        if special is not None:
            if special in (_DISCUSS_OBJECT, _DESCRIBE_OBJECT, _EXPECT_OBJECT) and _SELF.search(
                text[: m.start()]
            ):
                continue  # "This Insight describes the proposed changes": the text itself
            if special is _DESCRIBE_OBJECT and (
                _PUBLISHED.match(text[m.end() :])
                or re.match(r"[^.;:]{0,80}?\sas\s", text[m.end() :])
            ):
                # "described their study in the June issue of ...": a publication; "described
                # the plan as “...”": a depiction, whose quotation is the statement
                continue
            if special is _ASK_OBJECT and _NOUN_BEFORE.search(text[: m.start()]):
                continue  # "the demanded sum", "its requested budget": a modifier
            if verb.startswith("request") and not _AMOUNT.match(text[m.end() :]):
                continue  # "requested the files from the agency": an act
            if verb.startswith("urg") and re.match(
                r"\s+(?:that\b|(?:[\w’'.-]+\s+){0,10}?to\s+(?!the\b|a\b|an\b)[a-z]+\b)",
                text[m.end() :],
            ):
                continue  # "urged the council to vote ...": the request, reported as such
            if special is _CLAIM_OBJECT and _opens_a_clause(text[m.end() :]):
                continue  # "claimed the dam was safe": a clause, reported as such
            opening = ""
        else:
            obj = _STANCE_OBJECT.match(text[m.end() :])
            if obj is None:
                continue
            opening = obj.group(0).split()[0].lower()
        if special is None and opening in ("for", "against", "with") and verb not in _FOR_VERBS:
            continue  # "expressed for", "stressed with": not a stance
        if (
            special is None
            and opening not in ("for", "against", "with")
            and verb in _FOR_VERBS - {"argued", "argues"}
        ):
            continue  # "called the decision ...": naming, not a stance
        if _NEGATED.search(text[: m.start()]) or _AUX_BEFORE.search(text[: m.start()]):
            continue
        if _IF_SO.search(text[: m.start()]):
            continue  # "as long as the Mexicans agreed to compensate ...": a condition
        speaker = _subject(text, m, speakers, sentence, None)
        if speaker is None:
            continue
        end = _clause(text, m.end())[1]
        if end < len(text.rstrip()) and _SET_OUT.fullmatch(verb):
            # "outlined two spheres: the Americas and Europe. The lands ...": the list after
            # its colon belongs to what was outlined, up to the sentence's end
            colon = text.find(":", m.end(), end + 1)
            end = len(text.rstrip().rstrip(".")) if colon > 0 else end
        if (_SET_OUT.fullmatch(verb) or special is _ISSUE_OBJECT) and re.search(
            r":\s*[“\"]", text[m.end() : end + 2]
        ):
            continue  # "set out her view: “...”": the quotation is the statement
        joined = re.search(
            r",\s+(?:and|but|while|as|which|who|so)\b"
            # "depicted him as personable, famously photographed in ...": the writer's aside
            r"|,\s+(?:[a-z]+ly\s+)?(?!being\b|having\b)[a-z]{3,}(?:ed|ing)\s+"
            r"(?:in|at|on|by|with|him|her|them|it)\b"
            # "... the inhabitants who, she argued, favored ...": a statement of its own
            r"|\s+(?:who|which)\s*,\s*(?:he|she|they|it|[A-Z][\w’'-]+)\s+[a-z]+\s*,"
            # "proposed the talks because tensions were high", "requested donations ..., in
            # order to help": the writer's reason or the purpose, not what was asked
            r"|\s+because\b|,?\s+in\s+order\s+to\b"
            # "welcomed the announcement but warned that ...": a second statement of its own
            r"|\s+but\s+(?:also\s+)?(?=[a-z]+ed\b)",
            text[m.end() : end],
        )
        if joined is not None:
            end = m.end() + joined.start()  # "called for talks, and in 1967 he met ...": an NP
        act = re.search(
            r"\s+and\s+(?:then\s+|also\s+|later\s+)?([a-z]{3,}ed)\s", text[m.end() : end]
        )
        if act is not None and not (
            REPORT_VERB.fullmatch(act.group(1)) or _STANCE_VERB.fullmatch(act.group(1))
        ):
            # "declared their independence and drafted a constitution": a second act, not
            # speech ("called for talks and warned against war" goes on speaking)
            end = m.end() + act.start()
        opening_clause = _SUBORDINATE_OPENING.match(text)
        if opening_clause is not None and m.start() < text.find(",", opening_clause.end()):
            comma = text.find(",", m.end())
            if m.end() < comma < end:
                end = comma  # "Although Brzezinski advocated the former course, Carter ..."
        words = text[m.start() : end].strip().rstrip(",")
        # "endorsed de la Espriella", "requested $87 million": a thing backed or asked for may
        # be named in a few words
        if len(re.findall(r"\w+", words)) < (3 if special in (_ASK_OBJECT, _WELCOME_OBJECT) else 5):
            continue
        out.append(ReportMention(words, m.start(), end, speaker, sentence))
    return out


_INVERTED = re.compile(
    r"^(?P<opening>[^,;:“”\"]{3,120}?),\s*(?P<verb>said|says|added|adds|noted|notes|explained"
    r"|explains|argued|argues|insisted|insists|claimed|claims|stressed|stresses|wrote|writes)"
    rf"\s+(?P<np>(?:the\s+)?(?:[a-z-]+\s+){{0,2}}{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,3}})"
    r"\s*,\s*(?=[a-z])"
)


def _inverted(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "Institutional recipients, said Maurer, are required to ...": the attribution set off
    inside the clause with the verb first; the statement is the clause around it."""
    text = sentence.text
    found = _INVERTED.match(text)
    if found is None or spans:
        return []
    speaker = speakers.resolve(found.group("np"), sentence.start + found.start("np"), "")
    if speaker is None:
        return []
    end = _clause(text, found.end())[1]
    resumed = text[found.end() : end].strip()
    if len(resumed.split()) <= 6 and _FINITE.search(resumed) is None:
        # "..., said Jane Fox, the chief executive.": her role, not the clause going on
        resumed = ""
    words = f"{found.group('opening').strip()} {resumed}".strip(" .")
    if not _is_report(words, "said"):
        return []
    return [ReportMention(words, 0, end, speaker, sentence)]


_FRONTED = re.compile(
    r"^(?P<verb>Asserting|Arguing|Saying|Claiming|Insisting|Noting|Warning|Stressing"
    r"|Explaining|Acknowledging|Admitting|Declaring|Maintaining|Contending|Announcing"
    r"|Emphasi[sz]ing|Recalling|Conceding)\s+that\s+"
)


def _fronted(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "Asserting that the war was ending, Nixon identified ...": a participle of saying that
    opens the sentence; its speaker is the subject of the main clause after the comma (a
    person named there, "he" or "she"), its statement the "that" clause."""
    text = sentence.text
    found = _FRONTED.match(text)
    if found is None:
        return []
    for comma in re.finditer(r",\s+", text[found.end() :]):
        at = found.end() + comma.end()
        if any(s <= at < e for s, e, _ in spans):
            continue
        rest = text[at:]
        speaker: Speaker | None = None
        pronoun = re.match(r"(he|she|they)\s+[a-z]+", rest)
        if pronoun is not None:
            speaker = speakers.resolve(pronoun.group(1), sentence.start + at, "")
        else:
            named = speakers.people.mentions(rest)
            lead = rest[: named[0][0]] if named else ""
            if named and re.fullmatch(r"(?:[A-Z][\w.-]*\s+){0,3}", lead):
                person = named[0][2]
                if re.match(r"\s+(?:has\s+|had\s+|also\s+|then\s+)?[a-z]+", rest[named[0][1] :]):
                    speaker = Speaker(person.name, person.aliases, "person")
            elif (subject := _FRONTED_SUBJECT.match(rest)) is not None:
                # "Noting that ..., Presidential Directive 30 outlined ...", "..., the ministry
                # said": a body, a named text or a role that opens the main clause
                speaker = speakers.resolve(subject.group("np"), sentence.start + at, "")
        if speaker is None:
            continue
        end = found.end() + comma.start()
        words = text[found.end() : end].strip()
        if _is_report(f"that {words}", "said"):
            return [ReportMention(words, found.end(), end, speaker, sentence)]
        return []
    return []


_FRONTED_SUBJECT = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?(?:[A-Z][\w.’'/-]*(?:\s+(?:of\s+|the\s+|and\s+|for\s+)*[A-Z0-9][\w.’'/()-]*)"
    r"{0,6}|(?:[a-z]+\s+)?[a-z]+))\s+(?:has\s+|had\s+|also\s+|then\s+)?[a-z]{2,}\b"
)
"""The subject of a main clause after a fronted participle: a name of up to seven words
("Presidential Directive 30"), or "the" and a noun or two ("the central bank")."""


_DESCRIBED_AS = re.compile(
    r"(?P<ante>(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:of|in|for|the|and|[A-Z][\w’'-]*)){0,6}),\s+"
    r"(?:which|whom|who)\s+(?P<np>(?:the\s+)?[^,;:“”\"]{2,50}?)\s+"
    r"(?:describes?|described|calls?|called|considers?|considered|regards?|regarded|labels?"
    r"|labelled|labeled|characteri[sz]es?|characteri[sz]ed|terms?|termed)\s+as\s+(?P<what>[a-z])"
)


def _described_as(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "Rehabilitation Project Force, which the Church describes as a religious retreat":
    a speaker's description of something the sentence names, reported from the name to the
    end of the description."""
    text = sentence.text
    out: list[ReportMention] = []
    for m in _DESCRIBED_AS.finditer(text):
        if any(s <= m.start("what") < e for s, e, _ in spans):
            continue
        speaker = speakers.resolve(m.group("np"), sentence.start + m.start("np"), "")
        if speaker is None:
            continue
        end = _clause(text, m.start("what"))[1]
        comma = text.find(",", m.start("what"), end)
        end = comma if comma > 0 else end
        words = text[m.start("ante") : end].strip()
        out.append(ReportMention(words, m.start("ante"), end, speaker, sentence))
    return out


def _inner_speaker(text: str, start: int, speakers: Speakers) -> bool:
    """Whether the words after "According to X," have a speaker of their own ("Basya also
    believes ..."): then the statement is that speaker's, found by its own verb."""
    for m in REPORT_VERB.finditer(text, start):
        found = subject_before(text, m.start())
        if found is not None and found[1] >= start:
            return speakers.resolve(found[0], 0, text[: found[1]]) is not None
    return False


# "it is asserted by the Crown that ...", "with the i reporting (that) ...": the speaker
# named after the verb, in a passive or an absolute phrase
_PASSIVE_BY = re.compile(
    r"\b(?:[Ii]t\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?(?:asserted|claimed|alleged"
    r"|argued|said|reported|stated|suggested|contended|maintained|noted|announced)\s+by\s+"
    r"(?P<np>[^,;:“”\"]{2,60}?)\s+that\s+"
    r"|\bwith\s+(?P<np2>(?:the\s+)?[^,;:“”\"\s]+(?:\s+[^,;:“”\"\s]+){0,4}?)\s+(?:also\s+)?"
    r"(?:reporting|saying|claiming|arguing|warning|noting|adding|insisting|stating|predicting)"
    r"\s+(?:that\s+)?)(?=[A-Za-z“\"])"
)


def _passive_by(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "it is asserted by the Crown that both parents knew", "..., with officials saying no
    one would lose their home": the speaker after the verb, the clause after that."""
    text = sentence.text
    out: list[ReportMention] = []
    for m in _PASSIVE_BY.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        group = "np" if m.group("np") else "np2"
        phrase = m.group(group).strip()
        speaker = speakers.resolve(phrase, sentence.start + m.start(group), text[: m.start(group)])
        if speaker is None:
            continue
        start, end = _clause(text, m.end())
        end = _before_quotation(text, start, end, spans)
        words = text[start:end].strip().rstrip(",")
        if _is_report(f"that {words}", "said"):
            out.append(ReportMention(words, start, end, speaker, sentence))
    return out


_POSITION = re.compile(
    rf"(?P<np>(?:the\s+)?{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}})(?:[’']s)?\s+(?:response|reply"
    r"|answer|position|view|argument|claim|message|conclusion|contention|verdict|ruling)"
    r"\s+(?:was|is|had\s+been|has\s+been)\s+that\s+(?=\S)"
)


def _positions(
    sentence: Sentence, speakers: Speakers, spans: list[tuple[int, int, bool]]
) -> list[ReportMention]:
    """ "Salisbury's response was that the Monroe Doctrine had no validity": a position
    stated through a noun, said by the one it belongs to."""
    text = sentence.text
    out: list[ReportMention] = []
    for m in _POSITION.finditer(text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        speaker = speakers.resolve(m.group("np"), sentence.start + m.start("np"), text[: m.start()])
        if speaker is None:
            continue
        start, end = _clause(text, m.end())
        words = text[start:end].strip().rstrip(",")
        if _is_report("that " + words, "said"):
            out.append(ReportMention(words, start, end, speaker, sentence))
    return out


def _distinct(reports: list[ReportMention]) -> list[ReportMention]:
    out: list[ReportMention] = []
    for report in reports:
        if any(r.start <= report.start and report.end <= r.end for r in out):
            continue
        out = [r for r in out if not (report.start <= r.start and r.end <= report.end)]
        out.append(report)
    return out
