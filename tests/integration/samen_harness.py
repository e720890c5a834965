"""Shared harness for the HTTP integration tests: runs the real samen binary on a free
port with a fresh demo database in a temporary directory, and a small client that keeps
the session cookie and sends the CSRF token the way a browser app would."""
import datetime
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time

SAMEN = os.environ.get("SAMEN_BIN", os.path.join(os.path.dirname(__file__), "..", "..", "build-test", "samen"))
PASSWORD = "Lindeveld-demo-2026!"
# ctest runs the backend-neutral files once per backend (tests/CMakeLists.txt).
BACKEND = os.environ.get("SAMEN_IT_BACKEND", "sqlite")
_databases = itertools.count()


def new_database(directory):
    """A fresh, empty database for one server: a file, or a PostgreSQL database of its own."""
    if BACKEND == "sqlite":
        return os.path.join(directory, "samen.db")
    return new_pg_database()


def new_pg_database():
    """A fresh, empty PostgreSQL database on the SAMEN_TEST_PG server; its URI."""
    import psycopg2
    admin = os.environ["SAMEN_TEST_PG"]
    name = f"samen_it_{os.getpid()}_{next(_databases)}"
    con = psycopg2.connect(admin)
    con.autocommit = True
    con.cursor().execute(f"DROP DATABASE IF EXISTS {name}")
    con.cursor().execute(f"CREATE DATABASE {name}")
    con.close()
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_database(db):
    if db.startswith("postgresql://"):
        import psycopg2
        con = psycopg2.connect(os.environ["SAMEN_TEST_PG"])
        con.autocommit = True
        con.cursor().execute(f"DROP DATABASE IF EXISTS {db.rsplit('/', 1)[1]} WITH (FORCE)")
        con.close()


def free_ports(count):
    """Distinct free ports: every socket stays bound until all are chosen, because ports
    picked one by one may repeat (CI once gave nginx and a samen server the same one)."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def free_port():
    return free_ports(1)[0]


def run_cli(*args, stdin=None, env=None):
    return subprocess.run([SAMEN, *args], capture_output=True, text=True, input=stdin, timeout=120, env=env)


def _test_field_keys():
    """Every samen the tests start seals with one ring, given in SAMEN_FIELD_KEYS (inherited
    by each subprocess), so no command line needs to name a key file. A test that passes
    --field-keys FILE runs its samen with env_without_field_keys()."""
    if os.environ.get("SAMEN_FIELD_KEYS"):
        return
    with tempfile.TemporaryDirectory(prefix="samen-keys-") as d:
        path = os.path.join(d, "field.keys")
        made = subprocess.run([SAMEN, "keys", "init", "--file", path], capture_output=True, text=True)
        if made.returncode != 0:
            raise RuntimeError(f"samen keys init failed: {made.stderr}")
        with open(path) as f:
            os.environ["SAMEN_FIELD_KEYS"] = f.read()


def env_without_field_keys(**extra):
    """The environment for a samen that gets its keys another way (--field-keys FILE), or
    none at all (--allow-plaintext)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SAMEN_FIELD_KEYS", "SAMEN_FIELD_KEYS_FILE")}
    env.update(extra)
    return env


if os.path.exists(SAMEN):
    _test_field_keys()


