"""Server limits and hygiene (issue 11, item 10 and the low items): body limits decided
after routing and authentication, a connection cap with a clear 503, accept failures that
back off, control characters refused in names (API and CSV import), PostgreSQL's messages
kept out of the log, no start on a store without durable commits, and an nginx access log
without query strings or invitation tokens."""
import os
import re
import resource
import socket
import subprocess
import tempfile
import time
import unittest

from samen_harness import (BACKEND, Client, Server, drop_database, free_port, new_pg_database,
                           org_id, pupil_of_class, run_cli)

SOURCE_DIR = os.path.join(os.path.dirname(__file__), "..", "..")
TWO_MIB = 2 << 20


def head_only(port, method, path, length, content_type, client=None):
    """Sends only the head of a request announcing `length` body bytes; the status the
    server answers before any body byte arrived, or None when it waits for the body."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        head = (f"{method} {path} HTTP/1.1\r\nHost: samen.test\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {length}\r\n")
        if client and client.cookie:
            head += f"Cookie: samen_session={client.cookie}\r\nX-CSRF-Token: {client.csrf}\r\n"
        s.sendall((head + "\r\n").encode())
        s.settimeout(2)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            return None
        return int(data.split(b" ")[1]) if data else None
    finally:
        s.close()


class BodyLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_anonymous_large_bodies_are_refused_before_they_are_read(self):
        for path in ["/api/session", "/api/pupils/import", "/api/nothing-here", "/index.html"]:
            for content_type in ["text/csv", "application/json", "application/octet-stream"]:
                self.assertEqual(head_only(self.server.port, "POST", path, TWO_MIB, content_type), 413,
                                 (path, content_type))
        status, _, body = Client(self.server.port).post("/api/session", raw=b"x" * (100 << 10),
                                                        content_type="text/csv")
        self.assertEqual((status, body["error"]["code"]), (413, "payload_too_large"))

    def test_a_signed_in_user_who_may_not_import_gets_the_small_limit_on_the_import_route(self):
        mentor = self.server.login("mentor@hetbaken.example")
        self.assertEqual(head_only(self.server.port, "POST", "/api/pupils/import", 200 << 10, "text/csv", mentor), 413)
        # Elsewhere a signed-in user may send the JSON limit (the handler then judges it).
        status, _, _ = mentor.post("/api/signals", raw=b'{"text":"' + b"a" * (200 << 10) + b'"}')
        self.assertNotEqual(status, 413)

    def test_an_importer_gets_the_import_limit_on_the_import_route(self):
        coordinator = self.server.login("zorg@hetbaken.example")
        school = org_id(self.server, "Het Baken College")
        rows = "".join(f"{800000 + i};Anna;;Bos;01-05-2012;1A\r\n" for i in range(75000))
        csv = ("leerlingnummer;roepnaam;voorvoegsel;achternaam;geboortedatum;klas\r\n" + rows).encode()
        self.assertGreater(len(csv), TWO_MIB)
        status, _, body = coordinator.post(f"/api/pupils/import?school_id={school}&dry_run=true", raw=csv,
                                           content_type="text/csv")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["created"], 75000)
        # The same school's admin may import too; another school's coordinator may not.
        other = self.server.login("ib@wilgenhoek.example")
        self.assertEqual(head_only(self.server.port, "POST", f"/api/pupils/import?school_id={school}", TWO_MIB,
                                   "text/csv", other), 413)


class ConnectionsAndAccept(unittest.TestCase):
    def test_past_the_connection_cap_a_clear_503(self):
        server = Server(pupils=10, extra_args=["--max-connections", "3"])
        self.addCleanup(server.cleanup)
        # Connections that each got an answer stay open; the harness may hold one of its own.
        held, answer = [], b""
        for _ in range(5):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = s.recv(4096)
            held.append(s)
            if not answer.startswith(b"HTTP/1.1 200"):
                break
        self.assertGreaterEqual(len(held), 3, "the first three fit under the cap")
        self.assertTrue(answer.startswith(b"HTTP/1.1 503"), answer)
        self.assertIn(b'"code":"too_many_connections"', answer)
        for s in held:
            s.close()
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                if Client(server.port).get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            self.fail("the server did not take connections again")

    def test_out_of_file_descriptors_the_server_backs_off_and_recovers(self):
        def few_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
        server = Server(pupils=10, extra_args=["--max-connections", "1000"], preexec_fn=few_descriptors)
        self.addCleanup(server.cleanup)
        held = []
        for _ in range(100):
            try:
                held.append(socket.create_connection(("127.0.0.1", server.port), timeout=2))
            except OSError:
                break
        time.sleep(3)
        failures = [e for e in server.log_lines() if e["event"] == "accept_failed"]
        self.assertGreaterEqual(len(failures), 1, "the test did not exhaust the descriptors")
        self.assertLessEqual(len(failures), 3, f"{len(failures)} lines in 3 s: the accept loop spins")
        for s in held:
            s.close()
        deadline = time.time() + 35
        while time.time() < deadline:
            try:
                if Client(server.port).get("/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            self.fail("the server did not recover")


class ControlCharacters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=20)
        cls.school = org_id(cls.server, "Het Baken College")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def assert_refused(self, answer, field):
        status, _, body = answer
        self.assertEqual(status, 400, body)
        self.assertEqual(body["error"]["field"], field, body)
        self.assertIn("control character", body["error"]["message"])

    def test_names_refuse_control_characters(self):
        coordinator = self.server.login("zorg@hetbaken.example")
        pupil = {"school_id": self.school, "pupil_number": "770001", "given_name": "Anna", "family_name": "Bos",
                 "date_of_birth": "2012-05-01", "class": "1A", "guardians": []}
        for field, bad in [("given_name", "An\nna"), ("family_name", "Bos\r"), ("class", "1A\x00")]:
            self.assert_refused(coordinator.post("/api/pupils", dict(pupil, **{field: bad})), field)
        self.assert_refused(coordinator.post("/api/pupils", dict(pupil, guardians=[
            {"name": "Piet\nBos", "relation": "vader", "parental_authority": True}])), "guardians[0].name")
        admin = self.server.login("beheer@lindeveld.example")
        self.assert_refused(admin.post("/api/organisations", {"name": "OBS\x00X", "type": "school"}), "name")
        self.assert_refused(admin.post("/api/users", {"email": "x@hetbaken.example", "name": "Nieuwe\r\nDocent",
                                                      "password": "groene appels in de herfst",
                                                      "memberships": [{"organisation_id": self.school,
                                                                       "role": "teacher"}]}), "name")

    def test_free_text_keeps_line_breaks_but_not_other_controls(self):
        mentor = self.server.login("mentor@hetbaken.example")
        pupil = pupil_of_class(self.server, "Het Baken College", "1A")
        signal = {"pupil_id": pupil, "categories": ["wellbeing"], "urgency": "normal"}
        status, _, body = mentor.post("/api/signals", dict(signal, text="Eerste regel.\nTweede regel.\tMet tab."))
        self.assertEqual(status, 201, body)
        self.assert_refused(mentor.post("/api/signals", dict(signal, text="a\x00b")), "text")
        self.assert_refused(mentor.post("/api/signals", dict(signal, text="bel\x07")), "text")

    def test_the_csv_import_names_file_line_and_column(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "leerlingen.csv")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write("leerlingnummer;roepnaam;achternaam;geboortedatum;klas\r\n"
                        "780001;Anna;Bos;01-05-2012;1A\r\n"
                        "780002;\"Da\nan\";Jansen;01-05-2012;1A\r\n")
            r = run_cli("import", "pupils", "--db", self.server.db, "--school", "Het Baken College", path)
            self.assertNotEqual(r.returncode, 0)
            self.assertRegex(r.stderr, re.escape(path) + r":3: column roepnaam: contains a control character, "
                                                         r"U\+000A \(line feed\)")
            self.assertEqual(self.server.scalar("SELECT count(*) FROM pupils WHERE pupil_number = '780001'"), 0)


class StoreErrorsInTheLog(unittest.TestCase):
    def test_a_constraint_violation_logs_no_values(self):
        server = Server(pupils=10)
        self.addCleanup(server.cleanup)
        # A rule the server does not know about, so its INSERT fails in the database itself.
        server.execute("CREATE UNIQUE INDEX surprise ON pupils(family_name)")
        coordinator = server.login("zorg@hetbaken.example")
        taken = server.scalar("SELECT family_name FROM pupils ORDER BY id LIMIT 1")
        body = {"school_id": org_id(server, "Het Baken College"), "pupil_number": "790001", "given_name": "Zeger",
                "family_name": taken, "date_of_birth": "2012-05-01", "class": "1A", "guardians": []}
        status, _, _ = coordinator.post("/api/pupils", body)
        self.assertGreaterEqual(status, 500)
        deadline = time.time() + 5  # the log is read by another thread
        while not (errors := [e for e in server.log_lines() if e["event"] == "store_error"]):
            self.assertLess(time.time(), deadline, server.output[-5:])
            time.sleep(0.05)
        logged = "".join(server.output)
        self.assertNotIn(taken, logged)
        self.assertNotIn("DETAIL", logged)
        self.assertNotIn("Zeger", logged)
        if BACKEND == "postgres":
            self.assertIn("23505", errors[-1]["what"])


@unittest.skipUnless(BACKEND == "postgres", "SQLite's writer always sets synchronous = FULL itself")
class NondurableStore(unittest.TestCase):
    def test_the_server_refuses_a_database_without_synchronous_commit(self):
        db = new_pg_database()
        self.addCleanup(drop_database, db)
        self.assertEqual(run_cli("migrate", "--db", db).returncode, 0)
        import psycopg2
        con = psycopg2.connect(os.environ["SAMEN_TEST_PG"])
        con.autocommit = True
        con.cursor().execute(f"ALTER DATABASE {db.rsplit('/', 1)[1]} SET synchronous_commit = off")
        con.close()
        r = run_cli("serve", "--db", db, "--listen", "127.0.0.1:0")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("synchronous_commit is off", r.stderr)
        self.assertIn("--allow-nondurable", r.stderr)
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(db=db, directory=tmp, extra_args=["--allow-nondurable"])
            try:
                self.assertTrue(any(e["event"] == "nondurable_store" for e in server.log_lines()))
            finally:
                server.stop()


class NginxAccessLog(unittest.TestCase):
    """The production access log format from deploy/nginx/samen.conf, run by a real nginx in
    front of a real samen: no query strings, no invitation tokens."""

    def test_the_access_log_has_no_query_strings_or_tokens(self):
        server = Server(pupils=10)
        self.addCleanup(server.cleanup)
        tmp = tempfile.mkdtemp(prefix="samen-nginx-log-")
        with open(os.path.join(SOURCE_DIR, "deploy", "nginx", "samen.conf")) as f:
            conf = f.read()
        shared = conf.split("# BEGIN shared http-level")[1].split("# END shared http-level")[0]
        self.assertEqual(re.findall(r"access_log [^;]+ (\w+);", conf), ["samen", "samen"],
                         "every server block of the production file logs in the samen format")
        port = free_port()
        with open(os.path.join(tmp, "nginx.conf"), "w") as f:
            f.write(f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\nhttp {{\n{shared}\n"
                    f"access_log {tmp}/access.log samen;\n"
                    f"client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;\n"
                    f"fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;\n"
                    f"server {{ listen 127.0.0.1:{port}; location / {{ proxy_pass http://127.0.0.1:{server.port}; }} }}\n}}\n")
        nginx = subprocess.run(["nginx", "-p", f"{tmp}/", "-c", f"{tmp}/nginx.conf"], capture_output=True, text=True)
        self.assertEqual(nginx.returncode, 0, nginx.stderr)
        self.addCleanup(lambda: subprocess.run(["nginx", "-p", f"{tmp}/", "-c", f"{tmp}/nginx.conf", "-s", "stop"]))
        time.sleep(0.3)
        c = Client(port)
        c.get("/api/pupils?q=Jansen&class=1A")
        c.get("/uitnodiging/GeheimeToken123")
        c.post("/api/invitations/GeheimeToken456/accept", {"password": "x"})
        time.sleep(0.3)
        with open(f"{tmp}/access.log") as f:
            log = f.read()
        self.assertIn("GET /api/pupils", log)
        self.assertIn("/uitnodiging/-", log)
        self.assertIn("/api/invitations/-/accept", log)
        for secret in ["Jansen", "q=", "GeheimeToken"]:
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
