"""Quotations and who said them: the people an article names, and speech cues.

Finds quotations in typographic or straight double quotes, with the speaker
when the text attributes them (said / stated / according to / the subject of
the sentence, or of the one before for "he said"). :class:`People` collects
every person the article names, with every form it uses for them, so that
"Lee", "President Lee" and "the South Korean president" are one speaker.
"""

from __future__ import annotations

import re
from typing import Literal

from msgspec import Struct, field

from studyapp.core.authoring.extract.sentences import Sentence, word_list

__all__ = ["People", "QuoteMention", "find_quotes", "sentence_subject"]

PERSON_NOUNS = frozenset(
    word_list(
        "respondents ministers officials leaders people citizens voters experts analysts "
        "critics residents members lawmakers legislators scholars economists observers "
        "diplomats officers spokesman spokeswoman spokesperson government administration "
        "ministry president presidents minister chairman chancellor secretary governor "
        "senator authorities parties party conservatives progressives liberals students "
        "teachers workers negotiators commentators researchers scientists doctors users"
    )
)

_TITLES = (
    r"(?:President|Prime\s+Minister|Premier|Chancellor|Secretary(?:-General)?|Foreign\s+Minister"
    r"|Defense\s+Minister|Defence\s+Minister|Minister|Chairman|Chairwoman|Governor|Senator"
    r"|Representative|King|Queen|Emperor|Empress|Pope|Ambassador|General|Mayor|Mr\.?|Mrs\.?|Ms\.?"
    r"|Dr\.?|Professor|Prof\.)"
)
_NAME_TOKEN = r"[A-Z][\w’'-]{0,30}\w"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}"

# Capitalised words that are places, groups or things, never part of a person's name.
_NOT_NAME = frozenset(
    word_list(
        "The A An This That These Those In On At Of For And But Or As By To From With "
        "Without Japan Japanese Korea Korean Koreas South North East West United States "
        "America American China Chinese Taiwan Russia Russian Ukraine European Union Europe "
        "Asia Asian Pacific Indo-Pacific National Assembly Institute Summit Treaty "
        "Agreement Principles Strait Peninsula World War Republic Party Government "
        "Administration Ministry Council Congress Parliament Senate House Court Bank Fund "
        "Organization Alliance Canada Australia Britain UK US EU NATO UN G7 G20 Seoul Tokyo "
        "Beijing Washington Camp David Can Will Is Was Has Have Did Does Do He She They It "
        "We I January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Also However "
        "Following When While After Before Despite Among Regarding According Successive "
        "Former New"
    )
)

_SPEECH = (
    r"(?:said|says|say|saying|stated|states|state|stating|declared|declares|declare|declaring"
    r"|told|tells|tell|telling|added|adds|noted|notes|noting|argued|argues|arguing|warned"
    r"|warns|warning|wrote|writes|writing|explained|explains|insisted|insists|claimed|claims"
    r"|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]e|emphasi[sz]ing|stressed|stresses|stress"
    r"|announced|announces|asserted|asserts|remarked|remarks|replied|replies|answered|asked"
    r"|advocated|advocates|advocate|advocating|called|calls|calling|described|describes"
    r"|describing|criticized|criticised|criticizes|criticises|criticizing|criticising"
    r"|urged|urges|pledged|pledges|promised|promises|vowed|vows|acknowledged|admitted"
    r"|agreed|agree|agrees|cited|cites|cite|citing|expressed|hinted|suggested|maintained"
    r"|proclaimed|predicted|labeled|labelled|dubbed|characterized|characterised|branded"
    r"|(?:is|was|are|were|been|be)\s+on\s+record|adopted\s+the\s+stance|the\s+stance\s+that"
    r"|quoted\s+as|in\s+the\s+words\s+of|according\s+to)"
)
_SPEECH_RE = re.compile(rf"\b{_SPEECH}\b", re.IGNORECASE)
_POST_SPEECH = re.compile(
    rf"^\s*,?\s*(?:{_SPEECH})\s+(?P<a>{_TITLES}\s+{_NAME}|{_NAME})"
    rf"|^\s*,?\s*(?P<b>{_TITLES}\s+{_NAME}|{_NAME}|he|she|they)\s+(?:{_SPEECH})\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|they)\s*$", re.IGNORECASE)


