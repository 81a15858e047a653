"""The people an article names, and every form it uses for each of them.

A speaker is only useful on a card when it is the person's name ("Colette
Heald"), not the form a sentence happens to use ("Heald", "the coauthor",
"he"). :class:`People` reads the whole article first and collects each person
it names: a capitalised name after a title or a role ("NASA Administrator
Charles Bolden", "coauthor Colette Heald", "CEO of the Refugee Council Enver
Solomon"), before an apposition ("Dr. Michael Malin, principal investigator"),
next to a verb of saying ("Ron Dittemore said"), or whose surname comes back
alone later ("... Heald said"). Later mentions by surname, by title or by
role ("the minister") then resolve to that person.
"""

from __future__ import annotations

import re

from msgspec import Struct, field

from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.quiz.answers.normalise import fold
from studyapp.core.quiz.answers.wordforms import acronyms

__all__ = [
    "KIN_BEFORE",
    "NAME_TOKEN",
    "NOT_NAME",
    "ORG_WORDS",
    "ROLE_NOUNS",
    "ROLE_WORDS",
    "People",
    "Person",
    "person_in",
]

NAME_TOKEN = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|St)\."
    r"|[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[’'-][^\W\d_]+)*|[A-Z][’'][A-Z][^\W\d_]+(?:[’'-][^\W\d_]+)*"
    r"|[A-Z]\.)"
)
"""A capitalised word ("Dittemore", "Jae-myung", "MacBride", "Shinzō", "Évariste"), a name
after an O' or a D' ("O'Leary", "D'Amato") or an initial ("S.")."""

# Capitalised words that are never part of a person's name.
NOT_NAME = frozenset(
    word_list(
        "The A An This That These Those In On At Of For And But Or As By To From With Without "
        "Into Over Under After Before During Since Until Despite Among Regarding According "
        "Following When While Where If Also However Meanwhile Thus Then There Here It Its He "
        "She They We I You His Her Their Our My Your Who What Which Why How Can Will Is Was "
        "Has Have Had Did Does Do Not No Yes Some Many Most Each Every All Both Other Such "
        "Successive Former New Old Mr Mrs Ms Dr Sir "
        "January February March April May June July August September October November "
        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday "
        "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
        "Saudi Arab Arabs Emirati Iraqi Syrian Afghan Pakistani Turkish Egyptian Mexican "
        "Japan Japanese Korea Korean Koreas China Chinese Taiwan Russia Russian Ukraine "
        "Europe European Asia Asian Africa African America American Americans Pacific "
        "Atlantic Arctic Antarctic Antarctica Indo-Pacific Britain British UK US USA EU "
        "NATO UN Canada Canadian Australia Australian France French Germany German India "
        "Indian Israel Israeli Iran Iranian Soviet Soviets Allied Allies Earth Mars "
        "Sun God Christmas Easter Internet Web Republican Democrat Democratic Labour "
        "Though Although Because Yet Once Unlike Like Later Earlier Still Now "
        "Conservative Liberal Communist Communism Socialist Muslim Christian Jewish "
        "English Spanish Arabic Latin Greek Roman "
        # adverbs and prepositions that open a sentence ("Throughout Ghost, ...", "Only
        # Galois' brother ..."): never the first word of a name
        "Throughout Only Even Just Across Against Along Around Beyond Within Upon Through "
        "Toward Towards Behind Beside Besides Near Inside Outside Perhaps Indeed Instead "
        "Finally Eventually Soon Recently Currently Initially Originally"
    )
)

