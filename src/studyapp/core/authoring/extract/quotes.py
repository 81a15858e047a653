"""Quotations and who said them.

A quotation's speaker is named right after it ("...," said Dr. Michael Malin;
"...," Malin said; "...," he said), before it in its sentence (Heald said
although ..., "nobody ..."; Cooper told GB News: "..."; according to X, "..."),
or not at all when the quotation goes on from the sentence or the paragraph
before (a paragraph that ends inside an open quotation, a quotation that
follows the sentence naming its speaker). A quotation that goes on into the
next paragraph is opened again there (news style) or, its opening mark lost,
runs to the first closing mark (:func:`run_on_close`); one whose speaker only
the next paragraph names gets it from there (:func:`claim_open_quotes`).
:func:`find_quotes` finds the quotations of one sentence and their speakers with
:class:`~.speech.Speakers`; a quotation nobody is said to have said (a term, a scare
quote, a title) keeps ``speaker`` None.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from msgspec import Struct, structs

from studyapp.core.authoring.extract.people import NAME_TOKEN, People
from studyapp.core.authoring.extract.sentences import Sentence, quote_spans
from studyapp.core.authoring.extract.speech import QUOTE_CUE, Speaker, Speakers, subject_before

__all__ = [
    "Continuation",
    "QuoteMention",
    "announcer",
    "claim_open_quotes",
    "find_quotes",
    "give_open_quotes",
    "run_on_close",
    "run_on_quote",
    "run_on_speaker",
    "signature",
    "unmarked_quote",
]


class QuoteMention(Struct, frozen=True):
    """A quotation and, when the text attributes it, who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    aliases: tuple[str, ...] = ()
    sentence: Sentence | None = None
    inner: tuple[int, int] = (0, 0)
    """Where ``text`` itself sits in the sentence (inside the quotation marks)."""
    closed: bool = True
    """False when the quotation runs on past its paragraph (no closing mark)."""
    cue: str = ""
    """How the speaker was found: after, before, possessive, continued (or empty)."""


class Continuation(Struct):
    """What the next sentence needs to attribute a quotation that goes on from this one."""

    speaker: Speaker | None = None
    line: int = 0
    open_quote: bool = False
    """The paragraph ended inside a quotation: the next one goes on with it."""
    quoted: bool = False
    """The sentence ended with a quotation its speaker was given: a paragraph that is
    nothing but a quotation, next, goes on with that speaker."""
    announced: bool = False
    """The sentence ended by announcing its speaker ("Rathbun stated,"): a quotation that
    opens the next paragraph is theirs."""
    colon: bool = False
    """The announcement ended with a colon ("the Church denied these allegations:"): the
    next paragraph may be the quotation itself, printed without marks."""
    block: bool = False
    """The sentence was such an unmarked quotation: the next one of its paragraph goes on."""


