"""``studyapp export``: a deck as an Anki package, a CSV file or a Markdown study sheet.

One module per format:

* ``anki``: Anki packages (.apkg) built with genanki, with stable note GUIDs
  and note types so that exporting again updates the notes;
* ``anki_package``: the package's database rows, written in one batch per table
  (the rows genanki writes, without its one statement per note and per card);
* ``spreadsheet``: CSV, one row per entry, cells kept from running as formulas;
* ``markdown``: a printable study sheet grouped by kind;
* ``values``: how entry values read in every format (shared by the three).

The format modules import ``values`` and never each other. This ``__init__``
imports nothing and re-exports nothing: import each name from the module that
defines it.
"""
