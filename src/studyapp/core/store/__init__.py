"""The learner's progress on disk: card states, the journal, snapshots, the lock, the digest.

May import ``base`` and ``decks``. Card-state values live here (``state``) so that the
schedulers above and the store never import each other.
"""