_POST_VERB_FIRST = re.compile(
    rf"^\s*,?\s*(?P<verb>{QUOTE_CUE.pattern})\s+"
    r"(?P<np>(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|St|[A-Z])\.\s|[^,.;:!?()“”\"]){1,80}?)"
    r"(?=\s*(?:[,.;:!?()“”\"]|\s(?:to|in|at|on|during|after|before|when|as|who|from|while)\s|$))",
)
_POST_ROLE_NAME = re.compile(
    rf"^\s*,?\s*(?:{QUOTE_CUE.pattern})\s+(?:the\s+|[A-Z][\w.]*[’']s\s+)?[a-z][^,;:“”\"]{{2,120}}?,"
    r"\s*(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Prof)\.\s+)?(?:[A-Z]\.\s*)?[A-Z][\w’'-]+"
    r"(?:\s+(?:[A-Z]\.\s*)?[A-Z][\w’'-]+){1,3})"
    r"(?:,\s*(?:[A-Z][A-Za-z]{0,2}\.){1,3})*\s*[.!?]?\s*(?:$|[“\"])"
)
"""A role, then the name in apposition, after the verb: "said the director of the bureau,
G. Stephen Bowen, M.D., M.P.H." (degrees after the name)."""
_POST_NP_FIRST = re.compile(
    rf"^\s*,?\s*(?P<np>(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen)\.\s+)?"
    rf"(?:[^\s,.;:!?“”\"]+\s+){{0,9}}?[^\s,.;:!?“”\"]+)"
    rf"(?:\s*,[^,“”\"]{{1,80}},)?\s+(?:has\s+|also\s+|later\s+|then\s+)?"
    rf"(?P<verb>{QUOTE_CUE.pattern})\b",
)
_AS_PUT = re.compile(
    r"^\s*,?\s*as\s+(?P<np>(?:[^\s,.;:!?“”\"]+\s+){0,7}?[^\s,.;:!?“”\"]+)\s+"
    r"(?:(?:has|had|once|later|then|so|would|memorably|famously|aptly)\s+)*"
    r"(?:put\s+it|puts\s+it|described\s+it|described|describes|said|says|wrote|writes|noted"
    r"|notes|called\s+it|calls\s+it|recalled|recalls|observed|observes|remarked|remarks"
    r"|phrased\s+it|explained|explains)\s*[.,!?]?\s*$"
)
"""A quotation's speaker in an "as" clause after it: "“buried the Cold War,” as one of his
staffers later described", "“a new era,” as the minister put it"."""
_SIGNED = re.compile(
    rf"^\s*(?:-|--|—|–)\s*(?P<np>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s*[.]?\s*$"
)
_CLAUSE_BREAK = re.compile(r";|\.\s|[!?]\s")
_NAMING = re.compile(
    r"\b(?:named|titled|entitled|known\s+as|nicknamed|codenamed|code-named|branded)\s*,?\s*$"
    # "a user labelled “Anonymous”": a name; "what it called “...”" is speech
    r"|\b(?!(?:it|he|she|they|we|i|you)\b)[a-z0-9]+\s+(?:labell?ed|called|dubbed)\s*$"
    r"|\b(?:the|a|an|its|his|her|their)\s+(?:[a-z-]+\s+){0,2}(?:website|site|book|film|album"
    r"|song|show|programme|program|campaign|operation|hashtag|slogan|phrase|term|word|words"
    r"|title|headline|section|blog|article|video|series|movie|event|project|movement"
    r"|nickname|motto|banner|sign|slogans|newsletter|magazine|column|play|exhibition)\s*,?\s*$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:the|a|an|his|her|their|its|these|those|such|of|our|my|your)\s+$", re.IGNORECASE
)
_NEW_CLAUSE = re.compile(r"(?:while|whilst|whereas|but|and|although|though|as|when)\s", re.I)
# "asked officials how such documents, kept in “approved cabinets”, ...": a question's words
_QUESTION = re.compile(r"^\s+(?:\S+\s+){0,4}?(?:how|why|whether|what|when|where|if|who)\b")
_CITED = re.compile(
    r"\b(?:including|such\s+as|like|questions?|examples?|reads?|asks?|asking)\s*[:,]?\s*$",
    re.IGNORECASE,
)


def _clean(raw: str) -> str:
    quote = raw.strip().rstrip(",;:").strip()
    if quote.endswith(".") and not quote.endswith(".."):
        quote = quote[:-1].rstrip()
    return quote


def find_quotes(
    sentence: Sentence, speakers: Speakers, before: Continuation, *, ends_paragraph: bool = True
) -> tuple[list[QuoteMention], Continuation]:
    """The quotations of ``sentence`` with their speakers, and what goes on to the next one.

    ``ends_paragraph``: no sentence follows in the paragraph (a paragraph that is only a
    quotation goes on with the speaker before; one with more after it may not)."""
    text = sentence.text
    out: list[QuoteMention] = []
    spans = quote_spans(text)
    sentence_speaker: Speaker | None = None
    for index, (start, end, closed) in enumerate(spans):
        inner_start = start + 1
        inner_end = end - 1 if closed else end
        raw = text[inner_start:inner_end]
        quote = _clean(raw)
        if not re.search(r"\w", quote):
            continue
        lead = len(raw) - len(raw.lstrip())
        inner = (inner_start + lead, inner_start + lead + len(quote))
        if quote.endswith("?") and _CITED.search(text[:start]):
            # a question cited from a form or a paper, not something a speaker said
            out.append(QuoteMention(quote, start, end, None, (), sentence, inner, closed))
            continue
        if _is_title(quote, text[:start]) or _is_term(quote, text[:start], text[end:]):
            # "an address to the nation on “The Challenge of Peace”": a title, not speech;
            # "adopt a “Mediterranean-style” diet": a term set off, not speech
            out.append(QuoteMention(quote, start, end, None, (), sentence, inner, closed))
            continue
        next_start = spans[index + 1][0] if index + 1 < len(spans) else len(text)
        speaker, cue = _after(text[end:next_start], speakers, sentence), "after"
        if speaker is None:
            speaker = _before(text, start, spans[:index], speakers, sentence, quote)
            cue = "before"
        if speaker is None and sentence_speaker is not None:
            cue_between = QUOTE_CUE.search(text[spans[index - 1][1] : start]) if index else None
            if cue_between is not None:
                speaker, cue = sentence_speaker, "before"
        if speaker is None and index == 0:
            speaker, cue = _continued(text, start, sentence, before, ends_paragraph), "continued"
        if speaker is None:
            cue = ""
        else:
            sentence_speaker = speaker
            speakers.heard(speaker)
        out.append(
            QuoteMention(
                quote,
                start,
                end,
                speaker.name if speaker else None,
                speaker.aliases if speaker else (),
                sentence,
                inner,
                closed,
                cue,
            )
        )
    last = out[-1] if out else None
    after = Continuation(
        speaker=sentence_speaker or (before.speaker if before.line == sentence.line else None),
        line=sentence.line,
        open_quote=last is not None and not last.closed,
        quoted=last is not None and last.speaker is not None,
    )
    if last is not None and last.speaker is None:
        after.speaker = None
    return out, after


