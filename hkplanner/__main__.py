import sys

from hkplanner.cli import main

sys.exit(main())
