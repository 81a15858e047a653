"""Verbs of saying and who their subject is: the speaker of a quotation or a report.

"Smith told reporters", "the minister said", "he added", "Officials tell BBC
News", "A leaked letter seen by Sky News says", "according to the agency":
:func:`subject_before` finds the noun phrase a verb of saying belongs to, and
:class:`Speakers` turns it into a speaker a card can name, resolving a pronoun
or a role ("he", "the minister") to the person the article last named, across
sentences and paragraphs. Findings of studies and data ("the study shows")
are not speech: such subjects resolve to nobody.
"""

from __future__ import annotations

import re

from msgspec import Struct

from studyapp.core.authoring.extract.people import (
    KIN_BEFORE,
    NAME_TOKEN,
    NOT_NAME,
    ORG_WORDS,
    ROLE_NOUNS,
    People,
    person_in,
)
from studyapp.core.authoring.extract.sentences import word_list
from studyapp.core.quiz.gazetteer import country_code

__all__ = [
    "FINDING_VERBS",
    "NOT_SPEAKERS",
    "QUOTE_CUE",
    "REPORT_VERB",
    "Speaker",
    "Speakers",
    "subject_before",
]

# Verbs that introduce a quotation (before or after it).
QUOTE_CUE = re.compile(
    # (never the end of a compound: "re-writing people's “ghost”")
    r"(?<![\w-])(?:(?:went|goes|go|going)\s+on\s+to\s+(?:say|add|note|explain)|said|says|say|saying|stated|states|stating|told|tells|telling|added|adds|adding"
    r"|noted|notes|noting|argued|argues|arguing|warned|warns|warning|wrote|writes|writing"
    r"|explained|explains|insisted|insists|claimed|claims|continued|continues|replied|replies"
    r"|answered|asked|asks|announced|announces|declared|declares|declaring|reiterated"
    r"|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|emphasi[sz]ing|urged|urges|recalled"
    r"|acknowledged|admitted|cautioned|suggested|recommended|recommending|remarked|observed"
    r"|commented|comments|concluded|predicted|promised|promising|pledged|vowed|reported|reporting"
    r"|quipped|conceded|testified|tweeted|posted|complained|described|describing|called"
    r"|calling|labell?ed|dubbed|cited|citing|quoted|reads|read|advocated|advocating"
    # "defined usual residence as “...”": a definition in the definer's words (never "is
    # defined by a secondary, “honed”")
    r"|(?:defined|defines)(?=\s+(?!by\b)[^“”\".;]{1,60}?\s+as\s*(?:[“\"]|$))"
    r"|criticized|criticised|criticizing|criticising|hinted|expressed|adopted\s+the\s+stance"
    r"|asserted|asserts|responded|responds|contended|contends|maintained|maintains|confirmed"
    r"|confirms|recounted|recalls|boasted|joked|lamented|mused|shouted|whispered|exclaimed"
    r"|directed|ordered|instructed|demanded|requested|calls|call|characteri[sz]ed"
    r"|characteri[sz]es|pleaded|begged|speculated|theori[sz]ed|reasoned"
    r"|(?:is|was|are|were)\s+on\s+record\s+as|issued\s+a\s+statement|[Ii]n\s+a\s+statement"
    r"|[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of|denied|denies"
    # the present tense of essays and features ("“...,” the head of the union admits"; never
    # a form that is as often a plural noun: "the President's remarks")
    r"|admits|concedes|observes|concludes|suggests|complains|acknowledges|predicts"
    r"|testifies)\b"
)

THAT_ASIDE = (
    r"(?:\s*,\s*(?:among\s+other\s+things|in\s+part|in\s+effect|in\s+essence"
    r"|in\s+particular|for\s+example|for\s+instance|moreover|however|also)\s*,\s*"
    r"|\s*[—–][^—–.;“”\"]{1,120}[—–]\s*)"
)
"""An aside that may stand between a verb and its "that": set off by commas ("held, among
other things, that") or by dashes ("made clear—at first in secret—that")."""
_THAT_AHEAD = rf"(?=(?:{THAT_ASIDE}|\s+)that\b)"
"""The lookahead of a verb that reports a claim only before "that": "held that", "held,
among other things, that", "made clear—at first in secret, then in public—that"."""

