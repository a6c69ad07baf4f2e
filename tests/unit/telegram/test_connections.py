"""Bot API requests wait in our queue, never in httpx's pool, and never longer than allowed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram import InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from lumen_bot.telegram.connections import QueuedRequest

OK = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 25\r\n\r\n"
    b'{"ok":true,"result":true}'
)


class SlowBotApi:
    """An HTTP/1.1 server on 127.0.0.1 that holds every request until `release` is set."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.in_flight = 0
        self.most_in_flight = 0
        self.served = 0
        self.connections = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                await reader.readexactly(length)
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
                await self.release.wait()
                self.in_flight -= 1
                self.served += 1
                writer.write(OK)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture
async def api() -> AsyncIterator[tuple[SlowBotApi, str]]:
    server = SlowBotApi()
    listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    async with listening:
        yield server, f"http://127.0.0.1:{port}/bot1:test/sendChatAction"
        server.release.set()


def queued(connections: int, pool_timeout: float = 5.0) -> QueuedRequest:
    return QueuedRequest(
        connections, connect_timeout=5, read_timeout=5, write_timeout=5, pool_timeout=pool_timeout
    )


async def test_requests_beyond_the_connections_wait_then_all_go_over_the_same_connections(
    api: tuple[SlowBotApi, str],
) -> None:
    server, url = api
    request = queued(2)
    await request.initialize()
    calls = [asyncio.create_task(request.do_request(url, "POST")) for _ in range(6)]
    await asyncio.sleep(0.2)
    assert server.in_flight == 2, "the other four wait in the queue"
    server.release.set()
    assert [status for status, _ in await asyncio.gather(*calls)] == [200] * 6
    assert await request.do_request(url, "POST") == (200, b'{"ok":true,"result":true}')
    assert server.most_in_flight == 2
    assert server.connections == 2, "the connections were kept and reused"
    await request.shutdown()


async def test_a_request_that_waits_too_long_for_a_connection_is_not_sent(
    api: tuple[SlowBotApi, str],
) -> None:
    server, url = api
    request = queued(1, pool_timeout=0.1)
    await request.initialize()
    first = asyncio.create_task(request.do_request(url, "POST"))
    await asyncio.sleep(0.05)
    with pytest.raises(TimedOut):
        await request.do_request(url, "POST")
    server.release.set()
    assert (await first)[0] == 200
    assert server.served == 1, "the request that timed out in the queue never left"
    await request.shutdown()


async def test_an_answer_that_never_comes_is_a_timeout_which_delivery_does_not_repeat(
    api: tuple[SlowBotApi, str],
) -> None:
    server, url = api
    request = QueuedRequest(1, connect_timeout=5, read_timeout=0.2, write_timeout=5, pool_timeout=5)
    await request.initialize()
    with pytest.raises(TimedOut):  # it may have arrived: deliver() does not send it again
        await request.do_request(url, "POST")
    assert server.in_flight == 1, "the request reached the server"
    await request.shutdown()


async def test_a_server_that_is_not_there_is_a_network_error_safe_to_retry() -> None:
    listening = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    listening.close()
    await listening.wait_closed()
    request = queued(1)
    await request.initialize()
    with pytest.raises(NetworkError) as raised:
        await request.do_request(f"http://127.0.0.1:{port}/bot1:test/getMe", "POST")
    assert not isinstance(raised.value, TimedOut)
    await request.shutdown()


class RecordingBotApi:
    """Answers every request at once and keeps what each one sent."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(
            int(line.split(b":")[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        self.requests.append(head + await reader.readexactly(length))
        writer.write(OK)
        await writer.drain()
        writer.close()


@pytest.mark.parametrize("with_file", [False, True])
async def test_parameters_go_as_a_form_and_files_as_multipart_beside_them(with_file: bool) -> None:
    server = RecordingBotApi()
    listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    port = listening.sockets[0].getsockname()[1]
    parameters = [RequestParameter.from_input("chat_id", 7)]
    if with_file:
        document = InputFile(b"PK-zip-bytes", filename="lumen-export.zip")
        parameters.append(RequestParameter.from_input("document", document))
    request = queued(1)
    await request.initialize()
    async with listening:
        url = f"http://127.0.0.1:{port}/bot1:test/sendDocument"
        assert await request.do_request(url, "POST", RequestData(parameters)) == (
            200,
            b'{"ok":true,"result":true}',
        )
    await request.shutdown()
    [sent] = server.requests
    head, body = sent.split(b"\r\n\r\n", 1)
    if with_file:
        assert b"multipart/form-data" in head
        assert b'name="chat_id"' in body and b"\r\n7\r\n" in body
        assert b'filename="lumen-export.zip"' in body and b"PK-zip-bytes" in body
    else:
        assert b"application/x-www-form-urlencoded" in head
        assert body == b"chat_id=7"
