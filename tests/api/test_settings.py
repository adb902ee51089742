"""ApiSettings: defaults, the token from the settings file or the environment (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.api import ApiSettings
from eventwire.errors import ConfigError

pytestmark = pytest.mark.issue(6)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    settings = ApiSettings.load()
    assert settings.token is None and settings.max_body == 2_000_000
    assert settings.cors_origins == () and settings.db == Path("eventwire.duckdb")


def test_the_token_comes_from_overrides_then_the_file_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_TOKEN", "from-env")
    assert ApiSettings.load().token == "from-env"
    config = tmp_path / "eventwire.toml"
    config.write_text('[eventwire]\nmodel = "x"\n[api]\ntoken = "from-file"\nmax_body = 10\n')
    assert ApiSettings.load(config).token == "from-file"
    assert ApiSettings.load(config, token="given").token == "given"
    assert ApiSettings.load(config).max_body == 10
    monkeypatch.setenv("EVENTWIRE_TOKEN", "  ")
    assert ApiSettings.load().token is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[api]\nport = 8000\n", "invalid API setting port: Extra inputs are not permitted"),
        ("[api]\nmax_body = 0\n", "invalid API setting max_body"),
        ('[api]\ntoken = " padded "\n', "invalid API setting token"),
        ("api = 3\n", "[api] must be a table"),
        ('[api]\nindex_dir = "/no/such/folder"\n', "index_dir: /no/such/folder is not a folder"),
        ("[api]\nindex = 3\n", "invalid API setting index"),
        ("[api\n", "cannot read settings"),
    ],
)
def test_bad_settings(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        ApiSettings.load(config)
