"""`python -m evals.load --sessions N [--seconds S] [--instances K]`: N officers asking at once, all from one browser.

Starts the app the way `make run` does (`python -m ui.serve`, the engine warmed in the background) on a free
loopback port over the built index, and times how long until the first officer's chat box is usable and their
first answer has arrived. Then N contexts of one headless Chromium (Debian's, `/usr/bin/chromium`) each sign in
and ask posting questions from the golden set in turn for S seconds, each waiting for its verdict before asking the
next. Prints p50 / p95 answer time, errors, time to a usable chat box, the 1-minute load average before and after,
and the load generator's own CPU (this process, the Playwright driver and the browser, which share the machine's
cores with the server), so the figures can be read against what the measuring itself cost, and the servers' CPU.

With `--instances K` (or `--chroma-server`) it serves the index as a force's deployment does: a Chroma server started
for the run (`chroma run`, its own folder under evals/results/, the corpus ingested into it first) and K app processes
over it, sharing the audit database (PRESSLINE_AUDIT_URL if set, else the data folder's SQLite file); each officer
stays on one instance (officer i on instance i mod K), as sticky sessions at the force's proxy keep them.

Each run is saved as evals/results/load-<sessions>-<time>.json with the options and commit it ran at (results are
not tracked); nothing tracked is changed. Usage::

    .venv/bin/python -m evals.load --sessions 10 --seconds 60
    PRESSLINE_AUDIT_URL=postgresql+psycopg://… .venv/bin/python -m evals.load --sessions 20 --instances 2
"""

import argparse
import asyncio
import datetime as dt
import math
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .golden import GOLDEN_PATH, load_golden
from .report import RESULTS_DIR, commit_line, git_commit, write_json

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
CHAT_BOX = "Ask about a post, a statement or a press line"
NAME_FIELD = "Your name or collar number"
LIVE_REGION = "pressline-live"
"""The page's polite live region: each answer announces "Answer N: <verdict>" there once it is drawn and in view, so a
new text in it means the officer can read the answer."""
ANSWER_TIMEOUT_S = 120
START_TIMEOUT_S = 180


@dataclass
class Session:
    number: int
    answer_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    usable_seconds: float | None = None
    """From the server's start (the first session) or from opening the page (the others) to a usable chat box."""


def posting_questions() -> list[str]:
    """The golden set's questions that get a verdict, in file order: each session starts at a different one."""
    return [row.question for row in load_golden(GOLDEN_PATH) if row.acceptable_rag != [None] and not row.history]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, log_path: Path, env: dict) -> subprocess.Popen:
    with open(log_path, "w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "ui.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )


def wait_until_up(url: str, process: subprocess.Popen, failure: str, timeout: float = START_TIMEOUT_S) -> None:
    """Poll `url` until it answers; SystemExit(failure) if `process` exits or `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(failure) from None
            time.sleep(0.1)


def start_chroma_server(env: dict) -> tuple[subprocess.Popen, str]:
    """A Chroma server over a folder of its own, with the corpus ingested into it: the force's one index."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--path",
                               str(RESULTS_DIR / "load-chroma"), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env | {"ANONYMIZED_TELEMETRY": "False"})
    wait_until_up(f"{url}/api/v2/heartbeat", server, "the Chroma server did not start")
    indexed = subprocess.run([sys.executable, "-m", "ingest", "--if-stale"], cwd=REPO_ROOT,
                             env=env | {"PRESSLINE_CHROMA_URL": url}, capture_output=True, text=True)
    if indexed.returncode not in (0, 3):
        server.terminate()
        raise SystemExit(f"ingesting into the Chroma server failed: {indexed.stderr[-2000:]}")
    return server, url


