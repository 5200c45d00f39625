"""Helsevakt-dashboard: what the health-watch car at Røros delivers, made visible."""

from pathlib import Path

__version__ = "0.1.0"

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