class Server:
    """A demo region served by `samen demo`; stop() sends SIGTERM and waits. With `db` (and
    the `directory` it lives in), `samen serve` on that existing database instead: the same
    database again after a restart, a crash or a restore."""

    def __init__(self, pupils=120, db=None, directory=None, extra_args=(), env=None, preexec_fn=None):
        self.dir = directory or tempfile.mkdtemp(prefix="samen-it-")
        self.db = db or new_database(self.dir)
        self.port = free_port()
        listen = ["--listen", f"127.0.0.1:{self.port}"]
        # Every test server signs audit checkpoints, with a key in its data directory.
        self.audit_key = os.path.join(self.dir, "audit.key")
        if "--audit-key" not in extra_args:
            if not os.path.exists(self.audit_key):
                run_cli("audit", "keygen", "--out", self.audit_key)
            extra_args = (*extra_args, "--audit-key", self.audit_key)
        if db:
            command = [SAMEN, "serve", "--db", self.db, *listen, *extra_args]
        else:
            command = [SAMEN, "demo", "--db", self.db, *listen, "--password", PASSWORD,
                       "--pupils", str(pupils), "--logins-json", os.path.join(self.dir, "logins.json"),
                       *extra_args]
        if env is None and ("--field-keys" in extra_args or "--allow-plaintext" in extra_args):
            env = env_without_field_keys()
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env=env, preexec_fn=preexec_fn)
        # Drain stdout all the time: a full pipe would block the server's logging.
        self.output = []
        self.listening = threading.Event()
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()
        try:
            if not self.listening.wait(60):
                raise RuntimeError(f"samen {command[1]} did not start listening")
            if self.proc.poll() is not None:
                raise RuntimeError(f"samen {command[1]} exited: {''.join(self.output)}")
            self.wait_healthy()
        except BaseException:
            self.kill()  # no test gets to clean up a server that never started
            raise
        if not db:
            with open(os.path.join(self.dir, "logins.json")) as f:
                self.logins = json.load(f)

    def _drain(self):
        for line in self.proc.stdout:
            self.output.append(line)
            if line.startswith("Open http://") or line.startswith('{"event":"listening"'):
                self.listening.set()
        self.listening.set()

    def log_lines(self):
        """The JSON lines the server logged so far."""
        return [json.loads(l) for l in list(self.output) if l.startswith("{")]

    def wait_healthy(self):
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                status, _, _ = Client(self.port).get("/healthz")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server did not become healthy")

    def stop(self, timeout=30):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=10)
        return self.proc.returncode

    def kill(self):
        """SIGKILL: no shutdown, no checkpoint, as in a crash or an OOM kill."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.reader.join(timeout=10)

    def cleanup(self):
        self.stop()
        drop_database(self.db)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _connect(self):
        if BACKEND == "sqlite":
            return sqlite3.connect(self.db)
        import psycopg2
        return psycopg2.connect(self.db)

    def query(self, sql, *params):
        """Reads the database directly, as an auditor would; `?` marks parameters."""
        con = self._connect()
        try:
            if BACKEND == "sqlite":
                return con.execute(sql, params).fetchall()
            cur = con.cursor()
            cur.execute(sql.replace("?", "%s"), params or None)
            return cur.fetchall()
        finally:
            con.close()

    def execute(self, sql, *params):
        """Changes the database directly, behind the server's back (to age a session, say)."""
        con = self._connect()
        try:
            if BACKEND == "sqlite":
                con.execute(sql, params)
            else:
                con.cursor().execute(sql.replace("?", "%s"), params or None)
            con.commit()
        finally:
            con.close()

    def scalar(self, sql, *params):
        return self.query(sql, *params)[0][0]

    def login(self, email, password=PASSWORD):
        client = Client(self.port)
        status, _, body = client.login(email, password)
        assert status == 200, (status, body)
        return client


# The session cookie's name: the __Host- prefix binds it to the host, Secure and Path=/
# (docs/decisions.md, "Security review (issue 11): accounts and logins").
SESSION_COOKIE = "__Host-samen_session"


class Client:
    """Keeps the session cookie by hand (it is a Secure cookie, which cookiejar will not send
    over http) and adds X-CSRF-Token to state-changing requests."""

    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None
        self.conn = None

    def request(self, method, path, body=None, headers=None, content_type="application/json", raw=None):
        headers = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None and content_type:
            headers.setdefault("Content-Type", content_type)
        if self.cookie:
            headers["Cookie"] = f"{SESSION_COOKIE}={self.cookie}"
        if self.csrf and method not in ("GET", "HEAD") and "X-CSRF-Token" not in headers:
            headers["X-CSRF-Token"] = self.csrf
        for attempt in range(2):
            if self.conn is None:
                self.conn = self.connect()
            try:
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                payload = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        if resp.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        parsed = None
        if payload and resp.getheader("Content-Type", "").startswith("application/json"):
            parsed = json.loads(payload)
        return resp.status, resp, parsed if parsed is not None else payload

    def connect(self):
        """A new connection to the server; subclasses speak TLS (test_cluster)."""
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, email, password=PASSWORD):
        status, resp, body = self.post("/api/session", {"email": email, "password": password})
        if status == 200:
            cookie = resp.getheader("Set-Cookie")
            self.cookie = re.match(re.escape(SESSION_COOKIE) + r"=([^;]*)", cookie).group(1)
            self.csrf = body["csrf_token"]
        return status, resp, body


