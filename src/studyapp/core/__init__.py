"""The studyapp core: decks, scheduling, progress, quizzes and statistics. No Textual, no Rich.

Packages, bottom-up; each imports only those below it (an import-linter contract):
``base`` < ``decks`` < ``store`` < ``study`` < ``quiz``, ``stats`` < ``authoring`` <
``workspace``, ``config``. Every ``__init__`` is a label, never a loader: importing a
package imports nothing else, so start-up pays only for the modules it uses.
"""
