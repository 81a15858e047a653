"""Answer checking: is what the learner typed the answer, a near miss, or wrong?

The same checker serves typed answers in study sessions and in quizzes, so it
has to be fair both ways. It forgives what does not matter (case, accents,
punctuation, "55.5 percent" for "55.5%", "17 June 2025" for "June 17, 2025",
"South Korean President Lee" for "Lee Jae-myung", "England captain Harry Kane" for
"Harry Kane", "$37bn" for 37 billion dollars, "3 pts" for 3 points, "nil" for 0,
"China and the USA" for "the United States and China", "No. 2" for 2, a typo in a
long name) and never forgives
what does: an answer that is *another valid answer of the same deck* is wrong,
however close it looks. That is why every check takes ``rivals``.

One module per concept; import from them directly (this file re-exports nothing).
From the bottom up, each imports only those above it in this list:

- ``verdict``    Outcome, Verdict: what every check returns.
- ``normalise``  fold() and the comparison keys of free text; typo distances.
- ``text``       check_text: free text, typos, partly right answers.
- ``names``      check_name: people's names (titles, name order, surname alone).
- ``numberforms`` the words around a figure ("No. 2", "second place") and misspelt number words.
- ``unitforms``  a unit's scale ("billion"), currency ("$", "euros") and short forms ("pts").
- ``numbers``    parse/render/check_number: figures, units, precision, tolerance.
- ``dates``      parse/render/check_date: dates at day, month or year precision.
- ``order``      check_order, parse_order_numbers: chronologies.
- ``spacedlist`` spaced_members: a list typed with spaces only, read as its members.
- ``lists``      check_list: lists and "A and B" answers, right in any order.
- ``keys``       Target, Mode, AnswerKey: a serialisable key that judges one question.
- ``people``     Person: the deck's speakers and the people its text names.
- ``keyindex``   AnswerKeyIndex: a deck's answer keys and rivals, gathered once.
- ``judge``      check_entry, check_card: judge an answer to an entry or a study card.

Names without a leading underscore that are not in a module's ``__all__`` are
shared within this package only. The package may import ``studyapp.core.decks``
(the deck model) and ``studyapp.core.base``; nothing here imports Textual or Rich,
and everything is pure and deterministic.
"""
