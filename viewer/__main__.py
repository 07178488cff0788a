"""`python -m viewer` is the same program as `timeline-viewer`."""

import sys

from viewer.cli import main

sys.exit(main())
