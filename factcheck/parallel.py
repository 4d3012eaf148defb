"""Extraction on several processes: documents spread over workers, claims back in input order.

:func:`extract_parallel` cuts the documents into chunks of about ``chunk_chars`` characters,
hands each chunk to a worker process (which runs :meth:`Extractor.extract_many` on it) and
yields the results chunk by chunk in the order of the input, so the output equals a run in one
process (the fast tier scores each sentence on its own, whatever else is in its batch).

* Streaming: at most ``window`` chunks are out at once (sent, or back but not yet yielded),
  so memory does not grow with the input.
* The model is loaded once per worker: where the platform forks, the workers are forked after
  the main process loaded it; otherwise (or for a model that runs torch, whose thread pools do
  not survive a fork) each worker loads it by name from :attr:`Extractor.model_spec`.
* Input that makes a single chunk is scored in this process: workers would only add their
  start-up.
* A worker that dies (killed, out of memory) stops the run with :class:`WorkerDied`, a one-line
  error, never a hang: the main process watches the workers' pipes and process sentinels.
  Workers ignore Ctrl-C (the main process ends them) and end themselves when the main process
  is gone (:func:`factcheck.processes.exit_with_parent`), so no orphan is left behind.
"""
from __future__ import annotations

import gc
import itertools
import json
import os
import signal
import sys
import threading
from typing import Any, Callable, Iterable, Iterator

from .errors import FactcheckError
from .processes import exit_with_parent, limit_threads
from .types import Claim, Document

#: characters of text per chunk: about 500 news sentences, so a chunk's IPC costs little
#: against its scoring, and many chunks keep both workers busy to the end of a corpus
CHUNK_CHARS = 64_000

#: chunks each worker may hold at once: one being scored, one waiting, so it never idles
PER_WORKER = 2


#: below this many bytes of input, ``workers="auto"`` runs in one process: starting workers
#: costs more than they save (see :func:`auto_workers` for the measurement)
MIN_PARALLEL_BYTES = 256_000

#: modules of model parts that run torch (its thread pools do not survive a fork, and it
#: already uses every core in one process)
TORCH_MODULES = ("factcheck.accurate", "factcheck.finetuned", "factcheck.finetune", "factcheck.embeddings")


class WorkerDied(FactcheckError):
    """A worker process ended in the middle of a run (killed, or out of memory)."""


def claim_json(claim: Claim) -> str:
    """Return a claim as one JSON line (without the newline), as ``extract --format jsonl`` writes it."""
    return json.dumps(claim.to_dict(), ensure_ascii=False)


def uses_torch(model) -> bool:
    """Return True when a part of the model (or the base an adapted part builds on) runs torch."""
    parts = [getattr(model, "checkworthy", None), getattr(model, "attribution", None)]
    seen = 0
    while parts and seen < 16:
        part = parts.pop()
        seen += 1
        if part is None or isinstance(part, (str, bytes, int, float, os.PathLike)):
            continue
        if type(part).__module__.startswith(TORCH_MODULES):
            return True
        parts.extend(getattr(part, name, None) for name in ("base_", "base"))
    return False


def auto_workers(inputs: Iterable[str], *, model=None, live: bool = False) -> int:
    """Return how many processes ``workers="auto"`` uses for these inputs: ``min(2, cores)``, or
    1 for a live stream (claims turn by turn), standard input (its size is unknown), a model
    that runs torch (it already uses every core), one text file (one document: nothing to
    spread) and inputs under :data:`MIN_PARALLEL_BYTES`.

    The threshold was measured on 2 cores with ``scripts/bench_extract.py
    ../shared/data/attribution/polnear/train/text --sizes 64,128,192,256,384,512,1024 --runs 5``
    (the whole command; median time with two workers over the time with one). Quiet machine
    (load average 1.2): 0.99 at 64 kB, 0.96 at 130 kB, 0.89 at 211 kB, 0.78 at 258 kB, 0.74 at
    385 kB, 0.70 at 515 kB, 0.62 at 1 MB. Under load from other work (load average 2 to 2.6):
    0.99, 1.03, 0.97, 0.87, 0.77, 0.70, 0.63. Two workers pay from about 200 kB on a quiet
    machine and 250 kB on a busy one: 256 kB it is. The accurate tier was slower
    with two (60 news files, 404 kB: 6.8 s with one worker, 8.1 s with two; one process already
    keeps both cores busy with torch threads), hence one worker for a torch model.
    """
    from pathlib import Path

    from .errors import InputError
    from .io import STDIN, TEXT_SUFFIXES, expand_inputs

    inputs = list(inputs)
    cores = os.cpu_count() or 1
    if live or cores < 2 or STDIN in inputs or (model is not None and uses_torch(model)):
        return 1
    try:
        files = expand_inputs(inputs)
        total = sum(os.path.getsize(f) for f in files)
    except (InputError, OSError):  # the read reports it, in one process
        return 1
    if len(files) == 1 and Path(files[0]).suffix.lower() in TEXT_SUFFIXES:
        return 1
    return 1 if total < MIN_PARALLEL_BYTES else min(2, cores)


