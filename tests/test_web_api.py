"""The HTTP API (``/api``) through the ASGI test client: documents, problems with their places,
the language of messages, the limits, the description of the API, the host and the token."""

from __future__ import annotations

import asyncio
import io
import json
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import docx
import pdfplumber
import pypdf
import pytest
from conftest import FLAGSHIP, RenderedDocx, read_yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient

import minutes.api
from minutes.load import DEFAULT_LIMITS
from minutes.schema import json_schema
from minutes.web.api import MEDIA_TYPES
from minutes.web.app import ENVELOPE_BYTES, Settings, create_app

YAML_TYPE = {"content-type": "application/yaml"}
JSON_TYPE = {"content-type": "application/json"}
FLAGSHIP_NAME = "2018-03-07 Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(allowed_hosts=None))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def flagship_yaml() -> bytes:
    return FLAGSHIP.read_bytes()


@pytest.fixture(scope="module")
def flagship_pdf(client: TestClient, flagship_yaml: bytes) -> Any:
    return client.post("/api/render?format=pdf", content=flagship_yaml, headers=YAML_TYPE)


def pdf_pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def file_names(disposition: str) -> tuple[str, str]:
    """The plain ``filename`` and the decoded UTF-8 ``filename*`` of a Content-Disposition."""
    assert disposition.startswith("attachment;")
    plain = re.search(r'filename="([^"]*)"', disposition)
    encoded = re.search(r"filename\*=UTF-8''([^;\s]+)", disposition)
    assert plain and encoded, disposition
    return plain.group(1), unquote(encoded.group(1), encoding="utf-8", errors="strict")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# -- render ----------------------------------------------------------------------------------------


def test_render_pdf_from_yaml(flagship_pdf: Any) -> None:
    response = flagship_pdf
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    plain, name = file_names(response.headers["content-disposition"])
    assert name == f"{FLAGSHIP_NAME}.pdf"
    assert plain == "2018-03-07 Hoi nghi Ban Thuong vu Tinh uy lan thu 100.pdf"
    assert plain.isascii()
    pages = pdf_pages_text(response.content)
    assert len(pages) == 3
    text = " ".join(pages)
    assert "BIÊN BẢN" in text
    assert "Nguyễn Đình Khang" in text


def test_render_docx_from_json(client: TestClient) -> None:
    body = json.dumps(read_yaml(FLAGSHIP), ensure_ascii=False).encode("utf-8")
    response = client.post("/api/render?format=docx", content=body, headers=JSON_TYPE)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MEDIA_TYPES["docx"]
    assert file_names(response.headers["content-disposition"])[1] == f"{FLAGSHIP_NAME}.docx"
    document = docx.Document(io.BytesIO(response.content))
    assert document.paragraphs  # python-docx opens it
    text = " ".join(RenderedDocx(response.content).paragraph_texts())
    assert "BIÊN BẢN" in text
    assert "Nguyễn Đình Khang" in text


def test_render_defaults_to_pdf(client: TestClient, flagship_yaml: bytes) -> None:
    # no content type at all is taken as YAML, like a file
    response = client.post("/api/render", content=flagship_yaml)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"


def test_render_an_archival_pdf(client: TestClient, flagship_yaml: bytes) -> None:
    response = client.post(
        "/api/render",
        params={"format": "pdf", "variant": "pdf/a-2b"},
        content=flagship_yaml,
        headers=YAML_TYPE,
    )
    assert response.status_code == 200, response.text
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")2", xmp), xmp
    assert len(reader.pages) == 3


