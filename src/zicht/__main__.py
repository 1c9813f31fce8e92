"""`python -m zicht`: the same as the `zicht` command."""

import sys

from zicht.cli import main

sys.exit(main())
