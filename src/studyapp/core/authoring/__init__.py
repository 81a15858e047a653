"""The instructor's tools: lint, extract (draft from an article), import, export,
scaffold and the gradebook. May import every package but ``workspace`` and ``config``.
"""
