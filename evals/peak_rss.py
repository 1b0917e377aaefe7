"""`python -m evals.peak_rss ingest|answer DATA_DIR`: run one workload in this process, print its peak memory.

`ingest` builds a full index into DATA_DIR (expected empty); `answer` answers the first 100 golden
questions over the index in DATA_DIR. Prints one JSON object with peak_rss_mb (resident set, MB of
10^6 bytes). The benchmark runs each in its own process so that nothing else it loaded is counted.
"""

import json
import resource
import sys
from pathlib import Path

from ingest import offline  # noqa: F401
from ingest.settings import Settings

ANSWERED_QUESTIONS = 100


def peak_rss_mb() -> float:
    """This process's peak resident set. On Linux from VmHWM: getrusage's ru_maxrss survives exec, so a child
    started by a large parent would report the parent's size; VmHWM belongs to this program's own memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6  # kB
    except OSError:
        pass  # no /proc (macOS): getrusage, whose ru_maxrss is in bytes there
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def main(argv: list[str]) -> int:
    workload, data_dir = argv[0], Path(argv[1])
    settings = Settings(data_dir=data_dir)
    if workload == "ingest":
        from ingest.pipeline import run_ingest

        run_ingest(settings)
    else:
        from assistant.api import Engine

        from .golden import load_golden

        engine = Engine(settings, audit=False)
        for row in load_golden()[:ANSWERED_QUESTIONS]:
            engine.answer(row.question, row.today, row.history)
    print(json.dumps({"workload": workload, "peak_rss_mb": peak_rss_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
