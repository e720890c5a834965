"""The error table of src/http/errors.cpp is the one mapping from error codes to HTTP
statuses, and the documentation lists exactly it: docs/api.md's table and docs/openapi.yaml's
(its description's table and the Error schema's list of codes). Every code the sources
answer with is in the table, so no handler can pick a status of its own.

No server: it reads the sources and the documents (SAMEN_SOURCE_DIR, default the repository
two levels up)."""
import os
import re
import unittest
from pathlib import Path

SOURCE_DIR = Path(os.environ.get("SAMEN_SOURCE_DIR") or Path(__file__).resolve().parents[2])
TABLE_ROW = re.compile(r'\{"([a-z_]+)", (\d{3})\}')
DOC_ROW = re.compile(r"^\s*\| (\d{3}) \| (.*) \|\s*$")
CODE = re.compile(r"`([a-z_]+)`")
# Where the sources name an error code: Error{"code", ...}, fail("code", ...),
# error_response("code", ...), refused("code", ...) in the domain's triage step.
USES = [re.compile(r'Error\{"([a-z_]+)"'), re.compile(r'\bfail\("([a-z_]+)"'),
        re.compile(r'error_response\("([a-z_]+)"'), re.compile(r'\brefused\("([a-z_]+)"'),
        re.compile(r'"code",\s*"([a-z_]+)"'), re.compile(r'"code":"([a-z_]+)"'),
        re.compile(r'status_for_code\("([a-z_]+)"\)')]


def answering_sources():
    """The layers that answer requests (the store and the audit log have `fail`s of their
    own that are no error codes)."""
    for layer in ("api", "http", "domain", "importer"):
        yield from sorted((SOURCE_DIR / "src" / layer).rglob("*.cpp"))


def code_table():
    text = (SOURCE_DIR / "src" / "http" / "errors.cpp").read_text(encoding="utf-8")
    body = text[text.index("error_table()"):text.index("int status_for_code")]
    rows = [(code, int(status)) for code, status in TABLE_ROW.findall(body)]
    assert rows, "no rows found in src/http/errors.cpp"
    return rows


def documented(text, first_status_line):
    """{status: [codes]} from the markdown table whose rows start at `| 400 |`."""
    out = {}
    lines = text.splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip().startswith(first_status_line))
    for line in lines[start:]:
        m = DOC_ROW.match(line)
        if not m:
            break
        # Only the codes themselves: a row may quote a header (`Retry-After`) in its notes,
        # which is not lower-case with underscores.
        out[int(m.group(1))] = [c for c in CODE.findall(m.group(2)) if not c[0].isupper()]
    return out


class ErrorTable(unittest.TestCase):
    def setUp(self):
        self.table = code_table()
        self.by_status = {}
        for code, status in self.table:
            self.by_status.setdefault(status, []).append(code)

    def test_codes_are_unique(self):
        codes = [c for c, _ in self.table]
        self.assertEqual(len(codes), len(set(codes)), "a code appears twice in the table")

    def assert_lists_exactly(self, doc, name):
        self.assertEqual(sorted(doc), sorted(self.by_status), f"{name}: the statuses differ")
        for status, codes in self.by_status.items():
            self.assertEqual(sorted(set(doc[status])), sorted(codes), f"{name}: status {status}")

    def test_api_md_lists_exactly_the_table(self):
        text = (SOURCE_DIR / "docs" / "api.md").read_text(encoding="utf-8")
        self.assert_lists_exactly(documented(text, "| 400 |"), "docs/api.md")

    def test_openapi_lists_exactly_the_table(self):
        text = (SOURCE_DIR / "docs" / "openapi.yaml").read_text(encoding="utf-8")
        self.assert_lists_exactly(documented(text, "| 400 |"), "docs/openapi.yaml")
        # The Error schema names every code too.
        schema = text[text.index("    Error:\n"):]
        description = schema[schema.index("Stable, for programs"):schema.index("examples:")]
        self.assertEqual(sorted(set(CODE.findall(description))), sorted(c for c, _ in self.table),
                         "docs/openapi.yaml Error.code")

    def test_every_code_the_sources_use_is_in_the_table(self):
        known = {c for c, _ in self.table}
        used = {}
        for path in answering_sources():
            text = path.read_text(encoding="utf-8")
            for pattern in USES:
                for code in pattern.findall(text):
                    used.setdefault(code, path.relative_to(SOURCE_DIR))
        self.assertGreater(len(used), 20, "the scan found too few codes; is the pattern stale?")
        missing = {c: str(p) for c, p in used.items() if c not in known}
        self.assertEqual(missing, {}, "codes answered but not in src/http/errors.cpp")

    def test_no_handler_picks_a_status(self):
        # fail(403, ...) and error_response(409, ...) are gone: the table decides.
        pattern = re.compile(r"\b(?:fail|error_response|reject)\(\s*\d{3}\s*,")
        offenders = []
        for path in answering_sources():
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{path.relative_to(SOURCE_DIR)}:{n}: {line.strip()}")
        self.assertEqual(offenders, [])


if __name__ == "__main__":
    unittest.main()
