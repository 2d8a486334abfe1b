"""The web app (``minutes serve``): a form for staff with a live preview, and an HTTP API.

Needs the ``web`` extra (``pip install 'minutes[web]'``): FastAPI, uvicorn, python-multipart and
pypdfium2. Import :func:`minutes.web.app.create_app` to mount it in another ASGI server.
"""
