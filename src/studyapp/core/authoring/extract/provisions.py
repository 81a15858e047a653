"""What a named text lays down: "Section 318(a) authorizes the Secretary to permit ...".

Analyses of laws and rules (a CRS Insight, a history of a treaty) attribute much of what they
report to a text rather than a person: "The NPRM would require agencies to establish ...",
"P.L. 119-103 prohibited the NPRM from being issued ...", "the FY2025 budget reconciliation
law (P.L. 119-21) newly requires a state ... to pay". A reader keys these as the text's
statements, and a card can ask "which text requires ...?". Only a text the article names
speaks (a number, a title in capitals, an acronym): "the law requires" names nothing a
learner could answer with, and "the study shows" is a finding, never a statement.
:func:`find_provisions` returns the provisions of one sentence.
"""

from __future__ import annotations

import re

from msgspec import Struct

from studyapp.core.authoring.extract.sentences import Sentence
from studyapp.core.authoring.extract.speech import Speaker

__all__ = ["Provision", "find_provisions"]

_TEXT_NOUNS = (
    r"(?:law|act|rule|bill|section|provision|amendment|resolution|memorandum|directive|order"
    r"|strategy|guidance|regulation|statute|treaty|agreement|accord|charter|constitution"
    r"|declaration|proclamation|notice|legislation|nprm|proposed\s+rule|final\s+rule|doctrine"
    r"|executive\s+order|appropriation|appropriations\s+act|policy|policies|guidelines?"
    r"|standards?|code)"
)
# "Section 318(a)", "P.L. 119-103", "H.R. 1781", "EO 14423", "Executive Order 12170", "NSC 68"
_CITED = (
    r"(?:(?:Section|Sec\.|Title|Article)\s+\d[\w()-]*|(?:P\.\s?L\.|Pub\.\s?L\.|H\.\s?R\.|S\."
    r"|H\.\s?Con\.\s?Res\.|S\.\s?Con\.\s?Res\.|H\.\s?Res\.|H\.\s?J\.\s?Res\.)\s*\d[\d-]*"
    r"|(?:EO|E\.O\.|Executive\s+Order|NSC|PD|NSDD|NSAM|Resolution|Directive)\s+\d[\w-]*"
    # "DODD 3000.09", "DODI 5000.02", "OMB A-11": a document's series and number
    r"|[A-Z]{2,6}\s+(?:[A-Z]-)?\d+(?:\.\d+)*)"
    # "Section 1066 of the FY2025 NDAA": a part of a text, with the text it is part of
    r"(?:\s+of\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)?"
)
_NAMED_TEXT = re.compile(
    # (only from a word's start: a search tries each place, and most are inside words)
    r"(?<![^\s,;:(])(?P<np>(?:[Tt]he\s+)?(?:"
    # "the FY2025 budget reconciliation law", "the Regulatory Flexibility Act", "The NPRM"
    rf"(?:[\w.’'()-]+\s+){{0,6}}?(?i:{_TEXT_NOUNS})|{_CITED}|[A-Z]{{2,6}}"
    # "the Treaty of Ancon", "the Declaration of Independence": a text named by its place
    r"|(?:Treaty|Act|Agreement|Accord|Convention|Declaration|Charter|Protocol|Covenant|Peace)"
    r"\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
    r")(?:\s+of\s+\d{4})?(?:\s*\([^()]{1,40}\))?)$"
)
# "The law providing continuing appropriations through December 11, 2026 (P.L. 119-103)":
# a subject too long to name, named by the citation after it
_CITATION_AFTER = re.compile(rf"\((?P<np>{_CITED})\)$")
# What stands between a text and its verb: "would", "also", "newly"
_BETWEEN = re.compile(
    r"(?<!\s)(?:\s+(?:would|will|also|newly|now|further|specifically|generally|expressly|explicitly"
    r"|still|already|effectively|thus|therefore|instead|currently|originally|additionally"
    r"|likewise|similarly))*\s+$"
)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording\s+to|[Ii]n\s+the\s+view\s+of)\s[^;:]{1,80},\s*")
"""A reading attributed to someone before the text's verb: not the text's own provision."""
_RULING = re.compile(r"requir|prohibit|authori|mandat|bar|exempt|defin|instruct|oblige")
"""The verbs only a text's provision takes: what an acronym in a relative clause must do
("the CFAA, which prohibits ..."), where "allows" may be anything's ("HIV, which allowed")."""
_ASIDE = re.compile(
    r",\s*(?:for\s+example|for\s+instance|in\s+turn|however|moreover|in\s+particular"
    r"|in\s+effect|in\s+practice|notably|e\.g\.)\s*,(?:\s+(?:would|will|also))*\s+$",
    re.IGNORECASE,
)
"""An aside between a text and its verb: "The Act of 1913, for example, barred ..."."""
_WHICH = re.compile(
    r",\s*which\s+(?:(?:would|will|also|generally|specifically|expressly|still|now|currently"
    r"|already|in\s+turn)\s+)*$"
)
"""A text's relative clause: "the Computer Fraud and Abuse Act (CFAA), which prohibits ..."."""
_VERBS = re.compile(
    r"\b(?P<verb>requires?|required|authori[sz](?:es|ed|e)|prohibit(?:s|ed)?|bar(?:s|red)?"
    r"|permits?|permitted|allows?|allowed|proposes?|proposed|seeks?|sought"
    r"|instructs?|instructed|mandates?|mandated|obliges|obliged"
    r"|exempts?|exempted|amends?|amended|establish(?:es|ed)?|creates?|created|repeals?"
    r"|repealed|extends?|extended|limits?|limited|eliminates?|eliminated|imposes?|imposed"
    r"|defines?|defined|grants?|granted)\b"
)
# The shape each verb's object takes: a hearer and "to" (requires agencies to establish),
# "from" (prohibited the NPRM from being issued), a gerund (proposes creating), a thing
_TO_OBJECT = re.compile(r"^\s+(?:(?!to\b)[^\s,;:]+\s+){1,12}?to\s+(?!the\b|a\b|an\b)[a-z]+\s+\S")
_FROM_OBJECT = re.compile(r"^\s+(?:(?!from\b)[^\s,;:]+\s+){1,10}?from\s+[a-z]+ing\b")
_THING_OBJECT = re.compile(
    r"^\s+(?!(?:that|to|in|at|on|by|from|with|for|and|or|but|as|it|this|which)\b)"
    r"(?:[a-z]+ing\s+|(?:a|an|the|new|additional|federal|its|their|any|all|certain|[a-z]+)\s+)\S"
)
# "requires that the Secretary notify ...": what is required, as a clause
_THAT_OBJECT = re.compile(r"^\s+that\s+(?:the|a|an|all|each|any|every|no|[A-Z])\S*\s+\S")
# "defines autonomous weapon systems as ...": the term, then what it is taken to mean
_AS_OBJECT = re.compile(r"^\s+(?:(?!as\b)[^\s;:]+\s+){1,8}?as\s+\S")
_GRANT_OBJECT = re.compile(
    r"^\s+(?!(?:that|to|in|at|on|by|from|with|for|and|or|but|as|it|this|which)\b)"
    r"(?:the\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*\s+(?:the\s+|a\s+|an\s+|full\s+)?(?:control"
    r"|rights?|access|independence|authority|sovereignty|permission|power|powers|status"
    r"|recognition|territory|land|lands|concessions?|immunity|amnesty)\b"
)
_SEEK_OBJECT = re.compile(r"^\s+to\s+[“\"]?[a-z]+\s+\S")  # (would seek to “clarify that ...”)
_OBJECTS: dict[str, tuple[re.Pattern[str], ...]] = {
    "requir": (_TO_OBJECT, _THAT_OBJECT),
    "authori": (_TO_OBJECT,),
    "permit": (_TO_OBJECT,),
    "allow": (_TO_OBJECT,),
    "instruct": (_TO_OBJECT,),
    "oblige": (_TO_OBJECT,),
    "mandat": (_TO_OBJECT, _THAT_OBJECT, _THING_OBJECT),
    # "prohibited the NPRM from being issued", "prohibits use of its models to ..."
    "prohibit": (_FROM_OBJECT, _THING_OBJECT),
    "bar": (_FROM_OBJECT,),
    "exempt": (_FROM_OBJECT,),
    "seek": (_SEEK_OBJECT,),
    "sought": (_SEEK_OBJECT,),
    "defin": (_AS_OBJECT,),
    # "granted Japan control over ...": a party and what it is given
    "grant": (_GRANT_OBJECT,),
}
"""The verbs (by their stem) whose object has a shape of its own; the others take a thing."""
# A verb of making or unmaking a thing is a statement of a text only with "would" or in
# the present ("the bill would create", "the Act establishes"), never a past act ("the
# agency created a portal")
_MAKING = re.compile(r"amend|establish|creat|repeal|extend|limit|eliminat|impos|mandat")
_END = re.compile(
    r";|\.\s*$|\.\s+(?=[A-Z])|\s[—–]\s|,\s+(?:but|while|which|and\s+(?:the|it|they)|although"
    r"|whereas)\b|\s+because\b"
)


