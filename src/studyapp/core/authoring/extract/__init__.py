"""Draft a deck from an article's plain text: its dates, figures and statements.

Writing a deck from an article by hand is slow; most of it is finding every
date, every number and every statement and copying its sentence. This package
does that part with regular expressions and the standard library only (no
model downloads; dateparser and number-parser were measured and did not earn
their place, see the README), and leaves the judgement to the instructor: every
draft entry carries the verbatim sentence as ``source``, a prompt to edit, and
``review: true`` until an author has checked it.

One module per concept, bottom-up:

* ``sentences``: splitting text into sentences, quotation spans, ``slug`` and
  the small text helpers the other modules share;
* ``relative``: relative dates ("yesterday", "last month") and the year of a
  year-less date, from the article's own date;
* ``dates``: date expressions, ranges, decades and centuries;
* ``dateline``: the article's own date, read from its date line;
* ``numbers``: numbers written in words and fractions;
* ``measures``: what a figure measures, in words a card can show;
* ``figures``: the numbers that measure something, and ``numbers_in``;
* ``people``: the people an article names, with every form it uses;
* ``speech``: verbs of saying, their subjects, and speakers across sentences;
* ``quotes``: quotations and who said them;
* ``provisions``: what a named text lays down ("Section 12(b) authorizes ...");
* ``reported``: reported speech ("X said that ...", "according to X, ..."), and provisions;
* ``interview``: the answers of an interview transcript;
* ``statements``: quotations and reports joined into statements;
* ``extraction``: ``extract``, which reads a whole article once, in order;
* ``draft``: draft entries from an extraction, and the notes left to the author;
* ``draftfile``: the draft as commented YAML;
* ``quality``: how a draft compares with a hand-made deck (for the benchmark).

The modules import only each other (in that order, never back up) and
``studyapp.core.decks``. This ``__init__`` imports nothing and re-exports
nothing: import each name from the module that defines it.
"""
