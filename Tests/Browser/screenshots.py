"""Takes the README's screenshots (docs/screenshots/*.png) of a demo desk in headless Chromium.

Run after `swift build`: python3 Tests/Browser/screenshots.py
"""
import os
import sys
import time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(__file__))
from frontline_server import PASSWORD, REPO, Server, chrome  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

OUT = os.path.join(REPO, "docs", "screenshots")


def main():
    os.makedirs(OUT, exist_ok=True)
    server = Server(demo=True)
    drivers = []
    try:
        users = server.api("GET", "/users")["users"]
        teams = server.api("GET", "/teams")["teams"]
        agent = next(u for u in users if u["role"] == "agent")
        other = [u for u in users if u["role"] == "agent"][3]
        ticket = server.api("POST", "/tickets", {
            "subject": "Replacement unit still not shipped", "priority": "urgent", "channel": "email", "tags": ["warranty", "vip"],
            "body": "I was promised a replacement LX-400 last Tuesday. Nothing has arrived and nobody calls back.",
            "requester": {"email": "pat.doe@northwind.example", "name": "Pat Doe"}})
        tid = ticket["id"]
        server.api("POST", f"/tickets/{tid}/assign", {"owner_id": agent["id"]})
        server.api("POST", f"/tickets/{tid}/messages", {"visibility": "public", "body": "I am sorry, Pat. I am checking with the warehouse now and will call you before 15:00 today."})
        server.api("POST", f"/tickets/{tid}/messages", {"visibility": "internal", "body": "Warehouse says the unit is on backorder until Friday. Asked logistics for a loaner."})
        server.api("POST", f"/tickets/{tid}/handoffs", {"to_team_id": teams[1]["id"], "note": "Pat was promised a replacement last week. Warehouse has none until Friday; a loaner would keep them running. I promised a call before 15:00."})
        server.api("POST", f"/tickets/{tid}/handoffs", {"to_user_id": other["id"], "note": "Loaner approved by logistics (LN-204). Please call Pat before 15:00 and arrange delivery."})
        due = (datetime.now(timezone.utc) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        server.api("POST", f"/tickets/{tid}/promises", {"kind": "callback", "owner_id": other["id"], "due_at": due,
                                                       "description": "Call Pat before 15:00 to arrange the loaner delivery"})
        server.cli("token", "create", "--email", "pat.doe@northwind.example")  # make sure the customer exists

        desk = chrome(1440, 1000)
        drivers.append(desk)
        desk.get(server.base + "/login")
        desk.save_screenshot(os.path.join(OUT, "login.png"))
        desk.find_element(By.NAME, "email").send_keys("admin@example.test")
        desk.find_element(By.NAME, "password").send_keys(PASSWORD)
        desk.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
        time.sleep(0.5)
        desk.get(server.base + "/desk/views/open?sort=priority")
        desk.save_screenshot(os.path.join(OUT, "desk-view.png"))
        desk.get(f"{server.base}/desk/tickets/{ticket['number']}")
        desk.set_window_size(1440, 1500)
        desk.save_screenshot(os.path.join(OUT, "ticket.png"))
        desk.set_window_size(1440, 1000)
        desk.get(server.base + "/admin/users")
        desk.save_screenshot(os.path.join(OUT, "admin-users.png"))

        visitor = chrome(1280, 900)
        drivers.append(visitor)
        visitor.get(server.base + "/contact")
        visitor.save_screenshot(os.path.join(OUT, "contact.png"))
        visitor.get(server.base + "/portal/login")
        visitor.find_element(By.NAME, "email").send_keys("pat.doe@northwind.example")
        visitor.find_element(By.CSS_SELECTOR, "form[action='/portal/login'] button").click()
        visitor.get(server.portal_link("pat.doe@northwind.example"))
        visitor.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        time.sleep(0.5)
        visitor.get(f"{server.base}/portal/tickets/{ticket['number']}")
        visitor.save_screenshot(os.path.join(OUT, "portal.png"))
        print("screenshots in", OUT)
    finally:
        for driver in drivers:
            driver.quit()
        server.stop()


if __name__ == "__main__":
    main()
