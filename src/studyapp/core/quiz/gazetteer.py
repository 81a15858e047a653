"""Names of places and organisations the quiz can recognise, and fall back on.

Whether an answer names a country is a fact about the world, not about the
deck, so it comes from a kept list: ISO 3166 through ``pycountry`` (names,
common names, official names), plus the short forms people write ("the US",
"South Korea", "Britain"). Regions and international organisations are short
built-in lists: enough to tell "North Atlantic" from "one theater", and to offer
a plausible option when a deck names too few of its own.

``pycountry`` is imported on first use, never at start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import clean, fold

__all__ = [
    "FALLBACK_COUNTRIES",
    "FALLBACK_ORGANISATIONS",
    "FALLBACK_REGIONS",
    "ORGANISATION_KINDS",
    "country_code",
    "country_names",
    "descriptor_country",
    "find_countries",
    "find_nationalities",
    "is_organisation_name",
    "is_region_name",
]

_ALIASES: dict[str, str] = {
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "south korea": "KR",
    "republic of korea": "KR",
    "rok": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "russia": "RU",
    "taiwan": "TW",
    "vietnam": "VN",
    "iran": "IR",
    "syria": "SY",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "turkey": "TR",
    "czech republic": "CZ",
    "vatican": "VA",
    "vatican city": "VA",
    "holy see": "VA",
    "ivory coast": "CI",
    "burma": "MM",
    "palestine": "PS",
    "micronesia": "FM",
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "east timor": "TL",
    "macedonia": "MK",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "republic of the congo": "CG",
    "prc": "CN",
    "people's republic of china": "CN",
    "mainland china": "CN",
}


def _key(text: str) -> str:
    """A country name's comparison form: folded, no leading article, no trailing dot."""
    key = fold(text).replace("’", "'").strip().rstrip(".")
    return re.sub(r"^the\s+", "", key)


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(name key -> alpha-2 code, code -> the name people usually write)."""
    import pycountry

    by_key: dict[str, str] = {}
    short: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        names = [str(country.name)]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.append(str(value))
        for name in names:
            by_key.setdefault(_key(name), code)
        common = getattr(country, "common_name", None)
        short[code] = str(common) if common and "," not in str(common) else str(country.name)
    for alias, code in _ALIASES.items():
        by_key[_key(alias)] = code
    short.update(
        {"US": "the United States", "GB": "the United Kingdom", "RU": "Russia", "KR": "South Korea"}
    )
    short.update(
        {"KP": "North Korea", "TW": "Taiwan", "VN": "Vietnam", "IR": "Iran", "TR": "Turkey"}
    )
    return by_key, short


_STATE_FORM = re.compile(
    r"^(?:the )?(?:commonwealth|kingdom|federal republic|federation|republic|state|"
    r"principality|grand duchy|sultanate|emirate|union) of (?:the )?(.+)$"
)
"""A state's long form ("Commonwealth of Australia", "Kingdom of Sweden"): ISO lists
official names for some countries only, and a learner may write any of them."""


def country_code(text: str) -> str | None:
    """The ISO 3166 alpha-2 code of the country ``text`` names exactly, if it names one.

    A long form of a country's name counts when ISO does not list it as another
    country's name ("Republic of the Congo" and "Republic of China" keep theirs).
    """
    names = _countries()[0]
    key = _key(text)
    if key in names:
        return names[key]
    long_form = _STATE_FORM.match(key)
    if long_form is None or key.endswith("of china"):
        return None
    return names.get(long_form[1])


_DEMONYMS: dict[str, str] = {
    "american": "US",
    "us": "US",
    "u s": "US",
    "japanese": "JP",
    "korean": "KR",
    "south korean": "KR",
    "north korean": "KP",
    "chinese": "CN",
    "taiwanese": "TW",
    "british": "GB",
    "french": "FR",
    "german": "DE",
    "italian": "IT",
    "spanish": "ES",
    "russian": "RU",
    "ukrainian": "UA",
    "polish": "PL",
    "indian": "IN",
    "pakistani": "PK",
    "canadian": "CA",
    "mexican": "MX",
    "brazilian": "BR",
    "argentine": "AR",
    "australian": "AU",
    "indonesian": "ID",
    "filipino": "PH",
    "philippine": "PH",
    "vietnamese": "VN",
    "thai": "TH",
    "turkish": "TR",
    "israeli": "IL",
    "iranian": "IR",
    "iraqi": "IQ",
    "saudi": "SA",
    "egyptian": "EG",
    "south african": "ZA",
    "dutch": "NL",
    "swedish": "SE",
    "norwegian": "NO",
    "finnish": "FI",
    "danish": "DK",
    "irish": "IE",
    "greek": "GR",
    "new zealand": "NZ",
    "singaporean": "SG",
    "malaysian": "MY",
    "mongolian": "MN",
}
"""Nationality adjectives, as in "South Korean President Lee" or "Japanese PMs"."""


def descriptor_country(text: str) -> str | None:
    """The country a descriptor names: a nationality ("South Korean") or a country ("US")."""
    key = _key(text)
    return _DEMONYMS.get(key) or country_code(text)


@lru_cache(maxsize=1)
def _nationality_pattern() -> re.Pattern[str]:
    """Nationality adjectives as whole words, longest first ("South Korean" before "Korean").

    The table's short forms ("us") and the country names it repeats ("new zealand") are
    left out: :func:`find_countries` reads country names, and "us" is a word in running text.
    """
    words = sorted(
        (k for k in _DEMONYMS if len(k) > 3 and country_code(k) is None), key=len, reverse=True
    )
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE)


def find_nationalities(text: str) -> list[str]:
    """The codes of the countries ``text`` names by a nationality ("the Japanese leader": JP).

    A question that says "Japanese" names Japan as surely as one that says "Japan": an
    option listing Japan would be answered by the question itself. Capitalised words only,
    as :func:`find_countries` reads them. A small table, not a library: ``pycountry`` has
    no demonyms, and a question names the few well-known ones.
    """
    cleaned = clean(text)
    return [
        _DEMONYMS[_key(" ".join(match[1].split()))]
        for match in _nationality_pattern().finditer(cleaned)
        if match[1][:1].isupper()
    ]


def country_names() -> dict[str, str]:
    """Every country's code and the name people usually write for it."""
    return dict(_countries()[1])


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    """Country names and aliases as whole words, longest first (for finding them in text).

    Forms of three letters or fewer ("us", "uk") are left out: in running text they are
    more often words than countries.
    """
    names = sorted((n for n in _countries()[0] if len(n) > 3), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE)


