"""``python -m helpers.report SUBMISSIONS --out DIR``: see helpers/report/cli.py."""

import sys

from helpers.report.cli import main

sys.exit(main())
