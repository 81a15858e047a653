"""Quizzes and exams: judging typed answers, building questions, exams, results.

May import ``base``, ``decks``, ``store`` and ``study``; not ``stats`` (a sibling).
"""