# Verbs that report speech without quotation marks ("X said that ...").
_REPORT_VERB = (
    r"(?<![\w-])(?P<verb>(?:went|goes|go|going)\s+on\s+to\s+(?:say|add|note|explain|argue|claim)"
    # "the Commission found a reasonable indication that ...": the finding is the clause
    r"|(?:found|finds|saw|sees)\s+(?:a|an|no|some|sufficient|clear|strong|little|ample)\s+"
    r"(?:[a-z]+\s+){0,2}(?:indication|evidence|sign|signs|proof|reason|basis)(?=\s+that\b)"
    r"|said|says|say|told|tells|tell|stated|states|announced|announces|added|adds"
    r"|noted|notes|argued|argues|warned|warns|wrote|writes|explained|explains|insisted"
    r"|insists|claimed|claims|believes|believe|estimated|estimates|estimate|found|finds|find"
    r"|suggested|suggests|suggest|predicted|predicts|concluded|concludes|reported|reports"
    r"|reporting|reiterated|stressed|emphasi[sz]ed|acknowledged|admitted|confirmed|confirms"
    r"|denied|denies|maintained|maintains|hinted|argued|contended|contends|asserted|asserts"
    r"|cautioned|conceded|testified|promised|promising|pledged|vowed|proposed|asked|urged"
    r"|invited(?=\s+[^.;:]{1,60}?\bto\s+[a-z])"
    r"|offered|called\s+on|expressed\s+(?:the\s+)?(?:hope|concerns?|fears?|doubts?|confidence"
    r"|optimism|worry|worries|regret|belief|view)|hopes|hoped|report|write|contend|argue|warn"
    r"|insist|claim|note|add|maintain|assert|acknowledge|admit|confirm|deny|stress"
    # ("state" is a noun or an adjective far more often: "state tort regimes", "state law")
    r"|state(?=\s+that\b|\s*[:“\"])"
    r"|explain|replied|replies|reply|responded|responds|respond|answered|recalled|recalls"
    r"|countered|counters|observed|observes|pointed\s+out|points\s+out|complained|complains"
    r"|remarked|remarks(?=\s+that\b)|commented(?=\s+that\b)|written(?=\s+that\b)"
    r"|revealed|reveals|disclosed|signal(?:l)?ed|indicated|indicates"
    r"|recommended|recommends|testifies|declared|declares|alleged"
    r"|alleges|allege|assured|assures|informed|informs|reminded|reminds"
    r"|(?:was|were|is|are)\s+quoted\s+(?:by\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}\s+)?"
    r"as\s+saying"
    # "is reported to have said that": the subject said it
    r"|(?:is|was|are|were)\s+(?:reported|said|understood)\s+to\s+have\s+(?:said|told|claimed"
    r"|stated|argued|warned|written)"
    r"|speculated|theori[sz]ed|pleaded|begged"
    r"|ruled|rules|held(?=\s+that\b)|holds(?=\s+that\b)|reasoned"
    r"|(?:determined|determines|decided|decides)(?=\s+that\b)"
    # "experts assess that the mission remains underfunded": a judgement stated
    r"|(?:assess|assesses|assessed)(?=\s+that\b)"
    # what a person found out and made known: "Einstein showed that ...", "Campos discovered
    # that ..." (a person's finding; a study's stays out, see ``FINDING_VERBS``)
    r"|(?:showed|shows|demonstrated|demonstrates|discovered|discovers|established|proved"
    r"|proves)(?=\s+that\b)"
    r"|discovered(?=\s+(?:he|she|they|we)\s)"  # "discovered he didn't have access"
    r"|pressed|presses|pressing|petitioned|petitions|encouraged|encourages|implored|implores"
    r"|advised|advises|advise|threatened|threatens|requested|appealed(?=\s+(?:to|for)\b)"
    r"|directs|directed(?=\s+(?:[^.;:,]{1,80}?\s)?to\s+[a-z])|imploring"
    r"|projects|projected|forecast|forecasts"
    # verbs that report a claim only with "that" after them ("demanded the money" is an act;
    # never a plural noun: "similar protests that had taken place", "demands that")
    r"|(?:anticipates|anticipated|anticipate|expects|expected|expect|demanded|demanding|protested"
    r"|agreed|agrees|proclaimed|proclaims|underscored|highlighted|objected|announced"
    r"|conceded|stipulated|stipulates|mentioned|mentions|made\s+clear|makes\s+clear|swore|swears"
    r"|repeated|repeats|charged|charges)(?=\s+that\b)"
    r"|adding|saying|noting|warning|arguing|insisting|claiming|stressing|explaining|stating"
    # the rest of the lexicon of reporting verbs, in the tenses news and history use
    r"|forewarned|forewarns|forewarn|cautions|caution|urges|urge|pledges|pledge|vows|vow"
    r"|promises|promise|proposes|propose|recommend|declare|announce|conclude|predict"
    r"|acknowledges|admits|concedes|concede|reaffirmed|reaffirms|affirmed|affirms"
    r"|contending|suggesting|asserting|maintaining|acknowledging|admitting|conceding|declaring"
    r"|announcing|predicting|cautioning|recommending|proposing|pledging|vowing|concluding"
    r"|indicating|alleging|confirming|denying|emphasi[sz]ing|reiterating|recalling|observing"
    r"|reasoning|urging|forewarning|reaffirming|affirming"
    # "confided in his advisors that ...": a confidence, with whom it was shared
    r"|(?:confided|confides|confiding)(?=\s+(?:in|to)\s+[^.;:,]{1,60}?\s+that\b)"
    # what a document or a ruling lays down: "the Constitution requires that ..."
    r"|(?:requires|required|provides|provided|stipulates|stipulated|mandates|mandated"
    r"|specifies|specified|directs)(?=\s+that\b))\b"
)
REPORT_VERB = re.compile(_REPORT_VERB.replace(r"(?=\s+that\b)", _THAT_AHEAD))

FINDING_VERBS = frozenset(
    word_list(
        "showed shows demonstrated demonstrates discovered discovers established proved proves"
    )
)
"""The verbs of finding out ("showed that"): a statement only when a person or a group of
people found it, never a thing ("the map shows that", "history proves that")."""

# Words that end a subject noun phrase when walking back from its verb.
_CLAUSE_WORDS = frozenset(
    word_list(
        "that which who whom whose when while whilst as after before because if although though "
        "but and or so since until where whereas with without than what how why once unless "
        "to of in on at for from by into about against between through during over under"
    )
)
_ADVERBS = (
    r"(?:has|have|had|also|later|then|reportedly|previously|repeatedly|recently|once|publicly"
    r"|separately|further|earlier|again|would|will|could|may|might|must|should|can|did|does|do"
    r"|not|never|always|often|still|however|already|openly|explicitly|privately|firmly|since"
    r"|simply|even|only|had|just|clearly|now|today|yesterday|long|subsequently|initially"
    r"|eventually|finally|quickly|immediately|formally|officially|jointly|together|personally"
    r"|strongly|allegedly|apparently|widely|unanimously|loudly|swiftly|privately|promptly"
    r"|both|all|therefore|thus|consequently|instead|accordingly|nevertheless|meanwhile|too)"
)
# any lowercase adverb in -ly right before the verb ("Friedman famously argued"; never a
# name, "Kelly said", nor a noun, "the family said")
_LY_ADVERB = re.compile(
    r"(?<=\w)\s+(?!(?:family|assembly|ally|rally|supply|monopoly|anomaly|elderly|butterfly)\b)"
    r"[a-z]{3,}ly\s*$"
)
_TRAIL = re.compile(
    rf"(?:\s+{_ADVERBS}|(?:\s*,[^,“”\"]{{1,140}}){{1,3}},|\s*\([^()]{{0,80}}\))*\s*$", re.IGNORECASE
)
_ASIDE = re.compile(r"(?<=[\w.])\s*\((?:in\s+)?[^()]{1,30}\)(?=\s+(?:and|or)\s|\s*$)")
"""A short aside after a word of the subject, before "and" or the verb: "(in 2022)"."""
_PROPER_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of\s+|and\s+|for\s+|&\s+)?[A-Z][\w.&’'-]*){0,6}"
)
_TIME_SPAN = re.compile(
    r"(?:(?:the\s+)?(?:next|last|past|following|previous|first|same|coming)?\s*(?:\d+|[a-z]+)\s+"
    r"(?:years?|months?|weeks?|days?|decades?|centuries)|1[0-9]{3}|20[0-9]{2})\s+"
    r"(?=(?:the\s+)?[A-Z])"
)
"""A time before a subject, with no comma: "For the next 19 years Venezuela", "In 1841 the
Venezuelan Government"."""
_OPENING_PHRASE = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Since|By|From|Under|Until|Following|Earlier|Later"
    r"|Last|This|Yesterday|Today|However|Meanwhile|Also|Then|Now)\b[^,;:“”\"]{0,40})?"
)
"""What may come before "Name, apposition, verb": nothing, or a fronted phrase of time or
link ("In June 2020, The Lund Company, the largest producer, petitioned")."""
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|get|got)\s+$", re.IGNORECASE)
_BY_PHRASE = re.compile(
    r"\s+(?:seen|obtained|quoted|cited|published|reported|written|sent|signed|issued|released"
    r"|posted|shared|leaked)\s+(?:by|to)\s.*$"
)
_PRONOUNS = {
    "he": "person",
    "she": "person",
    "they": "group",
    "we": "group",
    "i": "self",
    "it": "body",
}
# A sentence that opens with a thing: "The study was published ..." (then "it" is the study)
_THING_OPENING = re.compile(r"^(?:The|This|That|Its|It)\b(?:\s+[a-z-]+){0,3}?\s+(?P<head>[a-z]+)\b")
# The subject a sentence opens with, up to its verb: "The JVP took up arms against what it
# called ...", "Acme Corp. has said": what a later "it" of the same sentence may be
_OPENING_NP = re.compile(
    r"^\s*(?P<np>(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|the|and|&|[A-Z][\w.&’'-]*)){0,6})"
    r"\s+(?:has\s+|had\s+|have\s+|also\s+)?[a-z]+\b"
)

