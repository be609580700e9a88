"""A throwaway SMTP server for Frontline's SMTP client tests.

Writes every accepted message to <dir>/<n>.eml (and the envelope to <n>.json),
then the chosen port to <dir>/port once it accepts connections.
Recipients steer the answers: a local part starting with "reject" gets 550 at
RCPT, "tempfail" gets 451 at RCPT; --data-reply makes DATA answer with a code.
--auth user:pass requires AUTH (PLAIN/LOGIN, allowed without TLS for tests).
--silent accepts connections and never says anything (reply timeouts).
--delay S waits S seconds before answering DATA (a slow server, for lease tests).
Exits when its stdin closes, so a crashed test run leaves nothing behind.
"""
import argparse, json, os, socket, sys, threading, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth")
    parser.add_argument("--data-reply")
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--delay", type=float, default=0.0)
    # A safety net only: the sink exits as soon as its test lets go of it (stdin closes).
    parser.add_argument("--lifetime", type=float, default=900.0)
    parser.add_argument("--port", type=int, help="listen here instead of on a free port")
    parser.add_argument("--tls", help="CERT,KEY: offer and require STARTTLS; AUTH only after it")
    args = parser.parse_args()
    port = args.port or free_port()
    # The test closes our stdin when it is done (or dies): that is our cue to go.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()

    if args.silent:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port))
        server.listen(5)
        announce(args.dir, port)
        held = []
        server.settimeout(args.lifetime)
        try:
            while True:
                conn, _ = server.accept()
                held.append(conn)
        except OSError:
            return

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    class Sink:
        count = 0

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            local = address.split("@")[0].lower()
            if local.startswith("reject"):
                return "550 5.1.1 No such user here"
            if local.startswith("tempfail"):
                return "451 4.2.0 Mailbox busy, try later"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            if args.delay:
                import asyncio
                await asyncio.sleep(args.delay)
            if args.data_reply:
                return args.data_reply
            Sink.count += 1
            base = os.path.join(args.dir, str(Sink.count))
            with open(base + ".eml.tmp", "wb") as f:
                f.write(envelope.original_content or envelope.content)
            with open(base + ".json", "w") as f:
                json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                           "options": envelope.mail_options}, f)
            os.rename(base + ".eml.tmp", base + ".eml")
            return "250 2.0.0 Ok: queued as TEST%d" % Sink.count

    def authenticator(server, session, envelope, mechanism, auth_data):
        user, password = args.auth.split(":", 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        # handled=False makes aiosmtpd answer 535 itself instead of staying silent.
        return AuthResult(success=ok, handled=False)

    options = {}
    if args.auth:
        options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls))
    if args.tls:
        import ssl
        cert, key = args.tls.split(",", 1)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, enable_SMTPUTF8=True, **options)
    controller.start()
    announce(args.dir, port)
    time.sleep(args.lifetime)
    controller.stop()


def announce(directory, port):
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))


if __name__ == "__main__":
    sys.exit(main())