def _after(rest: str, speakers: Speakers, sentence: Sentence) -> Speaker | None:
    """ "...," said Malin / "...," Malin said / "...," he said."""
    if not rest.strip() or not re.match(r"^\s*[,.!?…]?\s*\S", rest):
        return None
    signed = _SIGNED.match(rest)
    if signed is not None:
        # a pull quote signed with a dash: “So far, it's a long game.” - Matthew Ingram
        person = speakers.people.named(signed.group("np"))
        if person is not None:
            return Speaker(person.name, person.aliases, "person")
        return Speaker(signed.group("np"), (), "person")
    named = _POST_ROLE_NAME.match(rest)
    if named is not None:
        # "“...,” said the associate administrator for AIDS, G. Stephen Bowen, M.D.": the
        # name after the role is who spoke
        person = speakers.people.named(named.group("name"))
        if person is not None:
            return Speaker(person.name, person.aliases, "person")
        return Speaker(named.group("name"), (), "person")
    put = _AS_PUT.match(rest)
    if put is not None:
        phrase = put.group("np")
        if re.match(r"(?:one|some|two|three|several|many|a\s+few|most|all|each)\s+of\s", phrase):
            # "one of Gorbachev's staffers": someone of a group, never the group's leader
            return Speaker(phrase, (), "person" if phrase.startswith("one") else "group")
        return speakers.resolve(phrase, sentence.start, sentence.text) or Speaker(
            phrase, (), "group" if re.search(r"s$", phrase) and " of " not in phrase else "person"
        )
    verb_first = _POST_VERB_FIRST.match(rest)
    if verb_first is not None:
        phrase = verb_first.group("np").strip()
        if not verb_first.group("verb").lower().startswith(("according", "in the words")):
            found = speakers.resolve(phrase, sentence.start, sentence.text)
            if found is not None:
                return found
        else:
            # "“...,” according to Tom Reed, an economist": the person named, or the body
            mentions = speakers.people.mentions(phrase)
            if mentions and mentions[0][0] == 0:
                person = mentions[0][2]
                return Speaker(person.name, person.aliases, "person")
            return speakers.resolve(phrase, sentence.start, sentence.text)
    np_first = _POST_NP_FIRST.match(rest)
    if np_first is not None and _NEW_CLAUSE.match(np_first.group("np")):
        return None  # "“absurd”, while Ukraine's ministry said ...": another speaker's clause
    if np_first is not None and not re.search(r"[“”\"]", np_first.group(0)):
        verb_at = np_first.start("verb")
        found_np = subject_before(rest, verb_at)
        if found_np is not None:
            return speakers.resolve(found_np[0], sentence.start, sentence.text)
    return None


