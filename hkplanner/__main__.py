import multiprocessing
import sys

from hkplanner.cli import main

multiprocessing.freeze_support()  # in a frozen app, a worker process starts as this program again
sys.exit(main())