def find_countries(text: str) -> list[str]:
    """The codes of the countries ``text`` names, in order (capitalised names only)."""
    cleaned = clean(text)
    return [
        code
        for match in _country_pattern().finditer(cleaned)
        if match[1][:1].isupper() and (code := country_code(match[1])) is not None
    ]


FALLBACK_COUNTRIES: tuple[str, ...] = (
    "the United States",
    "China",
    "Japan",
    "Germany",
    "France",
    "the United Kingdom",
    "India",
    "Brazil",
    "Canada",
    "Australia",
    "Italy",
    "Russia",
    "South Korea",
    "Mexico",
    "Indonesia",
    "Spain",
    "Turkey",
    "Saudi Arabia",
    "Argentina",
    "South Africa",
)
"""Countries any learner has heard of, for decks that name fewer than four."""

# ------------------------------------------------------------------ regions

_REGION_WORDS = (
    "sea",
    "ocean",
    "strait",
    "straits",
    "gulf",
    "bay",
    "peninsula",
    "landmass",
    "continent",
    "basin",
    "channel",
    "archipelago",
    "coast",
    "desert",
    "plateau",
    "mountains",
    "valley",
    "region",
)
_REGIONS = (
    "Atlantic",
    "North Atlantic",
    "South Atlantic",
    "Pacific",
    "Indo-Pacific",
    "Asia-Pacific",
    "Arctic",
    "Antarctic",
    "Mediterranean",
    "Middle East",
    "Near East",
    "Far East",
    "Eurasia",
    "Europe",
    "Asia",
    "East Asia",
    "Northeast Asia",
    "Southeast Asia",
    "South Asia",
    "Central Asia",
    "Africa",
    "North Africa",
    "Sub-Saharan Africa",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Caribbean",
    "Oceania",
    "Balkans",
    "Caucasus",
    "Sahel",
    "Scandinavia",
    "Western Europe",
    "Eastern Europe",
    "Baltic",
)
FALLBACK_REGIONS: tuple[str, ...] = (
    "Indo-Pacific",
    "North Atlantic",
    "Middle East",
    "Southeast Asia",
    "Arctic",
    "Mediterranean",
    "South China Sea",
    "Korean Peninsula",
    "Eurasian landmass",
    "Indian Ocean",
)
"""Regions to offer when a deck names too few of its own."""

