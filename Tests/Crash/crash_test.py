"""Crash test: 16 writers create tickets, messages and mail on a real server, the server is killed
with SIGKILL mid-write, restarted, and everything it acknowledged must be there.

Run: python3 Tests/Crash/crash_test.py   (SQLite in a temp data dir; with DATABASE_URL set, on that
PostgreSQL database, which must be empty). FRONTLINE_BINARY picks the binary. Exits 1 on any loss.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Browser"))
from frontline_server import find_binary, free_port  # noqa: E402

WRITERS = 16
KILL_AFTER_SECONDS = 4.0
MAX_MAILS = 150  # the inbound list answers the latest 200


class Desk:
    def __init__(self):
        self.binary = find_binary()
        self.data_dir = tempfile.mkdtemp(prefix="frontline-crash-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ, FRONTLINE_DATA_DIR=self.data_dir, FRONTLINE_BCRYPT_COST="4", LOG_LEVEL="warning")
        self.cli("user", "create", "--email", "admin@example.test", "--name", "Alex Admin", "--role", "admin")
        self.token = self.cli("token", "create", "--email", "admin@example.test").strip()
        self.process = None

    def cli(self, *arguments):
        result = subprocess.run([self.binary, *arguments], env=self.env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"frontline {' '.join(arguments)} failed: {result.stderr}")
        return result.stdout

    def start(self):
        log = open(os.path.join(self.data_dir, "server.log"), "a")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def request(self, method, path, body=None, raw=None, timeout=10):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        headers = {"Authorization": "Bearer " + self.token,
                   "Content-Type": "message/rfc822" if raw is not None else "application/json"}
        request = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")


def mail(writer, n):
    return (f"From: Crash Writer {writer} <writer{writer}@example.test>\r\n"
            f"To: support@example.test\r\nSubject: Crash mail {writer}-{n}\r\n"
            f"Message-ID: <crash.{writer}.{n}@client.example.test>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n\r\n"
            f"Mail {n} from writer {writer}.\r\n").encode()


def write(desk, writer, stop, acknowledged, lock):
    n = 0
    while not stop.is_set():
        n += 1
        try:
            status, ticket = desk.request("POST", "/tickets", {
                "subject": f"Crash ticket {writer}-{n}", "body": "Written while the server dies.",
                "requester": {"email": f"writer{writer}@example.test", "name": f"Writer {writer}"}})
            if status == 201:
                with lock:
                    acknowledged["tickets"].append(ticket["id"])
            status, message = desk.request("POST", f"/tickets/{ticket['id']}/messages", {
                "body": f"Reply {n} from writer {writer}.", "visibility": "internal"})
            if status == 201:
                with lock:
                    acknowledged["messages"].append((ticket["id"], message["id"]))
            with lock:
                room = len(acknowledged["mails"]) < MAX_MAILS
            if n % 3 == 0 and room:
                status, record = desk.request("POST", "/mail/inbound", raw=mail(writer, n))
                if status == 202:
                    with lock:
                        acknowledged["mails"].append(record["id"])
        except (urllib.error.URLError, ConnectionError, OSError, KeyError, json.JSONDecodeError):
            # The server died mid-request: nothing was acknowledged, nothing is owed.
            if stop.is_set() or desk.process.poll() is not None:
                return
            time.sleep(0.05)


def main():
    desk = Desk()
    desk.start()
    stop = threading.Event()
    lock = threading.Lock()
    acknowledged = {"tickets": [], "messages": [], "mails": []}
    threads = [threading.Thread(target=write, args=(desk, w, stop, acknowledged, lock)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER_SECONDS)
    desk.kill()
    stop.set()
    for thread in threads:
        thread.join()
    desk.start()
    failures = []
    try:
        for ticket_id in acknowledged["tickets"]:
            status, _ = desk.request("GET", f"/tickets/{ticket_id}")
            if status != 200:
                failures.append(f"ticket {ticket_id}: {status}")
        by_ticket = {}
        for ticket_id, message_id in acknowledged["messages"]:
            by_ticket.setdefault(ticket_id, set()).add(message_id)
        for ticket_id, message_ids in by_ticket.items():
            _, listing = desk.request("GET", f"/tickets/{ticket_id}/messages")
            found = {message["id"] for message in listing["messages"]}
            for missing in sorted(message_ids - found):
                failures.append(f"message {missing} of ticket {ticket_id}")
        _, listing = desk.request("GET", "/mail/inbound")
        stored = {record["id"] for record in listing["mails"]}
        for missing in sorted(set(acknowledged["mails"]) - stored):
            failures.append(f"inbound mail {missing}")
    except urllib.error.HTTPError as error:
        failures.append(f"after the restart the server answered {error.code} to {error.url}")
    finally:
        desk.stop()
    counts = {kind: len(ids) for kind, ids in acknowledged.items()}
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"crash test on {database}: acknowledged {counts['tickets']} tickets, {counts['messages']} messages, "
          f"{counts['mails']} mails before SIGKILL")
    if not counts["tickets"] or not counts["messages"] or not counts["mails"]:
        failures.append("the writers got nothing acknowledged before the kill")
    for failure in failures:
        print("lost: " + failure)
    checks = sum(counts.values())
    print(f"crash: {checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
