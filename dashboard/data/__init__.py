"""The Qt-free data layer: DuckDB store, readers, privacy guard, figures and demo data."""
