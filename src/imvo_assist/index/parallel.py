"""Whoosh's parallel writer, with sub-writers that never outlive the indexer.

`whoosh.multiproc.MpWriter` forks one `SubWriterTask` per core; each writes a segment of its own.
Stock sub-writers are plain children: after `kill -9` of the indexer (or the OOM killer) they
wait for work for ever, holding the index lock they inherited, and Ctrl-C makes each print a
KeyboardInterrupt traceback. Here every sub-writer asks the kernel to kill it when the indexer
dies (PR_SET_PDEATHSIG, as extraction workers do), ignores SIGINT (the indexer handles Ctrl-C
and cancels; a Ctrl-C during the fork is raised after it), and `cancel` really stops them: the stock one only flips a flag in the parent's
copy of each task object.
"""

from __future__ import annotations

import os

from whoosh.index import Index
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from imvo_assist.extract.workers import become_worker, interrupts_held


class _SubWriter(SubWriterTask):
    """A sub-writer process that dies with the indexer and leaves Ctrl-C to it."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.parent = os.getpid()
        self.daemon = True  # ended, not waited for, if the indexer exits on an error

    def run(self) -> None:
        become_worker(self.parent)
        super().run()


class ParallelWriter(MpWriter):
    """`MpWriter` whose sub-writers are `_SubWriter`s."""

    def _new_task(self) -> _SubWriter:
        task = _SubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        with interrupts_held():
            task.start()
        return task

    def cancel(self) -> None:
        """Kill the sub-writers, then drop everything written (nothing was committed)."""
        self.jobqueue.cancel_join_thread()  # never wait at exit to feed jobs nobody reads
        for task in self.tasks:
            task.kill()
            task.join()
        SegmentWriter.cancel(self)


def parallel_writer(index: Index, procs: int, limitmb: int) -> ParallelWriter:
    """A writer for a big batch: `procs` sub-writers, each committing a segment of its own."""
    return ParallelWriter(index, procs=procs, multisegment=True, limitmb=limitmb)
