"""Two Frontline servers on one PostgreSQL database, the way a team that outgrew one machine runs it.

A ticket made through one is read, changed and seen live (the event stream) through the other; a
web session and the sign-in limit hold across both; the scheduler's and the outbox's work is done
exactly once. Run: DATABASE_URL=postgres://…/empty_db python3 Tests/Instances/two_instances.py
(FRONTLINE_BINARY picks the binary). Exits 1 when a check fails.
"""
import datetime
import email
import glob
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Browser"))
from frontline_server import REPO, find_binary, free_port  # noqa: E402

PASSWORD = "correct horse battery"
checks = []


def check(name, ok, detail=""):
    checks.append((name, bool(ok)))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))


class Sink:
    """aiosmtpd sink of the SMTP tests: every accepted message becomes <dir>/<n>.eml."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="frontline-sink-")
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(REPO, "Tests", "TestSupport", "smtp_sink.py"), "--dir", self.dir],
            stdin=subprocess.PIPE)
        deadline = time.time() + 20
        while not os.path.exists(os.path.join(self.dir, "port")):
            if time.time() > deadline:
                raise RuntimeError("the SMTP sink did not start")
            time.sleep(0.05)
        self.port = int(open(os.path.join(self.dir, "port")).read())

    def messages(self):
        return [email.message_from_bytes(open(path, "rb").read()) for path in glob.glob(os.path.join(self.dir, "*.eml"))]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


class Instance:
    def __init__(self, env, name):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(env["FRONTLINE_DATA_DIR"], f"{name}.log"), "w")
        self.process = subprocess.Popen(
            [find_binary(), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.time() > deadline:
                    raise RuntimeError(f"instance {name} did not start")
                time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def api(instance, token, method, path, body=None):
    request = urllib.request.Request(
        instance.base + "/api/v1" + path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{method} {path} answered {error.code}: {error.read().decode()[:300]}") from None


def browser():
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    return jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def status_of(opener, url, data=None):
    try:
        with opener.open(url, data=data, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def csrf(page):
    match = re.search(r'name="_csrf" value="([^"]+)"', page)
    return match.group(1) if match else ""


def sign_in(opener, instance, address, password):
    _, page = status_of(opener, instance.base + "/login")
    form = urllib.parse.urlencode({"email": address, "password": password, "_csrf": csrf(page)}).encode()
    return status_of(opener, instance.base + "/login", form)[0]


def wait_for(condition, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("two instances share a PostgreSQL database: set DATABASE_URL")
    sink = Sink()
    data_dir = tempfile.mkdtemp(prefix="frontline-two-")
    env = dict(os.environ, FRONTLINE_DATA_DIR=data_dir, FRONTLINE_BCRYPT_COST="4", LOG_LEVEL="info",
               FRONTLINE_SCHEDULER_INTERVAL="1", SMTP_URL=f"smtp://127.0.0.1:{sink.port}",
               MAIL_FROM="Support <support@frontline.test>", FRONTLINE_PUBLIC_URL="http://desk.frontline.test")
    cli = lambda *args: subprocess.run([find_binary(), *args], env=env, capture_output=True, text=True, check=True).stdout
    cli("migrate")
    cli("user", "create", "--email", "ana@example.test", "--name", "Ana Costa", "--role", "admin", "--password", PASSWORD)
    token = cli("token", "create", "--email", "ana@example.test").strip()
    a, b = Instance(env, "a"), Instance(env, "b")
    try:
        # A ticket made through A is read and changed through B, and A sees the change.
        ticket = api(a, token, "POST", "/tickets", {
            "subject": "Printer shows E3", "body": "Since the update.", "requester": {"email": "pat@example.test", "name": "Pat"}})
        check("B reads the ticket A made", api(b, token, "GET", f"/tickets/{ticket['id']}")["number"] == ticket["number"])
        api(b, token, "PATCH", f"/tickets/{ticket['id']}", {"priority": "urgent"})
        check("A sees B's change", api(a, token, "GET", f"/tickets/{ticket['id']}")["priority"] == "urgent")

        # A session made on A works on B; the event stream on A shows a note written through B.
        _, opener = browser()
        check("sign-in on A", sign_in(opener, a, "ana@example.test", PASSWORD) == 303)
        status, _ = status_of(opener, b.base + "/desk/views/mine")
        check("A's session works on B", status == 200, status)
        api(b, token, "POST", f"/tickets/{ticket['id']}/messages", {"body": "Checked the firmware log on B.", "visibility": "internal"})
        status, stream = status_of(opener, a.base + f"/desk/stream/tickets/{ticket['number']}?once=1")
        check("A's live stream carries B's note", status == 200 and "Checked the firmware log on B." in stream, stream[:300])

        # Wrong passwords alternating between A and B count together (limit 5 per account).
        _, guesser = browser()
        answers = [sign_in(guesser, (a, b)[i % 2], "ana@example.test", "wrong password") for i in range(6)]
        check("the sign-in limit holds across instances", answers[:5] == [401] * 5 and answers[5] == 429, answers)

        # The scheduler runs on both instances; a lapsed promise breaks once.
        due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=3)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        ana = next(u for u in api(a, token, "GET", "/users")["users"] if u["email"] == "ana@example.test")
        api(a, token, "POST", f"/tickets/{ticket['id']}/promises", {
            "kind": "callback", "description": "Call Pat back", "due_at": due, "owner_id": ana["id"]})
        broken = lambda: [e for e in api(a, token, "GET", f"/tickets/{ticket['id']}/events")["events"] if e["kind"] == "promise_broken"]
        check("the promise broke", wait_for(lambda: len(broken()) >= 1, 20))
        time.sleep(3)
        check("…exactly once", len(broken()) == 1, len(broken()))

        # Both instances deliver from the one outbox; every reply arrives once.
        subjects = []
        for n in range(12):
            made = api(b if n % 2 else a, token, "POST", "/tickets", {
                "subject": f"Outbox {n}", "body": "Hello.", "channel": "email", "requester": {"email": f"cust{n}@example.test", "name": "Cust"}})
            api(a if n % 2 else b, token, "POST", f"/tickets/{made['id']}/messages", {"body": f"Reply {n}.", "visibility": "public"})
            subjects.append(f"Outbox {n}")
        replies = lambda: [m for m in sink.messages() if any(s in (m["Subject"] or "") for s in subjects)]
        check("every reply was delivered", wait_for(lambda: len(replies()) >= len(subjects), 60), len(replies()))
        time.sleep(3)
        ids = [m["Message-ID"] for m in replies()]
        check("…exactly once", len(ids) == len(set(ids)) == len(subjects), sorted(ids))
    finally:
        a.stop()
        b.stop()
        sink.stop()
    failed = sum(1 for _, ok in checks if not ok)
    print(f"two instances: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