class _Person(Struct):
    name: str
    forms: list[str] = field(default_factory=list)
    descriptors: set[str] = field(default_factory=set)
    last_seen: int = -1


_NATIONALITY = {
    "korean": "korea",
    "korea": "korea",
    "koreas": "korea",
    "japanese": "japan",
    "japans": "japan",
    "us": "us",
    "american": "us",
    "america": "us",
    "americas": "us",
    "chinese": "china",
    "chinas": "china",
    "british": "uk",
    "uk": "uk",
    "russian": "russia",
    "french": "france",
    "german": "germany",
}
_TITLE_WORDS = frozenset(
    word_list("president prime minister premier chancellor secretary king queen")
)


def _descriptor_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "s").replace("'s", "s"))
    return {_NATIONALITY.get(w, w) for w in words}


class People:
    """The people an article names, with every form it uses for them."""

    _TITLED = re.compile(rf"(?P<title>\b{_TITLES})\s+(?P<name>{_NAME})")
    _LOWER_TITLED = re.compile(
        rf"\b(?P<title>president|prime\s+minister|premier|chancellor|foreign\s+minister)\s+"
        rf"(?P<name>{_NAME})"
    )
    _ADMIN = re.compile(
        rf"\badministration\s+of\s+(?P<a>{_NAME})|\b(?P<b>{_NAME})\s+(?:administration|government)\b"
    )
    _KOREAN_STYLE = re.compile(r"\b(?P<name>[A-Z]\w+\s+[A-Z]\w*-[a-z]+)\b")

    def __init__(self, text: str) -> None:
        self.people: list[_Person] = []
        found: list[tuple[int, str, str]] = []
        for regex in (self._TITLED, self._LOWER_TITLED):
            for m in regex.finditer(text):
                name = _clean_name(m.group("name"))
                if name:
                    before = text[max(0, m.start() - 40) : m.start()]
                    before = re.split(r"[,.;:()“”]", before)[-1]
                    found.append((m.start(), name, f"{before} {m.group('title')}"))
        for m in self._ADMIN.finditer(text):
            name = _clean_name(m.group("a") or m.group("b") or "")
            if name:
                found.append((m.start(), name, ""))
        for m in self._KOREAN_STYLE.finditer(text):
            name = _clean_name(m.group("name"))
            if name:
                found.append((m.start(), name, ""))
        # Longest names first, so "Lee" joins "Lee Jae-myung" rather than the other way round.
        for _pos, name, descriptor in sorted(found, key=lambda f: -len(f[1].split())):
            self._add(name, descriptor)
        forms = sorted({f for p in self.people for f in p.forms}, key=len, reverse=True)
        self.regex = (
            re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
            if forms
            else None
        )

    def _add(self, name: str, descriptor: str) -> None:
        tokens = name.split()
        for person in self.people:
            if set(tokens) <= set(person.name.split()):
                if name not in person.forms:
                    person.forms.append(name)
                person.descriptors |= _descriptor_words(descriptor)
                return
        self.people.append(_Person(name, [name], _descriptor_words(descriptor)))

    def named(self, form: str) -> _Person | None:
        tokens = set(form.split())
        for person in self.people:
            if form in person.forms or tokens <= set(person.name.split()):
                return person
        return None

    def mentions(self, text: str, offset: int = 0) -> list[tuple[int, int, _Person]]:
        """(start, end, person) of every mention of a known person in ``text``."""
        if self.regex is None:
            return []
        out = []
        for m in self.regex.finditer(text):
            person = self.named(m.group(0))
            if person is not None:
                out.append((offset + m.start(), offset + m.end(), person))
        return out

    def by_role(self, role: str, before: int) -> _Person | None:
        """Resolve "the South Korean president" to the person the text gave that role."""
        wanted = _descriptor_words(role) - {"the", "new", "former", "current", "then"}
        title = wanted & _TITLE_WORDS
        if not title:
            return None
        best: tuple[int, int, _Person] | None = None
        for person in self.people:
            if not title <= person.descriptors:
                continue
            score = len(wanted & person.descriptors)
            seen = person.last_seen if person.last_seen < before else -1
            key = (score, seen, person)
            if best is None or key[:2] > best[:2]:
                best = key
        return best[2] if best else None


