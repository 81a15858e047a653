"""``studyapp lint``: quality problems a valid deck can still have.

``validate`` says whether a deck loads; ``lint`` says whether it teaches well:
a prompt that gives its answer away, a figure that is not in its own source,
two entries asking the same thing, a multiple-choice option that the answer
checker would accept as right, a speaker spelled two ways. Each finding has a
rule id and a severity and is reported as ``file:line:col: path: message``.

One module per concept:

* ``rules``: the rule table, :class:`Finding`, :class:`LintReport`, and the
  :class:`Linter` that positions findings in the file;
* ``wording``: what an entry asks, and matching words in folded text;
* ``entries``: per-entry checks (sources S001-S003, give-aways G001,
  choice options O001-O003);
* ``duplicates``: the same or nearly the same question twice (D001, D002);
* ``speakers``: one speaker spelled two ways (N001);
* ``leaks``: an explanation or source giving another entry's answer away
  (L001), by the relation of ``decks.leaks`` that the study queue spaces by;
* ``ids``: missing and duplicate ids (I001, I002) and ``--fix``;
* ``checks``: an entry's expected verdicts (``checks:``) that the answer
  checker disagrees with (V001);
* ``runner``: :func:`lint_text` and :func:`lint_file`, which run them all.

The check modules import ``rules`` and ``wording`` (never each other);
``runner`` imports them all. Outside the package they may import
``authoring.extract`` (its date and number finders, ``slug``), the deck model
and loader, ``quiz.answers`` (the checker that judges options) and
``quiz.judging`` (the learner's verdict, for ``checks:``). This
``__init__`` imports nothing and re-exports nothing: import each name from the
module that defines it.
"""
