"""Anki packages (.apkg, .colpkg) in: notes as deck entries, review history as progress.

``package`` opens a package safely (zip limits, a temporary read-only copy of its
SQLite database); ``protobuf`` reads the few fields of schema-18 config blobs;
``collection`` reads note types, decks, notes, cards, the review log and the FSRS
settings of deck presets, of either schema; ``fields`` turns Anki's HTML and cloze
syntax into deck text; ``notes`` maps notes to entries; ``ownkinds`` reads back the
note types ``studyapp export --to anki`` writes; ``memory`` rebuilds FSRS memory
states from the review log; ``progress`` turns cards and the review log into card
states and history; ``deckyaml`` writes big decks fast; ``importer`` ties them
together; ``run`` is one import from start to end (``studyapp import`` and the app's
dialog). May import ``store``, ``study``, ``quiz``, ``decks``, ``base`` and the other
``authoring`` modules (``extract``'s slugs, ``scaffold``'s schema); imports nothing here.
"""
