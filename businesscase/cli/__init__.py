"""The `businesscase` command line.

A command is a short process, so its start-up counts. Two settings are made here, before
anything imports pydantic or numpy (each only if the user has not set otherwise):

- pydantic looks for plugins of other packages (their entry points, read from every installed
  package's metadata) when it builds the first model, about 15 ms of every command; the command
  line uses none, so it says so. A user who does use a pydantic plugin can set the variable.
- numpy's OpenBLAS starts a thread per core when numpy is imported, and those threads spin,
  waiting for work, on the cores the command needs: `run` took 0.44 s with them and 0.38 s
  without on two cores. The command line does no linear algebra worth a second thread: its
  figures are element by element, and the one matrix product and solve (the shares of
  variance) is held to one thread anyway (`analytics.sensitivity.BLAS_THREADS`: threads that
  wait for each other made it slower, not faster). So OpenBLAS starts with one thread, which
  also keeps a million-draw `simulate` as fast (its two chunk threads are Python's own).
  OpenBLAS is the library numpy's wheels ship; MKL and OpenMP builds start their threads at
  their first parallel call, not at import, so they are left alone.
"""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