_COPULA = re.compile(r"\b(?:is|are|was|were|been|being)\b")
_INDEFINITE = frozenset(["some", "others", "many", "several", "a few", "still others", "most"])
"""Pronouns that stand for people in a debate ("Some argue that ...", "Others say ...")."""
_ANY_BODY = frozenset(word_list("group organization organisation body coalition alliance"))
"""Words that stand for a body of any name ("the group", "the organization")."""

# Nouns for people, groups and bodies that speak.
_COUNTED_TITLES = re.compile(
    r"[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:Presidents|Ministers|Prime\s+Ministers|Chancellors|Kings|Queens|Governors|Senators"
    r"|Secretaries|Ambassadors|Leaders|Premiers|Emperors|Heads\s+of\s+State)"
)
"""Office-holders counted by a title in capitals: "the two Presidents"."""
GROUP_NOUNS = frozenset(
    word_list(
        "officials official scientists scientist researchers researcher experts expert analysts "
        "analyst critics critic media authorities authority government governments ministry "
        "ministries institute bureau service military army navy embassy cabinet tribunal "
        "panel watchdog regulator commissioner commissioners "
        "police spokesman spokeswoman spokesperson department agency office committee court "
        "company companies firm firms union unions organisers organizers campaigners "
        "activists residents witnesses diplomats leaders leader lawmakers legislators "
        "economists doctors teachers students officers investigators prosecutors lawyers "
        "sources source participants voters members member administration team group groups "
        "letter statement memo note email spokespeople representatives representative "
        "authors author scholars historians observers commentators protesters opponents "
        "supporters advocates officers engineers astronauts managers executives staff "
        "regulators ministers minister president senators senator governor mayor judge "
        "board council commission party parties families victims workers farmers people "
        "respondents citizens locals director chairman ceo adviser advisers aides aide "
        "biologists geologists climatologists epidemiologists physicians nurses association "
        "associations federation coalition alliance institute foundation society network bank "
        "fund charity embassy army military navy forces service bureau centre center hospital "
        "university college newspaper broadcaster club league chamber campaign movement caucus "
        "opposition regime cabinet parliament congress senate delegation panel jury tribunal "
        "watchdog regulator operator airline manufacturer maker producer developer retailer "
        "insurer lender owner owners operators industry lobby consortium secretariat "
        "spokespersons envoy envoys negotiators coach manager owner investors shareholders "
        "employees staffers planners inspectors resident witness neighbour neighbor passenger "
        "voter parent mother father survivor victim shopkeeper driver soldier insider poster "
        "posters blogger bloggers commenter commenters user users fan fans sister brother "
        "son daughter wife husband friend friends neighbours neighbors relatives defense defence "
        "prosecution plaintiffs plaintiff defendant defendants city town county municipality "
        "e-mail delegates family proponents backers defenders detractors skeptics sceptics "
        "policymakers policy-makers strategists speakers panelists panellists "
        # the groups a history's events are moved by
        "settlers colonists reformers abolitionists missionaries nationalists conservatives "
        "liberals radicals moderates rebels demonstrators petitioners peasants merchants "
        "traders industrialists bankers planters landowners clergy bishops delegates "
        "expansionists isolationists interventionists hardliners hard-liners"
    )
)
# Subjects whose "says" is a finding, not speech ("the study shows").
NOT_SPEAKERS = frozenset(
    word_list(
        "study studies report reports research data results result findings finding survey "
        "surveys paper papers analysis analyses images image model models evidence figures "
        "law laws rule rules article articles it this that which there what book books poll "
        "polls record records document documents estimate estimates table chart map website "
        "site page sign signs idea theory trend trends plan plans bill policy"
    )
)
_GROUP_OPENING = re.compile(
    r"^(?:[A-Z][\w-]*\s+)?(?:The|the)?\s*((?:[A-Za-z-]+\s+){0,2}(?P<head>[a-z]+s))\s"
)
_FINDINGS = frozenset(
    word_list("study studies survey surveys poll polls report research data analysis census")
)
_ROLE_NP = re.compile(
    r"^(?:the|this|that)\s+(?:(?:new|former|current|then|incoming|outgoing|same)\s+)?"
    r"(?:(?:[A-Z][\w.-]*|[a-z]+)\s+){0,2}(?P<head>[a-z]+)$",
    re.IGNORECASE,
)


