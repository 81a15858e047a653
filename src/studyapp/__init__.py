"""studyapp: a terminal study app with YAML decks and FSRS spaced repetition."""

__version__ = "0.1.0"
