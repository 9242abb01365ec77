import sys

from hkplanner.ui.app import main

sys.exit(main())
