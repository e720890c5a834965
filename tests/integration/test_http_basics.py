"""HTTP behaviour every endpoint shares: health, error shapes and statuses, security
headers, limits, keep-alive, slow clients and graceful shutdown."""
import gzip
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

from samen_harness import SAMEN, Client, Server, free_port, run_cli


class HttpBasics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(pupils=60)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def client(self):
        return Client(self.server.port)

    def assert_error(self, status, body, expected_status, code, field=None):
        self.assertEqual(status, expected_status, body)
        self.assertEqual(set(body.keys()), {"error"})
        self.assertEqual(body["error"]["code"], code)
        self.assertTrue(body["error"]["message"])
        if field:
            self.assertEqual(body["error"].get("field"), field)

    def test_healthz_needs_no_login(self):
        status, resp, body = self.client().get("/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(body, {"status": "ok"})

    def test_security_headers_on_success_and_error(self):
        c = self.client()
        for path in ["/healthz", "/api/nope", "/api/me", "/"]:
            status, resp, _ = c.get(path)
            self.assertIn("default-src 'self'", resp.getheader("Content-Security-Policy"), path)
            self.assertEqual(resp.getheader("X-Content-Type-Options"), "nosniff")
            self.assertEqual(resp.getheader("Referrer-Policy"), "no-referrer")
            self.assertEqual(resp.getheader("X-Frame-Options"), "DENY")
            self.assertTrue(resp.getheader("X-Request-Id"))
        _, resp, _ = c.get("/api/me")
        self.assertEqual(resp.getheader("Cache-Control"), "no-store")

    def test_unknown_api_path_is_json_404(self):
        status, _, body = self.client().get("/api/does-not-exist")
        self.assert_error(status, body, 404, "not_found")

    def test_wrong_method_is_405_with_allow(self):
        status, resp, body = self.client().delete("/healthz")
        self.assert_error(status, body, 405, "method_not_allowed")
        self.assertEqual(resp.getheader("Allow"), "GET")
        status, resp, body = self.client().request("PATCH", "/api/session", {})
        self.assertEqual(status, 405)
        self.assertEqual(resp.getheader("Allow"), "DELETE, POST")

    def test_malformed_json_unknown_field_and_content_type(self):
        c = self.client()
        status, _, body = c.request("POST", "/api/session", raw=b"{not json", content_type="application/json")
        self.assert_error(status, body, 400, "malformed_json")
        status, _, body = c.post("/api/session", {"email": "a@b.example", "password": "x", "pasword": "y"})
        self.assert_error(status, body, 400, "unknown_field", "pasword")
        status, _, body = c.request("POST", "/api/session", raw=b"email=a", content_type="application/x-www-form-urlencoded")
        self.assert_error(status, body, 415, "unsupported_media_type")
        status, _, body = c.post("/api/session", {"email": "a@b.example"})
        self.assert_error(status, body, 400, "validation_failed", "password")

    def test_body_over_one_mebibyte_is_413(self):
        # Several MiB, so the server answers long before the client has sent it all: the
        # client must still read the 413 instead of a connection reset.
        big = b'{"email":"' + b"a" * (6 << 20) + b'"}'
        status, _, body = self.client().request("POST", "/api/session", raw=big)
        self.assert_error(status, body, 413, "payload_too_large")

    def test_oversized_headers_are_refused(self):
        status, _, body = self.client().get("/healthz", headers={"X-Big": "a" * 20000})
        self.assertEqual(status, 431)
        self.assertEqual(body["error"]["code"], "header_too_large")

    def test_keep_alive_serves_several_requests_on_one_connection(self):
        c = self.client()
        c.get("/healthz")
        first = c.conn.sock
        c.get("/healthz")
        self.assertIs(c.conn.sock, first)

    def test_internal_paths_cannot_escape_the_static_root(self):
        status, _, body = self.client().get("/../../etc/passwd")
        self.assertEqual(status, 404)

    def test_a_slow_client_is_disconnected(self):
        # The server gives a request 30 s; a client that never finishes its headers is cut off.
        s = socket.create_connection(("127.0.0.1", self.server.port))
        s.settimeout(45)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.time()
        data = s.recv(100)
        self.assertEqual(data, b"")
        self.assertLess(time.time() - started, 40)
        s.close()


class AccessLog(unittest.TestCase):
    def test_one_json_line_per_request_without_personal_data(self):
        server = Server(pupils=20)
        try:
            c = server.login("zorg@hetbaken.example")
            c.get("/api/pupils?q=jansen&class=2A")
            pupil = server.scalar("SELECT id FROM pupils LIMIT 1")
            c.get(f"/api/pupils/{pupil}")
            time.sleep(0.3)
            lines = [l for l in server.log_lines() if l.get("event") == "request"]
            self.assertGreaterEqual(len(lines), 3)
            for line in lines:
                self.assertEqual(set(line), {"event", "method", "route", "status", "duration_us", "request_id"})
            routes = {l["route"] for l in lines}
            self.assertIn("/api/pupils/{id}", routes, "the pattern, not the id")
            text = "".join(server.output[-len(lines) - 5:])
            for secret in ["jansen", "zorg@hetbaken", "Lindeveld-demo", "q=", c.cookie]:
                self.assertNotIn(secret, text)
        finally:
            server.cleanup()


class StaticFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.root = os.path.join(cls.tmp, "web")
        os.makedirs(os.path.join(cls.root, "assets"))
        files = {"index.html": "<!doctype html><title>Samen</title>", "assets/app.js": "console.log(1)",
                 "assets/app.css": "body{}", "assets/logo.svg": "<svg/>"}
        for name, text in files.items():
            with open(os.path.join(cls.root, name), "w") as f:
                f.write(text)
        # Precompressed twins as the web build makes them (web/scripts/compress.mjs); the
        # server only picks and sends them, so the brotli twin's bytes here need not be brotli.
        cls.js_br = b"\x1b\x0d\x00brotli twin of app.js"
        twins = {"assets/app.js.br": cls.js_br, "assets/app.js.gz": gzip.compress(b"console.log(1)"),
                 "index.html.gz": gzip.compress(b"<!doctype html><title>Samen</title>"),
                 "assets/app.css.gz": gzip.compress(b"body{}")}
        for name, data in twins.items():
            with open(os.path.join(cls.root, name), "wb") as f:
                f.write(data)
        # Left from an earlier build: older than the file it once belonged to.
        css = os.path.join(cls.root, "assets/app.css")
        os.utime(css + ".gz", (time.time() - 3600, time.time() - 3600))
        with open(os.path.join(cls.tmp, "secret.txt"), "w") as f:
            f.write("not for the web")
        db = os.path.join(cls.tmp, "s.db")
        run_cli("migrate", "--db", db)
        cls.port = free_port()
        cls.proc = subprocess.Popen([SAMEN, "serve", "--db", db, "--listen", f"127.0.0.1:{cls.port}",
                                     "--static", cls.root, "--log-level", "warn"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                Client(cls.port).get("/healthz")
                break
            except OSError:
                time.sleep(0.05)

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(timeout=30)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_files_have_their_mime_types(self):
        c = Client(self.port)
        for path, mime in [("/", "text/html"), ("/assets/app.js", "text/javascript"),
                           ("/assets/app.css", "text/css"), ("/assets/logo.svg", "image/svg+xml")]:
            status, resp, body = c.get(path)
            self.assertEqual(status, 200, path)
            self.assertTrue(resp.getheader("Content-Type").startswith(mime), (path, resp.getheader("Content-Type")))
            self.assertEqual(resp.getheader("X-Content-Type-Options"), "nosniff")

    def test_hashed_assets_are_kept_the_page_is_asked_again(self):
        c = Client(self.port)
        for path in ["/assets/app.js", "/assets/app.css"]:
            self.assertEqual(c.get(path)[1].getheader("Cache-Control"), "public, max-age=31536000, immutable", path)
        # index.html names the current hashes: a new release must reach the browser at once.
        for path in ["/", "/index.html", "/leerlingen/123"]:
            self.assertEqual(c.get(path)[1].getheader("Cache-Control"), "no-cache", path)

    def test_precompressed_twins_go_to_clients_that_accept_them(self):
        c = Client(self.port)

        def get(path, accept):
            status, resp, body = c.get(path, headers={"Accept-Encoding": accept} if accept is not None else {})
            self.assertEqual(status, 200, path)
            self.assertEqual(resp.getheader("Vary"), "Accept-Encoding", path)
            return resp.getheader("Content-Encoding"), resp.getheader("Content-Type"), body

        encoding, mime, body = get("/assets/app.js", "gzip, deflate, br, zstd")
        self.assertEqual((encoding, body), ("br", self.js_br))
        self.assertTrue(mime.startswith("text/javascript"), mime)
        encoding, _, body = get("/assets/app.js", "gzip")
        self.assertEqual((encoding, gzip.decompress(body)), ("gzip", b"console.log(1)"))
        self.assertEqual(get("/assets/app.js", "br;q=0, gzip")[0], "gzip")
        self.assertEqual(get("/assets/app.js", "br;q=0.4, gzip;q=0.9")[0], "gzip")
        self.assertEqual(get("/assets/app.js", None)[:3:2], (None, b"console.log(1)"))
        self.assertEqual(get("/assets/app.js", "identity")[:3:2], (None, b"console.log(1)"))
        # A client-side route gets index.html, compressed too.
        encoding, mime, body = get("/leerlingen/123", "gzip, br")
        self.assertEqual((encoding, gzip.decompress(body)), ("gzip", b"<!doctype html><title>Samen</title>"))
        # A twin older than its file is left from an earlier build and not sent.
        self.assertEqual(get("/assets/app.css", "gzip")[:3:2], (None, b"body{}"))
        self.assertEqual(get("/assets/logo.svg", "gzip, br")[:3:2], (None, b"<svg/>"))
        # HEAD says the length of what a GET would send.
        status, resp, _ = c.request("HEAD", "/assets/app.js", headers={"Accept-Encoding": "br"})
        self.assertEqual((resp.getheader("Content-Encoding"), resp.getheader("Content-Length")),
                         ("br", str(len(self.js_br))))

    def test_images_are_not_negotiated(self):
        with open(os.path.join(self.root, "assets/photo.png"), "wb") as f:
            f.write(b"\x89PNG not really")
        status, resp, _ = Client(self.port).get("/assets/photo.png", headers={"Accept-Encoding": "gzip, br"})
        self.assertEqual((status, resp.getheader("Vary"), resp.getheader("Content-Encoding")), (200, None, None))

    def test_client_side_routes_get_the_app(self):
        status, resp, body = Client(self.port).get("/leerlingen/123")
        self.assertEqual(status, 200)
        self.assertIn(b"<title>Samen</title>", body)
        self.assertEqual(Client(self.port).get("/assets/missing.js")[0], 404)

    def test_no_way_out_of_the_root(self):
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                     "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt"]:
            s = socket.create_connection(("127.0.0.1", self.port))
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            reply = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                reply += chunk
            s.close()
            self.assertNotIn(b"not for the web", reply, path)
            self.assertFalse(reply.startswith(b"HTTP/1.1 200"), (path, reply[:40]))


class GracefulShutdown(unittest.TestCase):
    def test_in_flight_request_finishes_and_the_chain_verifies(self):
        server = Server(pupils=20)
        try:
            s = socket.create_connection(("127.0.0.1", server.port))
            body = json.dumps({"email": "mentor@hetbaken.example", "password": "Lindeveld-demo-2026!"}).encode()
            head = (f"POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode()
            s.sendall(head + body[:10])  # the request is in flight
            time.sleep(0.2)
            server.proc.send_signal(15)
            time.sleep(0.3)
            s.sendall(body[10:])
            reply = s.recv(4096)
            self.assertTrue(reply.startswith(b"HTTP/1.1 200"), reply[:80])
            self.assertIn(b"Connection: close", reply)
            self.assertEqual(server.proc.wait(timeout=30), 0)
            verify = run_cli("audit", "verify", "--db", server.db)
            self.assertEqual(verify.returncode, 0, verify.stderr)
            self.assertIn("audit chain intact", verify.stdout)
            self.assertEqual(server.scalar("SELECT count(*) FROM audit_log WHERE action = 'login'"), 1)
        finally:
            server.cleanup()


if __name__ == "__main__":
    unittest.main()