def _clean_name(raw: str) -> str:
    """Cut a captured name at the first word that is not part of one ("Lee’s" -> "Lee")."""
    tokens: list[str] = []
    for token in raw.split():
        possessive = token.endswith(("’s", "'s"))
        token = re.sub(r"[’']s$", "", token)
        if token in _NOT_NAME or token.rstrip(".") in _NOT_NAME:
            break
        tokens.append(token)
        if possessive:
            break
    return " ".join(tokens)


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


_QUOTE_RE = re.compile(r"“(?P<t>[^“”]{1,800})”|(?<![\w])\"(?P<s>[^\"\n]{1,800})\"")

_ROLE = re.compile(
    r"\bthe\s+(?:(?:new|former|current|then|incoming|outgoing)\s+)?"
    r"(?:(?:South\s+Korean|North\s+Korean|Japanese|US|U\.S\.|American|Chinese|British|French"
    r"|German|Russian|Korean)\s+)?(?:president|prime\s+minister|premier|chancellor|leader)\b",
    re.IGNORECASE,
)
_GROUP_SUBJECT = re.compile(
    r"(?<![\w-])(?P<np>(?:[A-Za-z][\w-]{0,30}\s+){0,3}"
    r"(?P<head>(?!(?:have|has|had|also|then)\b)[a-z]{1,30}))"
    r"(?:\s*,[^,]{0,30},|\s+(?:have|has|had|also|then|later|all|both|repeatedly|often|openly"
    r"|once)\b)*\s*$"
)
_CLAUSE_BREAK = re.compile(r",[”\"’]?\s+(?:but|while|whereas|yet)\s|;|\.\s")


def _speaker_before(
    sentence: str, cue_start: int, people: People, offset: int
) -> tuple[str, tuple[str, ...]] | Literal["pronoun"] | None:
    """Who is the subject of a speech verb starting at ``cue_start`` in ``sentence``."""
    head = sentence[:cue_start]
    # the clause the verb belongs to: after the last ";" or ", and" before it
    clause_start = max(head.rfind(";"), head.rfind(", and "), head.rfind(", but "))
    clause = head[clause_start + 1 :] if clause_start >= 0 else head
    base = len(head) - len(clause)
    mentions = people.mentions(clause, offset + base)
    role = None
    for m in _ROLE.finditer(clause):
        role = m
    if _PRONOUN.search(clause) and not mentions:
        return "pronoun"
    if role is not None and (not mentions or mentions[-1][0] < offset + base + role.start()):
        person = people.by_role(role.group(0), offset + base + role.start())
        if person is not None:
            return person.name, tuple(person.forms[1:])
    if mentions:
        start, _end, person = mentions[-1]
        # "Prime Minister Ishiba and President Lee agreed": both are the subject
        if len(mentions) >= 2:
            _prev_start, prev_end, prev = mentions[-2]
            between = sentence[prev_end - offset : start - offset]
            if re.fullmatch(
                rf"\s+and\s+(?:{_TITLES}\s+)?|\s+and\s+(?:US\s+|Japanese\s+)?{_TITLES}\s+",
                between,
            ) and (prev is not person):
                return f"{prev.name} and {person.name}", ()
        return person.name, tuple(person.forms[1:])
    named = re.search(rf"(?<![\w’'-])({_NAME})\s*(?:,[^,]{{0,40}},\s*)?$", clause[-200:])
    if named:
        name = _clean_name(named.group(1))
        if name and name == named.group(1).strip():
            return name, ()
    group = _GROUP_SUBJECT.search(clause[-200:])
    if group and group.group("head").lower() in PERSON_NOUNS:
        words = group.group("np").split()
        while words and words[0].lower() in ("the", "a", "an", "and", "but", "while", "as"):
            words = words[1:]
        # keep only the noun phrase: drop leading words that end a prior clause
        np = " ".join(words)
        np = re.sub(r"^.*\b(?:that|when|as|if|while)\s+", "", np)
        if np:
            return np[:1].upper() + np[1:] if clause.strip().startswith(np) else np, ()
    return None