# Capitalised words that make a phrase an organisation, a place or a thing.
ORG_WORDS = frozenset(
    word_list(
        "Center Centre Agency Department Office Ministry Council Committee Commission "
        "University Institute Museum Foundation Association Society Party Program Programme "
        "Administration Service Services Bureau Board Corporation Company Inc Ltd Group Bank "
        "Fund Union Organization Organisation Force Forces Army Navy Court Parliament Congress "
        "Senate House Assembly Station Shuttle Space Laboratory Laboratories Lab Systems News "
        "Times Post Journal Herald Guardian Telegraph Tribune Mail Express Independent Press "
        "Airport Base Complex Facility School College Hospital Church Street Avenue Road "
        "River Lake Mountain Mountains Island Islands Canyon Desert Basin Sea Ocean Bay City "
        "County State States Kingdom Republic Federation Team Project Mission Conference "
        "Treaty Act Plan War Airlift Crisis Doctrine Cross Network Channel Review Magazine "
        "Radio Television TV Club League Federal National International Global Royal Summit "
        "Initiative Strategy Report Survey Study Index Prize Award Awards Games Olympics "
        "Cup Festival Tower Bridge Palace Hall Square Park Garden Gardens Zoo Library "
        "Archives Clinic Trust Authority Commissioner Police Guard Corps Fleet Reserve "
        "Exchange Market Markets Industries Airlines Airways Motors Energy Oil Gas Electric "
        "Technologies Technology Software Labs Media Studios Pictures Records Books "
        "Questions Prime Plainfare Vittles Operation Orbiter Camera Surveyor Telescope "
        "Explorer Rover Satellite Probe Spacecraft Module Capsule Rocket Vehicle Agreement "
        "Accord Principles Declaration Convention Pact Protocol Charter Constitution "
        "Relations Affairs Studies Sciences Rights Nations Resources Research Medicine "
        "Cyclone Hurricane Typhoon Storm "
        # structures and places ("the Berlin Wall", "the Brandenburg Gate")
        "Wall Gate Canal Harbor Harbour Fort Castle Cathedral Mosque Building Plaza Boulevard "
        "Highway Tunnel Dam Peninsula Strait Gulf Coast Valley Forest "
        # the members a body is named after ("... of Black Law Enforcement Executives")
        "Executives Officers Chiefs Workers Employees Teachers Nurses Physicians Doctors "
        "Engineers Veterans Scientists Mayors Governors Lawyers Editors Journalists "
        "Producers Manufacturers Dealers Farmers Growers Retailers Builders"
    )
)

# Capitalised titles and roles that come before a person's name.
ROLE_WORDS = frozenset(
    word_list(
        "President Vice Premier Chancellor Minister Secretary Secretary-General Senator Sen "
        "Governor Gov Representative Rep Congressman Congresswoman Mayor King Queen Prince "
        "Princess Emperor Empress Pope Ambassador General Gen Admiral Adm Colonel Col Major "
        "Captain Capt Lieutenant Lt Sergeant Sgt Commander Cmdr Judge Justice Attorney "
        "Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Rabbi Bishop Cardinal Father "
        "Reverend Rev Sheikh Chairman Chairwoman Chair Chief CEO CFO COO Director Manager "
        "Administrator Spokesman Spokeswoman Spokesperson Scientist Deputy Acting Associate "
        "Assistant Executive Officer Head Leader Coach Astronaut Investigator Editor "
        "Founder Principal Dean Chancellor Provost Counsel Superintendent Inspector "
        "Commissioner Shadow Home Foreign Defence Defense Finance Health Interior Justice "
        "Labor Trade Education Environment Energy Transport Treasury Prime Specialist Pilot "
        "Engineer Analyst Economist Coordinator Researcher Physicist Astronomer Lawyer "
        "Spokesperson Commentator Correspondent Councillor Councilor Prosecutor Solicitor "
        "Barrister Detective Constable Sheriff Magistrate Coroner"
    )
)

# Titles after which one word is a name ("President Lee", "Administrator Bolden").
HONORIFICS = frozenset(
    word_list(
        "President Premier Chancellor Minister Secretary Senator Sen Governor Gov "
        "Representative Rep Congressman Congresswoman Mayor King Queen Prince Princess Emperor "
        "Empress Pope Ambassador General Gen Admiral Adm Colonel Col Captain Capt Lieutenant Lt "
        "Sergeant Sgt Commander Judge Justice Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord "
        "Lady Rabbi Bishop Cardinal Father Reverend Rev Sheikh Chairman Chairwoman Director "
        "Administrator Chief Coach Inspector Superintendent Commissioner"
    )
)

