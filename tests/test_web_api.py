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
from urllib.parse import unquote, urlencode

import docx
import pdfplumber
import pypdf
import pytest
from cli_support import MINIMAL_PARTY, MINIMAL_STATE
from conftest import FLAGSHIP, RenderedDocx, read_yaml
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_support import heavy_meeting

from minutes.load import DEFAULT_LIMITS
from minutes.schema import json_schema
from minutes.web.api import MEDIA_TYPES
from minutes.web.app import ENVELOPE_BYTES, Settings, create_app
from minutes.web.work import WorkFailed, WorkPool

YAML_TYPE = {"content-type": "application/yaml"}
MINIMAL = MINIMAL_STATE.read_bytes()
JSON_TYPE = {"content-type": "application/json"}
FLAGSHIP_NAME = "2018-03-07 Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100"


@pytest.fixture(scope="module")
def client(web_pool: WorkPool) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(allowed_hosts=None), pool=web_pool)) as test_client:
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


def test_the_limit_is_kept_without_reading_the_body(web_pool: WorkPool) -> None:
    app = create_app(Settings(allowed_hosts=None), pool=web_pool)
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


def test_the_heavy_meeting_is_a_valid_meeting() -> None:
    """What the tests of time limits send must render (else the answer is 422, not 503)."""
    from minutes.validate import validate_text

    assert validate_text(heavy_meeting(1000, 100).decode("utf-8")) == []


def test_a_render_over_its_time_is_503_and_is_stopped(web_pool: WorkPool) -> None:
    """A document of about 3 s of work, with a limit of 0.5 s: answered 503 at the limit, and
    its worker is stopped and replaced (the pool's other worker answers meanwhile)."""
    heavy = heavy_meeting(1000, 100)
    replaced = web_pool.replaced
    app = create_app(Settings(allowed_hosts=None, render_timeout=0.5), pool=web_pool)
    with TestClient(app) as client:
        started = time.monotonic()
        response = client.post("/api/render", content=heavy, headers=YAML_TYPE)
        waited = time.monotonic() - started
        assert response.status_code == 503, response.text
        assert response.json()["detail"] == "Văn bản cần hơn 0,5 giây để tạo."
        assert waited < 2.5  # the answer did not wait for the document (about 3 s)
        assert web_pool.replaced == replaced + 1
    # the pool still serves (with a limit a busy machine can meet while a worker is replaced)
    with TestClient(create_app(Settings(allowed_hosts=None), pool=web_pool)) as client:
        small = client.post("/api/render?format=docx", content=MINIMAL, headers=YAML_TYPE)
        assert small.status_code == 200, small.text


def test_an_internal_error_is_500_json_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, web_pool: WorkPool, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise WorkFailed("RuntimeError: secret detail of the server 42")

    monkeypatch.setattr(web_pool, "run", broken)
    app = create_app(Settings(allowed_hosts=None), pool=web_pool)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post("/api/render", content=MINIMAL, headers=YAML_TYPE)
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
def local_client(web_pool: WorkPool) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), pool=web_pool)) as test_client:  # loopback names only
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
def token_client(web_pool: WorkPool) -> Iterator[TestClient]:
    with TestClient(
        create_app(Settings(token="s3cret", allowed_hosts=None), pool=web_pool)
    ) as test_client:
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


# -- cross-site requests ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},  # a sandboxed frame, a file:// page
        {"origin": "http://testserver.evil.example"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},  # another port of localhost is another origin
        {"origin": "http://testserver", "sec-fetch-site": "cross-site"},
    ],
    ids=["other-site", "null", "suffix", "fetch-cross", "fetch-same-site", "fetch-beats-origin"],
)
@pytest.mark.parametrize("path", ["/api/render", "/api/validate", "/form/check", "/form/download"])
def test_a_request_from_another_site_is_refused_before_its_body_is_read(
    client: TestClient, headers: dict[str, str], path: str
) -> None:
    # a text/plain POST is what any web page can send without asking the browser's permission
    response = client.post(path, content=MINIMAL, headers={"content-type": "text/plain", **headers})
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Không nhận yêu cầu gửi từ trang web khác")


@pytest.mark.parametrize(
    "headers",
    [{}, {"origin": "http://testserver"}, {"sec-fetch-site": "same-origin"}],
    ids=["a-program", "same-origin", "fetch-same-origin"],
)
def test_the_apps_own_pages_and_programs_are_served(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post("/api/validate", content=MINIMAL, headers={**YAML_TYPE, **headers})
    assert response.status_code == 200, response.text


def test_a_get_from_anywhere_is_answered(client: TestClient) -> None:
    """Reading a page changes nothing (and the browser does not let the other site read it)."""
    assert client.get("/", headers={"sec-fetch-site": "cross-site"}).status_code == 200


def test_the_form_needs_the_sessions_token(client: TestClient) -> None:
    browser = TestClient(client.app)  # a first visit
    page = browser.get("/")
    cookie = page.headers["set-cookie"]
    token = browser.cookies.get("minutes_csrf")
    assert token and len(token) >= 40
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    assert f'name="_csrf" value="{token}"' in page.text
    assert "set-cookie" not in browser.get("/").headers  # one token for the whole session
    client = browser
    form = {"profile": "state", "title": "Họp"}
    for sent in ({}, {"_csrf": "x" * 43}, {"_csrf": token + "x"}):
        response = client.post("/form/check", data={**form, **sent})
        assert response.status_code == 403, sent
        assert "không được mở từ ứng dụng" in response.json()["detail"]
    fresh = TestClient(client.app)  # another browser: no cookie, even with a token seen elsewhere
    assert fresh.post("/form/check", data={**form, "_csrf": token}).status_code == 403
    assert client.post("/form/check", data={**form, "_csrf": token}).status_code == 200


def test_a_form_without_the_token_gets_its_page_back_and_nothing_made(client: TestClient) -> None:
    client.get("/")
    response = client.post("/form/download?format=pdf", data={"title": "Giữ lại chữ này"})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "Giữ lại chữ này" in response.text  # what the clerk typed is kept


# -- the Host header and the token's redirect ------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "localhost:",
        "localhost:8000:1",
        "localhost.",
        "localhost:http",
        "localhost:99999",
        "local host",
        "user@localhost",
        "localhost/x",
        "127.0.0.1, evil.example",
        "[::1",
        "",
    ],
)
def test_a_malformed_host_is_refused(local_client: TestClient, host: str) -> None:
    assert local_client.get("/api/schema", headers={"host": host}).status_code == 400