_REGION_KEYS = frozenset(fold(r) for r in _REGIONS)
_TITLE_WORD = r"[A-Z][\w’'-]*"
REGION_IN_TEXT = re.compile(
    rf"\b((?:{_TITLE_WORD}\s+){{0,2}}(?:{'|'.join(w.title() for w in _REGION_WORDS)}))\b"
    rf"|\b({'|'.join(re.escape(r) for r in sorted(_REGIONS, key=len, reverse=True))})\b"
    rf"|\b({_TITLE_WORD}\s+(?:{'|'.join(w for w in _REGION_WORDS)}))\b"
)
"""Region names in running text ("the Taiwan Strait", "the Eurasian landmass")."""


def is_region_name(text: str) -> bool:
    """Whether ``text`` names a region: a known one, or a name ending in a region word."""
    key = re.sub(r"^the\s+", "", fold(text).strip())
    if key in _REGION_KEYS:
        return True
    words = key.split()
    if not 1 < len(words) <= 4 or words[-1] not in _REGION_WORDS:
        return False
    head = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).split()[0]
    return head[:1].isupper()


# ------------------------------------------------------------ organisations

_ORG_WORDS = frozenset(
    [
        "organization",
        "organisation",
        "union",
        "institute",
        "institution",
        "council",
        "committee",
        "commission",
        "agency",
        "association",
        "bank",
        "fund",
        "party",
        "ministry",
        "department",
        "university",
        "college",
        "academy",
        "foundation",
        "forum",
        "partners",
        "federation",
        "league",
        "assembly",
        "parliament",
        "congress",
        "senate",
        "court",
        "corporation",
        "company",
        "group",
        "society",
        "office",
        "bureau",
        "service",
        "tribunal",
        "secretariat",
    ]
)
FALLBACK_ORGANISATIONS: tuple[str, ...] = (
    "the United Nations",
    "NATO",
    "the European Union",
    "ASEAN",
    "the World Bank",
    "the International Monetary Fund",
    "the World Health Organization",
    "the World Trade Organization",
    "the OECD",
    "the African Union",
)
"""International organisations to offer when a deck names too few of its own."""
_KNOWN_ORGS = frozenset(_key(o) for o in FALLBACK_ORGANISATIONS) | frozenset(
    {"un", "eu", "g7", "g20", "imf", "who", "wto", "apec", "quad", "opec", "nato", "asean"}
)


def is_organisation_name(text: str) -> bool:
    """Whether ``text`` names an organisation: a known one, "... Institute", "... (NATO)"."""
    stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if not stripped:
        return False
    if _key(stripped) in _KNOWN_ORGS:
        return True  # an unknown acronym may be anything: DNA, GDP, ATP
    bare = re.sub(r"\s*\([A-Z][A-Z0-9&]{1,7}\)$", "", stripped)
    if bare != stripped and bare[:1].isupper():
        return True
    words = bare.split()
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "for", "and", "on") for w in words):
        return False
    return any(fold(w) in _ORG_WORDS for w in words)


ORGANISATION_KINDS: tuple[str, ...] = (
    "think tank",
    "newspaper",
    "university",
    "government agency",
    "government ministry",
    "political party",
    "polling company",
    "broadcaster",
    "trade union",
    "charity",
    "news agency",
    "consulting firm",
    "business lobby",
)
"""Kinds of organisation ("a South Korean think tank"), to swap one for another."""
