"""Deck files: the model, hardened YAML reading, text safety, cards, discovery and the cache.

May import ``base``. Importing the model pulls in pydantic; the warm start reads the
cache and never does.
"""