# "the teacher", "one nurse at the hospital", "a 54-year-old farmer from Iowa"
_DESCRIBED_PERSON = re.compile(
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z]+)"
    r"(?P<pp>\s+(?:at|of|in|from|with|for|on)\s+[^,;:]{1,60})?"
)
# "Proponents of the plan", "many critics of the bill": people who hold a view of a thing
_GROUP_PP = re.compile(
    r"(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<head>[A-Za-z][a-z]+)\s+(?:of|at|in|from|for|within|on)\s+[^,;:]{1,60}"
)
# "Thames Water's chief executive", "the company's general manager": a post in a body
_POST_OF = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*|[a-z]+)[’']s\s+(?:[a-z-]+\s+){0,2}[a-z-]+"
)
_WITH_TEAM = re.compile(
    r"^(.+?)\s+and\s+(?:his|her|their)\s+(?:[a-z-]+\s+)?(?:colleagues|co-?authors|team"
    r"|co-?workers|collaborators|students|staff|lawyers)$"
)
_SPEECH_OF = re.compile(
    r"^((?:the\s+)?[a-z][\w-]*)[’']s\s+(?:(?:official|written|latest|new)\s+)?(?:statement"
    r"|spokesman|spokeswoman|spokesperson|spokespeople|website|letter|announcement|release"
    r"|manifesto|platform|press\s+release|communiqu[eé])$",
    re.IGNORECASE,
)
# People named through another ("Thomas' sister", "Smith's lawyer"): not that person
_RELATIVES = frozenset(
    word_list(
        "sister brother son daughter wife husband mother father widow partner friend friends "
        "lawyer lawyers attorney attorneys doctor neighbour neighbor cousin uncle aunt niece "
        "nephew grandmother grandfather girlfriend boyfriend fiancee fiance colleague "
        "colleagues biographer rival opponent opponents spokesman spokeswoman spokesperson "
        "spokespeople aide aides adviser advisers advisor advisors groups officials staff "
        "representative representatives envoy envoys negotiators deputy deputies"
    )
)
"""The people someone's name points to ("Thomas' sister", "Gorbachev's spokesman", "NASA's
advisory groups"): they speak, not the one named."""
# Texts that lay something down in their own words, and speak when the article names them
# ("the Constitution requires", "a Federal Register notice states"); never a study or data
_NUMBERED_TEXT = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.]*\s+){0,3}(?:Order|EO|NSC|Resolution|Directive|Memorandum"
    r"|Decision|Decree|Bill)\s*(?:\([A-Z]{2,}\)\s*)?(?:No\.\s*)?\d[\w-]*"
)
_LEGAL_TEXTS = frozenset(
    word_list(
        "notice constitution charter treaty statute act order proclamation declaration "
        "ruling regulation regulations directive resolution accord convention amendment "
        "agreement code guidance decree ordinance opinion"
    )
)
_DOCUMENTS = frozenset(
    word_list("memorandum memo letter order directive proclamation communique declaration")
)
# A described subject of a verb of saying that names people by what they do or are
_AGENT_NP = re.compile(
    r"(?:[Tt]he|[Tt]hese|[Tt]hose|[Mm]any|[Ss]ome|[Ss]everal|[Bb]oth|[Tt]wo|[Tt]hree|[Mm]ost)\s+"
    # "Some U.S. steel and aluminum producers": a place's abbreviation, two trades joined
    r"(?:(?:[A-Z]\.){2,3}\s+)?(?:[a-z-]+\s+(?:and\s+|or\s+)?){0,3}"
    r"(?:[a-z]+(?:ers|ors|ists|ians|ants|ents)|[a-z]+(?:ist|ian|ant|ent))"
)
_JOINED = re.compile(r"(?:[Bb]oth\s+)?([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?)\s+and\s+([A-Z][\w.-]+)")
_PROPER_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|the|and|&|on|[A-Z][\w.&’'-]*))*"
)
_AFFILIATION = re.compile(r"^(.+?)\s+(?:of|at|from|with|for)\s+(?:the\s+)?[A-Z].*$")
_BENCH = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:(?:majority|minority|members?)\s+of\s+(?:the|a|an)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:panel|court|committee|jury|tribunal|board|commission|council|bench)"
    r"\s+(?:of|for|at|in)\s+\S.*"
)
"""A body by what it is of: "a three-judge panel of the D.C. Circuit", "the majority of a
panel of the court" (the numbers and hyphens of its description aside)."""
# "Gawker.com said": a website by its address speaks as a body
_WEB_NAME = re.compile(r"[A-Z][\w-]*\.(?:com|org|net|gov|co\.uk|org\.uk|info)")


class Speaker(Struct, frozen=True):
    """Who said something, as a card names them, and the other forms that count."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "person"
    """person, group (officials, scientists) or body (an agency, a newspaper, a letter)."""


_APPOSED_ROLE = (
    r"(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,3}(?:advis[eo]r|aide|spokes(?:man|woman|person)"
    r"|secretary|assistant|counsel|deputy|envoy|ambassador|minister|chief|head|director"
    r"|chairman|chair|president|confidant|associate|speechwriter|strategist)\s+(?:to|of|for)\s+"
)
_UNCLOSED_APPOSITION = re.compile(
    rf"(?<![\w’'-])(?P<name>{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}),\s+(?:{_APPOSED_ROLE})?$"
)
"""A name, then a role in apposition whose closing comma is missing: "Anatoly Chernyaev,
foreign policy advisor to Gorbachev noted ...": the name is the subject."""