def _is_term(quote: str, head: str, tail: str) -> bool:
    """A word or two in quotation marks between a determiner and its noun ("a
    “Mediterranean-style” diet", "the “New Course” policy"): a term, not speech (while "a
    “formal update” from the minister" may be the speaker's words)."""
    return (
        len(quote.split()) <= 2
        and re.search(r"\b(?:a|an|the|its|his|her|their|our|this|that)\s+$", head, re.I) is not None
        and re.match(
            r"^\s+(?!(?:from|into|with|for|about|over|that|which|who|and|but|the|was|were|are"
            r"|has|had|have|will|would|can|could|may|might|must|should|shall)\b)[a-z]{3,}\b",
            tail,
        )
        is not None
    )


def _is_title(quote: str, head: str) -> bool:
    """A quotation in title case after a preposition or an article ("an address on “The
    Challenge of Peace”", "a report about “Life After Coal”"): the name of a work."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quote)
    long_words = [w for w in words if len(w) > 3]
    return (
        len(long_words) >= 2
        and len(words) <= 8
        and all(w[:1].isupper() for w in long_words)
        and re.search(
            # "(see “Termination and Suspension”)": a cross-reference to a section
            r"\b(?:on|of|about|in|for|from|the|a|an|titled|entitled|see|under)\s*$",
            head,
            re.I,
        )
        is not None
    )


_WORD_NOUNS = re.compile(
    r"\b(?:phrase|term|word|words|slogan|slogans|motto|hashtag|headline|title|nickname|banner"
    r"|sign)\s*,?\s*$",
    re.IGNORECASE,
)


def _described(naming: str, quote: str) -> bool:
    """Whether a quotation after "a program" or "the campaign" describes it in its speaker's
    words ("a program “to create a new prosperity without war”") rather than names it ("the
    campaign “Back to Work”"): a name is capitalised; a description is a lowercase phrase."""
    return (
        bool(quote)
        and quote[:1].islower()
        and len(quote.split()) >= 4
        and re.search(r"\b(?:the|a|an|its|his|her|their)\s", naming, re.IGNORECASE) is not None
        and _WORD_NOUNS.search(naming) is None
    )


_OWNED_SPEECH = re.compile(
    rf"(?P<owner>(?:{NAME_TOKEN}\s+){{0,3}}{NAME_TOKEN})[’']s\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:speech|address|remarks|letter|statement|message|essay|article|column|memo|memorandum"
    r"|editorial|book|testimony|telegram|cable|broadcast|interview)\s+"
    r"(?:calling\s+(?:on|for)|urging|asking|demanding|warning|declaring|saying|insisting"
    r"|proclaiming|announcing|promising|pledging)\b[^.;:“”\"]{0,120}$"
)
"""A speech, letter or essay owned by its speaker, and what it did: "Reagan's 1987 Berlin
speech calling on Gorbachev to “tear down this wall”"."""


_OWNED_PLEA = re.compile(
    rf"\b(?P<owner>[Hh]is|[Hh]er|(?:{NAME_TOKEN}\s+){{0,2}}{NAME_TOKEN}[’']s)\s+"
    r"(?:[\w-]+\s+){0,2}(?:calls?|appeals?|warnings?|promises?|pledges?|demands?|words"
    r"|remarks?|vision|plea|proposals?|predictions?|descriptions?|slogan|motto)\s+"
    r"(?:for\s+|of\s+)?(?:(?:a|an|the)\s+)?$"
)
"""A speech noun owned by its speaker right before the quotation: "his calls for a “...”",
"Lincoln's promise of “...”" (the quotation is the owner's words, whoever the sentence's
subject is)."""


def _before(
    text: str,
    start: int,
    earlier: list[tuple[int, int, bool]],
    speakers: Speakers,
    sentence: Sentence,
    quote: str = "",
) -> Speaker | None:
    """A verb of saying before the quotation in its sentence, and its subject."""
    head = text[:start]
    naming = _NAMING.search(head)
    if naming is not None and not _described(naming.group(0), quote):
        return None  # "a robot named “Better Idea of Afghan Girls”": a name, not speech
    possessive = re.search(rf"((?:{NAME_TOKEN}\s+){{0,3}}{NAME_TOKEN})[’']s\s*$", head)
    if possessive:
        person = speakers.people.named(possessive.group(1))
        if person is not None:
            return Speaker(person.name, person.aliases, "person")
    passive = _BY_AS.search(head)
    if passive is not None:
        # "characterized by Nixon as “...”": the agent of a passive verb of saying
        return speakers.resolve(passive.group("np"), sentence.start + passive.start("np"), "")
    colon = _colon_subject(head, speakers)
    if colon is not None:
        return colon
    plea = _OWNED_PLEA.search(head)
    if plea is not None:
        # "Gorbachev and his calls for a “common European home”": his words, not the subject's
        owner = plea.group("owner")
        if owner.lower() in ("his", "her"):
            pronoun = "he" if owner.lower() == "his" else "she"
            return speakers.resolve(pronoun, sentence.start + plea.start(), head[: plea.start()])
        person = speakers.people.named(owner[:-2])
        if person is not None:
            return Speaker(person.name, person.aliases, "person")
        return speakers.resolve(owner[:-2], sentence.start + plea.start(), "")
    owned = _OWNED_SPEECH.search(head)
    if owned is not None:
        # "Reagan's 1987 Berlin speech calling on Gorbachev to “...”": the speech's owner
        person = speakers.people.named(owned.group("owner"))
        if person is not None:
            return Speaker(person.name, person.aliases, "person")
        return speakers.resolve(owned.group("owner"), sentence.start + owned.start(), "")
    cues = [
        c
        for c in QUOTE_CUE.finditer(head)
        if not any(s <= c.start() < e for s, e, _ in earlier)
        and not _DETERMINER.search(head[: c.start()])  # "the claims were": a noun
    ]
    if not cues:
        return None
    cue = cues[-1]
    if _CLAUSE_BREAK.search(head[cue.end() :]):
        return None
    word = cue.group(0).lower()
    if word in ("asked", "asks") and _QUESTION.match(head[cue.end() :]):
        return None
    if word.startswith(("according", "in the words")):
        after = head[cue.end() :]
        mentions = speakers.people.mentions(after)
        if mentions:
            person = mentions[0][2]
            return Speaker(person.name, person.aliases, "person")
        phrase = re.match(r"\s+([^,;:“”\"]{1,80})", after)
        return speakers.resolve(phrase.group(1).strip(), sentence.start) if phrase else None
    if word == "in a statement":
        return None
    for candidate in reversed(cues):
        found = subject_before(head, candidate.start())
        if found is not None:
            resolved = speakers.resolve(found[0], sentence.start + found[1], head[: found[1]])
            if resolved is not None:
                return resolved
            if candidate is cue:
                break
    # a participle or an elided subject ("..., saying that"; "and said"): the sentence's subject
    mentions = speakers.people.mentions(head[: cue.start()])
    if mentions:
        person = mentions[0][2]
        return Speaker(person.name, person.aliases, "person")
    if word.endswith("ing") and re.search(r",\s*$", head[: cue.start()]):
        # "One poster admitted ..., writing in a blog post “...”": the sentence's subject
        opening = _OPENING_SUBJECT.match(head)
        if opening is not None:
            return speakers.resolve(opening.group("np"), sentence.start, "")
    return None


_BY_AS = re.compile(
    r"\b(?:characteri[sz]ed|described|called|labell?ed|dubbed|termed|hailed|branded|denounced"
    r"|condemned|praised|critici[sz]ed|dismissed|derided)\s+by\s+"
    r"(?P<np>[^,;:“”\"]{2,60}?)(?:\s+as)?\s*$"
)


def _colon_subject(head: str, speakers: Speakers) -> Speaker | None:
    """Who speaks a quotation after a colon that ends a clause of theirs ("Nixon identified a
    three-fold task: “...”", "She put it simply: “...”"): the clause's subject, when it
    opens the clause as a person's name or "he"/"she" and a verb follows."""
    if not re.search(r":\s*$", head):
        return None
    # the commas of a date are no clause's end ("in his January 20, 1977, inaugural address:")
    dated = re.sub(r"(?<=\d),(?=\s+\d{4}\b)|(?<=\b\d{4}),(?=\s+[a-z])", " ", head)
    clause = re.split(r"[,;]\s+|[.!?]\s+", dated)[-1]
    opening = re.match(r"\s*(?:(?:Then|Later|Finally|Instead)\s+)?", clause)
    rest = clause[opening.end() if opening else 0 :]
    pronoun = re.match(r"(He|She)\s+(?:has\s+|had\s+|also\s+|then\s+)?[a-z]+\b", rest)
    if pronoun is not None:
        return speakers.resolve(pronoun.group(1).lower(), 0, head[: len(head) - len(rest)])
    mentions = speakers.people.mentions(rest)
    if not mentions or not re.fullmatch(r"(?:[A-Z][\w.-]*\s+){0,3}", rest[: mentions[0][0]]):
        return None  # the name opens the clause, after a title at most ("President")
    _start, end, person = mentions[0]
    if not re.match(r"\s+(?:has\s+|had\s+|also\s+|then\s+)?[a-z]+\b", rest[end:]):
        return None
    return Speaker(person.name, person.aliases, "person")


_OPENING_SUBJECT = re.compile(
    r"^(?P<np>(?:[A-Z][\w’'.-]*)(?:\s+(?!(?:was|were|is|are|has|had)\b)[\w’'.-]+){0,4}?)"
    r"\s+(?:has\s+|had\s+|also\s+)?[a-z]+(?:ed|s)\b"
)


def _continued(
    text: str, start: int, sentence: Sentence, before: Continuation, ends_paragraph: bool
) -> Speaker | None:
    """A quotation with no cue that goes on from the sentence or paragraph before."""
    if before.speaker is None or text[:start].strip():
        return None  # only a sentence that opens with the quotation continues one
    same_paragraph = before.line == sentence.line
    next_paragraph = before.line == sentence.line - 1 or before.line == sentence.line - 2
    if same_paragraph or (next_paragraph and (before.open_quote or before.announced)):
        return before.speaker
    whole = quote_spans(text)
    only_quote = ends_paragraph and len(whole) == 1 and not text[whole[0][1] :].strip(" .,;!?…")
    if next_paragraph and before.quoted and only_quote:
        return before.speaker  # “…,” he said. ¶ “Nobody should doubt it.”
    return None


def announcer(sentence: Sentence, speakers: Speakers) -> Speaker | None:
    """Who a sentence without a quotation says is speaking ("X issued a statement ...",
    "She continued:"): the speaker of a quotation that opens the next sentence."""
    text = sentence.text
    spans = quote_spans(text)
    for cue in reversed(list(QUOTE_CUE.finditer(text))):
        if any(s <= cue.start() < e for s, e, _ in spans) or _DETERMINER.search(
            text[: cue.start()]
        ):
            continue  # inside a quotation, or a noun ("denied the claims:")
        found = subject_before(text, cue.start())
        if found is not None:
            return speakers.resolve(found[0], sentence.start + found[1], text[: found[1]])
    return None


def unmarked_quote(sentence: Sentence, before: Continuation) -> QuoteMention | None:
    """A quotation printed without marks, as a block quotation loses them in plain text: the
    paragraph after one that ends "X said:", or one signed with a name, sentence by sentence,
    until a sentence has marks or another speaker ("They also claimed ..." reports, no
    longer quotes; "I was told" is still the speaker's own words)."""
    speaker = before.speaker
    if speaker is None or sentence.heading:
        return None
    opens = before.colon and sentence.line - before.line in (1, 2)
    goes_on = before.block and before.line == sentence.line
    if not (opens or goes_on):
        return None
    text = sentence.text
    if quote_spans(text) or re.search(r"[“”\"]", text):
        return None
    for cue in QUOTE_CUE.finditer(text):
        found = subject_before(text, cue.start())
        if found is not None and found[0].lower() not in ("i", "we", "you"):
            return None  # someone else speaks: "They also claimed ..."
    words = _clean(text)
    if len(words.split()) < 3:
        return None
    lead = len(text) - len(text.lstrip())
    inner = (lead, lead + len(words))
    return QuoteMention(
        words, 0, len(text), speaker.name, speaker.aliases, sentence, inner, True, "block"
    )


def run_on_close(paragraph: str) -> int | None:
    """Where the quotation that the paragraph before left open ends in ``paragraph`` (the
    offset of its closing mark), when the paragraph goes on with it without opening it again
    (“... the game. ¶ It was a day. The team was tired.” After the match, ..."): a closing
    mark, after a word or a stop, that comes before any opening one. None when the paragraph
    opens a quotation first, or never closes one (no telling where the words end)."""
    if re.match(r"\s*[“\"„‘]", paragraph):
        return None
    for at, ch in enumerate(paragraph):
        if ch not in '“”"„':
            continue
        before = paragraph[at - 1] if at else " "
        after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        if ch in "“„" or before.isspace() or before.isdigit():
            return None  # an opening mark first (or inches: 6" pipe)
        if after.isspace() or after in ".,;:!?)]}—–-…":
            return at
        return None
    return None


def run_on_speaker(sentence: Sentence, close: int, speakers: Speakers) -> Speaker | None:
    """Who an attribution right after the closing mark of a run-on quotation names (“...,”
    Smith said): the speaker of the whole quotation, its paragraphs before included."""
    return _after(sentence.text[close + 1 :], speakers, sentence)


def run_on_quote(
    sentence: Sentence, close: int | None, before: Continuation, speakers: Speakers
) -> QuoteMention | None:
    """The words of a paragraph that goes on with the open quotation of the paragraph before,
    up to its closing mark at ``close`` (in the sentence; None: the whole sentence). Whose they
    are: an attribution right after the mark (“...,” she added), else the speaker before."""
    speaker = before.speaker
    if speaker is None:
        return None
    text = sentence.text
    end = len(text) if close is None else close
    words = _clean(text[:end].rstrip().rstrip('”"'))
    if len(words.split()) < 2 or not re.search(r"[A-Za-z]", words):
        return None
    if close is not None:
        speaker = _after(text[close + 1 :], speakers, sentence) or speaker
    lead = len(text) - len(text.lstrip())
    inner = (lead, lead + len(words))
    stop = len(text) if close is None else close + 1
    return QuoteMention(
        words, 0, stop, speaker.name, speaker.aliases, sentence, inner, True, "run-on"
    )


def claim_open_quotes(
    quotes: list[QuoteMention], first: QuoteMention, opening: Collection[int]
) -> None:
    """Give the speaker of the quotation that opens a paragraph (“And the rest,” Smith
    said.) to the quotation left open, with nobody named, at the end of the paragraph
    before (“We will win. ¶): news style opens a quotation again in each paragraph it goes
    on into and may name its speaker only at the last. Paragraph after paragraph back, as
    long as the quotation claimed opened its paragraph too (``opening``: where paragraphs
    start). Only quotations that open their sentence, so a title or a term left open keeps
    none. ``quotes``: those found so far, ``first`` not among them."""
    if first.speaker is None or first.cue != "after" or first.sentence is None:
        return
    if first.sentence.text[: first.start].strip():
        return
    give_open_quotes(quotes, first.speaker, first.aliases, first.sentence.line, opening)


def give_open_quotes(
    quotes: list[QuoteMention],
    speaker: str,
    aliases: tuple[str, ...],
    line: int,
    opening: Collection[int],
) -> None:
    """Give ``speaker``, named in paragraph ``line``, to the open quotations before it that
    nobody was said to say (see :func:`claim_open_quotes`)."""
    at = len(quotes) - 1
    while at >= 0:
        last = quotes[at]
        if last.closed or last.speaker is not None or last.sentence is None:
            return
        if last.sentence.line not in (line - 1, line - 2):
            return
        line = last.sentence.line
        earliest: QuoteMention | None = None
        while at >= 0:
            q = quotes[at]
            if q.speaker is not None or q.sentence is None or q.sentence.line != line:
                break
            text = q.sentence.text
            if text[: q.start].strip() or (q.closed and text[q.end :].strip(" .,;!?…")):
                break  # words of the writer's own around it: not the same quotation
            if len(q.text.split()) < 3:
                break
            quotes[at] = earliest = structs.replace(
                q, speaker=speaker, aliases=aliases, cue="continued"
            )
            at -= 1
        if earliest is None or earliest.sentence is None:
            return
        if earliest.sentence.start not in opening:
            return  # the writer's words open the paragraph: the quotation begins there
        before = quotes[at].sentence if at >= 0 else None
        if before is not None and before.line == line:
            return  # a quotation of the paragraph before it kept (another speaker's)


_SIGNATURE = re.compile(rf"(?:(?:-|--|—|–)\s*)?({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})\s*")


def signature(paragraph: Sequence[Sentence], people: People) -> Speaker | None:
    """Who signs a paragraph that ends with a bare name ("... she was suppressive. Valeska
    Paris"): a pull quotation that lost its marks. Only a person the article names
    elsewhere in full, so a heading or a caption credit is never taken for one."""
    if len(paragraph) < 2:
        return None
    found = _SIGNATURE.fullmatch(paragraph[-1].text.strip())
    if found is None:
        return None
    person = people.named(found.group(1))
    if person is None or person.name != found.group(1):
        return None
    return Speaker(person.name, person.aliases, "person")
