"""`frontwatch stack up|status|down` as an operator runs them, on ports and a state folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared.devstack import kafka_process, redis_process
from shared.settings import FrontwatchSettings

pytestmark = pytest.mark.integration


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", *args], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=240, check=False)


def test_up_is_idempotent_and_down_leaves_no_process(tmp_path: Path) -> None:
    env = {
        "FRONTWATCH_STATE_DIR": str(tmp_path / "state"),
        "FRONTWATCH_KAFKA_BOOTSTRAP": "127.0.0.1:29092",
        "FRONTWATCH_KAFKA_CONTROLLER_PORT": "29093",
        "FRONTWATCH_REDIS_URL": "redis://127.0.0.1:26379/0",
        "COLUMNS": "200",
    }
    settings = FrontwatchSettings(state_dir=tmp_path / "state", kafka_bootstrap="127.0.0.1:29092",
                                  redis_url="redis://127.0.0.1:26379/0")
    try:
        first = _cli("stack", "up", env=env)
        assert first.returncode == 0, first.stdout + first.stderr
        kafka_pid, redis_pid = kafka_process(settings).pid(), redis_process(settings).pid()
        assert kafka_pid and redis_pid
        again = _cli("stack", "up", env=env)
        assert again.returncode == 0
        assert (kafka_process(settings).pid(), redis_process(settings).pid()) == (kafka_pid, redis_pid)
        status = _cli("stack", "status", env=env)
        assert status.returncode == 0 and status.stdout.count("yes") == 2
        assert str(tmp_path / "state") in status.stdout
    finally:
        down = _cli("stack", "down", env=env)
    assert down.returncode == 0 and "kafka" in down.stdout and "redis" in down.stdout
    for pid in (kafka_pid, redis_pid):
        assert not Path(f"/proc/{pid}").exists(), f"process {pid} still running after stack down"
    assert _cli("stack", "status", env=env).returncode == 3


def test_a_cluster_id_starting_with_a_dash_formats(tmp_path: Path) -> None:
    # One base64url cluster id in 64 starts with "-"; the storage tool once took it for an option.
    from shared.devstack import format_kafka_storage, kafka_libs, write_kafka_config

    settings = FrontwatchSettings(state_dir=tmp_path / "state", kafka_bootstrap="127.0.0.1:29192",
                                  redis_url="redis://127.0.0.1:26479/0")
    write_kafka_config(settings)
    (settings.state_dir / "kafka" / "cluster.id").write_text("-x3Q7Zfz0Sv2WFiW_Gh6CQ")
    format_kafka_storage(settings, kafka_libs(settings))
    assert any((settings.state_dir / "kafka").rglob("meta.properties"))