def chunks(docs: Iterable[Document], chunk_chars: int | None = None) -> Iterator[list[Document]]:
    """Yield the documents in consecutive lists of about ``chunk_chars`` characters (default
    :data:`CHUNK_CHARS`; at least one document each, a document is never split)."""
    chunk_chars = chunk_chars or CHUNK_CHARS
    chunk: list[Document] = []
    size = 0
    for doc in docs:
        chunk.append(doc)
        size += len(doc.text)
        if size >= chunk_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_parallel(extractor, docs: Iterable[Document], *, workers: int = 2,
                     encode: Callable[[Claim], Any] | None = None, chunk_chars: int | None = None,
                     start_method: str | None = None) -> Iterator[Any]:
    """Yield the claims of ``docs`` scored by ``extractor`` on ``workers`` processes, in input order.

    ``encode`` (a module-level function, such as :func:`claim_json`) is applied to each claim in
    the worker, and its result is yielded instead of the claim: a JSON line crosses between
    processes more cheaply than a Claim. ``start_method`` is ``fork`` (default where available,
    unless the model runs torch) or ``spawn`` (workers load the model by name)."""
    pieces = chunks(docs, chunk_chars)
    head = list(itertools.islice(pieces, 2)) if workers > 1 else []
    if workers <= 1 or len(head) < 2:  # one chunk (or none): workers would only add their start-up
        for claim in extractor.extract_many(itertools.chain.from_iterable(head) if head else docs):
            yield encode(claim) if encode is not None else claim
        return
    pool = _Pool(extractor, workers, encode, start_method)
    try:
        yield from pool.run(itertools.chain(head, pieces))
    finally:
        pool.close()


def _start_method(extractor, wanted: str | None) -> str:
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    if wanted is None:
        # torch's thread pools do not survive a fork (a forked child can hang in its first
        # parallel op), so a torch model is loaded again in each worker, by its name
        torch = uses_torch(getattr(extractor, "model", None)) and getattr(extractor, "model_spec", None) is not None
        wanted = "fork" if "fork" in methods and not torch else "spawn"
    if wanted not in methods:
        raise FactcheckError(f"this platform cannot start worker processes with {wanted!r}; use --workers 1")
    if wanted != "fork" and getattr(extractor, "model_spec", None) is None:
        raise FactcheckError("workers that load the model themselves need a model name or folder, "
                             "not a model object; use --workers 1")
    return wanted