def subject_before(text: str, verb_start: int) -> tuple[str, int] | None:
    """The noun phrase before a verb of saying at ``verb_start`` and where it starts.

    Skips adverbs, auxiliaries and an apposition ("John Cornyn, Republican from
    Texas, said"); None for a passive ("was told") or when nothing names a subject.
    """
    head = text[:verb_start]
    adverb = _LY_ADVERB.search(head)
    if adverb is not None and not re.fullmatch(r"\s*[A-Z][\w-]*", head[: adverb.start()]):
        # (one capitalised word that opens the sentence may be no name: "Planning
        # currently calls for ...")
        head = head[: adverb.start()] + " "
    by_phrase = _BY_PHRASE.search(head)
    if by_phrase is not None:
        head = head[: by_phrase.start()]  # "A letter seen by Sky News says": the letter
    trail = _TRAIL.search(head)
    if trail is not None:
        skipped = head[trail.start() :]
        if re.search(r"\b(?:is|was|were|are|been|being)\s*$", skipped, re.IGNORECASE):
            return None
        for apposition in re.finditer(r"(?<=,)\s*([^,“”\"]+?)\s*(?=,)", skipped):
            if re.match(
                r"(?:led|headed|chaired|backed|joined|supported|accompanied)\s+by\b|including\b"
                r"|such\s+as\b|among\s+them\b",
                apposition.group(1),
            ):
                continue  # "Critics in Congress, led by Senator Taft, charged": the critics
            affiliated = _AFFILIATION.match(apposition.group(1))
            named = person_in(affiliated.group(1) if affiliated else apposition.group(1))
            kin = KIN_BEFORE.search(head[: trail.start() + apposition.start()]) is not None
            if named is not None and (len(named[1].split()) >= 2 or kin):
                # "The finance minister, Anna Berg, said"; "In a statement, the association's
                # president, Leon Castillo, said": the name is the speaker
                return apposition.group(1), trail.start() + apposition.start(1)
        pieces = list(re.finditer(r"(?<=,)\s*([^,“”\"]+?)\s*(?=,)", skipped))
        if (
            len(pieces) >= 2
            and _PROPER_NAME.fullmatch(pieces[0].group(1))
            and _OPENING_PHRASE.fullmatch(head[: trail.start()].strip())
        ):
            # "In June 2020, The Lund Company, the largest producer, petitioned": the name
            # before the apposition, after an opening phrase
            return pieces[0].group(1), trail.start() + pieces[0].start(1)
        head = head[: trail.start()]
    if _PASSIVE.search(head + " "):
        return None
    lone_comma = re.search(r"(?<=[A-Za-z.])\s*,\s*$", head)
    participle = re.match(r"[a-z]+ing\b", text[verb_start:]) is not None  # ", adding"
    if lone_comma is not None and not participle and re.search(rf"{NAME_TOKEN}\s*,\s*$", head):
        # "Lydia Buchtmann for Food Standards Australia, says": a stray comma after the subject
        opening = head[: lone_comma.start()]
        if not re.search(r"[,;:!?()“”\"—–]|\.\s", opening.rstrip()[-90:]):
            head = opening
    # an aside inside the subject is read as spaces: "At least one commenter (in 2022) and
    # the Treasury Department (in 1974) have asserted"
    head = _ASIDE.sub(lambda m: " " * len(m.group(0)), head)
    tokens = list(re.finditer(r"[^\s,;:!?()“”\"—–]+", head))
    start = None
    count = 0
    for token in reversed(tokens):
        gap = head[token.end() : start if start is not None else len(head)]
        if re.search(r"[,;:!?()“”\"—–]|\.\s", gap):
            break
        word = token.group(0)
        if word == "--":
            break  # "with a contract -- the administration asked": a dash ends the phrase
        if word.lower() in _CLAUSE_WORDS and not (word[:1].isupper() and count == 0):
            joins: tuple[str, ...] = ("of", "and", "the")
            if start is not None and head[start].isupper():
                joins = (*joins, "for", "at")  # "Lydia Buchtmann for Food Standards Australia"
            before_words = head[: token.start()].split()
            if (
                word.lower() in ("at", "from", "in", "with", "for", "of", "on")
                and start is not None
                and len(before_words) >= 2
                and before_words[-1] in ROLE_NOUNS
                and before_words[-1] not in _RELATIVES  # "a spokesman for X": X speaks
                and before_words[-2].lower() in ("a", "an", "one", "another", "the")
            ):
                start = token.start()  # "one nurse at the hospital", "a farmer from Iowa"
                count += 1
                continue
            if (
                word.lower() == "and"
                and start is not None
                and head[start:].split()[0].lower() in ("he", "she", "they", "we", "it")
            ):
                break  # "talk to the scientists and they say": a clause of its own
            if word.lower() in joins and start is not None:
                # "Secretary of State", "Malin and Edgett": inside the phrase
                before = head[: token.start()].split()
                if word.lower() == "and" and before and not re.search(r"[A-Za-z]", before[-1]):
                    break  # "began on August 10 and South Korea says": a clause, not a pair
                start = token.start()
                count += 1
                continue
            break
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.|al\.", word):
            break  # (but "Smith et al. found": the authors of a paper)
        start = token.start()
        count += 1
        if count >= 12:
            break
    if start is None:
        return None
    unclosed = _UNCLOSED_APPOSITION.search(head[:start])
    if unclosed is not None and (
        not head[:start].rstrip().endswith(",") or re.match(_APPOSED_ROLE, head[start:])
    ):
        # "Anatoly Chernyaev, foreign policy advisor to Gorbachev noted": the apposition's
        # closing comma left out, the name before it is the subject (not Gorbachev)
        return unclosed.group("name"), unclosed.start("name")
    if re.search(r"\b[Aa]t\s+$", head[:start]) and re.match(r"(?:least|most)\b", head[start:]):
        start = head.rindex("t", 0, start) - 1  # "at least one commenter"
    phrase = " ".join(head[start:].split())
    span = _TIME_SPAN.match(phrase)
    if span is not None:  # "For the next 19 years Venezuela petitioned": Venezuela
        start = head.index(phrase[span.end() :].split()[0], start)
        phrase = phrase[span.end() :]
    while phrase.split() and phrase.split()[0].lower() in ("of", "and", "the", "a", "an"):
        first = phrase.split()[0]
        if first.lower() in ("the", "a", "an") and len(phrase.split()) > 1:
            break
        phrase = phrase[len(first) :].strip()
        start = head.index(phrase, start) if phrase else start
    if not phrase:
        return None
    return phrase, start


