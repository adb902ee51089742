"""The web interface: a single page (plain HTML, CSS and JavaScript modules, no build step) that
reads the REST API under ``/v1``. Everything it needs is in ``static/``, including the world
outline of the map, so it works offline.

```python
app = FastAPI()
mount_web(app)   # GET / -> index.html, GET /static/... -> the files in static/
```
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static"

# The page loads nothing from elsewhere and runs no inline code: even markup that slipped into
# the page could neither run a script nor call out.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def mount_web(app: FastAPI) -> None:
    """Serve ``index.html`` at ``/`` and the static folder at ``/static`` on ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(
            STATIC / "index.html",
            media_type="text/html",
            headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
        )


def mount_docs(app: FastAPI) -> None:
    """The OpenAPI page at /docs, with Swagger UI from the swagger-ui-bundle package, so it
    works offline."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-untyped]

    app.mount("/static-docs", StaticFiles(directory=swagger_ui_path), name="docs-static")

    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="eventwire API",
            swagger_js_url="/static-docs/swagger-ui-bundle.js",
            swagger_css_url="/static-docs/swagger-ui.css",
            swagger_favicon_url="/static-docs/favicon-32x32.png",
        )

    app.add_api_route("/docs", docs, include_in_schema=False, methods=["GET"])
