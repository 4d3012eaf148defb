"""Several reviewers at once through the real CLI, and writers killed with SIGKILL mid-command.

Each test is bounded in time; the processes are real `python -m factcheck` processes.
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from factcheck.queue import Queue
from test_queue_helpers import records, write_jsonl

pytestmark = pytest.mark.slow
CLI = [sys.executable, "-m", "factcheck"]
BOUND = 150  # seconds: a test that takes longer has hung


def cli(*args, timeout=60):
    return subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, timeout=timeout)


def integrity(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()


def test_eight_reviewers_at_once_through_the_cli(tmp_path):
    path = tmp_path / "shared.queue"
    n_claims, names = 16, [f"rev{i}" for i in range(8)]
    with Queue(path) as q:
        q.add_claims(records(n_claims))
        for name in names:
            q.add_reviewer(name)
    deadline = time.monotonic() + BOUND

    def reviewer(name):
        leased, acknowledged = [], []
        while time.monotonic() < deadline:
            got = cli("queue", "next", path, "--reviewer", name)
            if got.returncode == 3:
                return leased, acknowledged
            assert got.returncode == 0, got.stderr
            claim_id = json.loads(got.stdout)["claim"]["claim_id"]
            leased.append(claim_id)
            done = cli("queue", "verdict", path, claim_id, "--reviewer", name, "--rating", "half-true")
            assert done.returncode == 0, done.stderr
            acknowledged.append(json.loads(done.stdout)["verdict_id"])
        raise AssertionError("reviewers did not finish in time")

    with ThreadPoolExecutor(len(names)) as pool:
        results = dict(zip(names, pool.map(reviewer, names)))
    handed = [c for leased, _ in results.values() for c in leased]
    assert sorted(handed) == sorted(r["claim_id"] for r in records(n_claims))  # each claim to exactly one
    acknowledged = sorted(v for _, acks in results.values() for v in acks)
    conn = sqlite3.connect(path)
    stored = conn.execute("SELECT v.verdict_id, r.name, v.claim_id FROM verdicts v"
                          " JOIN reviewers r USING (reviewer_id) ORDER BY v.verdict_id").fetchall()
    assert [v for v, _, _ in stored] == acknowledged  # no verdict lost, none extra
    for name, (leased, _) in results.items():
        assert sorted(c for _, who, c in stored if who == name) == sorted(leased)
    assert conn.execute("SELECT count(*) FROM items WHERE status = 'reviewed'").fetchone()[0] == n_claims
    assert conn.execute("SELECT count(*) FROM leases").fetchone()[0] == 0
    conn.close()
    assert integrity(path) == ("ok", [])


WRITER = """
import random, sys
from factcheck.queue import Queue
q = Queue(sys.argv[1])
rnd = random.Random(int(sys.argv[3]))
ids = [r[0] for r in q._conn().execute("SELECT claim_id FROM items")]
names = q.scale.names()
while True:
    claim_id, rating = rnd.choice(ids), rnd.choice(names)
    v = q.record_verdict(claim_id, sys.argv[2], rating, note="x" * rnd.randint(0, 3000))
    print(v["verdict_id"], claim_id, rating, flush=True)  # acknowledged only once committed
"""


def _drain(stream, buf: bytearray) -> None:
    """Read a writer's stdout into ``buf`` as it comes, until it is closed."""
    while True:
        chunk = os.read(stream.fileno(), 65536)
        if not chunk:
            return
        buf.extend(chunk)


