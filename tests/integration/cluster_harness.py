"""Runs a Samen cluster for a test: scripts/cluster.sh (the script behind `make cluster`)
with two samen servers and nginx with TLS on free ports, in a directory and a PostgreSQL
database of its own on the SAMEN_TEST_PG server, so tests can run in parallel. Knows
which server answered a request: every response's X-Request-Id is in exactly one
server's access log."""
import http.client
import json
import os
import shutil
import signal
import ssl
import subprocess
import tempfile

from samen_harness import PASSWORD, SAMEN, Client, free_ports

SOURCE_DIR = os.environ.get("SAMEN_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(SOURCE_DIR, "scripts", "cluster.sh")


def _admin_uri():
    uri = os.environ.get("SAMEN_TEST_PG")
    if not uri:
        raise RuntimeError("SAMEN_TEST_PG is not set: run `make test`, or "
                           "export SAMEN_TEST_PG=$(bash scripts/test-postgres.sh start)")
    return uri


def _sql(statement):
    import psycopg2
    con = psycopg2.connect(_admin_uri())
    con.autocommit = True
    try:
        con.cursor().execute(statement)
    finally:
        con.close()


class Cluster:
    def __init__(self, pupils=60):
        if shutil.which("nginx") is None:
            raise RuntimeError("nginx is not installed: run scripts/install-deps.sh")
        admin = _admin_uri()
        self.db_name = f"samen_cluster_it_{os.getpid()}"
        self.db = admin.rsplit("/", 1)[0] + "/" + self.db_name
        self.dir = tempfile.mkdtemp(prefix="samen-cluster-it-")
        self.port, *self.server_ports = free_ports(3)
        self.env = dict(os.environ, SAMEN_CLUSTER_DIR=self.dir, SAMEN_CLUSTER_PORT=str(self.port),
                        SAMEN_CLUSTER_SERVER_PORTS=" ".join(map(str, self.server_ports)),
                        SAMEN_CLUSTER_PG=admin, SAMEN_CLUSTER_DB=self.db_name, SAMEN_BIN=SAMEN,
                        SAMEN_CLUSTER_PUPILS=str(pupils), SAMEN_CLUSTER_PASSWORD=PASSWORD)
        self.cert = os.path.join(self.dir, "tls", "cert.pem")

    def start(self):
        _sql(f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")  # left by a killed run
        result = subprocess.run(["bash", SCRIPT, "start"], env=self.env, capture_output=True, text=True,
                                timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"scripts/cluster.sh start failed ({result.returncode}):\n{result.stderr}"
                               f"{result.stdout}{self._log_tails()}")

    def stop(self):
        """Stops everything, even after a failed start; then removes the database and files."""
        try:
            subprocess.run(["bash", SCRIPT, "stop"], env=self.env, capture_output=True, timeout=120)
        finally:
            self._kill_leftovers()
            _sql(f"DROP DATABASE IF EXISTS {self.db_name} WITH (FORCE)")
            shutil.rmtree(self.dir, ignore_errors=True)

    def _kill_leftovers(self):
        # In case the script could not stop something: only the pids it recorded, and only
        # while they still run the program it started.
        for name, path in self._pid_files():
            try:
                with open(path) as f:
                    pid = int(f.read().strip())
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if name.encode() in f.read():
                        os.kill(pid, signal.SIGKILL)
            except (OSError, ValueError):
                pass

    def _pid_files(self):
        yield "nginx", os.path.join(self.dir, "nginx", "nginx.pid")
        for i in range(1, len(self.server_ports) + 1):
            yield "samen", os.path.join(self.dir, f"samen-{i}.pid")

    def _log_tails(self):
        text = ""
        for name in ["samen-1.log", "samen-2.log", "nginx/error.log"]:
            path = os.path.join(self.dir, name)
            if os.path.exists(path):
                with open(path) as f:
                    text += f"\n--- {name}\n" + "".join(f.readlines()[-20:])
        return text

    def client(self, source_address):
        """A browser-like client at source_address (any 127.x.y.z): nginx sees that as
        the client, so each client address can stand for another machine."""
        return TlsClient(self.port, self.cert, source_address)

    def server_of(self, request_id):
        """1 or 2: the samen server whose access log has this request id."""
        servers = [i for i in (1, 2) if request_id in self._request_ids(i)]
        assert len(servers) == 1, f"request {request_id} is in the logs of servers {servers}, expected one"
        return servers[0]

    def _request_ids(self, server):
        with open(os.path.join(self.dir, f"samen-{server}.log")) as f:
            lines = [json.loads(line) for line in f if line.startswith("{")]
        return {line["request_id"] for line in lines if line.get("event") == "request"}

    def query(self, sql, *params):
        import psycopg2
        con = psycopg2.connect(self.db)
        try:
            cur = con.cursor()
            cur.execute(sql.replace("?", "%s"), params or None)
            return cur.fetchall()
        finally:
            con.close()


class TlsClient(Client):
    """The harness client over HTTPS through nginx. The certificate is verified against
    the self-signed one scripts/cluster.sh made (its SAN holds 127.0.0.1), so the test
    also proves nginx serves the configured certificate, not just any TLS."""

    def __init__(self, port, cert, source_address):
        super().__init__(port)
        self.context = ssl.create_default_context(cafile=cert)
        self.source_address = source_address

    def connect(self):
        return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=60, context=self.context,
                                           source_address=(self.source_address, 0))
