"""What the forkserver of the batch workers imports (see newsetl.workerpool).

The pipeline is imported with the collector off and then frozen: the collector never
walks frozen objects, so it does not write to the pages the forked workers share with
the server (reference counting still does, so fewer pages are copied, not none).
"""

from newsetl.heap import imports_without_gc

with imports_without_gc():
    import newsetl.process  # noqa: F401
    from newsetl import sentiment

    sentiment.warm_up()
