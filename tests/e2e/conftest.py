"""Fixtures that start the protocol peers (Telegram emulator, fake Anthropic) and the bot."""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from pathlib import Path

import httpx
import pytest

from .llm_proxy import LlmProxy
from .processes import LumenFactory, ManagedProcess, child_env
from .servers import LOOPBACK, BackgroundServer, free_port
from .telegram_proxy import TelegramProxy
from .telegram_user import TelegramUser, TelegramWorld

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent.parent
EMULATOR_DIR = E2E_DIR / "emulator"
FAKELLM_CONFIG = E2E_DIR / "fakellm.yaml"
SETUP_HINT = "run `make test`, which installs them (npm ci in tests/e2e/emulator)"


def lumen_command() -> list[str]:
    """`lumen run` from the virtualenv of this interpreter, or the module if not installed."""
    script = Path(sys.executable).parent / "lumen"
    if script.exists():
        return [str(script), "run"]
    return [sys.executable, "-m", "lumen_bot.cli", "run"]


def fresh_token() -> str:
    """A bot token nobody used yet, so nothing leaks between tests."""
    return f"{uuid.uuid4().int % 10**9 + 10**9}:e2e-{uuid.uuid4().hex[:16]}"


def start_lumen_process(
    telegram: TelegramWorld,
    llm: LlmProxy,
    base: Path,
    command: Sequence[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    name: str = "lumen",
) -> ManagedProcess:
    """Starts the bot (`lumen run` unless `command` is given) wired to both peers, its data
    in base/"data", its output in base/"<name>.log"."""
    data_dir = base / "data"
    data_dir.mkdir(exist_ok=True)
    python_path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    environment = child_env(
        {
            "LUMEN_TELEGRAM_TOKEN": telegram.token,
            "LUMEN_TELEGRAM_API_URL": telegram.api_url,
            "ANTHROPIC_API_KEY": "test",
            "ANTHROPIC_BASE_URL": llm.url,
            "LUMEN_DATA_DIR": str(data_dir),
            "LUMEN_KEYRING_FILE": str(base / "keyring.json"),
            "PYTHONPATH": python_path,
            **(env or {}),
        }
    )
    process = ManagedProcess(
        list(command or lumen_command()),
        env=environment,
        log_path=base / f"{name}.log",
        cwd=base,
        name=name,
    )
    process.start()
    return process


def _start_server_process(
    name: str, argv_for_port: Callable[[int], list[str]], ready_path: str, log_dir: Path, cwd: Path
) -> tuple[ManagedProcess, str]:
    """Starts a server child on a free port (retrying if another process took the port)."""
    for attempt in range(3):
        port = free_port()
        url = f"http://{LOOPBACK}:{port}"
        process = ManagedProcess(
            argv_for_port(port),
            env=child_env({}),
            log_path=log_dir / f"{name}.log",
            cwd=cwd,
            name=name,
        )
        process.start()
        try:
            process.wait_for_http(url + ready_path)
        except RuntimeError:
            process.stop()
            if attempt == 2:
                raise
        else:
            return process, url
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def peer_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("peers")


@pytest.fixture(scope="session")
def emulator(peer_logs: Path) -> Iterator[str]:
    """telegram-test-api on 127.0.0.1 (node); yields its URL (the client API's root)."""
    if not (EMULATOR_DIR / "node_modules" / "telegram-test-api").is_dir():
        pytest.fail(
            f"the Telegram emulator's npm packages are missing: {SETUP_HINT}", pytrace=False
        )
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "node is not installed; the Telegram emulator needs Node.js >= 12", pytrace=False
        )
    process, url = _start_server_process(
        "telegram-emulator",
        lambda port: [node, "serve.js", str(port)],
        "/",
        peer_logs,
        EMULATOR_DIR,
    )
    yield url
    process.stop()


@pytest.fixture(scope="session")
def telegram_proxy(emulator: str) -> Iterator[TelegramProxy]:
    proxy = TelegramProxy(emulator)
    server = BackgroundServer(proxy.app, name="telegram-proxy")
    proxy.url = server.url
    with server:
        yield proxy
        proxy.closing = True


