"""What the forkserver of the batch workers imports (see newsetl.workerpool).

The pipeline is imported with the collector off and then frozen: every worker forked
from the server shares those pages, and since the collector never walks frozen
objects it does not write to them, so they stay shared instead of being copied
into each worker.
"""

from newsetl.heap import imports_without_gc

with imports_without_gc():
    import newsetl.process  # noqa: F401
