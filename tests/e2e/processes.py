"""Child processes of the e2e tests: started, logged to a file, stopped, restarted."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

import httpx


class ManagedProcess:
    """One child process whose stdout and stderr go to a log file.

    `stop()` sends SIGTERM, waits, then SIGKILL; `restart()` is stop + start with
    the same command and environment; the log file keeps every run's output.
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        log_path: Path,
        cwd: Path | None = None,
        name: str | None = None,
    ) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.log_path = log_path
        self.cwd = cwd
        self.name = name or Path(self.argv[0]).name
        self.starts = 0
        self._popen: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        return self._popen.pid if self._popen else None

    @property
    def returncode(self) -> int | None:
        return self._popen.poll() if self._popen else None

    @property
    def alive(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    def start(self) -> None:
        if self.alive:
            raise RuntimeError(f"{self.name} is already running (pid {self.pid})")
        self.starts += 1
        with self.log_path.open("ab") as log:
            log.write(f"----- start #{self.starts}: {' '.join(self.argv)}\n".encode())
            log.flush()
            self._popen = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C in the terminal reaches pytest, not the peers
            )

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM, then SIGKILL after `timeout` seconds; returns the exit code."""
        popen = self._popen
        if popen is None:
            return None
        if popen.poll() is None:
            popen.send_signal(signal.SIGTERM)
            try:
                popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                popen.kill()
                popen.wait(timeout=timeout)
        return popen.returncode

    def kill(self) -> int | None:
        """SIGKILL at once: a crash, with no chance to clean up."""
        popen = self._popen
        if popen is None:
            return None
        if popen.poll() is None:
            popen.kill()
        return popen.wait(timeout=10)

    def restart(self, timeout: float = 10.0) -> None:
        self.stop(timeout)
        self.start()

    def output(self) -> str:
        """Everything every run of the process has printed so far."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.output().splitlines()[-lines:])

    async def wait_for_output(
        self,
        pattern: str,
        timeout: float = 10.0,  # noqa: ASYNC109  # on timeout, the error shows the log's tail
    ) -> re.Match[str]:
        """Waits until the log matches the regular expression `pattern`."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            found = regex.search(self.output())
            if found:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.name} printed nothing matching {pattern!r} in {timeout} s;"
                    f" last lines:\n{self.tail()}"
                )
            await asyncio.sleep(0.05)

    def wait_for_http(self, url: str, timeout: float = 20.0) -> None:
        """Blocks until `url` answers any HTTP response; fails early if the process died."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=1.0) as client:
            while True:
                if not self.alive:
                    raise RuntimeError(
                        f"{self.name} exited with {self.returncode} before serving {url};"
                        f" last lines:\n{self.tail()}"
                    )
                try:
                    client.get(url)
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(
                            f"{self.name} did not serve {url} in {timeout} s;"
                            f" last lines:\n{self.tail()}"
                        ) from None
                    time.sleep(0.05)
                else:
                    return


def child_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The test process's environment plus `extra`, without proxy or Lumen settings.

    HTTP(S)_PROXY would send a child's 127.0.0.1 traffic elsewhere, and a developer's
    own LUMEN_* or ANTHROPIC_* variables (a real key) must not reach the bot under test.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if key.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
        and not key.startswith(("LUMEN_", "ANTHROPIC_"))
    }
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class LumenFactory(Protocol):
    """The `lumen_process` fixture: starts the bot (or `command`) wired to the peers."""

    def __call__(
        self,
        command: Sequence[str] | None = None,
        *,
        env: Mapping[str, str] | None = None,
        name: str = "lumen",
    ) -> ManagedProcess: ...
