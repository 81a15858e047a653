"""The Textual user interface. Imports the core, never the other way round."""
