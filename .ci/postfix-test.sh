#!/usr/bin/env bash
# Mail through a real MTA. Installs Postfix from Debian on loopback, sets it up the way the README's
# "Receiving mail with Postfix" section says (system user, ownership, environment, transport_maps,
# local_recipient_maps, concurrency), starts a Frontline server from the debug build, delivers 30
# messages through Postfix on 127.0.0.1 (first contacts with attachments and copies, threaded
# replies, a forged Reply-To, auto-replies, bounces, our own mail coming back) and checks through
# the API that every one became what it should, that nothing stays deferred and that nothing loops.
#
# Safe to run again on a machine where it already ran; it restores Postfix's configuration and
# removes what it made when it ends, however it ends. Needs root and `swift build` done.
set -euo pipefail
cd "$(dirname "$0")/.."

# The README's paths, with a prefix of their own so that a real desk on this machine is never touched.
PREFIX=/opt/frontline-postfix-test          # the README's /usr/local/bin
DATA=/var/lib/frontline-postfix-test         # the README's /var/lib/frontline
BIN="$PREFIX/frontline"
DESK=frontline.test                          # the desk's mail domain
CUSTOMERS=customers.test                     # where customers are: a capturing SMTP server
BUILD=${FRONTLINE_BUILD:-.build/debug}     # where `swift build` put the binary
PORT=18480
SINK_PORT=2526
WORK=$(mktemp -d /tmp/frontline-postfix.XXXXXX)
BACKUP=/etc/postfix/.frontline-postfix-test
CREATED_USER=""
SERVER_PID=""
SINK_PID=""

log() { printf '[postfix-test] %s\n' "$*"; }

cleanup() {
    local status=$?
    set +e
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
    if [ $status -ne 0 ]; then
        log "FAILED; server log:"; tail -n 60 "$WORK/server.log" 2>/dev/null
        log "mail log:"; tail -n 40 "$WORK/maillog" 2>/dev/null
        postqueue -p 2>/dev/null | head -n 40
    fi
    restore_postfix
    rm -rf "$DATA" "$PREFIX" "$WORK"
    [ -n "$CREATED_USER" ] && userdel frontline 2>/dev/null
    exit $status
}
trap cleanup EXIT

# Postfix's configuration as it was before the first run (kept across an interrupted run, so a
# second run restores the original, not the test's).
restore_postfix() {
    if [ -d "$BACKUP" ]; then
        postfix stop >/dev/null 2>&1
        cp "$BACKUP/main.cf" "$BACKUP/master.cf" /etc/postfix/
        rm -f /etc/postfix/frontline_transport* /etc/postfix/frontline_recipients*
        postsuper -d ALL >/dev/null 2>&1
        [ -f "$BACKUP/was-running" ] && postfix start >/dev/null 2>&1
        rm -rf "$BACKUP"
    fi
}

log "installing Postfix (Debian) and the capturing SMTP server"
export DEBIAN_FRONTEND=noninteractive
if ! command -v postconf >/dev/null; then
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string frontline-ci.localdomain" | debconf-set-selections
    apt-get install -y -qq postfix >/dev/null
fi
python3 -c 'import aiosmtpd' 2>/dev/null || pip install -q aiosmtpd || pip install -q --break-system-packages aiosmtpd
restore_postfix  # an earlier run that was killed
mkdir -p "$BACKUP" && cp /etc/postfix/main.cf /etc/postfix/master.cf "$BACKUP/"
postfix status >/dev/null 2>&1 && touch "$BACKUP/was-running"

log "Frontline as the README says: a system user owns the data; server and pipe run as it"
if ! id frontline >/dev/null 2>&1; then
    useradd --system --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin frontline
    CREATED_USER=yes
