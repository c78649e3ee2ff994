"""Where output goes: a device or a pipe is written to, never replaced; a batch that read nothing
leaves the old output; a directory of tables is replaced whole; an interrupt lands before or
after a commit, never inside it. Every test synchronises on an event (a pipe opened, a rename
made), never on the clock; the pipes are the tests' own, in their temporary directory."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import CORPUS

from objparse import output
from objparse.cli import main

SEEDS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def test_a_device_is_no_file_to_replace():
    assert output.is_special("/dev/null")  # read with stat only: nothing is written to it
    assert not output.is_special(SEEDS[0]) and not output.is_special(CORPUS) and not output.is_special("/no/such")


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(path, "rb") as fh:
            into.append(fh.read())
    reader = threading.Thread(target=read)
    reader.start()
    return reader


@pytest.mark.parametrize("target", ["out.json", "out.jsonl", "out.xlsx", "out.sqlite"])
def test_a_named_pipe_is_written_to_not_replaced(tmp_path, target):
    fifo = tmp_path / target
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _read_fifo(fifo, got)
    assert main([SEEDS[0], "-o", str(fifo), "-q"]) == 0
    reader.join()
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe
    assert got[0][:2] in (b'{\n', b'{"', b"PK", b"SQ")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target]  # no temporary file beside it


@pytest.mark.parametrize("target", ["out.json", "out.jsonl", "tables/", "out.xlsx", "out.sqlite"])
def test_a_batch_that_reads_no_sheet_leaves_the_old_output(tmp_path, target, capsys):
    path = tmp_path / target
    if target.endswith("/"):
        path.mkdir()
        (path / "kpis.csv").write_text("old")
    else:
        path.write_text("old")
    assert main([str(tmp_path / "no-such-sheet.txt"), "-o", str(path)]) == 1
    assert (path / "kpis.csv" if target.endswith("/") else path).read_text() == "old"
    assert f"no sheet read: {path} left as it was" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.rstrip("/")]


def test_a_directory_of_tables_is_replaced_whole(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "kpis.csv").write_text("old")
    (tables / "cells.csv").write_text("a table an older run wrote")  # replaced whole: gone
    assert main([SEEDS[0], "-o", f"{tables}/", "-q"]) == 0
    names = sorted(p.name for p in tables.iterdir())
    assert "datapackage.json" in names and (tables / "kpis.csv").read_text() != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


def test_a_directory_holding_other_files_keeps_them(tmp_path):
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "README.md").write_text("mine")
    assert main([SEEDS[0], "-o", f"{tables}/", "-q"]) == 0
    assert (tables / "README.md").read_text() == "mine" and (tables / "kpis.csv").exists()


def test_an_interrupt_during_the_commit_waits_for_it(tmp_path, monkeypatch, capsys):
    """SIGTERM sent while the tables are being moved into place: it is held until all are."""
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "README.md").write_text("mine")  # the files go in one by one
    for name in ("kpis.csv", "areas.csv"):
        (tables / name).write_text("old")
    replace = os.replace
    sent = []

    def interrupted_replace(src, dst):
        if not sent:
            sent.append(os.kill(os.getpid(), signal.SIGTERM))  # the signal arrives mid-commit
        replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted_replace)
    assert main([SEEDS[0], "-o", f"{tables}/", "-q"]) == 128 + signal.SIGTERM
    assert sent and "written whole before the signal" in capsys.readouterr().err
    assert all((tables / name).read_text() != "old" for name in ("kpis.csv", "areas.csv"))  # every one new


def test_the_target_is_checked_before_any_sheet_is_read(tmp_path, capsys):
    locked = tmp_path / "no-dir" / "x"
    (tmp_path / "no-dir").write_text("a file, not a directory")
    assert main([SEEDS[0], "-o", f"{locked}.json"]) == 2
    assert "is not a directory" in capsys.readouterr().err


def test_write_errors_name_the_path(tmp_path, monkeypatch, capsys):
    from objparse.export import json as json_export

    def full(self, text):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(json_export.JsonWriter, "write_text", full)
    target = tmp_path / "out.json"
    assert main([SEEDS[0], "-o", str(target)]) == 1
    assert f"cannot write {target}: No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _run(args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "objparse", *args], stderr=subprocess.PIPE, **kwargs)


def _wait_for_reader(fifo: Path) -> int:
    """Returns once objparse opens the pipe to read it: every file named before it is read."""
    return os.open(fifo, os.O_WRONLY)


def test_sigterm_mid_run_leaves_the_old_target(tmp_path):
    fifo = tmp_path / "wait.txt"
    os.mkfifo(fifo)
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    proc = _run([*SEEDS, str(fifo), *SEEDS, "-o", str(target), "-q"])
    fd = _wait_for_reader(fifo)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate()
    os.close(fd)
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "wait.txt"]  # no temporary file left


@pytest.mark.parametrize("attempt", range(3))
def test_ctrl_c_ends_a_pool_of_workers(tmp_path, attempt):
    """Ctrl-C reaches the whole process group: the parent ends the pool, none of it lingers."""
    fifo = tmp_path / "wait.txt"
    os.mkfifo(fifo)
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    proc = _run(["--jobs", "2", *SEEDS * 4, str(fifo), *SEEDS * 4, "-o", str(target), "-q"], start_new_session=True)
    fd = _wait_for_reader(fifo)  # a worker is reading the pipe
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate()
    os.close(fd)
    assert proc.returncode == 128 + signal.SIGINT and b"Traceback" not in err, err
    assert target.read_text(encoding="utf-8") == "old"
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # no worker left in the group


def test_a_name_twice_is_read_once(tmp_path, capsys):
    out = tmp_path / "out.json"
    assert main([str(CORPUS), SEEDS[0], "-o", str(out)]) == 0
    docs = json.loads(out.read_text())["documents"]
    assert [d["source"] for d in docs] == SEEDS
    assert f"{SEEDS[0]}: the same file as {SEEDS[0]}: read once" in capsys.readouterr().err


def test_a_pool_whose_own_ending_hangs_still_leaves_no_worker(monkeypatch):
    """The pool's ending can wait forever on a lock an interrupt left held (where it waits for
    the lock of the workers' queue): the workers are then killed, and the run goes on to its
    end. (The wait is made endless here, and the ending given no time.)"""
    import multiprocessing
    import threading
    from multiprocessing.pool import Pool

    from objparse.cli import batch

    release = threading.Event()
    monkeypatch.setattr(Pool, "_help_stuff_finish", staticmethod(lambda inqueue, task_handler, size: release.wait()))
    monkeypatch.setattr(batch, "ENDING", 0)
    before = set(multiprocessing.active_children())
    run = batch.outcomes([*SEEDS, *SEEDS], 2, "json", True)
    assert next(run).path == SEEDS[0]
    assert set(multiprocessing.active_children()) - before  # the pool's workers, at work
    run.close()  # the consumer stops: the pool is ended
    try:
        assert set(multiprocessing.active_children()) - before == set()
    finally:
        release.set()  # the hung ending, let go
