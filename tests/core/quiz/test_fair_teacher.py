"""What a fair teacher accepts and refuses (issue 16), as a table over six subjects.

Each row is one answer typed by a learner studying one card of a small deck, the
verdict a fair teacher gives and why. The verdicts are written from the issue's
rules, not from what the checker does today. A verdict written ``close|correct``
means "at least close" (the issue's word for alternative romanisations).

The learner's verdict is computed as ``studyapp judge`` and the study screen
compute it: :func:`studyapp.core.quiz.judging.judge_answer` with the deck's
answer-key index. ``retry`` is "write it another way" (nothing graded); ``self``
is a card shown to the learner to grade (an empty answer just shows the card).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from studyapp.core.decks.cards import Card, cards_for_deck
from studyapp.core.decks.model import Deck
from studyapp.core.quiz.answers.keyindex import AnswerKeyIndex
from studyapp.core.quiz.judging import judge_answer


def _qa(entry_id: str, prompt: str, answer: str, **more: Any) -> dict[str, Any]:
    return {"id": entry_id, "kind": "qa", "prompt": prompt, "answer": answer, **more}


def _date(entry_id: str, event: str, date: str) -> dict[str, Any]:
    return {"id": entry_id, "kind": "date", "event": event, "date": date}


def _quote(entry_id: str, quote: str, speaker: str, *aliases: str) -> dict[str, Any]:
    return {
        "id": entry_id,
        "kind": "quote",
        "quote": quote,
        "speaker": speaker,
        "speaker_aliases": list(aliases),
    }


def _figure(entry_id: str, measure: str, value: float, **more: Any) -> dict[str, Any]:
    return {"id": entry_id, "kind": "figure", "measure": measure, "value": value, **more}


DECKS: dict[str, list[dict[str, Any]]] = {
    "history": [
        _date("lee", "Lee Jae-myung is elected President of South Korea", "2025-06-03"),
        _date("moon-landing", "Apollo 11 lands on the Moon", "1969-07-20"),
        _date("wall", "The Berlin Wall falls", "1989-11-09"),
        _date("ww1", "Austria-Hungary declares war on Serbia", "1914-07-28"),
        _date("magna-carta", "King John seals Magna Carta", "1215"),
        _date("camp-david", "The Camp David summit of Japan, South Korea and the US", "2023-08"),
    ],
    "science": [
        _qa("ribosome", "Which organelles make proteins?", "ribosomes"),
        _qa(
            "mitochondria",
            "Which organelles produce most of a cell's ATP?",
            "mitochondria",
            accept=["mitochondrion"],
        ),
        _qa("lysosome", "Which organelles digest worn-out cell parts?", "lysosomes"),
        _qa("nucleus", "Which organelle holds the DNA of a eukaryotic cell?", "nucleus"),
        _qa("photo", "How do plants make sugar from light?", "photosynthesis"),
        _qa("mitosis", "How does a body cell divide into two identical cells?", "mitosis"),
        _qa("meiosis", "Which cell division makes gametes?", "meiosis"),
        _qa("alveoli", "Which tiny air sacs of the lungs exchange gases?", "alveoli"),
        _qa("chloroplast", "Where in a plant cell does photosynthesis happen?", "chloroplasts"),
        _qa("electron", "Which negatively charged particles surround the nucleus?", "electrons"),
        _qa("proton", "Which positively charged particles are in the nucleus?", "protons"),
        _qa("neutron", "Which particles of the nucleus have no charge?", "neutrons"),
    ],
    "geography": [
        _qa("canberra", "Which country's capital is Canberra?", "Australia"),
        _qa("vienna", "Which country's capital is Vienna?", "Austria"),
        _qa("baghdad", "Which country's capital is Baghdad?", "Iraq"),
        _qa("tehran", "Which country's capital is Tehran?", "Iran"),
        _qa("niamey", "Which country's capital is Niamey?", "Niger"),
        _qa("abuja", "Which country's capital is Abuja?", "Nigeria"),
        _qa("bratislava", "Which country's capital is Bratislava?", "Slovakia"),
        _qa("ljubljana", "Which country's capital is Ljubljana?", "Slovenia"),
        _qa("conakry", "Which country's capital is Conakry?", "Guinea"),
        _qa("roseau", "Which country's capital is Roseau?", "Dominica"),
        _qa("camp-david", "In which country is Camp David?", "United States"),
        _qa("seoul", "Which country's capital is Seoul?", "South Korea"),
        _qa("bern", "Which country's capital is Bern?", "Switzerland"),
        _qa("swedes", "What are the people of Sweden called?", "Swedes"),
    ],
    "people": [
        _quote("lee", "Diplomacy must be pragmatic.", "Lee Jae-myung", "President Lee"),
        _quote("yoon", "Freedom is our shared value.", "Yoon Suk Yeol", "President Yoon"),
        _quote("moon", "Peace is the way forward.", "Moon Jae-in", "President Moon"),
        _quote("ishiba", "Japan must face history.", "Ishiba Shigeru", "Prime Minister Ishiba"),
        _quote("abe", "Japan is back.", "Abe Shinzo", "Prime Minister Abe"),
        _quote("kishida", "A new form of capitalism.", "Kishida Fumio"),
        _quote("kan", "I express my deep remorse.", "Kan Naoto"),
        _quote("murayama", "Japan caused tremendous damage and suffering.", "Murayama Tomiichi"),
        _quote("xi", "The Chinese dream.", "Xi Jinping"),
    ],
    "lists": [
        _qa(
            "ip4",
            "Which four countries form the IP4?",
            "Japan, South Korea, Australia and New Zealand",
            members=["Japan", "South Korea", "Australia", "New Zealand"],
        ),
        _qa(
            "quad",
            "Which four countries form the Quad?",
            "United States, Japan, India and Australia",
            members=["United States", "Japan", "India", "Australia"],
        ),
        _qa(
            "primaries",
            "What are the three primary colours of paint?",
            "red, yellow and blue",
            members=["red", "yellow", "blue"],
        ),
    ],
    "numbers": [
        _figure("ww2", "Which anniversary of the end of World War II fell in 2025?", 80),
        _figure("normalisation", "Which anniversary of Japan-Korea normalisation in 2025?", 60),
        _figure("call", "In which place did Lee call Ishiba, after Trump?", 2),
        _figure("months", "How many months are in a year?", 12),
        _figure("share", "Share of the vote won by Lee (%)", 49.4, unit="%"),
        _figure("quarter", "Share of Earth's surface covered by water, roughly", 75, unit="%"),
        _figure(
            "population",
            "Population of South Korea in 2024",
            51_700_000,
            unit="people",
            tolerance=500_000,
        ),
    ],
}


@cache
def _deck(subject: str) -> tuple[dict[str, Card], AnswerKeyIndex]:
    deck = Deck.model_validate({"id": subject, "title": subject, "entries": DECKS[subject]})
    cards = {f"{c.entry_id}/{c.variant}": c for c in cards_for_deck(deck)}
    return cards, AnswerKeyIndex(deck)


# (subject, card, typed answer, fair verdict, why)
CASES: list[tuple[str, str, str, str, str]] = [
    # ---------------------------------------------------------------- history dates
    ("history", "lee/when", "3 June 2025", "correct", "the date as the card shows it"),
    ("history", "lee/when", "June 3, 2025", "correct", "US order, same day"),
    ("history", "lee/when", "2025-06-03", "correct", "ISO form"),
    ("history", "lee/when", "june third 2025", "correct", "ordinal in words is a day"),
    ("history", "lee/when", "3rd of June 2025", "correct", "ordinal with 'of'"),
    ("history", "lee/when", "June 3rd, 2025", "correct", "ordinal suffix"),
    ("history", "lee/when", "June 3rd 2025", "correct", "ordinal suffix, no comma"),
    ("history", "lee/when", "the third of June, 2025", "correct", "words and article"),
    ("history", "lee/when", "6/3/2025", "retry", "ambiguous: 3 June or 6 March"),
    ("history", "lee/when", "17 Jume 2025", "retry", "unreadable month: ask again, no penalty"),
    ("history", "lee/when", "2O25-06-03", "retry", "letter O for zero: unreadable, not wrong"),
    ("history", "lee/when", "4 June 2025", "wrong", "another day is a different date"),
    ("history", "lee/when", "3 June 2024", "wrong", "another year"),
    ("history", "lee/when", "3 July 2025", "wrong", "another month"),
    ("history", "lee/when", "", "self", "an empty answer just shows the card"),
    ("history", "lee/when", "   ", "self", "whitespace is empty"),
    ("history", "moon-landing/when", "20 July 1969", "correct", "as shown"),
    ("history", "moon-landing/when", "July 20th, 1969", "correct", "US order, ordinal"),
    ("history", "moon-landing/when", "twentieth of July 1969", "correct", "ordinal word"),
    ("history", "moon-landing/when", "1969-07-20", "correct", "ISO form"),
    ("history", "moon-landing/when", "20/07/1969", "correct", "day 20 > 12: not ambiguous"),
    ("history", "moon-landing/when", "07/20/1969", "correct", "US numeric, not ambiguous"),
    ("history", "moon-landing/when", "20 Jul 1969", "correct", "abbreviated month"),
    ("history", "moon-landing/when", "21 July 1969", "wrong", "the next day (UTC) is not it"),
    ("history", "moon-landing/when", "20 July 1968", "wrong", "another year"),
    ("history", "moon-landing/when", "20 July '69", "retry", "two-digit year: write it out"),
    ("history", "moon-landing/when", "9 November 1989", "wrong", "another card's date"),
    ("history", "wall/when", "9 November 1989", "correct", "as shown"),
    ("history", "wall/when", "November 9, 1989", "correct", "US order"),
    ("history", "wall/when", "9 Nov 1989", "correct", "abbreviated month"),
    ("history", "wall/when", "9th November 1989", "correct", "ordinal suffix"),
    ("history", "wall/when", "ninth of November 1989", "correct", "ordinal word"),
    ("history", "wall/when", "11/9/1989", "retry", "ambiguous: 11 Sep or 9 Nov"),
    ("history", "wall/when", "9 November 1998", "wrong", "swapped year digits: other year"),
    ("history", "wall/when", "10 November 1989", "wrong", "another day"),
    ("history", "ww1/when", "28 July 1914", "correct", "as shown"),
    ("history", "ww1/when", "1914-07-28", "correct", "ISO form"),
    ("history", "ww1/when", "28 July 1941", "wrong", "another year (1941)"),
    ("history", "ww1/when", "twenty-eighth of July 1914", "correct", "ordinal words"),
    ("history", "magna-carta/when", "1215", "correct", "a year card takes the year"),
    ("history", "magna-carta/when", "in 1215", "correct", "a preposition changes nothing"),
    ("history", "magna-carta/when", "AD 1215", "correct", "era marker"),
    ("history", "magna-carta/when", "1216", "wrong", "another year"),
    ("history", "magna-carta/when", "'15", "retry", "two-digit year: write it out"),
    ("history", "camp-david/when", "August 2023", "correct", "month precision"),
    ("history", "camp-david/when", "Aug 2023", "correct", "abbreviated month"),
    ("history", "camp-david/when", "2023-08", "correct", "ISO month"),
    ("history", "camp-david/when", "July 2023", "wrong", "another month"),
    ("history", "camp-david/when", "August 2022", "wrong", "another year"),
    # ------------------------------------------------------ science terms with plurals
    ("science", "ribosome/answer", "ribosomes", "correct", "as given"),
    ("science", "ribosome/answer", "ribosome", "correct", "singular of the plural answer"),
    ("science", "ribosome/answer", "Ribosomes", "correct", "case does not matter"),
    ("science", "ribosome/answer", "the ribosomes", "correct", "article does not matter"),
    ("science", "ribosome/answer", "ribosomse", "close", "a typo"),
    ("science", "ribosome/answer", "ribsomes", "close", "a letter missing"),
    ("science", "ribosome/answer", "lysosomes", "wrong", "another organelle of the deck"),
    ("science", "ribosome/answer", "mitochondria", "wrong", "another answer of the deck"),
    ("science", "mitochondria/answer", "mitochondria", "correct", "as given"),
    ("science", "mitochondria/answer", "mitochondrion", "correct", "singular, accepted"),
    ("science", "mitochondria/answer", "the mitochondria", "correct", "article"),
    ("science", "mitochondria/answer", "mitocondria", "close", "a letter missing"),
    ("science", "mitochondria/answer", "ribosomes", "wrong", "another organelle"),
    ("science", "lysosome/answer", "lysosome", "correct", "singular"),
    ("science", "lysosome/answer", "lysosomes", "correct", "as given"),
    ("science", "lysosome/answer", "ribosomes", "wrong", "rival organelle, 2 letters off"),
    ("science", "nucleus/answer", "nucleus", "correct", "as given"),
    ("science", "nucleus/answer", "the nucleus", "correct", "article"),
    ("science", "nucleus/answer", "nuclei", "correct", "plural of the answer"),
    ("science", "nucleus/answer", "nucleous", "close", "a misspelling"),
    ("science", "nucleus/answer", "neutrons", "wrong", "another answer of the deck"),
    ("science", "photo/answer", "photosynthesis", "correct", "as given"),
    ("science", "photo/answer", "Photosynthesis.", "correct", "punctuation"),
    ("science", "photo/answer", "photosynthsis", "close", "a letter missing"),
    ("science", "photo/answer", "respiration", "wrong", "another process"),
    ("science", "mitosis/answer", "mitosis", "correct", "as given"),
    ("science", "mitosis/answer", "meiosis", "wrong", "another answer of the deck"),
    ("science", "mitosis/answer", "mitossis", "close", "a doubled letter"),
    ("science", "meiosis/answer", "meiosis", "correct", "as given"),
    ("science", "meiosis/answer", "mitosis", "wrong", "another answer of the deck"),
    ("science", "alveoli/answer", "alveoli", "correct", "as given"),
    ("science", "alveoli/answer", "alveolus", "correct", "singular of the plural answer"),
    ("science", "alveoli/answer", "the alveoli", "correct", "article"),
    ("science", "alveoli/answer", "alveoly", "close", "one letter off"),
    ("science", "chloroplast/answer", "chloroplast", "correct", "singular"),
    ("science", "chloroplast/answer", "chloroplasts", "correct", "as given"),
    ("science", "chloroplast/answer", "in the chloroplasts", "correct", "a preposition"),
    ("science", "chloroplast/answer", "chlorophyll", "wrong", "the pigment, another term"),
    ("science", "electron/answer", "electron", "correct", "singular"),
    ("science", "electron/answer", "an electron", "correct", "article"),
    ("science", "electron/answer", "elecrtons", "close", "swapped letters"),
    ("science", "electron/answer", "protons", "wrong", "another answer of the deck"),
    ("science", "proton/answer", "proton", "correct", "singular"),
    ("science", "proton/answer", "neutrons", "wrong", "another answer of the deck"),
    ("science", "neutron/answer", "neutron", "correct", "singular"),
    ("science", "neutron/answer", "protons", "wrong", "another answer of the deck"),
    # ---------------------------------------------- geography, near-identical names
    ("geography", "canberra/answer", "Australia", "correct", "as given"),
    ("geography", "canberra/answer", "australia", "correct", "case"),
    ("geography", "canberra/answer", "Austria", "wrong", "another country, however close"),
    ("geography", "canberra/answer", "Australai", "close", "a typo, not a country"),
    (
        "geography",
        "canberra/answer",
        "Austrlia",
        "retry",
        "a letter missing, and as near another answer: asked to write it again",
    ),
    ("geography", "canberra/answer", "Commonwealth of Australia", "correct", "official name"),
    ("geography", "vienna/answer", "Austria", "correct", "as given"),
    ("geography", "vienna/answer", "Australia", "wrong", "another country"),
    ("geography", "vienna/answer", "Austira", "close", "swapped letters"),
    ("geography", "baghdad/answer", "Iraq", "correct", "as given"),
    ("geography", "baghdad/answer", "Iran", "wrong", "one letter, another country"),
    ("geography", "baghdad/answer", "iraq", "correct", "case"),
    (
        "geography",
        "baghdad/answer",
        "Irak",
        "retry",
        "another spelling of the name, and as near another answer: asked to write it again",
    ),
    ("geography", "tehran/answer", "Iran", "correct", "as given"),
    ("geography", "tehran/answer", "Iraq", "wrong", "another country"),
    ("geography", "tehran/answer", "Irna", "close", "swapped pair, not a country"),
    ("geography", "niamey/answer", "Niger", "correct", "as given"),
    ("geography", "niamey/answer", "Nigeria", "wrong", "another country"),
    ("geography", "abuja/answer", "Nigeria", "correct", "as given"),
    ("geography", "abuja/answer", "Niger", "wrong", "another country"),
    (
        "geography",
        "abuja/answer",
        "Nigera",
        "retry",
        "a letter missing, not a country, and as near another answer: asked to write it again",
    ),
    ("geography", "bratislava/answer", "Slovakia", "correct", "as given"),
    ("geography", "bratislava/answer", "Slovenia", "wrong", "another country"),
    ("geography", "bratislava/answer", "Slovakai", "close", "swapped letters"),
    ("geography", "ljubljana/answer", "Slovenia", "correct", "as given"),
    ("geography", "ljubljana/answer", "Slovakia", "wrong", "another country"),
    ("geography", "conakry/answer", "Guinea", "correct", "as given"),
    ("geography", "conakry/answer", "Guyana", "wrong", "another country"),
    ("geography", "conakry/answer", "Guinea-Bissau", "wrong", "another country containing it"),
    ("geography", "conakry/answer", "Ginea", "close", "a letter missing"),
    ("geography", "roseau/answer", "Dominica", "correct", "as given"),
    ("geography", "roseau/answer", "Dominican Republic", "wrong", "another country"),
    ("geography", "camp-david/answer", "United States", "correct", "as given"),
    ("geography", "camp-david/answer", "US", "correct", "short form"),
    ("geography", "camp-david/answer", "U.S.", "correct", "short form with dots"),
    ("geography", "camp-david/answer", "USA", "correct", "acronym"),
    ("geography", "camp-david/answer", "the United States", "correct", "article"),
    ("geography", "camp-david/answer", "United States of America", "correct", "full name"),
    ("geography", "camp-david/answer", "UK", "wrong", "another country"),
    ("geography", "camp-david/answer", "United Kingdom", "wrong", "another country"),
    ("geography", "seoul/answer", "South Korea", "correct", "as given"),
    ("geography", "seoul/answer", "Republic of Korea", "correct", "official name"),
    ("geography", "seoul/answer", "S. Korea", "correct", "abbreviation"),
    ("geography", "seoul/answer", "North Korea", "wrong", "another country"),
    (
        "geography",
        "seoul/answer",
        "Korea",
        "wrong",
        "names no country: the deck asks about both Koreas",
    ),
    ("geography", "bern/answer", "Switzerland", "correct", "as given"),
    ("geography", "bern/answer", "Swaziland", "wrong", "another country"),
    ("geography", "bern/answer", "Switzerlnd", "close", "a letter missing"),
    ("geography", "bern/answer", "Sweden", "wrong", "another country"),
    ("geography", "swedes/answer", "Sweden", "close", "the issue: fine for Swedes, not a rival"),
    ("geography", "swedes/answer", "Swedes", "correct", "as given"),
    ("geography", "swedes/answer", "Swiss", "wrong", "another people"),
    # --------------------------------------------------- people, romanisations
    ("people", "lee/who", "Lee Jae-myung", "correct", "as given"),
    ("people", "lee/who", "Lee Jaemyung", "correct", "no hyphen"),
    ("people", "lee/who", "Lee Jae Myung", "correct", "hyphen as a space"),
    ("people", "lee/who", "Jae-myung Lee", "correct", "given name first"),
    ("people", "lee/who", "President Lee", "correct", "title and surname (alias)"),
    ("people", "lee/who", "Lee", "correct", "surname alone, only one Lee in the deck"),
    ("people", "lee/who", "Lee Jae-myeong", "close|correct", "another romanisation"),
    ("people", "lee/who", "Yoon", "wrong", "another person of the deck"),
    ("people", "lee/who", "Moon Jae-in", "wrong", "another person of the deck"),
    ("people", "yoon/who", "Yoon Suk Yeol", "correct", "as given"),
    ("people", "yoon/who", "Yoon Suk-yeol", "correct", "hyphen"),
    ("people", "yoon/who", "Yoon Seok-youl", "close|correct", "another romanisation"),
    ("people", "yoon/who", "Suk Yeol Yoon", "correct", "given name first"),
    ("people", "yoon/who", "President Yoon", "correct", "title and surname"),
    ("people", "yoon/who", "Yoon", "correct", "surname alone, unique"),
    ("people", "yoon/who", "Moon", "wrong", "Moon is not Yoon"),
    ("people", "yoon/who", "Lee", "wrong", "another person"),
    ("people", "moon/who", "Moon Jae-in", "correct", "as given"),
    ("people", "moon/who", "Moon Jaein", "correct", "no hyphen"),
    ("people", "moon/who", "Moon Jae In", "correct", "hyphen as a space"),
    ("people", "moon/who", "Moon", "correct", "surname alone, unique"),
    ("people", "moon/who", "Mun Jae-in", "close|correct", "another romanisation of Moon"),
    ("people", "moon/who", "Yoon", "wrong", "another person"),
    ("people", "ishiba/who", "Ishiba Shigeru", "correct", "as given"),
    ("people", "ishiba/who", "Shigeru Ishiba", "correct", "given name first"),
    ("people", "ishiba/who", "Ishiba", "correct", "surname alone"),
    ("people", "ishiba/who", "Prime Minister Ishiba", "correct", "title and surname"),
    ("people", "ishiba/who", "PM Ishiba", "correct", "short title"),
    ("people", "ishiba/who", "Isiba", "close", "Nihon-shiki spelling / a typo"),
    ("people", "ishiba/who", "Kishida", "wrong", "another person of the deck"),
    ("people", "abe/who", "Abe Shinzo", "correct", "as given"),
    ("people", "abe/who", "PM Abe", "correct", "short title (issue)"),
    ("people", "abe/who", "Shinzo Abe", "correct", "given name first"),
    ("people", "abe/who", "Shinzō Abe", "correct", "macron"),
    ("people", "abe/who", "Abe", "correct", "surname alone"),
    ("people", "abe/who", "Kan", "wrong", "another person"),
    ("people", "kishida/who", "Kishida", "correct", "surname alone"),
    ("people", "kishida/who", "Fumio Kishida", "correct", "given name first"),
    ("people", "kishida/who", "Kishda", "close", "a letter missing"),
    ("people", "kishida/who", "Ishiba", "wrong", "another person"),
    ("people", "kan/who", "Naoto Kan", "correct", "given name first"),
    ("people", "kan/who", "Kan", "correct", "surname alone"),
    ("people", "kan/who", "Abe", "wrong", "another person"),
    ("people", "murayama/who", "Tomiichi Murayama", "correct", "given name first"),
    ("people", "murayama/who", "Murayma", "close", "a letter missing"),
    ("people", "xi/who", "Xi", "correct", "surname alone"),
    ("people", "xi/who", "Jinping Xi", "correct", "given name last"),
    ("people", "xi/who", "Xi Jin-ping", "correct", "hyphen"),
    # ----------------------------------------------------------- list answers
    ("lists", "ip4/answer", "Japan, South Korea, Australia and New Zealand", "correct", "as given"),
    ("lists", "ip4/answer", "Australia, Japan, New Zealand, South Korea", "correct", "any order"),
    ("lists", "ip4/answer", "Japan & South Korea & Australia & New Zealand", "correct", "&"),
    ("lists", "ip4/answer", "Japan/South Korea/Australia/New Zealand", "correct", "slashes"),
    ("lists", "ip4/answer", "japan, south korea, australia, new zealand", "correct", "case"),
    ("lists", "ip4/answer", "Japan, S. Korea, Australia and NZ", "correct", "short forms"),
    ("lists", "ip4/answer", "Japan", "wrong", "one member of four"),
    ("lists", "ip4/answer", "Japan, South Korea, Australia", "wrong", "New Zealand missing"),
    ("lists", "ip4/answer", "Japan, South Korea, Australia, New Zealand, Canada", "wrong", "extra"),
    ("lists", "ip4/answer", "Japan, North Korea, Australia and New Zealand", "wrong", "a rival"),
    ("lists", "ip4/answer", "Japan, South Korea, Austria and New Zealand", "wrong", "Austria"),
    ("lists", "ip4/answer", "Japan, South Korea, Australai and New Zealand", "close", "a typo"),
    ("lists", "ip4/answer", "Japan, Japan, South Korea, Australia", "wrong", "one missing"),
    ("lists", "quad/answer", "US, Japan, India, Australia", "correct", "short form of a member"),
    ("lists", "quad/answer", "India, Australia, Japan and the United States", "correct", "order"),
    ("lists", "quad/answer", "USA, Japan, India and Australia", "correct", "acronym member"),
    ("lists", "quad/answer", "Japan, India, Australia", "wrong", "the United States missing"),
    ("lists", "quad/answer", "USA, Japan, Indonesia and Australia", "wrong", "a wrong member"),
    ("lists", "primaries/answer", "blue, red, yellow", "correct", "any order"),
    ("lists", "primaries/answer", "red, yellow & blue", "correct", "& joins"),
    ("lists", "primaries/answer", "red and blue", "wrong", "yellow missing"),
    ("lists", "primaries/answer", "red, yellow, blue, green", "wrong", "an extra member"),
    # ------------------------------------------------------- numbers in words
    ("numbers", "ww2/value", "80", "correct", "as given"),
    ("numbers", "ww2/value", "80th", "correct", "ordinal of the number"),
    ("numbers", "ww2/value", "eightieth", "correct", "ordinal word"),
    ("numbers", "ww2/value", "eighty", "correct", "number word"),
    ("numbers", "ww2/value", "the 80th", "correct", "article"),
    ("numbers", "ww2/value", "81", "wrong", "another number"),
    ("numbers", "ww2/value", "seventieth", "wrong", "another number in words"),
    ("numbers", "ww2/value", "8O", "retry", "letter O for zero: unreadable"),
    ("numbers", "normalisation/value", "sixtieth", "correct", "ordinal word"),
    ("numbers", "normalisation/value", "60th", "correct", "ordinal"),
    ("numbers", "normalisation/value", "sixty", "correct", "number word"),
    ("numbers", "normalisation/value", "six", "wrong", "another number"),
    ("numbers", "normalisation/value", "80", "wrong", "another card's number"),
    ("numbers", "call/value", "second", "correct", "ordinal word (the article)"),
    ("numbers", "call/value", "2nd", "correct", "ordinal"),
    ("numbers", "call/value", "2", "correct", "as given"),
    ("numbers", "call/value", "two", "correct", "number word"),
    ("numbers", "call/value", "third", "wrong", "another place"),
    ("numbers", "call/value", "1st", "wrong", "another place"),
    ("numbers", "months/value", "12", "correct", "as given"),
    ("numbers", "months/value", "twelve", "correct", "number word"),
    ("numbers", "months/value", "a dozen", "correct", "a dozen is 12"),
    ("numbers", "months/value", "13", "wrong", "another number"),
    ("numbers", "share/value", "49.4%", "correct", "as given"),
    ("numbers", "share/value", "49.4", "correct", "unit left out"),
    ("numbers", "share/value", "49.4 percent", "correct", "unit in words"),
    ("numbers", "share/value", "49.6%", "wrong", "outside the (zero) tolerance"),
    ("numbers", "share/value", "forty-nine point four percent", "correct", "in words"),
    ("numbers", "quarter/value", "75%", "correct", "as given"),
    ("numbers", "quarter/value", "three quarters", "correct", "a fraction in words"),
    ("numbers", "quarter/value", "seventy-five percent", "correct", "in words"),
    ("numbers", "quarter/value", "57%", "wrong", "swapped digits: another number"),
    ("numbers", "population/value", "51.7 million", "correct", "as given, in millions"),
    ("numbers", "population/value", "51,700,000", "correct", "in digits"),
    ("numbers", "population/value", "52 million", "correct", "within the tolerance"),
    ("numbers", "population/value", "fifty-one point seven million", "correct", "words"),
    ("numbers", "population/value", "5 million", "wrong", "an order of magnitude off"),
    ("numbers", "population/value", "517 million", "wrong", "an order of magnitude off"),
    ("numbers", "population/value", "55 million", "wrong", "outside the tolerance"),
]


def test_the_table_is_big_and_broad_enough() -> None:
    assert len(CASES) >= 150
    assert len({subject for subject, *_ in CASES}) >= 5
    for subject, card, _answer, verdict, why in CASES:
        assert card in _deck(subject)[0], f"{subject}: no card {card}"
        assert set(verdict.split("|")) <= {"correct", "close", "wrong", "retry", "self"}
        assert why


@pytest.mark.parametrize(
    ("subject", "card", "answer", "fair", "why"),
    CASES,
    ids=[f"{s}:{c}:{a!r}" for s, c, a, _, _ in CASES],
)
def test_a_fair_teacher(subject: str, card: str, answer: str, fair: str, why: str) -> None:
    cards, index = _deck(subject)
    judged = judge_answer(cards[card], answer, index)
    assert judged.verdict in fair.split("|"), (
        f"{answer!r} for {card} ({why}): a fair teacher says {fair}, "
        f"the checker {judged.verdict} ({judged.reason})"
    )
