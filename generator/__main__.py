import logging
import os
import sys

from generator.cli import main

code = main()
if sys.getprofile() is not None or sys.gettrace() is not None:
    # Under a profiler (python -m cProfile -m generator), coverage or a debugger: they write their
    # results at a normal exit, which os._exit would skip.
    sys.exit(code or 0)
# Leave without freeing every record and page object one by one, which grows with the number of cases
# and does nothing useful at exit. Nothing is left to clean up (files are closed, pools shut
# down), so only the output needs flushing.
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(code or 0)