class _Pool:
    """Worker processes, each with a pipe for chunks in and a pipe for results out."""

    def __init__(self, extractor, workers: int, encode, start_method: str | None):
        import multiprocessing as mp

        method = _start_method(extractor, start_method)
        ctx = mp.get_context(method)
        share = max(1, (os.cpu_count() or 1) // workers)
        if method == "fork":
            setup = (extractor, None)  # inherited in memory, never pickled
        else:
            setup = (None, (extractor.model_spec, extractor.threshold, extractor.all_sentences))
        pipes = [(ctx.Pipe(duplex=False), ctx.Pipe(duplex=False)) for _ in range(workers)]
        self.procs = []
        self.send = []  # main -> worker i: chunks
        self.recv = []  # worker i -> main: results
        # what the workers inherit is moved out of the collector's sight first: their garbage
        # collections would otherwise walk (and so copy, page by page) the whole inherited heap
        gc.freeze()
        # Ctrl-C is held back while the workers start (they ignore it; a Ctrl-C in between
        # reaches this process once they are up, never a half-started worker)
        block = hasattr(signal, "pthread_sigmask")
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if block else None
        try:
            for i, ((task_r, task_w), (res_r, res_w)) in enumerate(pipes):
                # a forked worker inherits every pipe: it closes all but its own two ends
                others = [task_w, res_r] + [c for j, pair in enumerate(pipes) if j != i for p in pair for c in p]
                proc = ctx.Process(target=_worker, name=f"factcheck-extract-{i + 1}", daemon=True,
                                   args=(setup, encode, share, task_r, res_w, others if method == "fork" else []))
                proc.start()
                self.procs.append(proc)
                task_r.close()  # the worker's ends: closed here, so a dead worker's pipe reads as ended
                res_w.close()
                self.send.append(task_w)
                self.recv.append(res_r)
        except BaseException:
            self.close()
            raise
        finally:
            gc.unfreeze()
            if block:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def run(self, pieces: Iterator[list[Document]]) -> Iterator[Any]:
        from multiprocessing.connection import wait

        n = len(self.procs)
        window = PER_WORKER * n + n  # out at once: held by workers, or back and waiting their turn
        held = [0] * n  # chunks each worker holds
        back: dict[int, list] = {}
        sent = done = 0
        exhausted = False
        while True:
            while not exhausted and sent - done < window:
                i = min(range(n), key=held.__getitem__)
                if held[i] >= PER_WORKER:
                    break
                piece = next(pieces, None)
                if piece is None:
                    exhausted = True
                    break
                try:
                    self.send[i].send((sent, piece))
                except OSError:  # its end is closed: the worker is gone
                    raise self._died(i) from None
                held[i] += 1
                sent += 1
            if done in back:
                ok, out = back.pop(done)
                if not ok:  # raised in its turn, after the claims of the chunks before it
                    raise out
                done += 1
                yield from out
                continue
            if exhausted and done == sent:
                return
            ready = set(wait(self.recv + [p.sentinel for p in self.procs]))
            for i, conn in enumerate(self.recv):
                if conn in ready:
                    try:
                        index, ok, payload = conn.recv()
                    except (EOFError, OSError):
                        raise self._died(i) from None
                    held[i] -= 1
                    back[index] = (ok, payload)
                elif self.procs[i].sentinel in ready:
                    raise self._died(i)

    def _died(self, i: int) -> WorkerDied:
        proc = self.procs[i]
        proc.join(1)
        code = proc.exitcode
        how = (f"killed by signal {-code}" if code is not None and code < 0
               else f"exit code {code}" if code is not None else "its pipe closed")
        return WorkerDied(f"extraction worker {i + 1} of {len(self.procs)} died ({how}; out of memory?); "
                          "the output is incomplete: rerun, with --workers 1 if it happens again")

    def close(self) -> None:
        """Stop the workers: ask them to finish, then end any that does not."""
        for conn in self.send:
            try:
                conn.send(None)
            except (OSError, ValueError):
                pass
        for proc in self.procs:
            proc.join(0.2)
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(2)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for conn in self.send + self.recv:
            conn.close()


def _picklable(exc: BaseException) -> BaseException:
    import pickle
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _worker(setup, encode, share: int, tasks, results, inherited) -> None:
    """A worker's life: read chunks, score them, send back their claims (or the error)."""
    import queue

    for conn in inherited:  # the other ends and other workers' pipes, inherited by a fork
        conn.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process ends the workers on Ctrl-C
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent()
    # read by torch when it starts, should it start in this worker (a spawned worker's model)
    os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = str(share)
    extractor, spec = setup
    if extractor is None:
        from .pipeline import Extractor
        model, threshold, all_sentences = spec
        extractor = Extractor(model, threshold=threshold, all_sentences=all_sentences)
    _limit_all_threads(share)

    # chunks are read by a thread as they come, so the main process never waits to send one
    # while this process waits to send a result (two full pipes would wait on each other)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def read():
        try:
            while True:
                msg = tasks.recv()
                inbox.put(msg)
                if msg is None:
                    return
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=read, name="factcheck-extract-inbox", daemon=True).start()
    while True:
        msg = inbox.get()
        if msg is None:
            break
        index, docs = msg
        try:
            claims = extractor.extract_many(docs)
            out = [encode(c) for c in claims] if encode is not None else list(claims)
            reply = (index, True, out)
        except BaseException as exc:  # sent to the main process, which raises it there
            reply = (index, False, _picklable(exc))
        try:
            results.send(reply)
        except (OSError, ValueError):  # the main process is gone
            break
    results.close()


def _limit_all_threads(n: int) -> None:
    """Keep a worker to its share of the cores: BLAS pools, and torch's (its encoder runs
    ``threads`` batches at once, counted when it was made)."""
    limit_threads(n)
    if "torch" in sys.modules:
        import torch
        torch.set_num_threads(n)
        embeddings = sys.modules.get("factcheck.embeddings")
        for enc in getattr(embeddings, "_CACHE", {}).values():
            model = getattr(enc, "_model", None)
            if hasattr(model, "threads"):
                model.threads = n
