"""Statistics: retention, reviews, forecast, streak, and the counts home shows.

May import ``base``, ``decks``, ``store`` and ``study``; not ``quiz`` (a sibling).
"""