class Provision(Struct, frozen=True):
    """A statement a named text makes: its words (the verb and what it lays down) and where
    they are in the sentence."""

    text: str
    start: int
    end: int
    speaker: Speaker


_WINDOW = 200
"""How far before its verb a text's name is looked for, in characters."""


def _object_shapes(verb: str) -> tuple[re.Pattern[str], ...]:
    low = verb.lower()
    return next(
        (shapes for stem, shapes in _OBJECTS.items() if low.startswith(stem)), (_THING_OBJECT,)
    )


def find_provisions(sentence: Sentence) -> list[Provision]:
    """The provisions ``sentence`` attributes to a text it names, in order."""
    text = sentence.text
    out: list[Provision] = []
    for m in _VERBS.finditer(text):
        # (a window: a text's name is short, and each verb must not read the whole sentence)
        low = max(0, m.start() - _WINDOW)
        head = text[low : m.start()]
        aside = _ASIDE.search(head)
        if aside is not None:  # "The Act of 1913, for example, barred ..."
            head = head[: aside.start()] + " "
        which = _WHICH.search(head)
        if which is not None:  # "the Computer Fraud and Abuse Act (CFAA), which prohibits"
            head = head[: which.start()] + " "
        between = _BETWEEN.search(head)
        modal = between is not None and re.search(r"\b(?:would|will)\b", between.group(0))
        if between is not None:
            head = head[: between.start()]
        verb = m.group("verb")
        if _MAKING.match(verb.lower()) and not (modal or re.search(r"(?:es|s)$", verb)):
            continue  # "the law created a fund" (an act), unlike "the Act creates a fund"
        np = _antecedent(head) if which is not None else _text_named(head, whole=low == 0)
        if (
            which is not None
            and np is not None
            and re.fullmatch(r"(?:[Tt]he\s+)?[A-Z]{2,6}", np)
            and not _RULING.match(verb.lower())
        ):
            continue  # "a copy of HIV, which allowed the animals to ...": no text's provision
        if np is None:
            continue
        if re.search(r"\b(?:that|who|whom)\b", np) or _ACCORDING.search(text[: m.start()]):
            # "The dissent observed that FIFRA's provision requires ...", "according to the
            # dissent, FIFRA requires ...": a reading someone reports, theirs to be drafted
            continue
        if not any(shape.match(text[m.end() :]) for shape in _object_shapes(verb)):
            continue
        end_at = _END.search(text, m.end())
        end = end_at.start() if end_at is not None else len(text.rstrip())
        if which is not None and text.lstrip().startswith(np):
            # "The Treaty of Paris, which granted Spain control over Florida, ended the war":
            # the relative clause ends at its comma when the text opens the sentence
            comma = text.find(", ", m.end(), end)
            end = comma if comma > 0 else end
        if _SUBORDINATE.match(np):
            # "Although the policy prohibits X, reports indicate ...": the clause ends at its comma
            comma = text.find(", ", m.end(), end)
            end = comma if comma > 0 else end
        words = text[m.start() : end].strip().rstrip(",")
        if words.endswith(")") and words.count(")") > words.count("("):
            words = words[:-1].rstrip()  # "(e.g., H.R. 674 would prohibit ...)": the aside's mark
        if len(re.findall(r"\w+", words)) < 4:
            continue
        speaker = Speaker(_tidy(np), (), "body")
        out.append(Provision(words, m.start(), end, speaker))
    return out


