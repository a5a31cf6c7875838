"""Run corpus jobs in order: in this process, on a local process pool, or on a Dask cluster.

Every scheduler yields the results in the order of the jobs, so the tables are the same
whichever runs them. Only a small window of jobs (a few per worker) is in flight at a time:
memory stays flat however large the corpus is, and nothing holds a list of all documents.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from toolkit.corpus.worker import DocumentResult, Job, analyse_job, warm_up
from toolkit.errors import InputError, ResourceError

__all__ = ["SCHEDULERS", "default_workers", "run_jobs", "worker_count"]

SCHEDULERS = ("local", "dask")
#: Jobs in flight per worker: enough to keep every worker busy, few enough to stay flat.
WINDOW_PER_WORKER = 2


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(workers: int | None) -> int:
    """Return the number of worker processes to start (default: all cores).

    Raises
    ------
    InputError
        If ``workers`` is below 1.
    """
    count = default_workers() if workers is None else workers
    if count < 1:
        raise InputError(f"--workers must be 1 or more, not {count}. (Mindestens 1 Prozess.)")
    return count


def run_jobs(
    jobs: Iterable[Job],
    *,
    workers: int | None = None,
    scheduler: str = "local",
    dask_address: str | None = None,
    dask_processes: bool = True,
) -> Iterator[DocumentResult]:
    """Analyse ``jobs`` and yield their results in job order.

    Parameters
    ----------
    jobs
        The files to analyse (any iterable; it is read as the window moves).
    workers
        Worker processes (default: all cores). ``1`` with the local scheduler runs in this
        process.
    scheduler
        ``local`` (a process pool) or ``dask`` (a ``dask.distributed`` cluster).
    dask_address
        A running Dask scheduler (``tcp://host:8786``); default: a new local cluster.
    dask_processes
        Whether the local Dask cluster uses processes (threads otherwise; for tests).

    Raises
    ------
    InputError
        If the scheduler is unknown or ``workers`` is below 1.
    """
    count = worker_count(workers)
    if scheduler == "local":
        if count == 1:
            return _in_process(jobs)
        return _pool(jobs, count)
    if scheduler == "dask":
        return _dask(jobs, count, dask_address, dask_processes)
    raise InputError(
        f"Unknown scheduler {scheduler!r}; use {' or '.join(SCHEDULERS)}. (Unbekannter Scheduler.)"
    )


def _in_process(jobs: Iterable[Job]) -> Iterator[DocumentResult]:
    for job in jobs:
        yield analyse_job(job)


def _ordered(submit: Any, jobs: Iterable[Job], window: int) -> Iterator[DocumentResult]:
    pending: deque[Any] = deque()
    for job in jobs:
        pending.append(submit(job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _pool(jobs: Iterable[Job], workers: int) -> Iterator[DocumentResult]:
    executor = ProcessPoolExecutor(max_workers=workers, initializer=warm_up)
    finished = False
    try:
        yield from _ordered(
            lambda job: executor.submit(analyse_job, job), jobs, WINDOW_PER_WORKER * workers
        )
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted or failed: stop the workers now, do not finish their documents
            processes = list(getattr(executor, "_processes", {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=5)


def _dask(
    jobs: Iterable[Job], workers: int, address: str | None, processes: bool
) -> Iterator[DocumentResult]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise ResourceError(
            "The dask scheduler needs dask.distributed: pip install 'dask[distributed]'."
        ) from error
    cluster = None
    if address:
        client = Client(address)
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            # the nanny's shutdown notes are no news to a user
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    try:
        client.run(warm_up, False)  # load the models once on every worker

        def submit(job: Job) -> Future[DocumentResult]:
            return client.submit(analyse_job, job, pure=False)

        window = WINDOW_PER_WORKER * max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _ordered(submit, jobs, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
