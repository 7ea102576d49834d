"""The deployment folder agrees with the project: deploy/docker-compose.yml, deploy/helm/values.yml
(Rasa's official chart), deploy/Dockerfile and deploy/nginx.conf, cross-checked against the pinned
versions, the launcher's ports and bot/endpoints-scaled.yml. Docker itself does not run here."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from bot.channels import web_server
from bot.runtime import launch

ROOT = launch.ROOT
DEPLOY = ROOT / "deploy"
# What Rasa's chart sets in the Rasa pods when its PostgreSQL, Redis and action server are installed
# (templates rasa-common.psql.envs, rasa-common.redis.envs, rasa.actionServer.envs).
CHART_ENV = {"DB_HOST", "DB_PORT", "DB_USER", "DB_DATABASE", "DB_PASSWORD", "REDIS_HOST", "REDIS_PORT",
             "REDIS_PASSWORD", "ACTION_SERVER_URL"}
VARIABLE = re.compile(r"\$\{(\w+)")
FROM_ENVIRONMENT = re.compile(r"\$\{\w+:\?[^}]+\}")  # compose stops when the variable is unset
OPTIONAL_SLACK_SECRET = re.compile(r"\$\{SLACK_\w+:-\}")  # Slack is optional: empty when unset


def load(path: Path):
    return yaml.safe_load(path.read_text())


def pinned(package: str) -> str:
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        name, _, version = line.partition("==")
        if name.strip().lower() == package.lower():
            return version.strip()
    raise AssertionError(f"{package} is not pinned in requirements.lock")


@pytest.fixture(scope="module")
def compose():
    return load(DEPLOY / "docker-compose.yml")


@pytest.fixture(scope="module")
def helm():
    return load(DEPLOY / "helm" / "values.yml")


@pytest.fixture(scope="module")
def scaled():
    return load(launch.SCALED_ENDPOINTS)


@pytest.fixture
def defaults(monkeypatch) -> dict:
    """The launcher's environment when nothing is set: its default ports and origins."""
    for name in ("RASA_PORT", "ACTION_PORT", "RASA_CORS_ORIGINS", *launch.SCALED_DEFAULTS,
                 "ACTION_SERVER_URL"):
        monkeypatch.delenv(name, raising=False)
    return launch.environment(ADVISOR_ENDPOINTS="scaled")


def scaled_variables() -> set:
    return set(VARIABLE.findall(launch.SCALED_ENDPOINTS.read_text()))


def option(command: list, name: str) -> str:
    """The value of `name` in a command, given as "--name value" or "--name=value"."""
    joined = [arg.split("=", 1)[1] for arg in command if arg.startswith(name + "=")]
    return joined[0] if joined else command[command.index(name) + 1]


def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text()


def test_the_launcher_sets_every_variable_of_the_scaled_endpoints(defaults):
    assert scaled_variables() <= set(defaults)
    assert launch.endpoints_file(defaults) == launch.SCALED_ENDPOINTS
    assert launch.endpoints_file({}) == launch.ENDPOINTS  # the embedded default stays the default
    with pytest.raises(SystemExit, match="ADVISOR_ENDPOINTS"):
        launch.endpoints_file({"ADVISOR_ENDPOINTS": "several"})


def test_rasa_reads_the_scaled_endpoints_as_postgresql_and_redis(defaults, monkeypatch):
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.utils import AvailableEndpoints

    for name in scaled_variables():
        monkeypatch.setenv(name, defaults[name])
    endpoints = AvailableEndpoints.read_endpoints(str(launch.SCALED_ENDPOINTS))
    assert endpoints.tracker_store.type == "bot.stores.tracker.FastSQLTrackerStore"
    assert endpoints.tracker_store.kwargs["dialect"] == "postgresql"
    lock_store = LockStore.create(endpoints.lock_store)  # no connection yet: Redis is not needed
    assert isinstance(lock_store, RedisLockStore)
    assert lock_store.red.connection_pool.connection_kwargs["port"] == int(defaults["REDIS_PORT"])
    assert endpoints.action.url == defaults["ACTION_SERVER_URL"]


def test_images_are_the_pinned_versions(compose, helm):
    rasa, sdk = pinned("rasa"), pinned("rasa-sdk")
    assert compose["services"]["rasa"]["image"] == f"rasa/rasa:{rasa}-full"
    assert (helm["image"]["name"], helm["image"]["tag"]) == ("rasa", f"{rasa}-full")
    assert re.search(r"^FROM (\S+)$", dockerfile(), re.M).group(1) == f"rasa/rasa-sdk:{sdk}"
    assert compose["services"]["action-server"]["build"]["dockerfile"] == "deploy/Dockerfile"


