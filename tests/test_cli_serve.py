"""``minutes serve``: its options, the address it prints, the warning off this machine, and a
clear one-line error when it cannot listen. uvicorn is replaced by a recorder: nothing is served."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from cli_support import default_language, run_main  # noqa: F401  (an autouse fixture)

import minutes.web.app
from minutes.web.guard import LOOPBACK_HOSTS
from minutes.web.serve import address, is_loopback


@dataclass
class Served:
    """What ``serve`` handed to uvicorn, and the settings it built its app with."""

    settings: list[Any] = field(default_factory=list)
    configs: list[Any] = field(default_factory=list)
    ports: list[int] = field(default_factory=list)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Served:
    import uvicorn

    record = Served()
    real_create_app = minutes.web.app.create_app

    def create_app(settings: Any = None) -> Any:
        record.settings.append(settings)
        return real_create_app(settings)

    class Server:
        def __init__(self, config: Any) -> None:
            record.configs.append(config)

        def run(self, sockets: list[socket.socket] | None = None) -> None:
            for sock in sockets or []:
                record.ports.append(sock.getsockname()[1])
                sock.close()

    monkeypatch.setattr(minutes.web.app, "create_app", create_app)
    monkeypatch.setattr(uvicorn, "Server", Server)
    monkeypatch.setattr(uvicorn, "run", _no_run)
    monkeypatch.delenv("MINUTES_TOKEN", raising=False)
    return record


def _no_run(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("uvicorn.run binds on its own and exits the process when it cannot")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        yield int(sock.getsockname()[1])


# -- the command -----------------------------------------------------------------------------------


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "serve", "--help")
    assert run.code == 0
    for option in ("--host", "--port", "--token", "--render-timeout"):
        assert option in run.out
    assert "127.0.0.1" in run.out  # the default address
    assert "cách dùng" in run.out  # in Vietnamese


def test_serves_on_this_machine_by_default(
    capsys: pytest.CaptureFixture[str], served: Served
) -> None:
    port = free_port()
    run = run_main(capsys, "serve", "--port", port)
    assert run.code == 0, run.err
    assert served.ports == [port]
    (settings,) = served.settings
    assert set(LOOPBACK_HOSTS) <= set(settings.allowed_hosts)
    assert settings.token is None
    assert settings.render_timeout == 30
    (config,) = served.configs
    assert config.server_header is False
    assert run.err.splitlines() == [
        f"minutes đang chạy tại http://127.0.0.1:{port}/ (Ctrl+C để dừng)."
    ]


def test_another_address_prints_a_warning_and_answers_any_host(
    capsys: pytest.CaptureFixture[str], served: Served
) -> None:
    port = free_port()
    run = run_main(capsys, "serve", "--host", "0.0.0.0", "--port", port)
    assert run.code == 0, run.err
    (settings,) = served.settings
    assert settings.allowed_hosts is None
    lines = run.err.splitlines()
    assert lines[0].startswith("Cảnh báo: ")
    assert "0.0.0.0" in lines[0]
    assert any("--token" in line for line in lines[1:-1])  # no token: advise one
    assert f"http://127.0.0.1:{port}/" in lines[-1]  # 0.0.0.0 is no address to open


def test_a_token_is_required_and_printed_once_in_the_address(
    capsys: pytest.CaptureFixture[str], served: Served
) -> None:
    port = free_port()
    run = run_main(capsys, "serve", "--host", "0.0.0.0", "--port", port, "--token", "mật khẩu&1")
    assert run.code == 0, run.err
    (settings,) = served.settings
    assert settings.token == "mật khẩu&1"
    assert f"http://127.0.0.1:{port}/?token=m%E1%BA%ADt%20kh%E1%BA%A9u%261" in run.err
    assert not any("--token" in line for line in run.err.splitlines())


def test_the_token_may_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_TOKEN", "tu-moi-truong")
    run = run_main(capsys, "serve", "--port", free_port(), "--render-timeout", "5")
    assert run.code == 0, run.err
    (settings,) = served.settings
    assert settings.token == "tu-moi-truong"
    assert settings.render_timeout == 5
    assert "?token=tu-moi-truong" in run.err


def test_a_taken_port_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], taken_port: int, served: Served
) -> None:
    run = run_main(capsys, "serve", "--port", taken_port)
    assert run.code == 2
    assert run.out == ""
    line, more = run.err.splitlines()  # the error, and where to read more
    assert line.startswith(f"lỗi: không lắng nghe được trên 127.0.0.1:{taken_port}: ")
    assert more == "Xem thêm: minutes serve --help và hướng dẫn docs/cli.md"
    assert "Traceback" not in run.err
    assert served.configs == []  # uvicorn was never started


def test_a_taken_port_is_explained_in_vietnamese(
    capsys: pytest.CaptureFixture[str], taken_port: int, served: Served
) -> None:
    run = run_main(capsys, "serve", "--port", taken_port)
    assert "Address already in use" not in run.err


def test_an_address_not_of_this_machine_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], served: Served
) -> None:
    run = run_main(capsys, "serve", "--host", "192.0.2.1", "--port", free_port())  # TEST-NET-1
    assert run.code == 2
    line, _more = run.err.splitlines()
    assert line.startswith("lỗi: không lắng nghe được trên 192.0.2.1:")
    assert served.configs == []


@pytest.mark.parametrize("port", ["0", "-1", "tám"])
def test_a_port_that_is_no_port_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], served: Served, port: str
) -> None:
    run = run_main(capsys, "serve", "--port", port)
    assert run.code == 2
    assert "--port" in run.err
    assert served.configs == []


def test_a_port_above_65535_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], served: Served
) -> None:
    run = run_main(capsys, "serve", "--port", "70000")
    assert run.code == 2
    assert "Lỗi nội bộ" not in run.err


# -- the helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("10.0.0.1", False),
        ("example.com", False),
        ("localhost.example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("host", "port", "token", "url"),
    [
        ("127.0.0.1", 8000, None, "http://127.0.0.1:8000/"),
        ("localhost", 8080, None, "http://localhost:8080/"),
        ("0.0.0.0", 8000, None, "http://127.0.0.1:8000/"),
        ("::", 8000, None, "http://127.0.0.1:8000/"),
        ("::1", 8000, None, "http://[::1]:8000/"),
        ("[::1]", 8000, None, "http://[::1]:8000/"),
        ("fe80::1", 9000, None, "http://[fe80::1]:9000/"),
        ("192.168.1.5", 8000, "abc", "http://192.168.1.5:8000/?token=abc"),
        ("0.0.0.0", 8000, "a b&c=d#e", "http://127.0.0.1:8000/?token=a%20b%26c%3Dd%23e"),
        ("127.0.0.1", 8000, "mật", "http://127.0.0.1:8000/?token=m%E1%BA%ADt"),
    ],
)
def test_address(host: str, port: int, token: str | None, url: str) -> None:
    assert address(host, port, token) == url


def test_the_empty_host_is_shown_as_this_machine() -> None:
    assert address("", 8000, None) == "http://127.0.0.1:8000/"