def test_writers_killed_mid_command_lose_nothing_acknowledged(tmp_path):
    path = tmp_path / "killed.queue"
    with Queue(path) as q:
        q.add_claims(records(40))
        for i in range(4):
            q.add_reviewer(f"w{i}")
    rnd = random.Random(11)
    acknowledged = {}
    # library writers in a tight loop, killed at random moments
    for round_ in range(3):
        errs = [open(tmp_path / f"writer{round_}-{i}.err", "w+") for i in range(4)]
        procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{i}", str(round_ * 10 + i)],
                                  stdout=subprocess.PIPE, stderr=errs[i]) for i in range(4)]
        outs = [bytearray() for _ in procs]
        readers = [threading.Thread(target=_drain, args=(p.stdout, buf), daemon=True) for p, buf in zip(procs, outs)]
        for t in readers:
            t.start()
        # kill once the writers are at work (on a loaded machine starting Python takes a while),
        # at a random moment of their loop: a fixed delay could kill them before their first verdict
        deadline = time.monotonic() + 120
        while not all(b"\n" in buf for buf in outs) and time.monotonic() < deadline:
            if any(p.poll() is not None for p in procs):
                break
            time.sleep(0.05)
        time.sleep(0.2 + rnd.random())
        for p in procs:
            os.kill(p.pid, signal.SIGKILL)
        for p, t, err in zip(procs, readers, errs):
            p.wait(30)
            t.join(30)
            err.seek(0)
            # a writer that stopped by itself (an error, not our SIGKILL) shows its traceback
            assert p.returncode == -signal.SIGKILL, err.read()[-2000:]
            err.close()
        for buf in outs:
            # only a whole line is an acknowledgement: the kill may cut the last one short
            # (or land between the commit and the print, which acknowledges nothing)
            for line in bytes(buf).decode().split("\n")[:-1]:
                verdict_id, claim_id, rating = line.split()
                acknowledged[int(verdict_id)] = (claim_id, rating)
    # CLI writers killed at random points of their run, some mid-transaction
    cli_acks = {}
    for i in range(12):
        claim_id = f"c{rnd.randrange(40):04d}"
        p = subprocess.Popen(CLI + ["queue", "verdict", str(path), claim_id, "--reviewer", "w0", "--rating", "false"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, _ = p.communicate(timeout=rnd.uniform(0.05, 0.8))
        except subprocess.TimeoutExpired:
            p.kill()
            out, _ = p.communicate(timeout=30)
        if p.returncode == 0:
            cli_acks[json.loads(out)["verdict_id"]] = (claim_id, "false")
    assert acknowledged, "the writers never got a verdict in"
    assert integrity(path) == ("ok", [])
    conn = sqlite3.connect(path)
    stored = {v: (c, r) for v, c, r in conn.execute("SELECT verdict_id, claim_id, rating FROM verdicts")}
    for verdict_id, expected in {**acknowledged, **cli_acks}.items():
        assert stored.get(verdict_id) == expected, (
            f"verdict {verdict_id} acknowledged as {expected}, stored as {stored.get(verdict_id)}"
            f" ({'CLI' if verdict_id in cli_acks else 'library'} writer; {len(stored)} stored)")
    # the derived state agrees with the appended verdicts
    assert conn.execute("SELECT count(*) FROM current_verdicts c LEFT JOIN verdicts v USING (verdict_id)"
                        " WHERE v.claim_id IS NOT c.claim_id").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM items i WHERE n_verdicts != (SELECT count(*) FROM current_verdicts c"
                        " WHERE c.claim_id = i.claim_id AND c.kind = 'verdict')").fetchone()[0] == 0
    conn.close()
    with Queue(path) as q:  # still usable
        assert q.stats()["verdicts"] >= 1


def test_add_killed_mid_file_keeps_whole_batches(tmp_path):
    path = tmp_path / "add.queue"
    total = 100_000
    claims = write_jsonl(tmp_path / "many.jsonl", records(total))
    with Queue(path) as q:  # not empty: the add goes in batches of 20,000
        q.add_claims([dict(records(1, doc_id="earlier")[0], claim_id="earlier")])
    p = subprocess.Popen(CLI + ["queue", "add", str(path), claims], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + BOUND
    seen = 0
    while p.poll() is None and time.monotonic() < deadline:
        # kill it once the first batch is in, while it writes the next ones
        if path.exists():
            try:
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
                seen = conn.execute("SELECT count(*) FROM items").fetchone()[0] - 1
                conn.close()
            except sqlite3.OperationalError:
                seen = 0
        if seen:
            break
        time.sleep(0.02)
    p.kill()
    p.communicate(timeout=30)
    assert integrity(path) == ("ok", [])
    conn = sqlite3.connect(path)
    n_claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0] - 1
    assert n_claims + 1 == conn.execute("SELECT count(*) FROM items").fetchone()[0]
    assert n_claims % 20_000 == 0 and n_claims >= seen  # whole transactions only, none lost
    conn.close()
    again = cli("queue", "add", path, claims, timeout=BOUND)  # and adding again completes the file
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == {"added": total - n_claims, "duplicates": n_claims, "errors": 0}


def test_first_load_killed_leaves_an_empty_working_queue(tmp_path):
    path = tmp_path / "first.queue"
    claims = write_jsonl(tmp_path / "many.jsonl", records(60_000))
    Queue(path).close()
    p = subprocess.Popen(CLI + ["queue", "add", str(path), claims], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # the load is one transaction: kill it once its write-ahead log has grown
    wal = tmp_path / "first.queue-wal"
    deadline = time.monotonic() + BOUND
    while p.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 4_000_000:
            break
        time.sleep(0.02)
    p.kill()
    p.communicate(timeout=30)
    assert integrity(path) == ("ok", [])
    conn = sqlite3.connect(path)
    n = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    assert n in (0, 60_000)  # all or nothing
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert {"items_doc", "items_status_label", "items_open_priority", "items_open_margin"} <= indexes
    again = cli("queue", "add", path, claims, timeout=BOUND)
    assert again.returncode == 0 and json.loads(again.stdout)["added"] == 60_000 - n