def process_cpu_seconds(root: int, exclude: set[int]) -> float:
    """CPU seconds (user + system) of `root` and every process under it, leaving out those in `exclude` and theirs.
    A process that has ended counts in its parent's figures once reaped: the browser closes each officer's renderer
    process when their context closes."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry.name), int(fields[1])
        children.setdefault(parent, []).append(pid)
        times[pid] = sum(int(value) for value in fields[11:15]) / tick  # its own time and its reaped children's
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        if pid in exclude:
            continue
        total += times.get(pid, 0.0)
        stack.extend(children.get(pid, []))
    return total


async def open_chat(context, url: str) -> object:
    page = await context.new_page()
    await page.goto(url)
    name = page.get_by_label(NAME_FIELD)
    box = page.get_by_placeholder(CHAT_BOX)
    await name.or_(box).first.wait_for(timeout=START_TIMEOUT_S * 1000)
    if await name.count():
        await name.fill("PC 1234")
        await page.get_by_role("button", name="Continue").click()
    await box.wait_for(timeout=START_TIMEOUT_S * 1000)
    return page


async def ask(page, question: str) -> float:
    """Ask `question` and wait for its answer's announcement; the seconds from pressing Enter to it."""
    announced = f"() => document.getElementById('{LIVE_REGION}')?.textContent ?? ''"
    before = await page.evaluate(announced)
    box = page.get_by_placeholder(CHAT_BOX)
    await box.fill(question)
    started = time.monotonic()
    await box.press("Enter")
    await page.wait_for_function(f"before => {{ const now = ({announced})(); return now !== '' && now !== before; }}",
                                 arg=before, timeout=ANSWER_TIMEOUT_S * 1000, polling=50)
    return time.monotonic() - started


async def officer(browser, url: str, session: Session, questions: list[str], until: float, opened: float) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = await open_chat(context, url)
        if session.usable_seconds is None:
            session.usable_seconds = time.monotonic() - opened
        turn = session.number
        while time.monotonic() < until:
            question = questions[turn % len(questions)]
            turn += len(questions) // 7 or 1
            try:
                session.answer_seconds.append(await ask(page, question))
            except Exception as exc:  # a timeout or a page error is counted and the officer starts a fresh chat
                session.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                await page.close()
                page = await open_chat(context, url)
    finally:
        await context.close()


async def drive(urls: list[str], sessions: int, seconds: float, server_started: float,
                server_pids: set[int]) -> tuple[list[Session], dict]:
    from playwright.async_api import async_playwright

    questions = posting_questions()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # The first officer alone, from the server's start: how soon the page is usable and answers.
        first = Session(number=0)
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        page = await open_chat(context, urls[0])
        first.usable_seconds = time.monotonic() - server_started
        first_answer = await ask(page, questions[0])
        cold = {"usable_after_start_s": round(first.usable_seconds, 2),
                "first_answer_after_start_s": round(time.monotonic() - server_started, 2),
                "first_answer_s": round(first_answer, 2)}
        await context.close()
        # Then every officer at once, for `seconds`.
        opened = time.monotonic()
        cpu_before = process_cpu_seconds(os.getpid(), exclude=server_pids)
        server_cpu_before = sum(process_cpu_seconds(pid, exclude=set()) for pid in server_pids)
        until = opened + seconds
        crowd = [Session(number=index) for index in range(sessions)]
        await asyncio.gather(*(officer(browser, urls[session.number % len(urls)], session, questions, until, opened)
                               for session in crowd))
        # measured before the browser closes: its processes' CPU is gone once they exit
        cold["generator_cpu_s"] = process_cpu_seconds(os.getpid(), exclude=server_pids) - cpu_before
        cold["server_cpu_s"] = sum(process_cpu_seconds(pid, exclude=set()) for pid in server_pids) - server_cpu_before
        cold["crowd_wall_s"] = time.monotonic() - opened
        await browser.close()
    return crowd, cold


