"""docs/openapi.yaml describes exactly the routes the server has, and passes its linter.

The server's routes come from `$SAMEN_BIN routes` (one "METHOD PATTERN" line per route)
when that command succeeds, and otherwise from the `router.add("METHOD", "PATTERN", ...)`
registrations in src/api/*.cpp. The OpenAPI file is read without a YAML library: in the
`paths:` section every path sits at indent 2 and every operation (method) at indent 4,
which is how docs/openapi.yaml is laid out and what this scan relies on.

Environment: SAMEN_BIN (the samen binary; optional), SAMEN_SOURCE_DIR (repository root;
default: two levels above this file), SAMEN_OPENAPI (the spec to check; default
docs/openapi.yaml, override it to check a modified copy).
"""

import os
import re
import shutil
import subprocess
import unittest
from pathlib import Path

SOURCE_DIR = Path(os.environ.get("SAMEN_SOURCE_DIR") or Path(__file__).resolve().parents[2])
SPEC_PATH = Path(os.environ.get("SAMEN_OPENAPI") or SOURCE_DIR / "docs" / "openapi.yaml")
LINT_SCRIPT = SOURCE_DIR / "tools" / "openapi" / "lint.sh"

OPENAPI_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
ROUTE_LINE = re.compile(r"([A-Z]+) (/\S*)")
ROUTER_ADD = re.compile(r'router\.add\(\s*"([A-Z]+)"\s*,\s*"([^"]+)"')


def routes_from_binary():
    """The routes `$SAMEN_BIN routes` prints, or None when that command is not usable."""
    binary = os.environ.get("SAMEN_BIN")
    if not binary:
        return None
    try:
        proc = subprocess.run([binary, "routes"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    routes = set()
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        match = ROUTE_LINE.fullmatch(line.strip())
        if not match:
            raise AssertionError(f"`{binary} routes` printed a line that is not METHOD PATTERN: {line!r}")
        routes.add((match.group(1), match.group(2)))
    return routes


def routes_from_source():
    """The routes registered in src/api/*.cpp, found by their router.add calls."""
    routes = set()
    files = sorted((SOURCE_DIR / "src" / "api").glob("*.cpp"))
    if not files:
        raise AssertionError(f"no src/api/*.cpp under {SOURCE_DIR}; set SAMEN_SOURCE_DIR")
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = ROUTER_ADD.findall(text)
        # A registration the pattern cannot read (method or path not a string literal)
        # must fail loudly rather than drop a route from the comparison.
        calls = len(re.findall(r"router\.add\(", text))
        if calls != len(found):
            raise AssertionError(
                f"{path}: {calls} router.add( calls but only {len(found)} with literal "
                f'("METHOD", "PATTERN") arguments; keep registrations in that form')
        routes.update(found)
    return routes


def server_routes():
    """(routes, where they came from)."""
    routes = routes_from_binary()
    if routes is not None:
        return routes, f"`{os.environ['SAMEN_BIN']} routes`"
    return routes_from_source(), "router.add calls in src/api/*.cpp"


def spec_routes(path):
    """(METHOD, path) of every operation under `paths:` in an OpenAPI YAML file."""
    routes = set()
    paths_seen = 0
    in_paths = False
    current = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if indent == 0:
            in_paths = re.fullmatch(r"paths:\s*(#.*)?", line) is not None
            current = None
            continue
        if not in_paths:
            continue
        if indent == 2:
            match = re.fullmatch(r"""(['"]?)(/[^'"]*)\1:\s*(#.*)?""", body)
            if not match:
                raise AssertionError(f"{path}:{lineno}: expected a path key at indent 2, got {body!r}")
            current = match.group(2)
            paths_seen += 1
        elif indent == 4 and current is not None:
            key = re.match(r"([A-Za-z$][\w$-]*):", body)
            if key and key.group(1) in OPENAPI_METHODS:
                routes.add((key.group(1).upper(), current))
    if paths_seen == 0:
        raise AssertionError(f"{path}: found no `paths:` section with paths at indent 2")
    return routes


def describe(routes):
    return "\n".join(f"  {method} {pattern}" for method, pattern in sorted(routes, key=lambda r: (r[1], r[0])))


class OpenApiParityTest(unittest.TestCase):
    def test_spec_lists_exactly_the_server_routes(self):
        server, origin = server_routes()
        spec = spec_routes(SPEC_PATH)
        self.assertTrue(server, f"no routes found via {origin}")
        missing = server - spec
        extra = spec - server
        problems = []
        if missing:
            problems.append(f"routes the server has but {SPEC_PATH} lacks:\n{describe(missing)}")
        if extra:
            problems.append(f"operations in {SPEC_PATH} that the server does not have:\n{describe(extra)}")
        if problems:
            self.fail(f"server routes from {origin}\n" + "\n".join(problems))

    def test_source_scan_agrees_with_binary(self):
        # Keeps the fallback honest: where the binary can list its routes, the source scan
        # must find the same ones.
        binary = routes_from_binary()
        if binary is None:
            self.skipTest("SAMEN_BIN is not set or `samen routes` did not succeed")
        source = routes_from_source()
        self.assertEqual(binary, source, "`samen routes` and the router.add scan of src/api disagree")

    def test_spectral_lint_passes(self):
        # Node.js is installed by scripts/install-deps.sh, so its absence is a failure, not a skip.
        for tool in ("node", "npm", "npx"):
            self.assertIsNotNone(shutil.which(tool), f"{tool} not found; run scripts/install-deps.sh")
        proc = subprocess.run(["bash", str(LINT_SCRIPT)], capture_output=True, text=True, timeout=540,
                              stdin=subprocess.DEVNULL)
        self.assertEqual(proc.returncode, 0,
                         f"{LINT_SCRIPT} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


if __name__ == "__main__":
    unittest.main()
