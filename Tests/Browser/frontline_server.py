"""A real Frontline server for browser tests: the debug binary on a temp data dir and a free port."""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PASSWORD = "correct horse battery"


def find_binary():
    candidates = [os.environ.get("FRONTLINE_BINARY"), os.path.join(REPO, ".build", "debug", "frontline")]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    raise RuntimeError("no frontline binary: run `swift build` or set FRONTLINE_BINARY")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """Starts `frontline serve`, creates people with the CLI, talks to the API."""

    def __init__(self, demo=False):
        self.binary = find_binary()
        self.data_dir = tempfile.mkdtemp(prefix="frontline-browser-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Links in the log are built from the public address alone, as on a real desk.
        self.env = dict(os.environ, FRONTLINE_DATA_DIR=self.data_dir, FRONTLINE_PUBLIC_URL=self.base,
                        FRONTLINE_BCRYPT_COST="4", LOG_LEVEL="info")
        self.env.pop("DATABASE_URL", None)
        self.log_path = os.path.join(self.data_dir, "server.log")
        if demo:
            self.cli("demo")
        self.cli("user", "create", "--email", "admin@example.test", "--name", "Alex Admin", "--role", "admin", "--password", PASSWORD)
        self.token = self.cli("token", "create", "--email", "admin@example.test").strip()
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        self.stop()
        with open(self.log_path) as log:
            raise RuntimeError("the server did not start; log:\n" + log.read())

    def cli(self, *arguments):
        result = subprocess.run([self.binary, *arguments], env=self.env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"frontline {' '.join(arguments)} failed: {result.stderr}")
        return result.stdout

    def user(self, email, name, role="agent"):
        self.cli("user", "create", "--email", email, "--name", name, "--role", role, "--password", PASSWORD)

    def api(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + "/api/v1" + path, data=data, method=method, headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def portal_link(self, email, timeout=10):
        """The latest one-time portal link for `email`, read from the server log."""
        pattern = re.compile(r"portal sign-in link for " + re.escape(email) + r": (\S+)")
        deadline = time.time() + timeout
        while time.time() < deadline:
            self.log.flush()
            with open(self.log_path) as log:
                found = pattern.findall(log.read())
            if found:
                return found[-1]
            time.sleep(0.1)
        raise AssertionError("no portal link in the server log for " + email)

    def stop(self):
        if getattr(self, "process", None) and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if getattr(self, "log", None):
            self.log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def chrome(width=1360, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--disable-gpu")
    options.add_argument(f"--window-size={width},{height}")
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            options.binary_location = path
            break
    driver_path = shutil.which("chromedriver")
    return webdriver.Chrome(service=Service(driver_path) if driver_path else Service(), options=options)
