"""Allow ``python -m dst_desktop``."""

from dst_desktop.cli import main

raise SystemExit(main())