@pytest.fixture
async def telegram(telegram_proxy: TelegramProxy, emulator: str) -> AsyncIterator[TelegramWorld]:
    """A fresh bot token (so nothing leaks between tests) and the users who write to it."""
    token = fresh_token()
    async with httpx.AsyncClient(base_url=emulator, timeout=10.0) as client:
        yield TelegramWorld(
            proxy=telegram_proxy, api_url=telegram_proxy.url, client=client, token=token
        )
    telegram_proxy.bots.pop(token, None)


@pytest.fixture
def telegram_user(telegram: TelegramWorld) -> TelegramUser:
    """A person in a private chat with the bot."""
    return telegram.user()


@pytest.fixture(scope="session")
def fakellm(peer_logs: Path) -> Iterator[str]:
    """fakellm serving tests/e2e/fakellm.yaml on 127.0.0.1; yields its URL."""

    def argv(port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "fakellm.cli",
            "serve",
            "--host",
            LOOPBACK,
            "--port",
            str(port),
            "--config",
            str(FAKELLM_CONFIG),
        ]

    process, url = _start_server_process("fakellm", argv, "/_fakellm/stats", peer_logs, E2E_DIR)
    yield url
    process.stop()


@pytest.fixture(scope="session")
def llm_proxy(fakellm: str) -> Iterator[LlmProxy]:
    proxy = LlmProxy(fakellm)
    server = BackgroundServer(proxy.app, name="llm-proxy")
    proxy.url = server.url
    with server:
        yield proxy


def _tap(name: str, upstream_url: str, log_dir: Path) -> tuple[ManagedProcess, str]:
    """A `wire_tap.py` process in front of a proxy of this process; returns it and its URL."""
    upstream = upstream_url.rsplit(":", 1)[1]

    def argv(port: int) -> list[str]:
        return [sys.executable, str(E2E_DIR / "wire_tap.py"), str(port), upstream]

    return _start_server_process(name, argv, "/", log_dir, E2E_DIR)


@pytest.fixture(scope="session")
def wire_tap(llm_proxy: LlmProxy, peer_logs: Path) -> Iterator[str]:
    """A separate process in front of `llm_proxy` that stamps when each request arrived
    (`LlmRequest.arrived`); yields the URL to give the bot instead of `llm.url`."""
    process, url = _tap("wire-tap", llm_proxy.url, peer_logs)
    yield url
    process.stop()


@pytest.fixture(scope="session")
def telegram_wire_tap(telegram_proxy: TelegramProxy, peer_logs: Path) -> Iterator[str]:
    """The same in front of `telegram_proxy` (`ApiCall.arrived`); yields the Bot API URL
    to give the bot instead of `telegram.api_url`."""
    process, url = _tap("telegram-wire-tap", telegram_proxy.url, peer_logs)
    yield url
    process.stop()


@pytest.fixture
def llm(llm_proxy: LlmProxy, fakellm: str) -> Iterator[LlmProxy]:
    """The Anthropic API as the bot sees it (`llm.url`): records requests, injects faults."""
    llm_proxy.reset()
    httpx.post(f"{fakellm}/_fakellm/reset", timeout=5.0).raise_for_status()
    yield llm_proxy
    llm_proxy.reset()


@pytest.fixture
def lumen_process(
    telegram: TelegramWorld, llm: LlmProxy, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[LumenFactory]:
    """Starts the bot (`lumen run` unless `command` is given) wired to both peers.

    Its data lives in tmp_path/"data", its output in tmp_path/"<name>.log" (see
    `start_lumen_process`); every process is stopped (SIGTERM, then SIGKILL) after the
    test, and a failed test's report shows the end of each log.
    """
    started: list[ManagedProcess] = []

    def start(
        command: Sequence[str] | None = None,
        *,
        env: Mapping[str, str] | None = None,
        name: str = "lumen",
    ) -> ManagedProcess:
        process = start_lumen_process(telegram, llm, tmp_path, command, env=env, name=name)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
        request.node.add_report_section("teardown", f"{process.name} log", process.tail(60))