def test_two_host_headers_are_refused(local_client: TestClient, web_pool: WorkPool) -> None:
    app = create_app(Settings(), pool=web_pool)
    sent: list[dict[str, Any]] = []
    scope = _scope("GET", "/api/schema", [(b"host", b"localhost"), (b"host", b"evil.example")])

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 400


@pytest.mark.parametrize("path", ["//evil.example/", "/\\evil.example/", "///evil.example"])
def test_the_tokens_redirect_stays_on_this_server(token_client: TestClient, path: str) -> None:
    response = token_client.get(f"{path}?token=s3cret", follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))


# -- framework messages ----------------------------------------------------------------------------


def test_framework_errors_are_in_the_users_language(client: TestClient) -> None:
    wrong_method = client.get("/api/render")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["detail"] == "Địa chỉ này không nhận yêu cầu GET."
    assert client.get("/api/render?lang=en").json()["detail"] == (
        "This address does not take GET requests."
    )
    missing = client.get("/khong-co")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Không có trang nào ở địa chỉ này."
    for response in (wrong_method, missing):
        assert "Not Found" not in response.text and "Method Not Allowed" not in response.text


def test_too_many_fields_is_said_in_vietnamese(client: TestClient) -> None:
    client.get("/")
    fields = [("_csrf", client.cookies.get("minutes_csrf") or "")]
    fields += [(f"x{n}", "") for n in range(50_001)]
    response = client.post(
        "/form/check",
        content=urlencode(fields).encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Biểu mẫu có hơn 50000 ô."


# -- time: bodies that trickle, clients that leave ------------------------------------------------


def _scope(method: str, path: str, headers: list[tuple[bytes, bytes]]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


def test_a_body_that_stalls_is_408(web_pool: WorkPool) -> None:
    app = create_app(Settings(allowed_hosts=None, body_idle=0.3), pool=web_pool)
    sent: list[dict[str, Any]] = []
    calls = 0

    async def receive() -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls > 1:
            await asyncio.sleep(30)  # the client went quiet
        return {"type": "http.request", "body": MINIMAL[:100], "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    started = time.monotonic()
    headers = [(b"host", b"testserver"), (b"content-type", b"application/yaml")]
    asyncio.run(app(_scope("POST", "/api/validate", headers), receive, send))
    assert time.monotonic() - started < 3
    assert sent[0]["status"] == 408
    assert "quá chậm" in json.loads(sent[1]["body"])["detail"]


def test_a_body_that_drags_is_408(web_pool: WorkPool) -> None:
    """A byte every 0.1 s never stalls, but the whole body must come within its time."""
    app = create_app(Settings(allowed_hosts=None, body_total=0.5), pool=web_pool)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        await asyncio.sleep(0.1)
        return {"type": "http.request", "body": b"#", "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    started = time.monotonic()
    headers = [(b"host", b"testserver"), (b"content-type", b"application/yaml")]
    asyncio.run(app(_scope("POST", "/api/validate", headers), receive, send))
    assert time.monotonic() - started < 4
    assert sent[0]["status"] == 408


def test_a_client_that_leaves_has_its_render_stopped(web_pool: WorkPool) -> None:
    """The client hangs up 0.5 s into a render of about 3 s: the worker is stopped (and replaced)
    at once, instead of rendering for nobody."""
    app = create_app(Settings(allowed_hosts=None), pool=web_pool)
    body = heavy_meeting(1000, 100)
    sent: list[dict[str, Any]] = []
    calls = 0

    async def receive() -> dict[str, Any]:
        nonlocal calls
        calls += 1
        if calls == 1:
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(0.5)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    replaced = web_pool.replaced
    started = time.monotonic()
    headers = [(b"host", b"testserver"), (b"content-type", b"application/yaml")]
    asyncio.run(app(_scope("POST", "/api/render", headers), receive, send))
    assert time.monotonic() - started < 4  # the render alone takes about 3 s
    assert web_pool.replaced == replaced + 1


# -- profiles -------------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ["/api/render", "/api/validate"])
def test_a_profile_file_is_not_read_from_the_server(client: TestClient, route: str) -> None:
    """A body names a profile; a path (``../../etc/x.yaml``) is refused, never opened."""
    body = MINIMAL.replace(b"profile: state", b"profile: ../../ho-so/abc.yaml")
    response = client.post(route, content=body, headers=YAML_TYPE)
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == ["profile"]
    assert "không đọc tệp định dạng" in errors[0]["message"]


def test_a_family_of_profiles_is_named_by_the_body(client: TestClient) -> None:
    body = MINIMAL_PARTY.read_bytes().replace(b"profile: party", b"profile: party-2018")
    response = client.post("/api/render?format=docx", content=body, headers=YAML_TYPE)
    assert response.status_code == 200, response.text
