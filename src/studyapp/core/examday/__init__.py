"""Exam day: how ready a learner is for a dated exam, and a plan to be ready on the date.

Built on the scheduler's own memory model (FSRS-6, the ``fsrs`` package's
parameters and formulas: :mod:`memory` is proven equal to ``fsrs.Scheduler``),
so a readiness figure is the same prediction the study queue schedules by.
"""
