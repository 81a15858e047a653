"""What every other package stands on: the clock, paths, problems, user files, atomic writes.

Imports nothing from the rest of studyapp; only the standard library.
"""
