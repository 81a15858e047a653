"""Draft a deck from an article's plain text: its dates, figures and quotations.

Writing a deck from an article by hand is slow; most of it is finding every
date, every number and every quotation and copying its sentence. This package
does that part with regular expressions and the standard library only (no
model downloads), and leaves the judgement to the instructor: every draft
entry carries the verbatim sentence as ``source`` and a prompt to edit.

One module per concept, bottom-up:

* ``sentences``: splitting text into sentences, ``slug`` and the small text
  helpers the other modules share;
* ``dates``: date expressions and the year a text is written in;
* ``figures``: percentages, money, counts and ordinals, and ``numbers_in``;
* ``quotes``: quotations and their speakers (the people an article names);
* ``extraction``: ``extract``, which runs the finders over a whole article;
* ``draft``: draft entries from an extraction, and the draft as YAML;
* ``quality``: how a draft compares with a hand-made deck (for the benchmark).

The modules import only each other (in that order, never back up) and
``studyapp.core.decks``. This ``__init__`` imports nothing and re-exports
nothing: import each name from the module that defines it.
"""