def database_kind(env: dict) -> str:
    """Which database the audit goes to (never its URL, which may hold a password)."""
    url = env.get("PRESSLINE_AUDIT_URL", "")
    return url.split(":", 1)[0].split("+", 1)[0] if url else "sqlite"


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]  # the nearest rank


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=1, help="officers asking at once (default 1)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they keep asking (default 60)")
    parser.add_argument("--instances", type=int, default=1,
                        help="app processes sharing one Chroma server started for the run (default 1)")
    parser.add_argument("--chroma-server", action="store_true",
                        help="serve the index from a Chroma server started for the run even with one instance")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.seconds <= 0 or args.instances < 1:
        parser.error("--sessions and --instances must be at least 1 and --seconds more than 0")
    if not Path(CHROMIUM).exists():
        parser.error(f"the load test drives Debian's Chromium: {CHROMIUM} is missing (as root: apt-get install chromium)")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    chroma = None
    if args.instances > 1 or args.chroma_server:
        chroma, env["PRESSLINE_CHROMA_URL"] = start_chroma_server(env)
    ports = [free_port() for _ in range(args.instances)]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    logs = [RESULTS_DIR / f"load-server-{index}.log" for index in range(args.instances)]
    load_before = os.getloadavg()[0]
    server_started = time.monotonic()
    servers = [start_server(port, log, env) for port, log in zip(ports, logs)]
    try:
        for url, server, log in zip(urls, servers, logs):
            wait_until_up(f"{url}/_stcore/health", server, f"the app did not start: see {log}")
        crowd, cold = asyncio.run(drive(urls, args.sessions, args.seconds, server_started,
                                        {server.pid for server in servers} | ({chroma.pid} if chroma else set())))
        generator_cpu, server_cpu, wall = cold.pop("generator_cpu_s"), cold.pop("server_cpu_s"), cold.pop("crowd_wall_s")
    finally:
        for server in [*servers, *([chroma] if chroma else [])]:
            server.terminate()
            server.wait(timeout=30)
    times = [seconds for session in crowd for seconds in session.answer_seconds]
    errors = [error for session in crowd for error in session.errors]
    usable = [session.usable_seconds for session in crowd if session.usable_seconds is not None]
    report = {
        "sessions": args.sessions, "seconds": args.seconds, "instances": args.instances,
        "chroma_server": chroma is not None, "audit_database": database_kind(env),
        "commit": git_commit(), "cpus": os.cpu_count(),
        "when": dt.datetime.now().isoformat(timespec="seconds"), **cold,
        "answers": len(times), "errors": len(errors), "error_samples": errors[:5],
        "answer_p50_s": round(statistics.median(times), 2) if times else None,
        "answer_p95_s": round(percentile(times, 0.95), 2) if times else None,
        "usable_p50_s": round(statistics.median(usable), 2) if usable else None,
        "usable_max_s": round(max(usable), 2) if usable else None,
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "generator_cpu_s": round(generator_cpu, 1), "generator_cpu_share": round(generator_cpu / wall / (os.cpu_count() or 1), 3),
        "server_cpu_s": round(server_cpu, 1), "server_cpu_share": round(server_cpu / wall / (os.cpu_count() or 1), 3),
        "server_cpu_per_answer_s": round(server_cpu / len(times), 2) if times else None,
    }
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    write_json(RESULTS_DIR / f"load-{args.sessions}-{stamp}.json", report)
    print(f"{args.sessions} sessions for {args.seconds:g} s on {args.instances} instance(s)"
          f"{' over a Chroma server' if chroma else ''}, audit in {report['audit_database']}, at "
          f"{commit_line(report['commit'])} ({report['cpus']} CPUs): "
          f"{report['answers']} answers, {report['errors']} errors; answer p50 {report['answer_p50_s']} s, "
          f"p95 {report['answer_p95_s']} s; chat usable p50 {report['usable_p50_s']} s (max {report['usable_max_s']} s) "
          f"after opening the page")
    print(f"from the server's start: chat usable after {report['usable_after_start_s']} s, first answer after "
          f"{report['first_answer_after_start_s']} s ({report['first_answer_s']} s to answer)")
    print(f"load average {report['load_average_before']} before, {report['load_average_after']} after; the load "
          f"generator (this process, Playwright, Chromium) used {report['generator_cpu_s']} CPU-s, "
          f"{report['generator_cpu_share']:.0%} of the machine; the servers (app, and Chroma if started) {report['server_cpu_s']} CPU-s, "
          f"{report['server_cpu_share']:.0%} ({report['server_cpu_per_answer_s']} CPU-s an answer, page openings included)")
    for sample in report["error_samples"]:
        print(f"  error: {sample}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
