"""The write load of test_crash: writer threads that create pupils and replace them with
the version they hold, and one CSV import, each remembering exactly what the server
acknowledged and which request was still in flight when the server died."""
import http.client
import threading

from samen_harness import Client

# Anything a dying server can do to a request: refuse, reset, or cut the answer short.
SERVER_GONE = (OSError, http.client.HTTPException)


def pupil_body(number, variant):
    """Every field changes with the variant, so a replace that was lost shows."""
    return {"pupil_number": number, "given_name": f"Kim{variant}", "name_prefix": "",
            "family_name": f"Crash {number}", "date_of_birth": f"2012-03-{variant + 1:02d}",
            "class": f"{variant + 1}C", "guardians": [
                {"name": f"Ouder {variant}", "relation": "moeder", "email": f"ouder{variant}@ouders.example",
                 "phone": None, "parental_authority": variant % 2 == 0}]}


def import_csv(prefix, rows):
    lines = ["leerlingnummer;roepnaam;achternaam;geboortedatum;klas"]
    lines += [f"{prefix}{i:05d};Imre;Import {i};01-01-2012;3D" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


class Load:
    def __init__(self, server, school_id, round_name, writers, import_rows):
        self.school_id = school_id
        self.prefix = round_name
        self.import_prefix = f"{round_name}-imp-"
        self.import_rows = import_rows
        self.acks = 0
        self.changed = threading.Condition()
        self.acked = {}        # pupil id -> [(version, answer body, request id, action)]
        self.in_flight = {}    # writer -> (method, pupil id or None, body) when the server died
        self.unexpected = []   # any answer other than success while the server was up
        self.acks_at_import = None  # acknowledged writes when the import was sent
        self.import_answer = None  # (status, body, request id), or None: no answer arrived
        # Logging in is a write too; done before the load so that it cannot be cut off.
        self.clients = [server.login("zorg@hetbaken.example") for _ in range(writers + 1)]
        self.threads = [threading.Thread(target=self._writer, args=(w,)) for w in range(writers)]
        self.threads.append(threading.Thread(target=self._importer))

    def start(self):
        for t in self.threads:
            t.start()

    def join(self):
        for t in self.threads:
            t.join(timeout=120)
        for c in self.clients:
            if c.conn:
                c.conn.close()

    def wait_for(self, predicate, timeout=300):
        """The acknowledged-write milestones the test acts on; the timeout only stops a hang."""
        with self.changed:
            return self.changed.wait_for(lambda: predicate() or self.unexpected, timeout)

    def _send(self, writer, method, path, body, pupil_id=None):
        self.in_flight[writer] = (method, pupil_id, body)
        try:
            status, resp, answer = self.clients[writer].request(method, path, body)
        except SERVER_GONE:
            return None
        del self.in_flight[writer]
        with self.changed:
            if status not in (200, 201):
                self.unexpected.append((method, path, status, answer))
            else:
                self.acks += 1
                self.acked.setdefault(answer["id"], []).append(
                    (answer["version"], answer, resp.getheader("X-Request-Id"), "create" if method == "POST" else "update"))
            self.changed.notify_all()
        return answer if status in (200, 201) else None

    def _writer(self, writer):
        for n in range(100000):
            number = f"{self.prefix}-w{writer}-{n}"
            created = self._send(writer, "POST", "/api/pupils", dict(pupil_body(number, 0), school_id=self.school_id))
            if created is None:
                return
            version = created["version"]
            for variant in (1, 2):
                body = dict(pupil_body(number, variant), version=version)
                updated = self._send(writer, "PUT", f"/api/pupils/{created['id']}", body, created["id"])
                if updated is None:
                    return
                version = updated["version"]

    def _importer(self):
        client = self.clients[-1]
        if not self.wait_for(lambda: self.acks >= 20) or self.unexpected:
            return
        path = f"/api/pupils/import?school_id={self.school_id}"
        with self.changed:
            self.acks_at_import = self.acks
        try:
            status, resp, body = client.request("POST", path, raw=import_csv(self.import_prefix, self.import_rows),
                                                content_type="text/csv")
        except SERVER_GONE:
            return
        with self.changed:
            self.import_answer = (status, body, resp.getheader("X-Request-Id"))
            if status != 200:
                self.unexpected.append(("POST", path, status, body))
            self.changed.notify_all()