def find_quotes(
    sentence: Sentence, people: People, previous: tuple[str, tuple[str, ...]] | None
) -> list[QuoteMention]:
    """The quotations of one sentence, attributed where the text says who said them."""
    text = sentence.text
    out: list[QuoteMention] = []
    for m in _QUOTE_RE.finditer(text):
        group = "t" if m.group("t") is not None else "s"
        raw = m.group(group)
        quote = raw.strip().rstrip(",;:").strip()
        if quote.endswith(".") and not quote.endswith(".."):
            quote = quote[:-1].rstrip()
        inner_start = m.start(group) + (len(raw) - len(raw.lstrip()))
        inner = (inner_start, inner_start + len(quote))
        if not re.search(r"\w", quote):
            continue
        speaker: tuple[str, tuple[str, ...]] | None = None
        # 1. "... ,” said Lee" / "... ,” Lee said" right after the quotation
        post = _POST_SPEECH.match(text[m.end() :])
        if post:
            who = post.group("a") or post.group("b") or ""
            if who.lower() in ("he", "she", "they"):
                speaker = previous
            else:
                person = people.named(_clean_name(re.sub(rf"^{_TITLES}\s+", "", who)))
                speaker = (person.name, tuple(person.forms[1:])) if person else (who, ())
        # 2. "President Lee’s “pragmatic diplomacy”": a person's possessive
        if speaker is None:
            possessive = re.search(rf"({_NAME})[’']s\s*$", text[: m.start()])
            if possessive:
                person = people.named(_clean_name(possessive.group(1)))
                if person is not None:
                    speaker = (person.name, tuple(person.forms[1:]))
        # 3. a speech verb before it in the sentence: its subject, or the previous subject
        if speaker is None:
            cues = list(_SPEECH_RE.finditer(text[: m.start()]))
            # a cue in an earlier clause ("he stated X, but ... “swing state”") does not count
            if cues and _CLAUSE_BREAK.search(text[cues[-1].end() : m.start()]):
                cues = []
            if cues:
                cue = cues[-1]
                if cue.group(0).lower().startswith(("according", "in the words", "quoted")):
                    after = text[cue.end() : m.start()]
                    mentions = people.mentions(after, sentence.start + cue.end())
                    if mentions:
                        person = mentions[0][2]
                        speaker = (person.name, tuple(person.forms[1:]))
                    else:
                        org = re.match(rf"\s+(?:the\s+)?({_NAME})", after)
                        if org and org.group(1) not in _NOT_NAME:
                            speaker = (org.group(1), ())
                else:
                    found = _speaker_before(text, cue.start(), people, sentence.start)
                    if found == "pronoun" or (found is None and previous is not None):
                        speaker = previous
                    elif found is not None:
                        speaker = found
        out.append(
            QuoteMention(
                quote,
                m.start(),
                m.end(),
                speaker[0] if speaker else None,
                speaker[1] if speaker else (),
                sentence,
                inner,
            )
        )
    return out


def sentence_subject(sentence: Sentence, people: People) -> tuple[str, tuple[str, ...]] | None:
    """The person a sentence is about: its first person mention before the main verb."""
    mentions = people.mentions(sentence.text, sentence.start)
    if mentions:
        first = mentions[0][2]
        return first.name, tuple(first.forms[1:])
    role = _ROLE.search(sentence.text)
    if role is not None:
        person = people.by_role(role.group(0), sentence.start + role.start())
        if person is not None:
            return person.name, tuple(person.forms[1:])
    return None
