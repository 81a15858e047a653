"""Reviewing a drafted deck entry by entry: accept, edit or drop, with comments kept.

``studyapp extract`` marks every entry it drafts ``review: true``; an author
then accepts (the line goes), edits or drops each one. PyYAML would lose the
file's comments, so every change is made on the text: an entry's lines, or
one field's, are found from the loader's positions (``spans``), replaced or
deleted (``textedit``), and the new text is read back and compared with the
data the change should give before the file is replaced (``session``, which
also keeps the undo history and the counts). ``fields`` turns a form's text
into field values and back.

Modules import ``spans`` < ``textedit`` < ``fields`` < ``session``. Outside the
package: the deck model and loader, ``base.atomic`` and the draft's YAML style
(``extract.draftfile``). No Textual: the screen is ``tui.screens.draft_review``.
"""
