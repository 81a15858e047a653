"""Text basics for the extractor: sentences, id slugs, word lists and folding.

Every finder works sentence by sentence, and every draft entry's ``source`` is
one sentence verbatim, so the splitter lives here with the few text helpers
the other ``extract`` modules share (``word_list`` for vocabulary written as
one string, ``slug`` for ids, ``fold_text`` for comparing wording).
"""

from __future__ import annotations

import re
import unicodedata

from msgspec import Struct

__all__ = [
    "MAX_SENTENCE",
    "PIECE",
    "Sentence",
    "fold_text",
    "is_citation",
    "quote_spans",
    "sentences",
    "slug",
    "word_list",
]


def word_list(text: str) -> list[str]:
    """Split a word list written as one string (easier to read and edit)."""
    return text.split()


def slug(text: str, *, max_len: int = 48) -> str:
    """A lowercase id fragment: ``Lee's “pragmatic diplomacy”`` -> ``lees-pragmatic-diplomacy``."""
    # (a dash or a mark between words parts them: "Anthropic—and" is two words, not one)
    parted = re.sub(r"[^\w'’%]+", " ", text)
    ascii_text = unicodedata.normalize("NFKD", parted).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("%", " percent ")
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > max_len:
            break
        out = candidate
    return out


class Sentence(Struct, frozen=True):
    """One sentence of the text, verbatim, with where it starts (1-based line)."""

    text: str
    start: int
    line: int
    heading: bool = False
    """A title or heading line (no closing punctuation): no quotations are drafted from it."""


_ABBREVIATIONS = frozenset(
    word_list(
        "mr mrs ms dr prof sr jr st mt no vs etc inc ltd co corp gen gov sen rep jan feb "
        "mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k a.m p.m fig approx al"
    )
)
_CLOSERS = "\"”’')]"
_SENTENCE_STARTERS = frozenset(
    word_list(
        "The A An This That These Those It Its He She They We I You His Her Their Our In On "
        "At By For From With As But And Or So Yet If When While After Before Since Although "
        "Though However Meanwhile Moreover Then There Here Now Still Also Some Many Most Each "
        "Both All No Not One Two Three Such What Which Who Why How Today Yesterday"
    )
)
_NAME_GOES_ON = re.compile(
    r"(?!(?:" + "|".join(sorted(_SENTENCE_STARTERS)) + r")\b)[A-Z][a-z]+\b(?!\s*[,.;:]\s*$)"
)
"""After an initialism ("D.C.", "U.N."), a capitalised word that is no usual first word of a
sentence goes on with the name ("the D.C. Circuit"); "Washington, D.C. He ..." ends it."""


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if len(re.findall(r"[A-Za-z]{2,}", stripped)) >= 2 and not re.search(r"[a-z]", stripped):
        return True  # "TO THE CONGRESS OF THE UNITED STATES:": a salutation or a title
    if stripped[-1] in ".!?…,;" or (stripped[-1] == ":" and len(stripped.split()) > 3):
        return False  # "Rathbun stated," or "She went on:" announces the next paragraph
    if re.search(r"[.!?…][”\"]\s*(?:-|--|—|–)\s*[A-Z][^.!?“”\"]{0,60}$", stripped):
        return False  # a quotation signed with a dash: “... game.” - Matthew Ingram
    return not (stripped[-1] in _CLOSERS and len(stripped) > 1 and stripped[-2] in ".!?…")


MAX_SENTENCE = 2_000
"""The longest a sentence may be, in characters: well above prose's longest, a quotation of
five sentences with its "Dr. Connor said" (about 800; cut, it lost its speaker). A longer run
(a list pasted as one line, a text whose punctuation was lost) is cut into pieces of at most
:data:`PIECE` characters, at a clause mark or a space: each piece is a draft entry's
``source`` a learner can read, and the finders' work stays linear in the text (theirs
grows with a sentence's length squared: a 50,000-character "sentence" took minutes)."""
PIECE = 300
_CLAUSE_END = re.compile(r"[;:,—–)](?=\s)|\s[-—–](?=\s)")


