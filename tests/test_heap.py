"""The collector settings batch work and big imports run under (newsetl.heap)."""

from __future__ import annotations

import gc
import threading

import pytest

from newsetl import heap
from newsetl.heap import BATCH_GEN0_THRESHOLD, batch_heap, imports_without_gc


@pytest.fixture(autouse=True)
def unfrozen_heap(monkeypatch):
    """Each test starts as a process that froze nothing (an in-process `newsetl run` may have)."""
    gc.unfreeze()
    monkeypatch.setattr(heap, "_imports_frozen", False)
    yield
    gc.unfreeze()


def test_batch_heap_freezes_and_raises_threshold_then_restores():
    assert gc.get_freeze_count() == 0
    before_threshold = gc.get_threshold()
    with batch_heap():
        assert gc.get_threshold()[0] == BATCH_GEN0_THRESHOLD
        assert gc.get_threshold()[1:] == before_threshold[1:]
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before_threshold
    assert gc.get_freeze_count() == 0


def test_batch_heap_leaves_frozen_imports_frozen():
    # what imports_without_gc froze (the pipeline in a worker) must stay frozen after a batch:
    # gc.unfreeze() would hand all of it back to the collector
    with imports_without_gc():
        import email.mime.audio  # noqa: F401  (anything not yet imported)
    frozen = gc.get_freeze_count()
    with batch_heap():
        assert gc.get_threshold()[0] == BATCH_GEN0_THRESHOLD
    assert gc.get_freeze_count() > frozen // 2  # not unfrozen (a few frozen objects may have died)


def test_batch_heap_restores_after_an_error():
    before = gc.get_threshold()
    try:
        with batch_heap():
            raise ValueError("bad article")
    except ValueError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_nested_and_concurrent_batches_keep_the_setting_until_the_last_ends():
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()
    seen = []

    def batch():
        with batch_heap():
            inside.set()
            release.wait(5)
            seen.append(gc.get_threshold()[0])

    worker = threading.Thread(target=batch)
    worker.start()
    inside.wait(5)
    with batch_heap():
        with batch_heap():
            pass
        assert gc.get_threshold()[0] == BATCH_GEN0_THRESHOLD  # the inner exit did not restore
        release.set()
        worker.join(5)
        assert gc.get_threshold()[0] == BATCH_GEN0_THRESHOLD  # nor the other thread's
    assert seen == [BATCH_GEN0_THRESHOLD]
    assert gc.get_threshold() == before


def test_imports_run_without_collections_and_are_frozen_after():
    assert gc.isenabled()
    with imports_without_gc():
        assert not gc.isenabled()
        import email.mime.multipart  # noqa: F401  (anything not yet imported)
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_imports_leave_a_disabled_collector_alone():
    gc.disable()
    try:
        with imports_without_gc():
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_exit_freezes_the_heap_after_the_other_exit_handlers_and_loses_no_output(tmp_path):
    # Exit handlers registered after freeze_at_exit (Prefect's log drain, the API's stop) still run,
    # before the freeze; files written with `with` are complete.
    import subprocess
    import sys

    out, log, frozen = tmp_path / "out.txt", tmp_path / "handler.txt", tmp_path / "frozen.txt"
    program = (
        "import atexit, gc\n"
        "from newsetl.heap import freeze_at_exit\n"
        f"atexit.register(lambda: open({str(frozen)!r}, 'w').write(str(gc.get_freeze_count())))\n"
        "freeze_at_exit()\n"
        f"atexit.register(lambda: open({str(log)!r}, 'w').write(f'drained {{gc.get_freeze_count()}}'))\n"
        f"with open({str(out)!r}, 'w') as fh:\n"
        "    fh.write('x' * 100_000)\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True, timeout=60)
    assert out.read_text() == "x" * 100_000
    assert log.read_text() == "drained 0"  # the handler registered later ran before the freeze
    assert int(frozen.read_text()) > 1000  # the freeze ran, after the later-registered handler