def _text_named(head: str, *, whole: bool) -> str | None:
    """The named text that ``head`` (a clause up to its verb; ``whole``: from the sentence's
    start) ends with, if it opens the clause; else a citation in brackets that closes a
    longer subject."""
    named = _NAMED_TEXT.search(head)
    if named is not None:
        before = head[: named.start("np")]
        # the text opens its clause ("Enacted in 1930, Section 318(a) ..."), never "... under
        # the Act requires"
        opens = (whole and not before.strip()) or re.search(r"[,;:]\s*$", before) is not None
        if opens and _is_named(named.group("np")):
            return named.group("np")
    cited = _CITATION_AFTER.search(head.rstrip())
    if cited is not None and not re.search(r"[;:]|\.\s", head[: cited.start()]):
        return cited.group("np")
    return None


def _antecedent(head: str) -> str | None:
    """The named text a relative clause is about, wherever it stands in its clause ("One
    relevant statute is the CFAA, which prohibits ..."), or None."""
    named = _NAMED_TEXT.search(head.rstrip() + " ") or _NAMED_TEXT.search(head.rstrip())
    if named is None:
        return None
    name = _TITLE_SUFFIX.search(named.group("np"))
    if name is None:
        return None
    np = name.group(0)
    return np if _is_named(np) else None


_TITLE_SUFFIX = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-Z][\w.’'-]*|\d[\w.-]*)(?:\s+(?:(?:of|and|for|on|the|to)\s+)*"
    r"(?:[A-Z][\w.’'-]*|\d[\w.-]*))*(?:\s*\([^()]{1,40}\))?$"
)
"""A title at the end of a noun phrase: "the Computer Fraud and Abuse Act (CFAA)"."""


def _is_named(np: str) -> bool:
    """Whether ``np`` names one text a learner could answer with (not "the law", "this rule")."""
    body = re.sub(r"^[Tt]he\s+", "", np)
    if re.match(r"(?i)(?:this|that|these|those|such|its|their|his|her|our|any|each|every)\b", body):
        return False
    if re.match(r"[A-Z][a-z]+ing\b", body):
        return False  # "Implementing the strategy required ...": an act, not a text
    return bool(re.search(r"\d|[A-Z]{2,}", body) or re.search(r"(?:^|\s)[A-Z][a-z]", body))


_SUBORDINATE = re.compile(r"^(?:Although|Though|While|Whereas|Because|Since|If|When|As|Unless)\s+")
"""A word that opens a subordinate clause before a text's name: not part of the name."""


def _tidy(np: str) -> str:
    """The text's name alone: "Although Anthropic's usage policy" is the policy."""
    return _SUBORDINATE.sub("", " ".join(np.split()), count=1)