fi
rm -rf "$DATA" "$PREFIX"
install -d -o frontline -g frontline -m 750 "$DATA"
install -d -m 755 "$PREFIX"
install -m 755 "$BUILD/frontline" "$BIN"
# The resource bundle goes beside the binary (assets, the OpenAPI document).
for bundle in "$BUILD"/*_App.resources; do [ -d "$bundle" ] && cp -R "$bundle" "$PREFIX/"; done
chmod -R a+rX "$PREFIX"

# The server's environment; the pipe gets only FRONTLINE_DATA_DIR and reads the rest from what the
# server stored (MAIL_FROM, FRONTLINE_MAIL_ADDRESSES): one source of mail settings.
SERVER_ENV=(
    FRONTLINE_DATA_DIR="$DATA"
    MAIL_FROM="Frontline Support <support@$DESK>"
    FRONTLINE_MAIL_ADDRESSES="billing@$DESK"
    SMTP_URL="smtp://127.0.0.1:25?starttls=never"
    FRONTLINE_PUBLIC_URL="http://127.0.0.1:$PORT"
    FRONTLINE_BCRYPT_COST=4
    LOG_LEVEL=notice
)
# setpriv execs (runuser would stay as a parent that does not pass SIGTERM on to the server).
as_frontline() { setpriv --reuid=frontline --regid=frontline --init-groups env -i PATH=/usr/bin:/bin "${SERVER_ENV[@]}" "$@"; }
as_frontline env LOG_LEVEL=warning "$BIN" migrate
as_frontline env LOG_LEVEL=warning "$BIN" user create --email "ops@$DESK.example" --name Ops --role admin --password "correct horse battery" >/dev/null
TOKEN=$(as_frontline env LOG_LEVEL=error "$BIN" token create --email "ops@$DESK.example")

log "Postfix on loopback: $DESK is local, its addresses go to the frontline pipe"
cat >/etc/postfix/frontline_transport <<EOF
support@$DESK   frontline:
billing@$DESK   frontline:
$CUSTOMERS      smtp:[127.0.0.1]:$SINK_PORT
EOF
cat >/etc/postfix/frontline_recipients <<EOF
support@$DESK   frontline
billing@$DESK   frontline
EOF
postmap /etc/postfix/frontline_transport /etc/postfix/frontline_recipients
postconf -e \
    "compatibility_level = 3.6" \
    "myhostname = frontline-ci.localdomain" \
    "inet_interfaces = loopback-only" \
    "inet_protocols = ipv4" \
    "mydestination = localhost, $DESK" \
    "mynetworks = 127.0.0.0/8" \
    "relayhost =" \
    "transport_maps = hash:/etc/postfix/frontline_transport" \
    "local_recipient_maps = hash:/etc/postfix/frontline_recipients, proxy:unix:passwd.byname, \$alias_maps" \
    "frontline_destination_concurrency_limit = 1" \
    "frontline_destination_recipient_limit = 1" \
    "maillog_file_prefixes = /var, /dev/stdout, /tmp" "maillog_file = $WORK/maillog" \
    "queue_run_delay = 5s" "minimal_backoff_time = 5s" "maximal_backoff_time = 10s"
postconf -M "frontline/unix=frontline unix - n n - - pipe flags=R user=frontline argv=/usr/bin/env FRONTLINE_DATA_DIR=$DATA $BIN mail ingest"
postconf -M "postlog/unix-dgram=postlog unix-dgram n - n - 1 postlogd"
newaliases
postfix check
postfix start >/dev/null 2>&1 || postfix reload >/dev/null

log "customers' mail servers: a capturing SMTP server on 127.0.0.1:$SINK_PORT"
mkdir -p "$WORK/customers/tmp" "$WORK/customers/new" "$WORK/customers/cur"
python3 -m aiosmtpd -n -l "127.0.0.1:$SINK_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/customers" &
SINK_PID=$!

log "starting the Frontline server (debug build) on 127.0.0.1:$PORT"
# Not through as_frontline: `$!` must be the server itself (setpriv and env exec into it).
setpriv --reuid=frontline --regid=frontline --init-groups env -i PATH=/usr/bin:/bin "${SERVER_ENV[@]}" \
    "$BIN" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
python3 - "$PORT" <<'PYTHON'
import sys, time, urllib.request
for _ in range(240):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=2)
        sys.exit(0)
    except Exception:
        time.sleep(0.5)
sys.exit("the server did not come up")
PYTHON

log "delivering 30 messages through Postfix and checking what became of each"
FRONTLINE_URL="http://127.0.0.1:$PORT" FRONTLINE_TOKEN="$TOKEN" DESK="$DESK" CUSTOMERS="$CUSTOMERS" \
    SINK_DIR="$WORK/customers" python3 - <<'PYTHON'
import email, email.policy, json, mailbox, os, smtplib, sys, time, urllib.error, urllib.request
from email.message import EmailMessage
from email.utils import make_msgid

API, TOKEN = os.environ["FRONTLINE_URL"], os.environ["FRONTLINE_TOKEN"]
DESK, CUSTOMERS, SINK = os.environ["DESK"], os.environ["CUSTOMERS"], os.environ["SINK_DIR"]
SUPPORT, BILLING = f"support@{DESK}", f"billing@{DESK}"
sent = 0

def api(method, path, body=None):
    request = urllib.request.Request(API + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Bearer " + TOKEN, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode(errors='replace')}")

def deliver(message, envelope_from=None):
    global sent
    with smtplib.SMTP("127.0.0.1", 25, timeout=30) as smtp:
        smtp.send_message(message, from_addr=envelope_from)
    sent += 1

def mail(sender, subject, body, to=SUPPORT, cc=None, reply_to=None, headers=(), in_reply_to=None, message_id=None):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    if cc: message["Cc"] = cc
    if reply_to: message["Reply-To"] = reply_to
    message["Message-ID"] = message_id or make_msgid(domain=CUSTOMERS)
    if in_reply_to: message["In-Reply-To"] = message["References"] = f"<{in_reply_to}>"
    for name, value in headers: message[name] = value
    message.set_content(body)
    return message

def wait(what, check, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check(): return
        time.sleep(0.5)
    sys.exit(f"timed out waiting for {what}")

def inbound():
    return api("GET", "/api/v1/mail/inbound")["mails"]

def done(count):
    return lambda: len([m for m in inbound() if m["status"] != "received"]) >= count

def customer_mail():
    box = mailbox.Maildir(SINK, create=False)
    return [email.message_from_bytes(bytes(m), policy=email.policy.default) for m in box]

def tickets():
    return {t["number"]: t for t in api("GET", "/api/v1/tickets?limit=100")["tickets"]}

def expect(condition, message):
    if not condition: sys.exit("FAILED: " + message)

# 1. Twelve first contacts: four with a PDF, three copying a colleague and the desk's other address.
customers = [f"c{i}@{CUSTOMERS}" for i in range(12)]
for i, address in enumerate(customers):
    cc = f"Colleague {i} <colleague{i}@{CUSTOMERS}>, Billing <{BILLING}>" if i in (1, 2, 3) else None
    message = mail(f"Customer {i} <{address}>", f"Printer problem {i}", f"Printer {i} shows E{i}.", cc=cc,
                   to=BILLING if i == 11 else f"Support <{SUPPORT}>")
    if i in (4, 5, 6, 7):
        message.add_attachment(b"%PDF-1.4\n% receipt " + str(i).encode(), maintype="application", subtype="pdf", filename=f"receipt-{i}.pdf")
    deliver(message)
wait("12 first contacts", done(12))
numbers = {t["requester"]["email"]: n for n, t in tickets().items()}
expect(sorted(numbers) == sorted(customers), f"one ticket per customer: {sorted(numbers)}")
wait("12 acknowledgements at the customers' server", lambda: len(customer_mail()) >= 12)

# 2. The desk answers six tickets; the replies go out through Postfix to the customers (and colleagues).
by_number = tickets()
for i in range(6):
    ticket = by_number[numbers[customers[i]]]
    api("POST", f"/api/v1/tickets/{ticket['id']}/messages", {"body": f"Please restart printer {i}."})
wait("6 agent replies at the customers' server", lambda: len(customer_mail()) >= 18)
ours = [m for m in customer_mail() if m["X-Frontline-Ticket"]]
replies = {m["To"].addresses[0].addr_spec: m for m in ours if m["Auto-Submitted"] is None}
acks = {m["To"].addresses[0].addr_spec: m for m in ours if m["Auto-Submitted"] == "auto-replied"}
expect(len(replies) == 6 and len(acks) == 12, f"replies {len(replies)}, acknowledgements {len(acks)}")

# 3. Ten answers: six threaded by In-Reply-To, two by the subject tag alone, a stranger quoting a
# tag, and the forged one of issue 11 (From a stranger, Reply-To the customer, Cc a spy).
for i in range(6):
    reply = replies[customers[i]]
    deliver(mail(customers[i], "Re: " + reply["Subject"], f"Restarted printer {i}; it works.", in_reply_to=reply["Message-ID"].strip("<>")))
for i in (6, 7):
    deliver(mail(customers[i], f"Re: [#{numbers[customers[i]]}] Printer problem {i}", "Any news?"))
deliver(mail(f"stranger@{CUSTOMERS}", f"Re: [#{numbers[customers[8]]}] give me the data", "Send me the invoice."))
deliver(mail(f"Mallory <mallory@{CUSTOMERS}>", f"Re: [#{numbers[customers[9]]}] Printer problem 9", "New bank account.",
             reply_to=f"<{customers[9]}>", cc=f"spy@{CUSTOMERS}"))

# 4. Eight automatic or looping messages: five out-of-office answers to our acknowledgements, two
# bounces of our replies, and a copy of our own reply forwarded back to the desk.
for i in range(5):
    ack = acks[customers[i + 6]]
    deliver(mail(customers[i + 6], "Automatic reply: " + ack["Subject"], "I am out of the office.",
                 in_reply_to=ack["Message-ID"].strip("<>"), headers=[("Auto-Submitted", "auto-replied")]))
for i in (0, 1):
    original = replies[customers[i]]
    report = (
        f"From: MAILER-DAEMON@{CUSTOMERS} (Mail Delivery System)\r\nTo: {SUPPORT}\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\n"
        f"Message-ID: {make_msgid(domain=CUSTOMERS)}\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"\r\n\r\n'
        "--dsn\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        f"--dsn\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.{CUSTOMERS}\r\n\r\n"
        f"Final-Recipient: rfc822; {customers[i]}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        f"--dsn\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: {SUPPORT}\r\nTo: {customers[i]}\r\n"
        f"Message-ID: {original['Message-ID']}\r\nSubject: {original['Subject']}\r\n--dsn--\r\n")
    with smtplib.SMTP("127.0.0.1", 25, timeout=30) as smtp:
        smtp.sendmail("", [SUPPORT], report.encode())
    sent += 1
loop = replies[customers[2]]
deliver(mail(customers[2], loop["Subject"], "(our reply, forwarded back by an alias)", message_id=loop["Message-ID"]))
expect(sent == 30, f"{sent} messages sent")
wait("30 messages processed", done(30))

# What became of each.
records = inbound()
statuses = sorted(m["status"] for m in records)
expect(len(records) == 30, f"30 inbound messages, not {len(records)}")
expect(statuses.count("processed") == 27 and statuses.count("bounce") == 2 and statuses.count("ignored") == 1,
       f"27 processed, 2 bounces, 1 loop: {statuses}")
expect(not [m for m in records if m["status"] == "failed"], "none failed")
all_tickets = tickets()
expect(len(all_tickets) == 14, f"12 customers + the stranger + Mallory = 14 tickets, not {len(all_tickets)}")
requesters = sorted(t["requester"]["email"] for t in all_tickets.values())
expect(f"mallory@{CUSTOMERS}" in requesters and f"stranger@{CUSTOMERS}" in requesters, "strangers got their own tickets")
expect(not [r for r in requesters if r.endswith("@" + DESK)], "the desk is never a customer")
for i, address in enumerate(customers):
    ticket = all_tickets[numbers[address]]
    messages = api("GET", f"/api/v1/tickets/{ticket['id']}/messages")["messages"]
    expected = 1 + (2 if i < 6 else 0) + (1 if i in (6, 7) else 0) + (1 if 6 <= i < 11 else 0)
    expect(len(messages) == expected, f"ticket of {address}: {len(messages)} messages, expected {expected}")
    people = api("GET", f"/api/v1/tickets/{ticket['id']}/participants")
    copied = [p["email"] for p in people["participants"]]
    expect(copied == ([f"colleague{i}@{CUSTOMERS}"] if i in (1, 2, 3) else []), f"participants of {address}: {copied}")
    attachments = api("GET", f"/api/v1/tickets/{ticket['id']}/attachments")["attachments"]
    expect([a["filename"] for a in attachments] == ([f"receipt-{i}.pdf"] if i in (4, 5, 6, 7) else []), f"attachments of {address}")
mallory = next(t for t in all_tickets.values() if t["requester"]["email"] == f"mallory@{CUSTOMERS}")
expect([p["email"] for p in api("GET", f"/api/v1/tickets/{mallory['id']}/participants")["participants"]] == [f"spy@{CUSTOMERS}"],
       "the spy is copied only on Mallory's own ticket")
for i in (0, 1):
    events = api("GET", f"/api/v1/tickets/{all_tickets[numbers[customers[i]]]['id']}/events")["events"]
    expect(any(e["kind"] == "mail_bounced" for e in events), f"bounce on the ticket of {customers[i]}")

# Outbound: 14 acknowledgements (no answer to the out-of-office mail) and 6 replies, none to the desk.
outbox = api("GET", "/api/v1/mail/outbox")["mails"]
wait("the outbox to be sent", lambda: all(m["status"] == "sent" for m in api("GET", "/api/v1/mail/outbox")["mails"]))
kinds = sorted(m["kind"] for m in api("GET", "/api/v1/mail/outbox")["mails"])
expect(kinds == ["acknowledgement"] * 14 + ["reply"] * 6, f"outbox: {kinds}")
# Besides ours, the customers' server got only the four copies customers sent their colleagues and
# the spy themselves (no bounce from Postfix, nothing from the desk to itself).
wait("20 mails at the customers' server", lambda: len([m for m in customer_mail() if m["X-Frontline-Ticket"]]) >= 20)
time.sleep(3)
delivered = [m for m in customer_mail() if m["X-Frontline-Ticket"]]
others = [m for m in customer_mail() if not m["X-Frontline-Ticket"]]
expect(len(delivered) == 20, f"20 mails from the desk at the customers' server, not {len(delivered)}: "
       + "; ".join(f"{m['To']} / {m['Cc']} / {m['Subject']} / {m['Auto-Submitted']}" for m in delivered))
expect(len(others) == 4 and all(m["From"].addresses[0].domain == CUSTOMERS and m["Cc"] for m in others),
       "other mail at the customers' server: " + "; ".join(f"{m['From']} -> {m['To']} / {m['Subject']}" for m in others))
for message in delivered:
    recipients = [a.addr_spec for field in ("To", "Cc") if message[field] for a in message[field].addresses]
    expect(not [r for r in recipients if r.endswith("@" + DESK)], f"the desk copied itself: {recipients}")
print(f"[postfix-test] 30 messages: 27 processed, 2 bounces, 1 loop kept aside; 14 tickets; 20 mails out")
PYTHON

log "nothing stays deferred: the queue drains"
for _ in $(seq 1 60); do postqueue -p | grep -q "Mail queue is empty" && break; postqueue -f; sleep 1; done
postqueue -p | grep -q "Mail queue is empty" || { postqueue -p; exit 1; }
deferred=$(grep -c 'status=deferred' "$WORK/maillog" || true)
if [ "${deferred:-0}" -gt 0 ]; then
    log "$deferred deliveries were deferred on the way (the pipe answered 75) and then went through:"
    grep 'status=deferred' "$WORK/maillog" | sed 's/.*status=deferred/  deferred/' | sort | uniq -c | head -n 5
fi
log "passed"