def pupil_of_class(server, school_name, class_name):
    return str(server.scalar(
        "SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id "
        "WHERE o.name = ? AND p.class_name = ? ORDER BY p.id LIMIT 1", school_name, class_name))


def pupil_without_case(server, school_name, class_name, skip=0):
    """A pupil of the class that the demo's stories left alone: no case, no signal."""
    return str(server.scalar(
        "SELECT p.id FROM pupils p JOIN organisations o ON o.id = p.school_id "
        "WHERE o.name = ? AND p.class_name = ? "
        "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.pupil_id = p.id) "
        "AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.pupil_id = p.id) "
        "ORDER BY p.id LIMIT 1 OFFSET ?", school_name, class_name, skip))


def membership_of(client):
    """The id of the membership a logged-in client acts in."""
    _, _, me = client.get("/api/me")
    return me["active_membership"]["id"]


def org_id(server, name):
    return str(server.scalar("SELECT id FROM organisations WHERE name = ?", name))


FAMILY_PASSWORD = "Zonnebloem-Tulp-Kasteel-42"


def iso(moment):
    """A datetime as the API's instants: UTC, whole seconds, `Z`."""
    return moment.astimezone(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def born_years_ago(years, days_extra=30):
    """A date of birth that makes a pupil `years` old today (and not on a birthday)."""
    today = datetime.date.today()
    return (today.replace(year=today.year - years) - datetime.timedelta(days=days_extra)).isoformat()


def create_pupil(coordinator, school_id, number, age, guardians, given_name="Noor", family_name="Jansen"):
    """A pupil of `age` created by the school's care coordinator; (pupil id, guardian ids).
    `guardians` are (name, relation, parental_authority) triples."""
    body = {"school_id": school_id, "pupil_number": number, "given_name": given_name, "family_name": family_name,
            "date_of_birth": born_years_ago(age), "class": "1B",
            "guardians": [{"name": n, "relation": r, "parental_authority": a} for n, r, a in guardians]}
    status, _, created = coordinator.post("/api/pupils", body)
    assert status == 201, created
    return created["id"], [g["id"] for g in created["guardians"]]


def family_login(server, coordinator, pupil_id, email, guardian_id=None):
    """Invites a guardian (or, without guardian_id, the pupil), accepts with FAMILY_PASSWORD
    and logs in: the family member's client."""
    invitation = {"guardian_id": guardian_id} if guardian_id else {"pupil": True}
    status, _, inv = coordinator.post(f"/api/pupils/{pupil_id}/invitations", {**invitation, "email": email})
    assert status == 201, inv
    status, _, accepted = Client(server.port).post(f"/api/invitations/{inv['token']}/accept",
                                                   {"password": FAMILY_PASSWORD})
    assert status == 201, accepted
    return server.login(email, FAMILY_PASSWORD)


def membership_id_of(server, email):
    """The id of the (first) membership of the user with this e-mail address."""
    return str(server.scalar("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id "
                             "WHERE u.email = ? ORDER BY m.id LIMIT 1", email))


def consent_for_the_neighbourhood_team(server, coordinator, pupil_id, guardian_ids, text, categories=("home",)):
    """A year's consent of the guardians, recorded on paper by the care coordinator, for
    Buurtteam Lindeveld-Oost in `categories`; the grant."""
    today = datetime.date.today()
    status, _, grant = coordinator.post(f"/api/pupils/{pupil_id}/consents", {
        "given_by": {"guardian_ids": guardian_ids, "pupil": False},
        "recipients": {"organisation_ids": [org_id(server, "Buurtteam Lindeveld-Oost")], "roles": []},
        "categories": list(categories), "valid_from": today.isoformat(), "obtained_via": "paper",
        "valid_until": (today + datetime.timedelta(days=365)).isoformat(), "text": text})
    assert status == 201, grant
    return grant


def open_case_with_family_worker(server, coordinator, pupil_id, categories):
    """A case of the pupil opened by the school's care coordinator, with the demo's family
    worker (Buurtteam Lindeveld-Oost, another organisation) at the table; the case id."""
    status, _, case = coordinator.post("/api/cases", {"pupil_id": pupil_id, "categories": categories, "level": 2})
    assert status == 201, case
    status, _, seat = coordinator.post(f"/api/cases/{case['id']}/team", {
        "membership_id": membership_id_of(server, "gezinswerker@buurtteam.example"),
        "reason": "Gezinsondersteuning thuis"})
    assert status == 201, seat
    return case["id"]