# Lowercase role nouns that come before a person's name ("coauthor Colette Heald").
ROLE_NOUNS = frozenset(
    word_list(
        "president minister secretary senator governor mayor ambassador chancellor premier "
        "spokesman spokeswoman spokesperson official officer director manager administrator "
        "chairman chairwoman chair chief ceo founder coauthor co-author author lead "
        "researcher scientist professor economist analyst expert historian lawyer barrister "
        "solicitor attorney judge campaigner activist advocate organiser organizer leader "
        "candidate lawmaker legislator politician diplomat negotiator adviser advisor aide "
        "investigator engineer astronaut commander pilot editor reporter correspondent "
        "columnist journalist writer teacher doctor physician nurse surgeon student "
        "resident witness owner worker farmer executive entrepreneur coach player captain "
        "colonel general admiral sergeant lieutenant counsel deputy host presenter "
        "commentator critic member representative biologist geologist chemist physicist "
        "astronomer climatologist epidemiologist psychologist sociologist co-founder "
        "cofounder creator prosecutor defender blogger major graduate pastor priest imam "
        "researcher spokesperson councillor councilor inventor designer artist wife "
        "husband son daughter sister brother mother father widow partner"
    )
)

_DESCRIBED_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+(?P<d>(?:[A-Za-z-]+\s+){0,3}(?:"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r"))\s*,\s*$",
    re.IGNORECASE,
)
_SEQUENCE = re.compile(
    rf"(?:(?<=\s)|^|(?<=[(“\"\[—–-]))(?P<seq>{NAME_TOKEN}(?:[ \t]+(?:(?:of|for)[ \t]+"
    rf"(?:the[ \t]+)?)?{NAME_TOKEN})*)"
)
_SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(?:[^,]{1,80},\s*)?(?:has\s+|had\s+|also\s+|later\s+|then\s+)?(?:said|says|told"
    r"|tells|added|adds|noted|notes|stated|states|explained|argued|warned|wrote|writes"
    r"|announced|insisted|continued|replied|reiterated|suggested|estimated|believes|tweeted"
    r"|commented|responded|admitted|claimed|confirmed|denied|asserted|recalled|testified)\b"
    r"|^\s+(?:[a-z]+ed)\s+[^,.;:“”\"]{1,60}\s+and\s+(?:said|says|added|told|wrote)\b"
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|added|according\s+to)\s+$|[.!?…][”\"]\s*(?:-|--|—|–)\s*$"  # “...” - Name
)
_MALE_ROLE = re.compile(
    r"\b(?:husband|father|brother|son|spokesman|chairman|congressman|businessman|boy|man"
    r"|grandfather|uncle|nephew|widower|actor)\s+$",
    re.IGNORECASE,
)
_FEMALE_ROLE = re.compile(
    r"\b(?:wife|mother|sister|daughter|spokeswoman|chairwoman|congresswoman|businesswoman"
    r"|girl|woman|grandmother|aunt|niece|widow|actress)\s+$",
    re.IGNORECASE,
)


# what a biography says of its subject right after the name
_LIFE = re.compile(
    # a lifespan "(1879–1955)", "(March 14, 1879 – April 18, 1955)", "(born 1961)"; never a
    # work's year ("Childish Recollections (1806)")
    r"^\s*(?:\((?:born|b\.)\s*[^()]{0,30}\b\d{4}\b[^()]{0,20}\)"
    r"|\([^()]{0,30}\b\d{4}\s*[–—-]\s*[^()]{0,30}\b\d{4}\s*\)"
    r"|,?\s+(?:was|is)\s+born\b)"
)


KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w-]*[’']s?|[Tt]he\s+[a-z]+[’']s)\s+(?:[a-z-]+\s+)?"
    r"(?:sister|brother|son|daughter|wife|husband|mother|father|widow|widower|partner|cousin"
    r"|uncle|aunt|niece|nephew|grandmother|grandfather|friend|neighbour|neighbor|lawyer"
    r"|spokesman|spokeswoman|aide)\s*,\s*$"
)
_ROLE_AFTER = re.compile(r"^\s+(?:was|is)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?P<role>[a-z]+)\b")


_OPENING = re.compile(r"\s*([^\n.!?]{0,40})")


_SENTENCE_END = re.compile(r"[.!?][”\"’]?\s")
_ENDS_SENTENCE = re.compile(r"[.!?][”\"]?\s+\Z")
_SENTENCE_REACH = 2000
"""How far after a name :meth:`People._genders` looks for its sentence's end."""


def _next_sentence_opening(text: str, start: int) -> str:
    """The first words of the sentence after ``start`` in the same paragraph ("He said")."""
    m = _OPENING.match(text, start)  # (no slice of the rest of the text: one long line)
    return m.group(1) if m else ""


# "Wikinews interviews Mario J. Lucero and ...", "an interview with LibriVox founder ..."
_INTERVIEWED = re.compile(
    r"\binterview(?:s|ed)?(?:\s+with)?\s+(?:[A-Za-z.’'-]+\s+){0,6}$", re.IGNORECASE
)
_APPOSITION = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?(?P<role>(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)")


def _bare(token: str) -> str:
    return re.sub(r"[’']s$", "", token).rstrip(".")


def _is_org(token: str) -> bool:
    bare = _bare(token)
    return bare in ORG_WORDS or (len(bare) > 1 and bare.isupper())


def _is_role(token: str) -> bool:
    bare = _bare(token)
    # "Judge-Executive", "Vice-President": a hyphenated title is a title
    return bare in ROLE_WORDS or ("-" in bare and any(p in ROLE_WORDS for p in bare.split("-")))


def _is_name_token(token: str) -> bool:
    bare = _bare(token)
    if re.fullmatch(r"[A-Z]\.?", token):
        return True
    if re.search(r"ologists?$", bare):
        return False  # "Scientologist Tom Cruise", "Seismologist Ann Ray": a description
    return (
        token[:1].isupper()
        and bare not in NOT_NAME
        and bare not in ORG_WORDS
        and bare not in ROLE_WORDS
        and not (len(bare) > 1 and bare.isupper())
    )


def split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(title tokens, name tokens) of a capitalised phrase ("NASA Administrator", "Charles Bolden").

    The name is what follows the last title, role or organisation word; "of X"
    after a title belongs to the title ("Governor of Washington").
    """
    cut = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in ("of", "for"):
            j = i + 1
            if j < len(tokens) and tokens[j] == "the":
                j += 1
            # "of the Refugee Council": up to the last organisation word in reach
            last_org = None
            for k in range(j, min(len(tokens), j + 5)):
                if _is_org(tokens[k]):
                    last_org = k
            end = last_org if last_org is not None else j
            cut = end + 1
            i = end + 1
            continue
        if (
            _is_role(token)
            or _is_org(token)
            or not _is_name_token(token)
            or (i == 0 and len(tokens) > 2 and _bare(token).lower() in ROLE_NOUNS)
        ):  # (a role that opens the phrase: "Columnist Walter Lippmann", "Economist Ann Ray")
            cut = i + 1
        i += 1
    return tokens[:cut], tokens[cut:]


def _name(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        possessive = bool(re.search(r"[’']s$", token))
        out.append(_bare(token) if not re.fullmatch(r"[A-Z]\.", token) else token)
        if possessive:
            break
    while out and re.fullmatch(r"[A-Z]\.?", out[-1]):
        out.pop()
    return " ".join(out)


def person_in(phrase: str) -> tuple[str, str] | None:
    """(title, name) when ``phrase`` ends with a person's name after a title or role.

    "Space Shuttle Program Manager Ron Dittemore" -> ("Space Shuttle Program Manager",
    "Ron Dittemore"); "the ministry" -> None.
    """
    tokens = phrase.split()
    if not tokens:
        return None
    title, name = split_title(tokens)
    if not name:
        return None
    return " ".join(title), _name(name)


class Person(Struct):
    """A person the article names: the fullest form, the other forms, and their roles."""

    name: str
    forms: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    last_seen: int = -1
    gender: str = ""
    """"m" or "f" when the article shows it (Mr/Ms, "his wife", "she said" after the name)."""

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(f for f in self.forms if f != self.name)


_WORD_BEFORE = re.compile(rf"(?<![\w’'-]){NAME_TOKEN}\s$")


def _standalone_words(text: str) -> dict[str, int]:
    """How often each capitalised word stands alone (no capitalised word before or after)."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][^\W\d_]+(?![\w-])(?![’']\w)", text):
        if _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
            continue
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return counts


