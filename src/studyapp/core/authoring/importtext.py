"""Deck text from the text of other apps: HTML reduced to plain text, unsafe characters out.

Used by ``studyapp import`` (:mod:`studyapp.core.authoring.importer`). The input
is untrusted: HTML is reduced with the standard library's ``html.parser`` (tags
dropped, entities decoded, scripts and styles removed) and never interpreted.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from studyapp.core.decks.textsafety import safe_text

__all__ = ["clean_tag", "clean_text", "html_to_text"]


def _words(text: str) -> list[str]:
    """Split a word list written as one string (easier to read and edit)."""
    return text.split()


_BLOCK_TAGS = frozenset(
    _words(
        "p div br li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote pre section article header "
        "footer dt dd hr"
    )
)
_SKIP_TAGS = frozenset(_words("script style head title template noscript svg math object iframe"))


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment; never interprets it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            alt = dict(attrs).get("alt")
            self.parts.append(f"[image: {alt}]" if alt and alt.strip() else "[image]")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.skipping and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, blocks on new lines."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; this is belt and braces
        return clean_text(re.sub(r"<[^>]*>", " ", html))
    return clean_text("".join(parser.parts))


_SOUND = re.compile(r"\[sound:[^\]\n]*\]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_text(text: str) -> str:
    """Text the deck model accepts: unsafe characters out, spacing tidy, no empty lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = safe_text(text)
    text = _SOUND.sub("", _INVISIBLE.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


_TAG_BAD = re.compile(r"[^A-Za-z0-9._/-]+")


def clean_tag(raw: str) -> str | None:
    """An Anki tag as a deck tag (``Korea::History`` -> ``Korea/History``), or None."""
    tag = safe_text(raw).replace("::", "/")
    tag = _TAG_BAD.sub("-", tag)
    tag = re.sub(r"^[^A-Za-z0-9]+", "", tag)[:60].rstrip("-./_")
    return tag or None