def _pieces(text: str, start: int, line_no: int) -> list[Sentence]:
    """``text`` (one over-long sentence at ``start``) cut into pieces of at most
    :data:`PIECE` characters: after the last clause mark of the second half of each
    window, else at its last space, else (one unbroken word) at the window's end."""
    out: list[Sentence] = []
    at = 0
    n = len(text)
    while at < n:
        while at < n and text[at].isspace():
            at += 1
        if at >= n:
            break
        if n - at <= PIECE:
            cut = n
        else:
            window = text[at : at + PIECE]
            half = PIECE // 2
            marks = [m.end() for m in _CLAUSE_END.finditer(window, half)]
            if marks:
                cut = at + marks[-1]
            elif (space := window.rfind(" ", half)) > 0:
                cut = at + space
            else:
                cut = at + PIECE
        piece = text[at:cut].rstrip()
        if piece:
            out.append(Sentence(piece, start + at, line_no))
        at = cut
    return out


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences, never inside a quotation; headings are their own sentence.

    A sentence longer than :data:`MAX_SENTENCE` is cut into readable pieces (:func:`_pieces`).
    """
    out: list[Sentence] = []
    for sentence in _sentences(text):
        if len(sentence.text) <= MAX_SENTENCE:
            out.append(sentence)
        else:
            out += _pieces(sentence.text, sentence.start, sentence.line)
    return out


def _sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        heading = _is_heading(line)
        start = None
        depth = 0
        single = 0
        straight = False
        i = 0
        n = len(line)
        while i < n:
            ch = line[i]
            if start is None:
                if ch.isspace():
                    i += 1
                    continue
                start = i
            closing = False
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(0, depth - 1)
                closing = True
            elif ch == '"':
                straight = not straight
                closing = not straight
            elif ch == "‘" and (i == 0 or line[i - 1] in " \t([{—–-/:;,"):
                single += 1
            elif ch == "’" and single and (i + 1 == n or line[i + 1] in " \t.,;:!?)]}—–-…"):
                single -= 1
                closing = True
            # a sentence ends at ". " outside quotations, or at ".” " where a quotation ends it
            ends = ch in ".!?…" or (closing and i > 0 and line[i - 1] in ".!?…")
            if ends and depth == 0 and not straight and not single:
                end = i + 1
                while end < n and line[end] in _CLOSERS:
                    end += 1
                if end >= n or line[end].isspace():
                    nxt = end
                    while nxt < n and line[nxt].isspace():
                        nxt += 1
                    word = re.search(r"([\w.]{1,30})\.$", line[max(start, i - 31) : i + 1])
                    abbreviation = (
                        ch == "."
                        and not closing
                        and word is not None
                        and (
                            word.group(1).lower() in _ABBREVIATIONS
                            or (
                                len(word.group(1)) == 1
                                and word.group(1).isalpha()
                                # "START I. In addition", "World War I. Then": a numeral
                                and not re.search(
                                    r"(?:\b[A-Z]{2,}|\bWar)\s+I$", line[max(start, i - 31) : i]
                                )
                            )
                            # "1. The first point": a list's number, not "on April 7."
                            or (word.group(1).isdigit() and i - start == len(word.group(1)))
                        )
                    )
                    starts_new = nxt >= n or not line[nxt].islower()
                    if (
                        word is not None
                        and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word.group(1))
                        and nxt < n
                        and (line[nxt].isdigit() or line[nxt] in "§(")
                    ):
                        starts_new = False  # "H.R. 1781", "43 U.S.C. §1341": a citation
                    if (
                        starts_new
                        and word is not None
                        and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word.group(1))
                        and _NAME_GOES_ON.match(line, nxt)
                    ):
                        starts_new = False  # "the D.C. Circuit", "the U.N. Security Council"
                    if closing and re.match(r"(?:-|--|—|–)\s*[A-Z][^.!?“”\"]{0,60}$", line[nxt:]):
                        starts_new = False  # “...” - Matthew Ingram: the quotation's signature
                    if starts_new and not abbreviation:
                        out.append(
                            Sentence(line[start:end], line_start + start, line_no, heading=False)
                        )
                        start = None
                        i = end
                        continue
            i += 1
        if start is not None:
            rest = line[start:].rstrip()
            if rest:
                out.append(Sentence(rest, line_start + start, line_no, heading=heading))
    return out


_CITED_BEFORE = re.compile(
    r"(?:§{1,2}\s*|\bU\.\s?S\.\s?C\.\s*|\bH\.\s?R\.\s*|\bS\.\s*|\bP\.\s?L\.\s*|\bSecs?\.\s*"
    r"|\bC\.\s?F\.\s?R\.\s*|\bCFR\s+|\bUSC\s+|\bStat\.\s*|\bSections?\s+|\bTitle\s+"
    r"|\bArticle\s+|\bPart\s+)$"
)
_CITED_AFTER = re.compile(r"^\s*(?:U\.\s?S\.\s?C\.|C\.\s?F\.\s?R\.|CFR\b|USC\b|Stat\.|U\.S\.\s+\d)")


def is_citation(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` cites a law or a bill ("43 U.S.C. §1341",
    "H.R. 1781", "P.L. 117-269"): neither a year nor a figure."""
    head = re.sub(r"\d+\s?[-–]\s?$", "", text[max(0, start - 20) : start])  # "P.L. 117-269"
    return bool(_CITED_BEFORE.search(head)) or bool(_CITED_AFTER.match(text[end : end + 12]))


def fold_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(re.findall(r"[\w.%']+", text))


_OPENERS = '“"„'
_QUOTE_CLOSERS = '”"“'
_BEFORE_OPEN = " \t([{—–-/:;,"
_AFTER_CLOSE = " \t.,;:!?)]}—–-…"
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"


def _pairs_later(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` opens a quotation closed later: an even number of
    straight marks in the text, and one later that closes (before punctuation or the end)."""
    if text.count('"') % 2:
        return False
    return re.search(r'[^\s"]"(?=[\s.,;:!?)…]|$)', text[i + 1 :]) is not None


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation in ``text``, marks included.

    A mark opens after a space or an opening bracket and closes before a space
    or punctuation, so a stray “ that ends a quotation still closes it; a
    quotation still open at the end of the text runs to its end. Single marks
    (‘...’, as British papers quote) open a quotation too, closed only by ’
    before a space or punctuation (never an apostrophe: "don’t", "Trump’s").
    """
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    single = False
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in _OPENERS and ch not in _QUOTE_CLOSERS and ch not in "‘’":
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < n else " "
        if opened is None:
            opens = ch in _OPENERS + _SINGLE_OPEN and (before in _BEFORE_OPEN or i == 0)
            if opens and not after.isspace():
                opened, single = i, ch == _SINGLE_OPEN
            elif ch == '"' and before in ",:" and after == " " and _pairs_later(text, i):
                opened, single = i, False  # 'Wilkins said," [Warhol] liked ...".': a typo'd opener
            continue
        closes = ch == _SINGLE_CLOSE if single else ch in _QUOTE_CLOSERS
        if closes and (after in _AFTER_CLOSE or i + 1 == n) and not before.isspace():
            spans.append((opened, i + 1, True))
            opened = None
    if opened is not None and re.search(r"\w", text[opened:]):
        spans.append((opened, n, False))
    return spans
