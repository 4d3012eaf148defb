"""``factcheck score --engine dask``: the same chunks, scored on a Dask cluster.

The client plans exactly the chunks of the local engine, except that each Parquet row group
and each slice of a Hugging Face dataset becomes a partition the worker reads itself, so the
client never holds that data. Workers load the model once each (a per-process cache in
:mod:`factcheck.batch`) and send back a chunk's claims; the client writes the parts and the
output in order, so resume, the errors file and the output are those of the local engine.
Needs ``pip install 'factcheck[dask]'``.
"""
from __future__ import annotations

import os
from dataclasses import replace

from .batch import ModelSpec, score_chunk
from .errors import FactcheckError


class DaskEngine:
    """Submits chunks to a Dask cluster: ``scheduler`` (``tcp://host:8786``) or a local one."""

    name = "dask"
    partitions = True

    def __init__(self, workers: int, spec: ModelSpec, published=None, *, scheduler: str | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise FactcheckError("--engine dask needs Dask: pip install 'factcheck[dask]'") from None
        # workers may run in another folder: the model's folder and the inputs are named from here
        model = spec.model
        if isinstance(model, (str, os.PathLike)) and os.path.isdir(model):
            spec = replace(spec, model=os.path.abspath(model))
        self.spec = spec
        self.published = published
        self.cwd = os.getcwd()
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                # one thread per worker process: the model code is CPU-bound Python
                self._cluster = LocalCluster(n_workers=max(1, int(workers)), threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise FactcheckError(f"cannot reach the Dask scheduler {scheduler} ({exc}); "
                                 "check the address, or leave out --scheduler for a local cluster") from None
        except ValueError as exc:  # not an address: "nonsense", "http://..."
            raise FactcheckError(f"--scheduler {scheduler!r} is not a Dask scheduler address ({exc}); "
                                 "give one such as tcp://127.0.0.1:8786") from None
        except RuntimeError as exc:  # a local cluster whose workers could not start
            raise FactcheckError(f"could not start a local Dask cluster ({exc}); run from a script file "
                                 "or the factcheck command, or give --scheduler") from None
        self._n = max(1, len(self.client.scheduler_info().get("workers", {})) or int(workers))

    @property
    def window(self) -> int:
        return 2 * self._n + 1

    def submit(self, chunk):
        # pure=False: a chunk resent after a failure must run again, not reuse a cached key
        return self.client.submit(score_chunk, chunk, self.spec, self.published, self.cwd, pure=False,
                                  key=f"factcheck-chunk-{chunk.index}-{id(chunk)}")

    def wait(self, futures):
        from distributed import wait
        return wait(futures, return_when="FIRST_COMPLETED")

    def is_broken(self, exc: BaseException) -> bool:
        try:
            from distributed.scheduler import KilledWorker
        except ImportError:  # pragma: no cover
            return False
        return isinstance(exc, KilledWorker)

    def restart(self) -> None:
        """Dask reschedules lost tasks itself; nothing to rebuild here."""

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
