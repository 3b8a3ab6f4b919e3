"""The reload worker: load and validate a dataset in a process of its own.

A live reload never loads on the GUI thread: the viewer starts this worker
(``fulian-viewer _reload-worker REQUEST RESPONSE``, hidden from ``--help``), which
caps its own memory and processor time (``resource.setrlimit`` where the system
has it; the viewer also kills it after a time limit, which works everywhere),
copies the dataset's files while none of them changes, loads the copy and writes
a :class:`ReloadOutcome` for the viewer to read. A thread could not be stopped
when a hostile file makes the loader run away; a process can.

Qt-free: it must start fast and never touch the screen.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fulian_viewer.model.loading import LoadResult, load_report
from fulian_viewer.model.problems import Problem
from fulian_viewer.model.snapshot import ChangingError, copy_steady, data_folder

WORKER_COMMAND = "_reload-worker"
DEFAULT_MEMORY_MB = 1536
DEFAULT_TIME_SECONDS = 30.0


@dataclass(frozen=True)
class ReloadRequest:
    """What to load, and how much the worker may spend on it.

    Attributes:
        data: the dataset folder or workbook.
        source_name: the report text's file as the shown deck names it, or None.
        last_good_root: where last good copies are kept; None keeps none.
        memory_mb: the worker's address-space cap.
        time_seconds: the worker's processor-time cap (the viewer kills it after this
            much wall time, too).
    """

    data: Path
    source_name: str | None = None
    last_good_root: Path | None = None
    memory_mb: int = DEFAULT_MEMORY_MB
    time_seconds: float = DEFAULT_TIME_SECONDS

    def to_json(self) -> str:
        """The request as JSON, for the worker's command line."""
        fields = dataclasses.asdict(self)
        for key in ("data", "last_good_root"):
            fields[key] = None if fields[key] is None else str(fields[key])
        return json.dumps(fields, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ReloadRequest:
        """Read :meth:`to_json`'s output."""
        fields = json.loads(text)
        root = fields.get("last_good_root")
        return cls(
            data=Path(fields["data"]),
            source_name=fields.get("source_name"),
            last_good_root=None if root is None else Path(root),
            memory_mb=int(fields.get("memory_mb", DEFAULT_MEMORY_MB)),
            time_seconds=float(fields.get("time_seconds", DEFAULT_TIME_SECONDS)),
        )


@dataclass(frozen=True)
class ReloadOutcome:
    """What a reload found.

    Attributes:
        result: the load of a steady copy, its path the dataset's own; None when
            nothing could be loaded (see ``failure``).
        digest: a hash of the files read ("" without a result).
        failure: why there is no result: ``changing`` (files still being written),
            ``timeout``, ``memory``, ``crashed``, with details after a colon.
        last_good: where a clean load was kept as the last good copy, if it was.
    """

    result: LoadResult | None
    digest: str = ""
    failure: str = ""
    last_good: Path | None = None


def run_job(request: ReloadRequest) -> ReloadOutcome:
    """Copy the dataset steadily, load the copy, keep it as last good copy when clean."""
    with tempfile.TemporaryDirectory(prefix="fulian-reload-") as folder:
        try:
            copy = copy_steady(request.data, request.source_name, Path(folder))
        except ChangingError as error:
            return ReloadOutcome(None, failure=f"changing: {error}")
        except OSError as error:
            return ReloadOutcome(None, failure=f"unreadable: {error}")
        result = load_report(copy.data)
        report = result.report
        source = report.deck.text("source_file") if report is not None else None
        if source is not None and source.zh != request.source_name:
            # The deck names another report text than the one copied: copy again with it.
            return run_job(dataclasses.replace(request, source_name=source.zh))
        kept = None
        if result.ok and report is not None and request.last_good_root is not None:
            from fulian_viewer.model.last_good import save_snapshot

            kept = save_snapshot(copy.data, report, request.last_good_root, copy_of=request.data)
        shown = dataclasses.replace(
            result, path=request.data, problems=_as_found_in(result, folder, request.data)
        )
        return ReloadOutcome(shown, copy.digest, last_good=kept)


def _as_found_in(result: LoadResult, copy_folder: str, data: Path) -> tuple[Problem, ...]:
    """The problems of a copy's load, naming the dataset's own files rather than the copy's."""
    real = str(data_folder(data))

    def own(text: str) -> str:
        return text.replace(copy_folder, real)

    return tuple(
        dataclasses.replace(
            item,
            file=own(item.file),
            params=tuple((name, own(value)) for name, value in item.params),
        )
        for item in result.problems
    )


def limit_resources(memory_mb: int, time_seconds: float) -> None:
    """Cap this process's address space and processor time, where the system allows."""
    try:
        import resource
    except ImportError:  # Windows: the viewer's time limit still applies
        return
    memory = memory_mb * 1024 * 1024
    seconds = max(1, int(time_seconds + 0.999))
    for limit, value in ((resource.RLIMIT_AS, memory), (resource.RLIMIT_CPU, seconds)):
        try:
            _, hard = resource.getrlimit(limit)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(limit, (value, hard))
        except (ValueError, OSError):
            continue


def worker_main(argv: list[str]) -> int:
    """``_reload-worker REQUEST_JSON RESPONSE_FILE``: run one job and write its outcome."""
    if len(argv) != 2:
        print("usage: fulian-viewer _reload-worker REQUEST_JSON RESPONSE_FILE", file=sys.stderr)
        return 2
    if sys.stderr is not None:  # a windowed build has none
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    request = ReloadRequest.from_json(argv[0])
    limit_resources(request.memory_mb, request.time_seconds)
    try:
        outcome = run_job(request)
    except MemoryError:
        outcome = ReloadOutcome(None, failure=f"memory: over {request.memory_mb} MB")
    Path(argv[1]).write_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


def worker_command(request: ReloadRequest, response: Path) -> list[str]:
    """The command line that runs the worker (the frozen app runs itself)."""
    if getattr(sys, "frozen", False):
        program = [sys.executable]
    else:
        program = [sys.executable, "-m", "fulian_viewer"]
    return [*program, WORKER_COMMAND, request.to_json(), str(response)]
