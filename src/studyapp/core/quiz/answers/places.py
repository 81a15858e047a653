"""Real names: which country or region a text names, so a different one is never a typo.

"Austria" is one letter-edit from "Australia" but a different country; a
teacher marks it wrong, not *close*. Countries come from the gazetteer
(``pycountry`` with the short forms people write: "US", "USA", "the United
States" are one country); regions from ``pycountry``'s subdivisions (states,
provinces, prefectures). Both are loaded on first use, only when a near miss
needs telling apart, never on the path of an exact answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from studyapp.core.quiz.answers.normalise import fold

__all__ = ["place_id", "same_place"]


def _key(text: str) -> str:
    return re.sub(r"^the\s+", "", fold(text))


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Subdivision name key -> its ISO 3166-2 code (names shared by two keep the first)."""
    import pycountry

    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = str(sub.name)
        out.setdefault(_key(name), str(sub.code))
        plain = re.sub(r"\s*\(.*?\)|\s*\[.*?\]", "", name)
        out.setdefault(_key(plain), str(sub.code))
    return out


@lru_cache(maxsize=4096)
def place_id(text: str) -> str | None:
    """The ISO code of the country (alpha-2) or region (3166-2) ``text`` names exactly."""
    from studyapp.core.quiz.gazetteer import country_code

    if not text.strip() or len(text) > 80:
        return None
    code = country_code(text)
    if code is not None:
        return code
    return _subdivisions().get(_key(text))


def same_place(a: str, b: str) -> bool:
    """Whether two texts name the same country ("US", "the United States of America")."""
    code = place_id(a)
    return code is not None and code == place_id(b)
