"""The development stack without Docker: a real Kafka (KRaft) and a real Redis on loopback.

``frontwatch stack up`` fetches the Kafka jars from Maven Central once (into the
cache folder, outside the repository), formats the KRaft storage, starts the
broker and ``redis-server`` in the background with pid files and logs in the
state folder, and returns when both answer a real request. ``down`` stops only
what ``up`` started. The same ``ManagedProcess`` runs the three services for
``frontwatch services up``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import redis

from shared.kafka import wait_for_kafka
from shared.settings import DEFAULT_KAFKA_CONTROLLER_PORT, FrontwatchSettings

KAFKA_POM = Path(__file__).resolve().parents[1] / "stack" / "kafka" / "pom.xml"
KAFKA_HEAP = os.environ.get("FRONTWATCH_KAFKA_HEAP", "-Xms256m -Xmx768m")


class StackError(RuntimeError):
    """A component could not be fetched, started or reached; the message says what to do."""


@dataclass
class ManagedProcess:
    """A background process owned by a pid file; only what we started is ever stopped."""

    name: str
    argv: list[str]
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    marker: str = ""  # a string the process's command line must contain, so a recycled pid is not ours

    @property
    def pid_file(self) -> Path:
        return self.workdir / f"{self.name}.pid"

    @property
    def log_file(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def pid(self) -> int | None:
        """The pid of our running process, or None (a stale pid file is removed)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _alive(pid) and (not self.marker or self.marker in _cmdline(pid)):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def start(self) -> int:
        """Start in the background unless already running; return the pid."""
        existing = self.pid()
        if existing:
            return existing
        self.workdir.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as log:
            proc = subprocess.Popen(  # noqa: S603 - argv is built by this module, never from user text
                self.argv,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, **self.env},
                start_new_session=True,  # survives the CLI that started it; one signal reaches the whole group
            )
        self.pid_file.write_text(str(proc.pid))
        return proc.pid

    def stop(self, timeout: float = 30.0) -> bool:
        """SIGTERM, then SIGKILL after ``timeout``; True if something was stopped."""
        pid = self.pid()
        if pid is None:
            return False
        _signal_group(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            _signal_group(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def kill(self) -> bool:
        """SIGKILL, as a crash would: no graceful shutdown, no final commit. Returns once it is gone."""
        pid = self.pid()
        if pid is None:
            return False
        _signal_group(pid, signal.SIGKILL)
        while _alive(pid):
            time.sleep(0.05)
        self.pid_file.unlink(missing_ok=True)
        return True

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours is not alive
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        if state == "Z":
            os.waitpid(pid, os.WNOHANG)
            return False
    except (OSError, IndexError, ChildProcessError):
        pass
    return True


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


# --- Kafka ------------------------------------------------------------------------------------


def kafka_version() -> str:
    text = KAFKA_POM.read_text()
    start = text.index("<kafka.version>") + len("<kafka.version>")
    return text[start : text.index("</kafka.version>")]


def kafka_libs(settings: FrontwatchSettings) -> Path:
    """The folder of broker jars, fetched from Maven Central on first use and cached."""
    libs = settings.cache_dir / f"kafka-{kafka_version()}" / "libs"
    done = libs / ".complete"
    if done.exists():
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise StackError("Maven (mvn) is not installed; it fetches the Kafka jars: apt-get install maven")
    libs.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603
        [mvn, "-q", "-B", "-f", str(KAFKA_POM), "dependency:copy-dependencies",
         f"-DoutputDirectory={libs}", "-DincludeScope=runtime"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0 or not any(libs.glob("kafka_2.13-*.jar")):
        raise StackError(f"fetching Kafka {kafka_version()} from Maven Central failed:\n{result.stdout}{result.stderr}")
    done.write_text(kafka_version())
    return libs


def _kafka_port(settings: FrontwatchSettings) -> int:
    return int(settings.kafka_bootstrap.split(",")[0].rsplit(":", 1)[1])


def kafka_process(settings: FrontwatchSettings, libs: Path | None = None) -> ManagedProcess:
    workdir = settings.state_dir / "kafka"
    classpath = f"{libs or settings.cache_dir / f'kafka-{kafka_version()}' / 'libs'}/*"
    return ManagedProcess(
        name="kafka",
        argv=[_java(), *KAFKA_HEAP.split(), f"-Dlog4j2.configurationFile={workdir / 'log4j2.properties'}",
              "-cp", classpath, "kafka.Kafka", str(workdir / "server.properties")],
        workdir=workdir,
        marker="kafka.Kafka",
    )


def write_kafka_config(settings: FrontwatchSettings) -> Path:
    """A single-node KRaft broker+controller on loopback ports of the project's own."""
    workdir = settings.state_dir / "kafka"
    workdir.mkdir(parents=True, exist_ok=True)
    port = _kafka_port(settings)
    controller = int(os.environ.get("FRONTWATCH_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT))
    props = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{controller}",
        "listeners": f"PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs": str(workdir / "data"),
        "num.partitions": str(settings.topic_partitions),
        "default.replication.factor": "1",
        "min.insync.replicas": "1",
        "offsets.topic.replication.factor": "1",
        "offsets.topic.num.partitions": "12",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "false",
        "log.retention.hours": "168",
    }
    (workdir / "server.properties").write_text("".join(f"{k}={v}\n" for k, v in props.items()))
    (workdir / "log4j2.properties").write_text(
        "rootLogger.level=INFO\nrootLogger.appenderRef.stdout.ref=STDOUT\n"
        "appender.stdout.type=Console\nappender.stdout.name=STDOUT\n"
        "appender.stdout.layout.type=PatternLayout\nappender.stdout.layout.pattern=[%d] %p %m (%c)%n\n"
        "logger.kafka.name=kafka\nlogger.kafka.level=WARN\nlogger.apache.name=org.apache.kafka\nlogger.apache.level=WARN\n"
    )
    return workdir


def format_kafka_storage(settings: FrontwatchSettings, libs: Path) -> None:
    """Format the KRaft log dir once; the cluster id is kept so a restart reuses the data."""
    workdir = settings.state_dir / "kafka"
    id_file = workdir / "cluster.id"
    if not id_file.exists():
        id_file.write_text(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("="))
    result = subprocess.run(  # noqa: S603
        # "--cluster-id=ID", not "-t ID": a base64url id may start with "-", which the parser takes for an option.
        [_java(), "-cp", f"{libs}/*", "kafka.tools.StorageTool", "format", f"--cluster-id={id_file.read_text().strip()}",
         "-c", str(workdir / "server.properties"), "--ignore-formatted"],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise StackError(f"formatting Kafka storage failed:\n{result.stdout}{result.stderr}")


# --- Redis ------------------------------------------------------------------------------------


def redis_binary() -> str:
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if found is None:
        raise StackError("redis-server is not installed: apt-get install -y redis-server (make setup does it)")
    return found


def _redis_port(settings: FrontwatchSettings) -> int:
    url = settings.redis_url.split("://", 1)[1].split("/", 1)[0]
    return int(url.rsplit(":", 1)[1]) if ":" in url else 6379


def redis_process(settings: FrontwatchSettings) -> ManagedProcess:
    workdir = settings.state_dir / "redis"
    port = _redis_port(settings)
    return ManagedProcess(
        name="redis",
        # Append-only file: watchlists, delivery state and the replay dedup set survive a restart.
        argv=[redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir),
              "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no", "--protected-mode", "yes",
              "--save", "", "--logfile", ""],
        workdir=workdir,
        marker="redis-server",
    )


def wait_for_redis(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            if redis.Redis.from_url(url, socket_timeout=2).ping():
                return
        except redis.RedisError as exc:
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"Redis at {url} did not answer PING within {timeout:.0f}s: {last}")


# --- the stack ----------------------------------------------------------------------------------


@dataclass
class ComponentStatus:
    name: str
    pid: int | None
    answering: bool
    address: str
    log: Path


def stack_up(settings: FrontwatchSettings, timeout: float = 120.0) -> list[ComponentStatus]:
    """Start Redis and Kafka unless they already answer; return once both answer a real request."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    redis_proc = redis_process(settings)
    if not _redis_answers(settings):
        redis_proc.workdir.mkdir(parents=True, exist_ok=True)
        redis_proc.start()
        try:
            wait_for_redis(settings.redis_url, timeout=30)
        except TimeoutError as exc:
            raise StackError(f"{exc}\n--- {redis_proc.log_file}\n{redis_proc.log_tail()}") from exc
    if not _kafka_answers(settings):
        libs = kafka_libs(settings)
        write_kafka_config(settings)
        format_kafka_storage(settings, libs)
        kafka = kafka_process(settings, libs)
        kafka.start()
        try:
            asyncio.run(wait_for_kafka(settings.kafka_bootstrap, timeout=timeout))
        except TimeoutError as exc:
            raise StackError(f"{exc}\n--- {kafka.log_file}\n{kafka.log_tail()}") from exc
    return stack_status(settings)


def stack_down(settings: FrontwatchSettings) -> list[str]:
    """Stop the processes this stack started (pid files); return their names."""
    stopped = []
    for proc in (kafka_process(settings), redis_process_or_none(settings)):
        if proc is not None and proc.stop():
            stopped.append(proc.name)
    return stopped


def redis_process_or_none(settings: FrontwatchSettings) -> ManagedProcess | None:
    try:
        return redis_process(settings)
    except StackError:
        return None  # not installed, so nothing of ours can be running


def stack_status(settings: FrontwatchSettings) -> list[ComponentStatus]:
    kafka = kafka_process(settings)
    redis_proc = redis_process_or_none(settings)
    return [
        ComponentStatus("kafka", kafka.pid(), _kafka_answers(settings), settings.kafka_bootstrap, kafka.log_file),
        ComponentStatus(
            "redis", redis_proc.pid() if redis_proc else None, _redis_answers(settings), settings.redis_url,
            redis_proc.log_file if redis_proc else settings.state_dir / "redis" / "redis.log",
        ),
    ]


def _kafka_answers(settings: FrontwatchSettings) -> bool:
    try:
        asyncio.run(wait_for_kafka(settings.kafka_bootstrap, timeout=2))
    except TimeoutError:
        return False
    return True


def _redis_answers(settings: FrontwatchSettings) -> bool:
    try:
        return bool(redis.Redis.from_url(settings.redis_url, socket_timeout=1).ping())
    except redis.RedisError:
        return False


# --- the services -------------------------------------------------------------------------------

SERVICES = ("ingest", "extract", "alerts", "alerts-api")


def service_process(settings: FrontwatchSettings, name: str, index: int = 0, *, workdir: Path | None = None,
                    env: dict[str, str] | None = None) -> ManagedProcess:
    """``frontwatch run NAME`` as a background process; several extract workers get distinct indexes."""
    label = name if index == 0 else f"{name}-{index}"
    return ManagedProcess(
        name=label,
        argv=[sys.executable, "-m", "services.cli", "run", name],
        workdir=workdir or settings.state_dir / "services",
        env=env or {},
        marker=f"services.cli run {name}",
    )


def _java() -> str:
    found = shutil.which("java")
    if found is None:
        raise StackError("Java 17+ is required to run Kafka: apt-get install openjdk-17-jre-headless")
    return found