def test_render_refuses_a_meeting_with_problems(client: TestClient) -> None:
    response = client.post(
        "/api/render", content="profile: state\ntitle: Họp\n".encode(), headers=YAML_TYPE
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Dữ liệu cuộc họp có lỗi."
    assert {"organization", "date", "agenda"} <= {error["field"] for error in body["errors"]}


# -- validate --------------------------------------------------------------------------------------


def test_validate_the_flagship(client: TestClient, flagship_yaml: bytes) -> None:
    response = client.post("/api/validate", content=flagship_yaml, headers=YAML_TYPE)
    assert response.status_code == 200
    assert response.json() == {"valid": True, "errors": []}


BAD = """\
profile: state
organization:
  name: UBND xã Tân Lập
symbol: BB-UBND
number: mười
date: 2025-11-20
title: Họp giao ban
start: 2025-11-20 08:00
unknown_field: 1
secretary:
  name: Trần Thị Bình
agenda:
  - title: Thu ngân sách
    content: "Thu {{ data.khong_co }} đồng"
"""


def test_validate_lists_every_problem_with_its_place(client: TestClient) -> None:
    response = client.post("/api/validate", content=BAD.encode(), headers=YAML_TYPE)
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is False
    found = {error["field"]: error for error in body["errors"]}
    assert set(found) == {"chair", "number", "unknown_field", "agenda[1].content"}
    for error in body["errors"]:
        assert error["message"] and error["line"] >= 1 and "file" not in error
    assert found["chair"]["path"] == ["chair"]
    assert found["number"]["path"] == ["number"]
    assert found["number"]["line"] == line_of(BAD, "number:")
    assert found["number"]["message"] == "Cần ghi số nguyên."
    assert found["unknown_field"]["line"] == line_of(BAD, "unknown_field")
    assert "`unknown_field`" in found["unknown_field"]["message"]
    expression = found["agenda[1].content"]
    assert expression["path"] == ["agenda", 0, "content"]
    assert expression["line"] == line_of(BAD, "{{ data.khong_co }}")
    assert "khong_co" in expression["message"]


def test_validate_finds_expressions_beside_a_wrong_vote_count(client: TestClient) -> None:
    body = BAD + "    votes:\n      - question: Thông qua\n        for: abc\n"
    response = client.post("/api/validate", content=body.encode(), headers=YAML_TYPE)
    fields = {error["field"] for error in response.json()["errors"]}
    assert "agenda[1].votes[1].for" in fields
    assert "agenda[1].content" in fields


def test_validate_a_json_body_gives_its_lines(client: TestClient) -> None:
    data = read_yaml(FLAGSHIP)
    data["members_total"] = "nhiều"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    response = client.post("/api/validate", content=text.encode(), headers=JSON_TYPE)
    (error,) = response.json()["errors"]
    assert error["field"] == "members_total"
    assert error["line"] == line_of(text, '"members_total"')


def test_validate_a_yaml_syntax_error(client: TestClient) -> None:
    text = "profile: state\ntitle: [Họp\nsymbol: BB\n"
    response = client.post("/api/validate", content=text.encode(), headers=YAML_TYPE)
    assert response.status_code == 200
    body = response.json()
    assert body["valid"] is False
    (error,) = body["errors"]
    assert error["message"].startswith("Lỗi cú pháp YAML")
    assert error["line"] in (2, 3)
    assert "field" not in error


def test_validate_a_body_that_is_not_text(client: TestClient) -> None:
    response = client.post("/api/validate", content=b"\xff\xfe\x00\xd8", headers=YAML_TYPE)
    assert response.status_code == 200
    assert response.json()["valid"] is False
    assert response.json()["errors"]


# -- language --------------------------------------------------------------------------------------

MISSING_VI = "Thiếu trường bắt buộc."
MISSING_EN = "This field is required but missing."


def first_message(client: TestClient, query: str = "", **headers: str) -> str:
    response = client.post(
        f"/api/validate{query}", content=b"profile: state\n", headers={**YAML_TYPE, **headers}
    )
    return response.json()["errors"][0]["message"]


def test_messages_are_vietnamese_by_default(client: TestClient) -> None:
    assert first_message(client) == MISSING_VI


def test_messages_in_english_when_asked(client: TestClient) -> None:
    assert first_message(client, "?lang=en") == MISSING_EN
    assert first_message(client, **{"accept-language": "en-US,en;q=0.9"}) == MISSING_EN
    assert first_message(client, "?lang=en", **{"accept-language": "vi"}) == MISSING_EN
    assert first_message(client, "?lang=vi", **{"accept-language": "en"}) == MISSING_VI
    assert first_message(client, **{"accept-language": "vi-VN,en;q=0.5"}) == MISSING_VI


def test_one_english_request_does_not_make_the_next_english(client: TestClient) -> None:
    for _round in range(3):
        assert first_message(client, "?lang=en") == MISSING_EN
        assert first_message(client) == MISSING_VI


def test_error_details_follow_the_language(client: TestClient) -> None:
    response = client.post("/api/render?format=odt&lang=en", content=b"a: 1", headers=YAML_TYPE)
    assert response.json()["detail"] == "The request has problems."


# -- limits ----------------------------------------------------------------------------------------

LIMIT = DEFAULT_LIMITS.max_bytes + ENVELOPE_BYTES


def test_a_body_over_the_limit_is_413(client: TestClient) -> None:
    body = b"a" * (LIMIT + 1)
    response = client.post(
        "/api/render", content=body, headers={**YAML_TYPE, "content-length": str(len(body))}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")
    assert "quá lớn" in response.json()["detail"]


def test_a_chunked_body_over_the_limit_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _chunk in range(LIMIT // (64 * 1024) + 2):
            yield b"x" * (64 * 1024)

    response = client.post("/api/validate", content=chunks(), headers=YAML_TYPE)
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert "detail" in response.json()


def asgi_post(app: FastAPI, headers: dict[str, str], chunks_allowed: int) -> tuple[int, int, dict]:
    """POST /api/validate straight to the ASGI app, with a body of endless 256 KiB chunks; the
    app may read ``chunks_allowed`` of them. Returns (chunks read, status, JSON body)."""
    read = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal read
        read += 1
        assert read <= chunks_allowed, "the app read on past the limit"
        return {"type": "http.request", "body": b"x" * (256 * 1024), "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/validate",
        "raw_path": b"/api/validate",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/yaml")]
        + [(key.encode(), value.encode()) for key, value in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, receive, send))
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return read, sent[0]["status"], json.loads(body)


def test_the_limit_is_kept_without_reading_the_body() -> None:
    app = create_app(Settings(allowed_hosts=None))
    # a Content-Length over the limit: refused before a byte is read
    read, status, body = asgi_post(app, {"content-length": str(50 * 1024 * 1024)}, 0)
    assert (read, status) == (0, 413)
    assert "detail" in body
    # no length given: refused at the first chunk past the limit, not at the end of the stream
    read, status, _body = asgi_post(app, {"transfer-encoding": "chunked"}, 100)
    assert status == 413
    assert read == LIMIT // (256 * 1024) + 1


def test_a_wrong_content_type_is_415(client: TestClient) -> None:
    for media in ("image/png", "multipart/form-data; boundary=x", "application/xml"):
        response = client.post("/api/render", content=b"a: 1", headers={"content-type": media})
        assert response.status_code == 415
        assert "JSON" in response.json()["detail"] and "YAML" in response.json()["detail"]


@pytest.mark.parametrize("query", ["format=odt", "format=", "variant=pdf/x", "format=PDF"])
def test_a_bad_parameter_is_422_json(client: TestClient, query: str) -> None:
    response = client.post(f"/api/render?{query}", content=b"a: 1", headers=YAML_TYPE)
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["detail"] == "Yêu cầu có lỗi."
    (error,) = body["errors"]
    assert error["field"] == query.split("=")[0]
    assert error["path"] == [query.split("=")[0]]
    assert error["message"] and error["hint"]


def test_a_render_over_its_time_is_503(
    monkeypatch: pytest.MonkeyPatch, flagship_yaml: bytes
) -> None:
    real = minutes.api.Renderer.render

    def slow(self: Any, *args: Any, **kwargs: Any) -> bytes:
        time.sleep(0.6)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(minutes.api.Renderer, "render", slow)
    with TestClient(create_app(Settings(allowed_hosts=None, render_timeout=0.1))) as client:
        started = time.monotonic()
        response = client.post("/api/render", content=flagship_yaml, headers=YAML_TYPE)
        waited = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["detail"] == "Văn bản cần hơn 0,1 giây để tạo."
    assert waited < 0.6  # the answer did not wait for the document


def test_an_internal_error_is_500_json_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, flagship_yaml: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(self: Any, *args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("secret detail of the server 42")

    monkeypatch.setattr(minutes.api.Renderer, "render", broken)
    app = create_app(Settings(allowed_hosts=None))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/api/render", content=flagship_yaml, headers=YAML_TYPE)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"detail": "Lỗi nội bộ. Vui lòng báo lỗi kèm dữ liệu đã gửi."}
    for leak in ("Traceback", "RuntimeError", "secret detail", 'File "', "minutes/"):
        assert leak not in response.text
    assert "secret detail of the server 42" in caplog.text  # the operator's log has it


# -- the description of the API --------------------------------------------------------------------


def test_the_schema_is_the_formats(client: TestClient) -> None:
    response = client.get("/api/schema")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/schema+json")
    assert response.json() == json_schema()


def test_openapi_describes_the_three_paths(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert set(spec["paths"]) == {"/api/render", "/api/validate", "/api/schema"}
    for path in ("/api/render", "/api/validate"):
        body = spec["paths"][path]["post"]["requestBody"]
        assert body["required"] is True
        assert {"application/json", "application/yaml"} <= set(body["content"])
    render = spec["paths"]["/api/render"]["post"]
    assert {"pdf", "docx"} <= set(json.dumps(render["parameters"]).replace('"', " ").split())
    assert {"200", "413", "415", "422", "503"} <= set(render["responses"])
    assert set(render["responses"]["200"]["content"]) == set(MEDIA_TYPES.values())
    assert "get" in spec["paths"]["/api/schema"]


def test_the_api_page_describes_each_path(client: TestClient) -> None:
    response = client.get("/api")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for line in ("POST /api/render", "POST /api/validate", "GET /api/schema"):
        assert line in response.text
    assert "/api/openapi.json" in response.text
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)', response.text)


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_fastapis_cdn_pages_are_off(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


# -- who may ask -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings())) as test_client:  # loopback names only
        yield test_client


@pytest.mark.parametrize(
    "host", ["evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "testserver", ""]
)
def test_another_host_name_is_refused(local_client: TestClient, host: str) -> None:
    response = local_client.get("/api/schema", headers={"host": host})
    assert response.status_code == 400
    assert "127.0.0.1" in response.json()["detail"]


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1:8000", "127.0.0.1", "localhost", "localhost:8000", "LOCALHOST", "[::1]:8000"],
)
def test_loopback_host_names_are_answered(local_client: TestClient, host: str) -> None:
    response = local_client.get("/api/schema", headers={"host": host})
    assert response.status_code == 200


@pytest.fixture(scope="module")
def token_client() -> Iterator[TestClient]:
    with TestClient(create_app(Settings(token="s3cret", allowed_hosts=None))) as test_client:
        yield test_client


def test_without_the_token_401(token_client: TestClient) -> None:
    token_client.cookies.clear()
    for response in (
        token_client.get("/api/schema"),
        token_client.get("/"),
        token_client.post("/api/validate", content=b"a: 1", headers=YAML_TYPE),
        token_client.get("/api/schema", headers={"authorization": "Bearer wrong"}),
        token_client.get("/api/schema", headers={"authorization": "Basic s3cret"}),
        token_client.get("/api/schema", headers={"cookie": "minutes_token=wrong"}),
        token_client.get("/?token=wrong", follow_redirects=False),
        token_client.post("/api/validate?token=s3cret", content=b"a: 1", headers=YAML_TYPE),
    ):
        assert response.status_code == 401, response.request.url
        assert response.headers["content-type"].startswith("application/json")
        assert "mã truy cập" in response.json()["detail"]


def test_the_bearer_token_lets_a_request_in(token_client: TestClient) -> None:
    token_client.cookies.clear()
    response = token_client.get("/api/schema", headers={"authorization": "Bearer s3cret"})
    assert response.status_code == 200


def test_the_token_in_the_address_becomes_a_cookie(token_client: TestClient) -> None:
    token_client.cookies.clear()
    response = token_client.get("/?token=s3cret&start=starter", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?start=starter"  # the token leaves the address
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("minutes_token=s3cret;")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    # the client keeps the cookie: the visit goes on without the token in sight
    assert token_client.get("/").status_code == 200
    assert token_client.get("/api/schema").status_code == 200
    token_client.cookies.clear()
    assert token_client.get("/api/schema").status_code == 401


def test_the_token_redirect_to_the_page(token_client: TestClient) -> None:
    token_client.cookies.clear()
    response = token_client.get("/?token=s3cret", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    token_client.cookies.clear()


def test_static_files_need_no_token(token_client: TestClient) -> None:
    token_client.cookies.clear()
    response = token_client.get("/static/app.css")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")
