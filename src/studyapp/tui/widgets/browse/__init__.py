"""The browse screen's widgets and dialogs, and the card index and changes they share.

Imported by screens/browse.py; these modules import the core, the TUI helpers and other
widgets, never a screen."""
