"""Packages made by Anki itself, once per test session (skipped without the ``anki`` package)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from msgspec import Struct


class AnkiPackages(Struct, frozen=True):
    folder: Path
    current: Path
    """``collection.anki21b`` (zstd, schema 18): what Anki exports by default."""
    legacy: Path
    """``collection.anki21`` (schema 11): "support older Anki versions"."""
    colpkg: Path
    """A whole collection (.colpkg)."""


@pytest.fixture(scope="session")
def anki_packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AnkiPackages]:
    pytest.importorskip("anki", reason="the anki package (dev dependency) is not installed")
    from tests.core.authoring.anki import ankigen

    folder = tmp_path_factory.mktemp("ankigen")
    with ankigen.utc():
        col = ankigen.build(folder / "collection", seed=7, copies=25)
        try:
            current = ankigen.export(col, folder / "current.apkg", legacy=False)
            legacy = ankigen.export(col, folder / "legacy.apkg", legacy=True)
            colpkg = folder / "whole.colpkg"
            col.export_collection_package(str(colpkg), include_media=True, legacy=False)
        finally:
            col.close()
    yield AnkiPackages(folder, current, legacy, colpkg)
