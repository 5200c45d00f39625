"""The desktop bundle's entry point: the same program as the ``helsevakt-dashboard`` command."""

from dashboard.cli import main

raise SystemExit(main())