class Speakers:
    """Resolves subjects of verbs of saying to speakers, remembering who was last named."""

    def __init__(self, people: People) -> None:
        self.people = people
        self.last_person: Speaker | None = None
        self.recent: list[Speaker] = []
        """People named or heard, the latest last: "she said" finds the latest woman."""
        self.last_group: Speaker | None = None
        self.last_speaker: Speaker | None = None
        self.senders: dict[str, Speaker] = {}
        """Who sent the letter or memorandum the article goes on calling "the letter"."""
        self.line = 0
        """The paragraph (line) being read, set by the reader before each sentence."""
        self.body_line = -10
        """The paragraph where ``last_speaker`` spoke, when it is a body."""
        self.bodies: list[Speaker] = []
        """Bodies heard, the latest last: "the board" finds the latest named board."""

    def person(self, name: str) -> Speaker:
        found = self.people.named(name)
        if found is not None:
            return Speaker(found.name, found.aliases, "person")
        return Speaker(name, (), "person")

    def resolve(self, phrase: str, position: int, sentence: str = "") -> Speaker | None:
        """The speaker ``phrase`` names (at ``position`` in the text), or None; a body the
        text names by a short form it defines ("DOE") is named in full, the short form its
        alias, and the full name gets the short form as its alias."""
        found = self._resolve(phrase, position, sentence)
        acronyms: dict[str, str] = getattr(self.people, "acronyms", {})
        if found is None or not acronyms or found.kind == "person":
            return found
        bare = re.sub(r"^[Tt]he\s+", "", found.name)
        if bare in acronyms:
            return Speaker(acronyms[bare], (*found.aliases, bare), found.kind)
        for short, long in acronyms.items():
            if re.sub(r"^[Tt]he\s+", "", long) == bare and short not in found.aliases:
                return Speaker(found.name, (*found.aliases, short), found.kind)
        return found

    def _resolve(self, phrase: str, position: int, sentence: str = "") -> Speaker | None:
        words = phrase.split()
        if not words or _COPULA.search(phrase):
            return None  # "the results are consistent": a clause, no one who speaks
        lower = phrase.lower()
        if lower in _INDEFINITE and re.search(
            r"(?:^|[,;:]|\b(?:while|and|but|whereas|although|though))\s*$", sentence
        ):
            # "Some have expressed concerns ..., while others have welcomed ...": people the
            # article does not name, a side of a debate (an analysis's usual speakers), when
            # they open a clause ("consistent with others indicating" are other findings)
            return Speaker(phrase, (), "group")
        if lower in _PRONOUNS:
            kind = _PRONOUNS[lower]
            if kind == "person":
                return self._recent_person(sentence, "m" if lower == "he" else "f")
            if kind == "body":
                return self._body(sentence)
            if kind == "group":
                nearby = _last_group_in(sentence) if lower == "they" else None
                if nearby is not None and (
                    self.last_group is None
                    or _JUST_BEFORE.fullmatch(sentence[nearby[1] :])
                    # "As the members of Congress considered X, they also discussed ...": the
                    # people the opening clause is about
                    or _OPENING_ABOUT.fullmatch(sentence) is not None
                ):
                    # "We talk to the citizen scientists and they say ...": the people the
                    # sentence has just named
                    return nearby[0]
                if self.last_group is None and self.last_speaker is not None:
                    # "They also claimed ...": the body that spoke last, in this paragraph or
                    # the one before (further on, "they" is someone else)
                    spoke = self.last_speaker
                    if spoke.kind == "body" and self.line - self.body_line > 2:
                        return None
                    return spoke if spoke.kind != "person" else None
                group = self.last_group
                if group is not None and group.kind == "body" and self.line - self.body_line > 2:
                    return None  # a body heard paragraphs ago: "they" is someone else now
                return group
            return None
        last_word = words[-1].lower()
        owner = re.fullmatch(
            r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[’']s?\s+"
            r"(?:[a-z-]+\s+){0,3}[a-z-]+",
            phrase,
        )
        if owner is not None and last_word in _RELATIVES:
            # "NASA's advisory groups have recommended": the groups, not NASA
            return Speaker(_tidy(phrase), (), "person" if not last_word.endswith("s") else "group")
        post = _POST_OF.fullmatch(phrase)
        if post is not None and last_word in ROLE_NOUNS and last_word not in _RELATIVES:
            # "Thames Water's chief executive", "the company's chief executive": the holder of
            # that post (the article may name them), never the owner named
            holder = self.people.by_role(phrase, position)
            if holder is not None and holder.name not in phrase:
                return Speaker(holder.name, holder.aliases, "person")
            return Speaker(_tidy(phrase), (), "person")
        authors = re.fullmatch(r"(.+?)\s+et\s+al\.?", phrase)
        if authors is not None:
            # "Smith et al. (2010) found that": the first author speaks for the paper's authors
            found = self.resolve(authors.group(1), position, sentence)
            return Speaker(f"{found.name} et al.", found.aliases, "group") if found else None
        team = _WITH_TEAM.match(phrase)
        if team is not None:
            # "Dunn and his colleagues report": the team's named member speaks for it
            return self.resolve(team.group(1), position, sentence)
        mentions = self.people.mentions(phrase)
        if mentions:
            if len(mentions) >= 2:
                a, b = mentions[-2], mentions[-1]
                between = phrase[a[1] : b[0]]
                if re.fullmatch(r"\s+and\s+(?:\S+\s+){0,3}", between) and a[2] is not b[2]:
                    return Speaker(f"{a[2].name} and {b[2].name}", (), "group")
            named = mentions[-1][2]
            owned = re.match(r"[’']s?\s+(?:\S+\s+){0,5}\S+$", phrase[mentions[-1][1] :])
            if owned is not None and _is_body(owned.group(0).lstrip("’'s ")):
                # "Saudi Arabia's Civil Defense Authority": the body, not its owner
                return Speaker(_tidy(phrase), (), "body")
            if owned is not None and last_word in _RELATIVES:
                # "Thomas' sister", "Smith's lawyer": someone else, named through the person
                return Speaker(_tidy(phrase), (), "person")
            speaker = Speaker(named.name, named.aliases, "person")
            if last_word in _DOCUMENTS and re.search(r"[’']s\s+\S+$", phrase):
                self.senders[last_word] = speaker  # "President Trump’s memorandum states"
            return speaker
        described = _DESCRIBED_PERSON.fullmatch(phrase)
        if (
            described is not None
            and described.group("pp")
            and described.group("head") in ROLE_NOUNS
        ):
            # "the author of the article", "one nurse at the hospital": a person the article
            # describes, whatever the last noun is
            return Speaker(_tidy(phrase), (), "person")
        members = _GROUP_PP.fullmatch(phrase)
        head_noun = members.group("head").lower() if members is not None else ""
        if head_noun in GROUP_NOUNS and head_noun.endswith("s") and head_noun not in _FINDINGS:
            # "Proponents of the plan", "Critics of the bill": the people, not the plan
            return Speaker(_tidy(phrase), (), "group")
        last = re.sub(r"[’']s$", "", words[-1]).lower()
        if last in NOT_SPEAKERS or lower in NOT_SPEAKERS:
            return None
        if _NUMBERED_TEXT.fullmatch(phrase):
            # "EO 14423 directs", "NSC 68 called for", "Executive Order 12170 requires": a
            # numbered text speaks for whoever issued it
            return Speaker(_tidy(phrase), (), "body")
        if any(w in _FINDINGS for w in words[:-1]):
            # "a survey conducted by the Institute": a finding, not a statement (a capital
            # makes it part of a name: "the Census Bureau" speaks)
            return None
        modifiers = words[1:] if words[0].lower() in ("the", "a", "an", "this") else words
        if last in _LEGAL_TEXTS and any(w[:1].isupper() for w in modifiers):
            # "A Federal Register notice states", "the Paris agreement provides that": a
            # named document speaks for whoever issued it ("the order states" names none)
            return Speaker(_tidy(phrase), (), "body")
        if re.fullmatch(r"[Tt]he\s+[A-Z][\w-]+", phrase):
            # "The Kremlin said", "the Soviets offered": a body or a people named as one
            return Speaker(_tidy(phrase), (), "group" if words[-1].endswith("s") else "body")
        if _COUNTED_TITLES.fullmatch(phrase):
            # "The two Presidents agreed", "the three Foreign Ministers said": the people
            return Speaker(_tidy(phrase), (), "group")
        capitalised = re.findall(rf"{NAME_TOKEN}", phrase)
        affiliated = _AFFILIATION.match(phrase)
        if affiliated is not None:
            # "Ann Ray of Friends of the Earth", "lead author Mark Dunn of Ohio State University"
            split = person_in(affiliated.group(1))
            if split is not None and len(split[1].split()) >= 2 and not _is_body(split[1]):
                return self.person(split[1])
        if capitalised and words[-1][:1].isupper():
            split = person_in(phrase)
            if split is not None and len(split[1].split()) >= 2 and not _is_body(split[1]):
                return self.person(split[1])  # "NASA Administrator Bill Nelson": the name
            if _is_body(phrase):
                return Speaker(_tidy(phrase), (), "body")
            if (
                split is not None
                and len(words) <= 2
                and words[0][:1].isupper()  # "northern Scotland" is a place, not a surname
                and re.fullmatch(NAME_TOKEN, words[-1])
                and words[-1] not in NOT_NAME
                and not _is_country(phrase)  # "Brazil insisted": a country, not a surname
            ):
                return self.person(split[1])  # "Smith told reporters": a surname alone
        role = _ROLE_NP.match(phrase)
        if role is not None:
            holder = self.people.by_role(phrase, position)
            if holder is not None:
                return Speaker(holder.name, holder.aliases, "person")
        if described is not None and described.group("head") in ROLE_NOUNS:
            # "the teacher", "the 54-year-old farmer": a person described, not named
            return Speaker(_tidy(phrase), (), "person")
        named_body = self._named_body(phrase)
        if named_body is not None:
            return named_body  # "the board" after "the Westfield School Board said"
        office = re.fullmatch(
            r"(?:[Tt]he\s+)?(?:(?:new|former|acting|deputy|chief)\s+)?([a-z-]+)\s+(?:of|for|at)\s+\S.*",
            phrase,
        )
        if office is not None and office.group(1) in ROLE_NOUNS:
            return Speaker(_tidy(phrase), (), "person")  # "The mayor of Springfield said"
        owner = _SPEECH_OF.match(phrase)
        if owner is not None:
            # "the ministry's statement said", "the union's spokesman said": the owner speaks
            resolved = self.resolve(owner.group(1), position, sentence)
            if resolved is not None:
                return resolved
        if last not in GROUP_NOUNS and last not in _DOCUMENTS and _AGENT_NP.fullmatch(phrase):
            # "The magicians, who perform as a duo, said", "the glaciologist said": people
            plural = last.endswith("s") and not last.endswith("ss")
            return Speaker(_tidy(phrase), (), "group" if plural else "person")
        if last in GROUP_NOUNS or last in _DOCUMENTS:
            possessor = re.match(rf"^(?:the\s+)?({NAME_TOKEN}(?:\s+{NAME_TOKEN})*)[’']s\s", phrase)
            # (a country's ministry or army is a body of its own: "Ukraine's foreign ministry")
            if possessor and not _is_country(possessor.group(1)):
                resolved = self.resolve(possessor.group(1), position)
                if resolved is not None:
                    if last in _DOCUMENTS:
                        self.senders[last] = resolved  # "the memorandum" is Trump's from now on
                    return resolved
            if last in _DOCUMENTS and (last in self.senders or last not in GROUP_NOUNS):
                # "The memorandum states": its sender, once the article has named them
                return self.senders.get(last) if re.match(r"(?i)the\s+\S+$", phrase) else None
            if last in ROLE_NOUNS:
                return Speaker(_tidy(phrase), (), "person")  # "the president", "one resident"
            return Speaker(_tidy(phrase), (), "group" if last.endswith("s") else "body")
        if _BENCH.fullmatch(phrase):
            # "the majority of a three-judge panel of the D.C. Circuit": a court speaks
            return Speaker(_tidy(phrase), (), "body")
        if _WEB_NAME.fullmatch(phrase):
            return Speaker(phrase, (), "body")
        both = _JOINED.fullmatch(phrase)
        if both is not None:
            # "Both Washington and Moscow pledged": two named parties speaking together
            return Speaker(f"{both.group(1)} and {both.group(2)}", (), "group")
        if _PROPER_NAME.fullmatch(phrase) and len(capitalised) >= 2:
            # "Friends of the Earth said", "Human Rights Watch says": a body by its name
            return Speaker(_tidy(phrase), (), "body")
        if _is_country(phrase):
            # "China insisted that ...", "Germany asked for ...": a country speaks through
            # its government (a history's usual speaker)
            return Speaker(_tidy(phrase), (), "body")
        return None

    def _named_body(self, phrase: str) -> Speaker | None:
        """The body "the board" or "the agency" stands for: the latest one heard whose name
        has that noun ("the Westfield School Board", "the Rural Water Agency")."""
        short = re.fullmatch(r"(?:the|this)\s+([a-z]+)", phrase, re.IGNORECASE)
        if short is None:
            return None
        noun = short.group(1).lower()
        for body in reversed(self.bodies):
            if noun in (w.lower() for w in body.name.split()[1:]):
                return body
        if noun in _ANY_BODY and self.bodies:
            # "the group said in a statement" after "The American Water Works Association
            # warned ...": a word for any body stands for the latest one heard
            return self.bodies[-1]
        return None

    def _body(self, head: str) -> Speaker | None:
        """What "it" is as a speaker: the body its sentence opens with ("The JVP took up arms
        against what it called ..."), else the body that spoke last, in this paragraph or the
        one before ("“...,” said KCNA. “...,” it added"). Never a study or a report: a
        sentence that opens with one makes "it" nobody."""
        opening = _OPENING_NP.match(head)
        if opening is not None and opening.end() < len(head):
            found = self.resolve(opening.group("np"), 0)
            return found if found is not None and found.kind == "body" else None
        last = self.last_speaker
        if last is not None and last.kind == "body" and self.line == self.body_line:
            return last
        return None

    def _recent_person(self, sentence: str, gender: str = "") -> Speaker | None:
        """The person "he" or "she" is: the last one named in the sentence so far, else the
        last one named or heard before, skipping anyone the article shows is of the other
        gender."""
        for _s, _e, person in reversed(self.people.mentions(sentence)):
            if self._agrees(person.name, gender):
                return Speaker(person.name, person.aliases, "person")
        if gender == "f":
            # "she": the latest woman the article shows is one, before anyone unknown (in
            # news an unknown is more often a man: "he" takes the latest one not a woman)
            for speaker in reversed(self.recent[-3:]):
                known = self.people.named(speaker.name)
                if known is not None and known.gender == gender:
                    return speaker
        for speaker in reversed(self.recent[-6:]):
            if self._agrees(speaker.name, gender):
                return speaker
        return self.last_person if self._agrees_speaker(self.last_person, gender) else None

    def _agrees(self, name: str, gender: str) -> bool:
        person = self.people.named(name)
        return person is None or not gender or person.gender in ("", gender)

    def _agrees_speaker(self, speaker: Speaker | None, gender: str) -> bool:
        return speaker is not None and self._agrees(speaker.name, gender)

    def _remember(self, speaker: Speaker) -> None:
        kept = [s for s in self.recent if s.name != speaker.name][-7:]
        self.recent = [*kept, speaker]

    def heard(self, speaker: Speaker) -> None:
        """Remember a speaker: the next "he said" or "they said" may be them."""
        self.last_speaker = speaker
        if speaker.kind == "body":
            self.body_line = self.line
            kept = [b for b in self.bodies if b.name != speaker.name][-7:]
            self.bodies = [*kept, speaker]
        if speaker.kind == "person":
            self.last_person = speaker
            self._remember(speaker)
        else:
            self.last_group = speaker

    def saw(self, sentence: str) -> None:
        """Remember who a sentence is about (its first person or plural group); one that
        opens with a thing ("The study was published ...") makes it the next "it"."""
        thing = _THING_OPENING.match(sentence)
        if sentence.startswith("It ") or (thing and thing.group("head") not in GROUP_NOUNS):
            self.body_line = -10  # "The audit was published": the next "it" may be the audit
        mentions = self.people.mentions(sentence)
        for _s, _e, named in reversed(mentions[1:]):
            self._remember(Speaker(named.name, named.aliases, "person"))
        if mentions:
            person = mentions[0][2]
            self.last_person = Speaker(person.name, person.aliases, "person")
            self._remember(self.last_person)
        group = re.match(
            r"^(?:[A-Z][\w-]*\s+)?(?:The|the)?\s*((?:[A-Za-z-]+\s+){0,2}(?P<head>[a-z]+s))\s",
            sentence,
        )
        if group and group.group("head") in GROUP_NOUNS:
            self.last_group = Speaker(_tidy(group.group(0).strip()), (), "group")
        acting = list(_GROUP_ACTS.finditer(sentence))
        if acting:  # "..., so the Indians adopted a strategy": the next "they" is theirs
            last = acting[-1]
            head = last.group("head")
            if head in GROUP_NOUNS or head[:1].isupper():
                self.last_group = Speaker(_tidy(last.group("np").strip()), (), "group")


_GROUP_ACTS = re.compile(
    r"(?:[,;]\s+(?:so|and|but|yet|while|whereas)\s+|\b(?:so|and|but|while|whereas)\s+)"
    r"(?P<np>(?:the|many|some|most)\s+(?:[a-z-]+\s+){0,2}(?P<head>[a-z]+s|[A-Z][a-z]+s))"
    r"\s+(?:[a-z]+ed|were|had|would|could|did|began|chose|sought|fought|made|took)\b"
)
"""A group that acts in a sentence's later clause: "..., so the Indians adopted ..."."""
_GROUP_NP = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Mm]any|[Ss]ome|[Oo]ur|[Tt]heir|[Oo]ther)"
    r"(?P<words>(?:\s+[a-z-]+){1,3})"
)
_OPENING_ABOUT = re.compile(
    r"\s*(?:As|When|While|After|Before|Since|Because|Although|Though|Once)\s+"
    r"(?:the\s+|some\s+|many\s+)?[a-z-]+(?:\s+[a-z-]+)?\s[^,;:]*,\s*(?:also\s+)?"
)
"""An opening clause whose subject is a group, up to the "they" after it."""
_JUST_BEFORE = re.compile(r"\s*,?\s*(?:and|but|so|,)?\s*")