def test_the_action_image_provides_every_module_the_actions_import():
    installed = dict(re.findall(r"([\w.-]+)==([\w.]+)", " ".join(
        line for line in dockerfile().splitlines() if "pip install" in line)))
    for package, version in installed.items():
        assert version == pinned(package), f"{package}: deploy/Dockerfile and requirements.lock differ"
    owners = importlib.metadata.packages_distributions()
    for source in (ROOT / "actions").glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module]
            else:
                continue
            for module in (m.split(".")[0] for m in modules):
                if module in sys.stdlib_module_names or module in ("__future__", "actions", "rasa_sdk"):
                    continue
                # A distribution without top-level metadata (SciPy's wheel) is named as its module.
                assert set(owners.get(module, [module])) & set(installed), (
                    f"{source.name} imports {module}, which deploy/Dockerfile does not install")


def test_compose_gives_rasa_every_variable_and_the_right_neighbours(compose, defaults):
    services = compose["services"]
    rasa = services["rasa"]
    env = rasa["environment"]
    assert scaled_variables() <= set(env)
    action = urlsplit(env["ACTION_SERVER_URL"])
    assert action.hostname == "action-server" and str(action.port) == defaults["ACTION_PORT"]
    assert str(action.port) in services["action-server"]["expose"]
    assert f"EXPOSE {defaults['ACTION_PORT']}" in dockerfile()
    assert (env["DB_HOST"], env["DB_PORT"]) == ("postgres", "5432")
    postgres = services["postgres"]["environment"]
    assert (postgres["POSTGRES_DB"], postgres["POSTGRES_USER"]) == (env["DB_DATABASE"], env["DB_USER"])
    assert postgres["POSTGRES_PASSWORD"] == env["DB_PASSWORD"]
    assert (env["REDIS_HOST"], env["REDIS_PORT"]) == ("redis", "6379")
    assert option(services["redis"]["command"], "--requirepass") == env["REDIS_PASSWORD"]
    assert services["rasa"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert services["rasa"]["depends_on"]["redis"]["condition"] == "service_healthy"


def test_compose_runs_rasa_like_the_launcher(compose, defaults):
    rasa = compose["services"]["rasa"]
    command = rasa["command"]
    # the same Rasa command line as bot/runtime/launch.py's, with its fixes (bot/runtime/rasa_cli.py)
    local = launch.rasa_server_command(launch.environment(RASA_AUTH_TOKEN="t"))
    assert rasa["entrypoint"] == ["python", *local[1:3]] and command[0] == local[3] == "run"
    assert option(command, "--port") == defaults["RASA_PORT"]
    assert defaults["RASA_PORT"] in rasa["expose"]
    assert "ports" not in rasa  # unpublished: any number of them side by side
    assert rasa["deploy"]["replicas"] >= 2
    assert option(command, "--endpoints") == "/app/bot/endpoints-scaled.yml"
    mounts = {container: host for host, container, _ in (v.split(":") for v in rasa["volumes"])}
    for flag in ("--model", "--endpoints", "--credentials"):
        inside = option(command, flag)
        folder = next(c for c in mounts if inside.startswith(c + "/"))
        on_host = (DEPLOY / mounts[folder]).resolve() / inside[len(folder) + 1:]
        assert on_host.exists(), f"{flag} {inside}: no {on_host}"
    assert option(command, "--model") == "/app/" + str(launch.MODEL.relative_to(ROOT))
    assert option(command, "--cors") == f"${{RASA_CORS_ORIGINS:-{web_server.DEFAULT_CORS_ORIGINS}}}"


def test_secrets_only_come_from_the_environment(compose, helm):
    for name, service in compose["services"].items():
        for key, value in (service.get("environment") or {}).items():
            if "PASSWORD" in key or "TOKEN" in key:
                assert FROM_ENVIRONMENT.fullmatch(value) or OPTIONAL_SLACK_SECRET.fullmatch(value), \
                    f"{name}.{key} is not from the environment"
    assert FROM_ENVIRONMENT.fullmatch(option(compose["services"]["rasa"]["command"], "--auth-token"))
    text = (DEPLOY / "helm" / "values.yml").read_text()
    assert not re.search(r"^\s*(postgresqlPassword|password|token):\s*[^\s$#]", text, re.M)
    assert helm["global"]["postgresql"]["existingSecret"]
    assert helm["redis"]["existingSecret"] == helm["redis"]["auth"]["existingSecret"]


def test_the_auth_token_reaches_rasa_even_when_it_starts_with_a_dash(compose):
    """An operator's token may start with "-" as a generated one can (tests/test_rasa_cli.py)."""
    from rasa.__main__ import create_argument_parser

    token = "-Xk3_operator"
    command = [FROM_ENVIRONMENT.sub(token, arg) if "RASA_AUTH_TOKEN" in arg else arg
               for arg in compose["services"]["rasa"]["command"]]
    assert create_argument_parser().parse_args(command).auth_token == token


def test_the_widget_server_serves_the_project_web_pages_and_passes_the_channels(compose, defaults):
    web = compose["services"]["web"]
    origin_port = str(urlsplit(web_server.DEFAULT_CORS_ORIGINS.split()[0]).port)
    host_port, container_port = web["ports"][0].split(":")
    nginx = (DEPLOY / "nginx.conf").read_text()
    assert host_port == origin_port
    assert re.search(rf"^\s*listen {container_port};", nginx, re.M)
    assert f"server rasa:{defaults['RASA_PORT']};" in nginx
    for channel in ("/socket.io/", "/webhooks/"):
        assert re.search(rf"location {re.escape(channel)} \{{\s*proxy_pass http://rasa;", nginx)
    mounts = {container: host for host, container, *_ in (v.split(":") for v in web["volumes"])}
    html = mounts.pop("/usr/share/nginx/html")
    assert (DEPLOY / html).resolve() == web_server.WEB
    alias = re.search(r"location = /widget/socket.io.min.js \{\s*alias /usr/share/nginx/html/(\S+);",
                      nginx).group(1)
    assert web_server.SOCKET_IO == web_server.WEB / alias
    assert "{{RASA_URL}}" in web_server.DEMO_PAGE.read_text() and '"{{RASA_URL}}"' in nginx
    for host in mounts.values():
        assert (DEPLOY / host).exists()


def test_helm_runs_the_scaled_endpoints_with_the_lock_store_and_redis_on(helm, scaled):
    endpoints = helm["applicationSettings"]["endpoints"]
    assert endpoints["trackerStore"]["enabled"] and helm["postgresql"]["install"]
    assert endpoints["lockStore"]["enabled"] and helm["redis"]["install"]
    for chart_key, ours in (("trackerStore", "tracker_store"), ("lockStore", "lock_store")):
        chart = {k: v for k, v in endpoints[chart_key].items() if k != "enabled" and v is not None}
        assert chart == scaled[ours], f"{chart_key} differs from bot/endpoints-scaled.yml"
    provided = CHART_ENV | {e["name"] for e in helm["extraEnv"]}
    assert scaled_variables() <= provided
    assert helm["replicaCount"] >= 2
    assert helm["rasa-action-server"]["install"]


def test_helm_runs_rasa_like_the_launcher(helm):
    # one runtime everywhere: the chart's container runs the launcher's rasa command, not stock rasa
    assert helm["command"] == ["python", *launch.RASA_CLI[1:]]


def test_helm_ports_and_project_files_match(helm, defaults):
    assert str(helm["applicationSettings"]["port"]) == defaults["RASA_PORT"]
    assert str(helm["rasa-action-server"]["applicationSettings"]["port"]) == defaults["ACTION_PORT"]
    assert helm["global"]["postgresql"]["servicePort"] == 5432
    assert helm["redis"]["master"]["service"]["port"] == 6379
    # Every file the Rasa pods use is copied from the project image, which holds it.
    copied = set(re.findall(r"^COPY (\S+) /app/\1$", dockerfile(), re.M))
    mount = helm["volumeMounts"][0]["mountPath"]
    init = " ".join(helm["initContainers"][0]["command"])
    for flag in ("--model", "--credentials"):
        inside = helm["extraArgs"][helm["extraArgs"].index(flag) + 1]
        relative = Path(inside).relative_to(mount)
        assert relative.parts[0] in copied or str(relative) in copied
        assert f"/app/{relative.parts[0]}" in init
        assert (ROOT / relative).exists()
    assert {e["value"] for e in helm["extraEnv"] if e["name"] == "PYTHONPATH"} == {mount}
    origins = {e["value"] for e in helm["extraEnv"] if e["name"] == "RASA_CORS_ORIGINS"}
    assert origins == {helm["applicationSettings"]["cors"]}  # the channels and Rasa's CORS agree


def test_the_action_server_keeps_idle_connections_as_the_launcher_does(compose, helm, defaults):
    timeout = defaults["SANIC_KEEP_ALIVE_TIMEOUT"]
    assert compose["services"]["action-server"]["environment"]["SANIC_KEEP_ALIVE_TIMEOUT"] == timeout
    assert {"name": "SANIC_KEEP_ALIVE_TIMEOUT", "value": timeout} in \
        helm["rasa-action-server"]["extraEnv"]
