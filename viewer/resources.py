"""Where the files that ship inside the package are, after any kind of install."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
SHIPPED_CHRONOLOGY = DATA_DIR / "events.yaml"
ASSETS_DIR = DATA_DIR / "assets"
