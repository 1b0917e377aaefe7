"""Where runs are written and how their figures are shown: the results folder, the machine, Markdown tables."""

import hashlib
import json
import os
import platform
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from ingest.settings import REPO_ROOT

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def timestamp() -> str:
    """A run's name: local time, sortable, with no characters a file system dislikes."""
    return time.strftime("%Y-%m-%dT%H-%M-%S")


def machine() -> dict:
    """What the figures were measured on: they mean little without it (the load average: what else was running)."""
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass  # not Linux: platform.processor() is the best there is
    return {"cpus": os.cpu_count(), "cpu_model": model, "python": platform.python_version(), "system": platform.platform(),
            "load_average": list(os.getloadavg())}


def machine_line(info: dict) -> str:
    return f"{info['cpus']} CPUs ({info['cpu_model']}), Python {info['python']}"


def git_commit() -> dict:
    """The commit the code was at, and whether the work tree had changes on top of it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True).stdout.strip()

    return {"commit": git("rev-parse", "HEAD") or None, "uncommitted_changes": bool(git("status", "--porcelain"))}


def commit_line(git: dict) -> str:
    return (git["commit"] or "unknown")[:12] + (" with uncommitted changes" if git["uncommitted_changes"] else "")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2, default=str) + "\n", encoding="utf-8")


def write_jsonl(path: Path, models: Iterable[BaseModel]) -> None:
    path.write_text("".join(model.model_dump_json() + "\n" for model in models), encoding="utf-8")


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.1f} %"


def millis(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def update_readme_block(name: str, markdown: str, readme: Path = REPO_ROOT / "README.md") -> None:
    """Replace what stands between `<!-- name:start -->` and `<!-- name:end -->` in the README, so its figures are never stale."""
    text = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        return
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    readme.write_text(f"{before}{start}\n{markdown.strip()}\n{end}{after}", encoding="utf-8")
