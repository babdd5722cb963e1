"""A scripted OpenAI-compatible chat server on 127.0.0.1 for end-to-end LLM tests.

Tests enqueue replies (a tool call, plain content, an HTTP error, a delay, a dropped
connection) and read back every request body the client sent. When the queue is empty, a
`responder` (a function of the request body) answers, if one is set; benchmarks use it to
serve any number of requests. Requests that carry `tools` are answered with a tool call
(instructor's TOOLS mode); others get the reply as `message.content` (JSON modes).
"""

from __future__ import annotations

import json
import socket
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass(frozen=True)
class Reply:
    """A successful completion: `arguments` (dict or raw string) as tool call or content."""

    arguments: dict[str, Any] | str
    prompt_tokens: int = 100
    completion_tokens: int = 20
    cached_tokens: int | None = None  # reported as prompt_tokens_details.cached_tokens
    finish_reason: str | None = None  # default: "tool_calls" or "stop"; "length" = cut off

    @property
    def text(self) -> str:
        """The arguments as the string the model would have produced."""
        if isinstance(self.arguments, str):
            return self.arguments
        return json.dumps(self.arguments)


@dataclass(frozen=True)
class HttpError:
    """An HTTP error status with an OpenAI-style error body."""

    status: int
    message: str = "scripted error"
    type: str = "server_error"
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"Retry-After": "2"}


@dataclass(frozen=True)
class Delay:
    """Wait `seconds` (longer than the client's timeout, typically) before answering `then`."""

    seconds: float
    then: Reply | HttpError | Drop = field(default_factory=lambda: Reply({"claims": []}))


@dataclass(frozen=True)
class Drop:
    """Close the connection without answering (the client sees a connection error)."""


Scripted = Reply | HttpError | Delay | Drop
Responder = Callable[[dict[str, Any]], Scripted]

CHAT_PATH = "/v1/chat/completions"


class _Server(ThreadingHTTPServer):
    request_queue_size = 512  # many concurrent clients: the default backlog of 5 drops SYNs


class ScriptedOpenAIServer:
    """An OpenAI-compatible /v1/chat/completions endpoint that plays back queued replies."""

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        answers_tools_in_text: bool = False,
        rejects_response_format: bool = False,
    ) -> None:
        """`answers_tools_in_text`: like llama.cpp's server with models that cannot call
        tools, a tools request is answered with the arguments as plain text and no tool
        call. `rejects_response_format`: requests carrying response_format get HTTP 400."""
        self.queue: deque[Scripted] = deque()
        self.requests: list[dict[str, Any]] = []
        self.responder = responder
        self.answers_tools_in_text = answers_tools_in_text
        self.rejects_response_format = rejects_response_format
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        """The API base to give the client, ending in /v1."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def enqueue(self, *replies: Scripted) -> None:
        """Queue replies for the next requests, in order."""
        with self._lock:
            self.queue.extend(replies)

    def start(self) -> ScriptedOpenAIServer:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and wake any handler still sleeping in a Delay; safe to call twice."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _next(self, body: dict[str, Any]) -> Scripted:
        with self._lock:
            self.requests.append(body)
            if self.queue:
                return self.queue.popleft()
        if self.responder is not None:
            return self.responder(body)
        return HttpError(500, "the scripted server has no reply left for this request")

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/") != CHAT_PATH:
                    self._send(404, _error_body("not found", "invalid_request_error"))
                    return
                if server.rejects_response_format and body.get("response_format"):
                    server._next(body)  # recorded, and the scripted reply is consumed
                    message = "'response_format' is not supported by this server"
                    self._send(400, _error_body(message, "invalid_request_error"))
                    return
                scripted = server._next(body)
                if isinstance(scripted, Delay):
                    if server._stopping.wait(scripted.seconds):
                        return
                    scripted = scripted.then
                if isinstance(scripted, Drop):
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif isinstance(scripted, HttpError):
                    body_out = _error_body(scripted.message, scripted.type)
                    self._send(scripted.status, body_out, scripted.headers)
                else:
                    tool_calls = bool(body.get("tools")) and not server.answers_tools_in_text
                    answer = _completion(body, scripted, len(server.requests), tool_calls)
                    self._send(200, answer)

            def _send(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    for name, value in (headers or {}).items():
                        self.send_header(name, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout); nothing to answer

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output quiet

        return Handler


def _error_body(message: str, error_type: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": error_type, "param": None, "code": None}}


def _tool_name(body: dict[str, Any]) -> str:
    choice = body.get("tool_choice")
    if isinstance(choice, dict):
        return str(choice["function"]["name"])
    return str(body["tools"][0]["function"]["name"])


def _completion(
    body: dict[str, Any], reply: Reply, number: int, tool_calls: bool
) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if tool_calls:
        message["tool_calls"] = [
            {
                "id": f"call_{number}",
                "type": "function",
                "function": {"name": _tool_name(body), "arguments": reply.text},
            }
        ]
        finish_reason = reply.finish_reason or "tool_calls"
    else:
        message["content"] = reply.text
        finish_reason = reply.finish_reason or "stop"
    return {
        "id": f"chatcmpl-{number}",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": body.get("model", "test-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
            **(
                {"prompt_tokens_details": {"cached_tokens": reply.cached_tokens}}
                if reply.cached_tokens is not None
                else {}
            ),
        },
    }


@pytest.fixture
def openai_server() -> Iterator[ScriptedOpenAIServer]:
    """A started scripted server, stopped after the test."""
    server = ScriptedOpenAIServer().start()
    try:
        yield server
    finally:
        server.stop()
