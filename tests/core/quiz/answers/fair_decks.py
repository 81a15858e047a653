"""Small decks of several subjects for the fair-teacher tests (issue 16).

Each has the near-identical pairs a checker must tell apart: Austria and
Australia, Iran and Iraq, Moon and Yoon, ribosome and ribozyme.
"""

from __future__ import annotations

from typing import Any

from studyapp.core.decks.model import Deck


def _qa(id_: str, prompt: str, answer: str, **extra: Any) -> dict[str, Any]:
    return {"id": id_, "kind": "qa", "prompt": prompt, "answer": answer, **extra}


HISTORY = Deck.model_validate(
    {
        "id": "history",
        "title": "Modern history",
        "entries": [
            {
                "id": "moon",
                "kind": "date",
                "event": "Apollo 11 lands on the Moon",
                "date": "1969-07-20",
            },
            {"id": "wall", "kind": "date", "event": "The Berlin Wall falls", "date": "1989-11-09"},
            {
                "id": "euro",
                "kind": "date",
                "event": "Euro notes enter circulation",
                "date": "2002-01",
            },
            {"id": "un", "kind": "date", "event": "The United Nations is founded", "date": 1945},
            _qa("anniv", "Which anniversary of liberation was marked in 2025?", "80th"),
            _qa("place", "Where did Japan's new premier rank in the first call order?", "second"),
            _qa("accord", "What did the 1978 summit produce?", "Camp David Principles"),
            _qa(
                "nato", "Which alliance was founded in 1949?", "North Atlantic Treaty Organization"
            ),
            _qa("pm", "Who led Japan in 2013?", "Prime Minister Abe"),
        ],
    }
)

SCIENCE = Deck.model_validate(
    {
        "id": "science",
        "title": "Cell biology",
        "entries": [
            _qa("ribo", "What builds proteins in the cell?", "ribosomes"),
            _qa("rz", "What is an RNA molecule that acts as an enzyme?", "ribozyme"),
            _qa("mito", "What makes most of the cell's ATP?", "mitochondria"),
            _qa("atp", "What carries energy in the cell?", "adenosine triphosphate"),
            _qa("mri", "What scan images soft tissue with magnets?", "magnetic resonance imaging"),
            _qa("low", "Is the pH of gastric acid high or low?", "low"),
            _qa("the", "Which word is the definite article?", "the"),
            _qa("two", "How many strands has DNA?", "two"),
            _qa("bones", "How many bones has an adult human?", "206"),
            _qa("dozen", "How many pairs of ribs?", "12"),
            _qa("frac", "What share of Earth's surface is water (as a fraction)?", "0.75"),
            {
                "id": "c",
                "kind": "figure",
                "measure": "speed of light (km/s)",
                "value": 299792,
                "tolerance": 100,
            },
        ],
    }
)

GEOGRAPHY = Deck.model_validate(
    {
        "id": "geography",
        "title": "Countries",
        "entries": [
            _qa("kangaroo", "Which country has kangaroos in the wild?", "Australia"),
            _qa("alps", "Which country is Vienna the capital of?", "Austria"),
            _qa("baghdad", "Baghdad is the capital of?", "Iraq"),
            _qa("tehran", "Tehran is the capital of?", "Iran"),
            _qa("nordic", "Oslo is the capital of?", "Norway"),
            _qa("people", "What are the people of Sweden called?", "Swedes"),
            _qa("superpower", "Which country has the largest economy?", "the United States"),
            _qa("lone", "Which US state is the Lone Star State?", "Texas"),
            _qa(
                "ip4",
                "Which four countries are NATO's Indo-Pacific partners?",
                "Japan, South Korea, Australia and New Zealand",
                accept=["South Korea", "Japan", "Australia and New Zealand"],
            ),
            _qa(
                "g3",
                "Which three countries border the Baltic and lie in Scandinavia or Finland?",
                "Sweden, Finland, Denmark",
                members=["Sweden", "Finland", "Denmark"],
            ),
            _qa(
                "duo",
                "Which two countries share Hispaniola?",
                "Haiti and Dominican Republic",
                members=["Haiti", "Dominican Republic"],
            ),
        ],
    }
)

PEOPLE = Deck.model_validate(
    {
        "id": "people",
        "title": "East Asian leaders",
        "entries": [
            {
                "id": "q-yoon",
                "kind": "quote",
                "quote": "Freedom is the value we share.",
                "speaker": "Yoon Seok-youl",
            },
            {
                "id": "q-moon",
                "kind": "quote",
                "quote": "Peace is the economy.",
                "speaker": "Moon Jae-in",
            },
            {
                "id": "q-ishiba",
                "kind": "quote",
                "quote": "Japan will stand firm.",
                "speaker": "Ishiba Shigeru",
            },
            _qa("k-pres", "Who was South Korea's president in 2023?", "Yoon Seok-youl"),
            _qa("j-pm", "Who became Japan's prime minister in October 2024?", "Ishiba Shigeru"),
            _qa("iraq-pm", "Whose government sits in Baghdad?", "the Iraqi government"),
        ],
    }
)

DECKS = {"history": HISTORY, "science": SCIENCE, "geography": GEOGRAPHY, "people": PEOPLE}