def _last_group_in(head: str) -> tuple[Speaker, int] | None:
    """The last group of people named in ``head`` ("the citizen scientists", "the other
    people") and where it ends: what a "they" after it most likely is."""
    found: tuple[str, int] | None = None
    for m in _GROUP_NP.finditer(head):
        for word in re.finditer(r"[a-z-]+", m.group("words")):
            noun = word.group(0)
            if noun in GROUP_NOUNS and (noun.endswith("s") or noun == "people"):
                end = m.start("words") + word.end()
                found = (head[m.start() : end], end)  # "the citizen scientists"
    if found is None:
        return None
    return Speaker(_tidy(found[0]), (), "group"), found[1]


def _is_country(phrase: str) -> bool:
    """Whether ``phrase`` is a country's name as written ("China", "the Soviet Union"): a
    capitalised name of one to four words that ISO 3166 (or a common short form) lists."""
    if not re.fullmatch(
        r"(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.-]*){0,3}", phrase
    ):
        return False
    return country_code(phrase) is not None or phrase.lower().removeprefix("the ") in _FORMER


_FORMER = frozenset(
    [
        "soviet union",
        "ussr",
        "prussia",
        "east germany",
        "west germany",
        "ottoman empire",
        "yugoslavia",
        "czechoslovakia",
    ]
)
"""Countries a history names that ISO 3166 no longer lists."""


def _is_body(phrase: str) -> bool:
    tokens = [re.sub(r"[’']s$", "", t).rstrip(".") for t in phrase.split()]
    return any(t in ORG_WORDS or (len(t) > 1 and t.isupper() and t.isalpha()) for t in tokens)


def _tidy(phrase: str) -> str:
    """A speaker as a card shows it: without a leading "A", "The" in lower case."""
    phrase = re.sub(r"^(?:A|An|a|an)\s+", "", phrase.strip(" ,"))
    return re.sub(r"^The\s+", "the ", phrase)