_NOT_ROLE = frozenset(
    word_list(
        "the a an of for and in on at to from with by as if when while but or can will is was "
        "has have had he she they it this that his her their its also however"
    )
)


def _role_words(text: str) -> set[str]:
    """The words of a role, with a nationality's country ("korean" -> "korea")."""
    words = re.findall(r"[a-z]+", text.lower().replace("’s", "").replace("'s", ""))
    out = {w for w in words if w not in _NOT_ROLE}
    out |= {w[:-1] for w in out if w.endswith("an") and len(w) > 5}
    out |= {w[:-3] for w in out if w.endswith("ese") and len(w) > 6}
    return out


class People:
    """The people an article names, found in one pass over the whole text."""

    _KOREAN_STYLE = re.compile(r"\b(?P<name>[A-Z][a-z]+\s+[A-Z][a-z]*-[a-z]+)\b")
    _ADMIN = re.compile(
        rf"\badministration\s+of\s+(?P<a>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})"
        rf"|\b(?P<b>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,2}})\s+(?:administration|government)\b"
    )

    def __init__(self, text: str) -> None:
        self.people: list[Person] = []
        found: list[tuple[str, str]] = []
        self._alone = _standalone_words(text)
        for m in _SEQUENCE.finditer(text):
            found += self._candidates(text, m)
        for m in self._KOREAN_STYLE.finditer(text):
            found.append((m.group("name"), ""))
        for m in self._ADMIN.finditer(text):
            raw = m.group("a") or m.group("b") or ""
            _title, tokens = split_title(raw.split())
            if tokens and all(_is_name_token(t) for t in tokens):
                found.append((_name(tokens), ""))
        # longest names first, so "Lee" joins "Lee Jae-myung" rather than the other way round
        for name, role in sorted(found, key=lambda f: -len(f[0].split())):
            self._add(name, role)
        self._given_names()
        forms = sorted({f for p in self.people for f in p.forms}, key=len, reverse=True)
        self.regex = (
            re.compile(
                r"(?<![\w-])(?:"
                + "|".join(
                    re.escape(f) + (r"(?!\s+[A-Z][a-z])" if " " not in f else "") for f in forms
                )
                + r")(?![\w-])"
            )
            if forms
            else None
        )
        self._genders(text)
        self.acronyms = _acronyms(text)
        """Each short form the text defines ("the Department of Energy (DOE)") -> its long form."""

    def _genders(self, text: str) -> None:
        """Each person's gender where the article shows it: a title (Mr, Ms, Mrs), a gendered
        role next to the name, or the pronouns of the sentences where they are the only
        person named. "he said" can then skip a woman named last."""
        for person in self.people:
            votes = {"m": 0, "f": 0}
            forms = "|".join(re.escape(f) for f in sorted(person.forms, key=len, reverse=True))
            for m in re.finditer(rf"(?<![\w-])(?:{forms})(?![\w-])", text):
                before = text[max(0, m.start() - 40) : m.start()]
                if re.search(r"\b(?:Mr|Sir|Lord|King|Prince)\.?\s+$", before):
                    votes["m"] += 3
                if re.search(r"\b(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess)\.?\s+$", before):
                    votes["f"] += 3
                if _MALE_ROLE.search(before):
                    votes["m"] += 2
                if _FEMALE_ROLE.search(before):
                    votes["f"] += 2
                # the sentence's end, looked for no further than a long sentence reaches
                # (a text of one giant line must not cost a scan to its end per mention)
                end = text.find("\n", m.end(), m.end() + _SENTENCE_REACH)
                sentence_end = _SENTENCE_END.search(
                    text, m.end(), end if end > 0 else m.end() + _SENTENCE_REACH
                )
                rest = text[m.end() : sentence_end.end() if sentence_end else m.end() + 200]
                rest += " " + _next_sentence_opening(text, m.end() + len(rest))
                rest = re.sub(r"“[^”]*”?|\"[^\"]*\"?", " ", rest)  # a quotation's own "her"
                if not self._mentioned(rest):
                    votes["m"] += len(re.findall(r"\b(?:he|himself)\b", rest, re.I))
                    votes["f"] += len(re.findall(r"\b(?:she|herself)\b", rest, re.I))
            if votes["m"] > 2 * votes["f"]:
                person.gender = "m"
            elif votes["f"] > 2 * votes["m"]:
                person.gender = "f"

    def _mentioned(self, text: str) -> bool:
        return self.regex is not None and self.regex.search(text) is not None

    def _given_names(self) -> None:
        """A given name the article also uses alone ("Thomas' sister" for Thomas Sam) is a
        form of that person, when no one else has that name or uses that form."""
        taken = {f for p in self.people for f in p.forms}
        firsts: dict[str, list[Person]] = {}
        for person in self.people:
            tokens = person.name.split()
            if len(tokens) >= 2 and not re.search(r"-[a-z]", tokens[-1]):
                firsts.setdefault(tokens[0], []).append(person)
        for given, owners in firsts.items():
            if (
                len(owners) == 1
                and given not in taken
                and given not in NOT_NAME
                and _is_name_token(given)
                and len(given) > 2
                and self._alone.get(given, 0) > 0
            ):
                owners[0].forms.append(given)

    def _candidates(self, text: str, m: re.Match[str]) -> list[tuple[str, str]]:
        tokens = m.group("seq").split()
        while len(tokens) > 1 and _bare(tokens[-1]) in NOT_NAME:
            tokens = tokens[:-1]  # "Hugh McGuire Sunday, May 28": the date line is no name
        # a possessive ends the name ("Sunak's effort")
        for i, token in enumerate(tokens):
            if re.search(r"[’']s$", token):
                if i + 2 < len(tokens) and _is_role(tokens[i + 1]):
                    tokens = tokens[i + 1 :]  # "New Zealand's Prime Minister John Key"
                else:
                    tokens = tokens[: i + 1]
                break
        cut = next((i for i, t in enumerate(tokens) if t in ("of", "for")), None)
        if cut is not None:
            # "Ted Scambos of the National Snow and Ice Data Center": the name before "of"
            _head_title, head_name = split_title(tokens[:cut])
            if len(head_name) >= 2 and all(_is_name_token(t) for t in head_name):
                tokens = tokens[:cut]
        title, name_tokens = split_title(tokens)
        if not name_tokens or not all(_is_name_token(t) for t in name_tokens):
            return []
        if len(name_tokens) >= 3 and any(t in ("of", "for") for t in title):
            # "University of Texas Arlington Amneh Jafari": the place ends the organisation;
            # a middle initial stays with its name ("Secretary of State Alexander M. Haig")
            keep = 3 if re.fullmatch(r"[A-Z]\.", name_tokens[-2]) else 2
            name_tokens = name_tokens[-keep:]
        name = _name(name_tokens)
        if not name:
            return []
        before = text[max(0, m.start() - 50) : m.start()]
        after = text[m.end() : m.end() + 160]
        role_before = re.search(r"((?:[\w’'-]+\s+){0,4}?)([A-Za-z-]+)\s+$", before)
        lowercase_role = role_before is not None and role_before.group(2) in ROLE_NOUNS
        titled = any(_is_role(t) for t in title)
        role = " ".join(title)
        if lowercase_role and role_before is not None:
            # "South Korea’s new president Lee": the words before the role describe it too
            role = f"{role_before.group(0)} {role}".strip()
        described = _DESCRIBED_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
        if described is not None:
            # "The finance minister, Anna Berg, said": the description is her role
            role = f"{described.group('d')} {role}".strip()
            lowercase_role = True
        words = name.split()
        if len(words) == 1:
            # one word is a name only after a title ("President Lee", "Administrator Bolden")
            honorific = bool(title) and _bare(title[-1]) in HONORIFICS
            # or set off after a relative or a role ("his daughter, Gianna,", "George's
            # brother, Philonise,", "the victim's sister, Maria, said")
            kin = KIN_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) is not None and (
                re.match(r"\s*,", after) is not None
            )
            return [(name, role)] if (honorific or kin) and _is_name_token(name) else []
        if words[0] in NOT_NAME:
            return []
        apposition = _APPOSITION.match(after)
        signals = (
            titled,
            lowercase_role,
            bool(_SPEECH_AFTER.match(after)),
            bool(_SPEECH_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))
            and not re.search(r"[’']s$", tokens[-1]),  # "according to Saudi Arabia's agency"
            apposition is not None
            and any(
                w.lower() in ROLE_NOUNS or w in ROLE_WORDS for w in apposition.group("role").split()
            ),
            self._alone.get(words[-1], 0) > 0,  # the surname comes back alone ("Heald said")
            bool(_INTERVIEWED.search(text[max(0, m.start() - 60) : m.start()])),
            bool(re.match(r"^,\s*(?:aged\s+)?\d{1,3}\s*[,)]", after)),  # "Thomas Sam, 42,"
            bool(_LIFE.match(after)),  # "Albert Einstein was born in Ulm", "(1879–1955)"
            # "Howard Zinn was a historian", "Jane Fox is the mayor of Leeds"
            (role_after := _ROLE_AFTER.match(after)) is not None
            and role_after.group("role") in ROLE_NOUNS,
            self._he_or_she_next(text, m.start(), m.end()),
        )
        if not any(signals):
            return []
        if apposition is not None:
            role = f"{role} {apposition.group(0)}".strip(" ,")
        return [(name, role)]

    @staticmethod
    def _he_or_she_next(text: str, start: int, end: int) -> bool:
        """Whether the name opens its sentence and the next sentence opens with "He" or
        "She" ("Marie Curie studied in Paris. She later wrote that ..."): a person."""
        line_start = text.rfind("\n", 0, start) + 1
        # the paragraph's start, or a sentence's end just before (only the last words are
        # read: one giant line must not cost a scan to its start per name)
        if start > line_start and not _ENDS_SENTENCE.search(
            text, max(line_start, start - 200), start
        ):
            return False
        if _bare(text[start:end].split()[0]) in NOT_NAME:
            return False  # "The Golden Gate was built ...": a thing
        stop = re.search(r"[.!?][”\"]?\s+(?=\S)|\n", text[end : end + 400])
        if stop is None or stop.group(0).startswith("\n"):
            return False
        following = text[end + stop.end() : end + stop.end() + 80]
        # "She later wrote", "In her autobiography, she wrote"
        return re.match(r"(?:He|She)\s|[^.,;:!?]{2,50},\s+(?:he|she)\s", following) is not None

    def _add(self, name: str, role: str) -> None:
        tokens = name.split()
        if not tokens:
            return
        for person in self.people:
            if set(tokens) <= set(person.name.split()):
                if name not in person.forms:
                    person.forms.append(name)
                person.roles |= _role_words(role)
                return
        self.people.append(Person(name, [name], _role_words(role)))
        person = self.people[-1]
        # the surname alone ("Heald"), and for "Lee Jae-myung" the family name first
        korean = bool(re.search(r"-[a-z]", tokens[-1]))  # "Lee Jae-myung": Lee, not Jae-myung
        for form in (tokens[0] if korean else tokens[-1],):
            if form and form not in person.forms and form not in NOT_NAME and len(tokens) > 1:
                person.forms.append(form)

    def named(self, form: str) -> Person | None:
        """The person ``form`` names ("Bolden", "Charles Bolden", "Administrator Bolden")."""
        form = " ".join(_bare(t) if not re.fullmatch(r"[A-Z]\.", t) else t for t in form.split())
        if not form:
            return None
        tokens = set(form.split())
        for person in self.people:
            if form in person.forms or tokens <= set(person.name.split()):
                return person
        split = person_in(form)
        if split is not None and split[1] and split[1] != form:
            return self.named(split[1])
        return None

    def mentions(self, text: str, offset: int = 0) -> list[tuple[int, int, Person]]:
        """(start, end, person) of every mention of a known person in ``text``."""
        if self.regex is None:
            return []
        out = []
        for m in self.regex.finditer(text):
            person = self.named(m.group(0))
            if person is not None:
                out.append((offset + m.start(), offset + m.end(), person))
        return out

    def by_role(self, role: str, before: int) -> Person | None:
        """Resolve "the minister" or "the South Korean president" to the person with that role."""
        wanted = _role_words(role) - {"new", "former", "current", "then"}
        words = re.findall(r"[a-z]+", role.lower())
        head = words[-1] if words else ""
        if head not in ROLE_NOUNS and head not in {w.lower() for w in HONORIFICS}:
            return None  # "the Home Office letter" is no person's role
        heads = {head}
        # "the TPC president": a body named by its acronym must be in the person's role (the
        # president of a council is not the country's president the article named before)
        bodies = {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", role)}
        best: tuple[int, int, Person] | None = None
        for person in self.people:
            if not heads <= person.roles or not bodies <= person.roles:
                continue
            score = len(wanted & person.roles)
            seen = person.last_seen if person.last_seen < before else -1
            if best is None or (score, seen) > best[:2]:
                best = (score, seen, person)
        return best[2] if best else None


_DEFINED = re.compile(
    r"(?P<long>(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|on|the|to|in|[A-Z][\w.&’'-]*)){1,8}?)"
    r"\s+\((?:the\s+)?(?P<short>[A-Z][A-Za-z&.]{1,7})\)"
)


def _acronyms(text: str) -> dict[str, str]:
    """The short forms a text defines in brackets after a long one whose capitalised words
    they are the initials of ("the Department of Energy (DOE)", "the Federal Trade
    Commission (FTC)"): a statement of "DOE" is the Department's, and says so."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        short, long = m.group("short"), m.group("long")
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", long) if w != "The"]
        letters = re.sub(r"s$", "", short.replace(".", "").replace("&", "")).upper()
        for n in range(len(words)):  # the shortest tail of the long form that the letters fit
            if not words[n][0].isupper():
                continue
            # "Department of Energy": DOE, by every word's initial or its content words'
            if letters.lower() in acronyms(fold(" ".join(words[n:]))):
                start = long.find(words[n])
                head = long[:start]
                # "the U.S. Department of Justice (DOJ)": the Department of Justice
                the = (
                    "the "
                    if re.match(r"[Tt]he\s", long) or re.search(r"\b[Tt]he\s+$", head)
                    else ""
                )
                found.setdefault(short, f"{the}{long[start:]}")
                break
    return found
