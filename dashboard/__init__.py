"""Helsevakt-dashboard: what the health-watch car at Røros delivers, made visible."""

from pathlib import Path

__version__ = "0.1.0"


def _resource_folder() -> Path:
    """The fonts, catalogues, icons and goal tables shipped inside the package.

    Qt and reportlab want file names, so the package must lie on disk as files: pip, an
    editable install and the desktop bundle all install it so. (``importlib.resources``
    would say the same, at the cost of importing it on every start.)
    """
    folder = Path(__file__).resolve().parent / "resources"
    if not folder.is_dir():
        raise RuntimeError(f"{__name__} er ikke installert som vanlige filer: {folder}")
    return folder


RESOURCES = _resource_folder()
