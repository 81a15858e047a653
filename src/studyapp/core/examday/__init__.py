"""Exam day: how ready a learner is for a dated exam, and a plan to be ready on the date.

Built on the scheduler's own memory model (FSRS-6, the ``fsrs`` package's
parameters and formulas: :mod:`memory` is proven equal to ``fsrs.Scheduler``),
so a readiness figure is the same prediction the study queue schedules by.
"""

DEFAULT_MINUTES = 20
"""Minutes a day for a plan until the learner says how many they have."""
DEFAULT_TARGET = 0.9
"""The recall a plan aims for on exam day until the learner sets another."""
