"""The frozen bundle's entry point: the same ``main`` as the ``clerk-app`` script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
