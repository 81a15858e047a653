"""Spaced repetition: the schedulers (FSRS-6, SM-2, fuzz), settings, the queue, a session.

May import ``base``, ``decks`` and ``store``. The ``fsrs`` package loads on the first
answer (``scheduler.make_scheduler``), not at start-up.
"""
