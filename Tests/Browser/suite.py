"""Frontline's browser suite: a real server, real Chromium, the flows people use every day.

Run: python3 Tests/Browser/suite.py   (FRONTLINE_BINARY picks the binary; screenshots go to
FRONTLINE_ARTIFACTS or test-artifacts/browser/).
"""
import os
import sys
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from frontline_server import PASSWORD, REPO, Server, chrome  # noqa: E402

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ARTIFACTS = os.environ.get("FRONTLINE_ARTIFACTS") or os.path.join(REPO, "test-artifacts", "browser")
state = {}


def setUpModule():
    os.makedirs(ARTIFACTS, exist_ok=True)
    server = Server()
    state["server"] = server
    server.user("ana@example.test", "Ana Costa")
    server.user("ben@example.test", "Ben Ode")
    team = server.api("POST", "/teams", {"name": "Printers"})
    state["team"] = team["id"]
    state["ticket"] = server.api("POST", "/tickets", {
        "subject": "Printer shows E3 after the update",
        "body": "Since the firmware update our LX-400 shows E3 and will not print.",
        "requester": {"email": "pat@example.test", "name": "Pat Doe"}, "channel": "email", "priority": "high"})
    state["other"] = server.api("POST", "/tickets", {
        "subject": "Invoice charged twice", "body": "We were charged twice in May.",
        "requester": {"email": "sam@example.test", "name": "Sam Reed"}})
    state["drivers"] = []


def tearDownModule():
    for driver in state.get("drivers", []):
        driver.quit()
    state["server"].stop()


def browser():
    driver = chrome()
    state["drivers"].append(driver)
    return driver


def shot(driver, name):
    driver.save_screenshot(os.path.join(ARTIFACTS, name + ".png"))


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def sign_in(driver, email):
    base = state["server"].base
    driver.get(base + "/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    wait(driver).until(EC.url_contains("/desk/views/"))


class DeskFlow(unittest.TestCase):
    def test_1_agent_works_a_ticket(self):
        base, number = state["server"].base, state["ticket"]["number"]
        ana = state.setdefault("ana", browser())
        sign_in(ana, "ana@example.test")
        ana.find_element(By.CSS_SELECTOR, "nav a[href='/desk/views/open']").click()
        wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-number='{number}']")))
        self.assertIn("Printer shows E3", ana.find_element(By.CSS_SELECTOR, "table.tickets").text)
        ActionChains(ana).send_keys("j").perform()
        wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, "tr.is-selected")))
        shot(ana, "desk-view")

        ana.find_element(By.LINK_TEXT, "Printer shows E3 after the update").click()
        wait(ana).until(EC.url_contains(f"/desk/tickets/{number}"))
        ana.find_element(By.CSS_SELECTOR, "form[action$='/assign'] button").click()
        wait(ana).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".meta"), "Ana Costa"))

        ActionChains(ana).send_keys("r").perform()
        self.assertEqual(ana.switch_to.active_element.get_attribute("id"), "reply-body")
        ana.switch_to.active_element.send_keys("Thanks Pat, a reset usually clears E3. Could you hold the power button for 10 s?")
        ana.find_element(By.CSS_SELECTOR, ".reply-form button[type=submit]").click()
        wait(ana).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-timeline]"), "hold the power button"))

        ana.find_element(By.ID, "note-body").send_keys("Firmware 4.2 bricks the LX-400 fuser sensor: known issue INT-88.")
        ana.find_element(By.CSS_SELECTOR, ".note-form button[type=submit]").click()
        note = wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".entry.note")))
        self.assertIn("Internal note", note.get_attribute("textContent"))

        # A hand-off without a note: the browser refuses (required); without that, the server does (422).
        self.assertEqual(ana.find_element(By.ID, "handoff-note").get_attribute("required"), "true")
        ana.find_element(By.CSS_SELECTOR, "#to-team option[value='%s']" % state["team"]).click()
        ana.execute_script("document.getElementById('handoff-note').removeAttribute('required')")
        ana.find_element(By.CSS_SELECTOR, ".handoff-panel button[type=submit]").click()
        error = wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".handoff-panel .form-error")))
        self.assertIn("needs a context note", error.text)
        shot(ana, "handoff-refused")

        ana.find_element(By.ID, "handoff-note").send_keys("Pat needs the printer by 15:00; reset did not help. Likely INT-88.")
        ana.find_element(By.CSS_SELECTOR, ".handoff-panel button[type=submit]").click()
        wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".callout")))
        self.assertIn("Likely INT-88", ana.find_element(By.CSS_SELECTOR, ".entry.handoff").text)
        shot(ana, "ticket")

    def test_2_second_agent_collision_and_live_updates(self):
        base, number = state["server"].base, state["ticket"]["number"]
        ana = state["ana"]
        ben = state.setdefault("ben", browser())
        sign_in(ben, "ben@example.test")
        ben.get(f"{base}/desk/tickets/{number}")
        ana.get(f"{base}/desk/tickets/{number}")

        # Each sees the other (through the presence beacon and the ticket stream).
        wait(ana, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-collision]"), "Ben Ode is viewing"))
        ben.find_element(By.ID, "reply-body").send_keys("Hi Pat")
        wait(ana, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-collision]"), "Ben Ode is typing"))
        wait(ben, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-collision]"), "Ana Costa"))
        shot(ben, "collision")

        # Ana's reply reaches Ben's open page without a reload.
        marker = id(ben)
        ben.execute_script("window.__noReload = %d" % marker)
        ana.find_element(By.ID, "reply-body").send_keys("Update: the replacement sensor ships today.")
        ana.find_element(By.CSS_SELECTOR, ".reply-form button[type=submit]").click()
        wait(ben, 15).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-timeline]"), "replacement sensor ships today"))
        self.assertEqual(ben.execute_script("return window.__noReload"), marker, "the page must not have reloaded")

        # A new ticket appears in the list being watched.
        ben.get(f"{base}/desk/views/open")
        created = state["server"].api("POST", "/tickets", {
            "subject": "Scanner offline", "body": "The scanner lost its network.", "requester": {"email": "lou@example.test"}})
        wait(ben, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"tr[data-number='{created['number']}']")))
        self.assertIn("1 new ticket arrived", ben.find_element(By.CSS_SELECTOR, "[data-live-note]").text)

    def test_3_customer_portal(self):
        server, number = state["server"], state["ticket"]["number"]
        pat = browser()
        pat.get(server.base + "/portal/login")
        pat.find_element(By.NAME, "email").send_keys("pat@example.test")
        pat.find_element(By.CSS_SELECTOR, "form[action='/portal/login'] button").click()
        wait(pat).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "sign-in link is on its way"))
        pat.get(server.portal_link("pat@example.test"))
        pat.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait(pat).until(EC.url_to_be(server.base + "/portal"))
        pat.find_element(By.PARTIAL_LINK_TEXT, "Printer shows E3").click()
        page = wait(pat).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.timeline"))).text
        self.assertIn("hold the power button", page)
        self.assertIn("replacement sensor ships today", page)
        self.assertNotIn("INT-88", pat.page_source)
        self.assertNotIn("Internal note", pat.page_source)
        shot(pat, "portal")

        pat.get(f"{server.base}/portal/tickets/{state['other']['number']}")
        self.assertIn("Not found", pat.find_element(By.TAG_NAME, "h1").text)
        self.assertNotIn("charged twice", pat.page_source)

        pat.get(f"{server.base}/portal/tickets/{number}")
        pat.find_element(By.XPATH, "//button[normalize-space()='Mark as solved']").click()
        wait(pat).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main .badge"), "Solved"))
        self.assertEqual(server.api("GET", f"/tickets/{state['ticket']['id']}")["status"], "solved")

    def test_4_public_contact_form(self):
        server = state["server"]
        visitor = browser()
        visitor.get(server.base + "/contact")
        visitor.find_element(By.NAME, "name").send_keys("Robin Hale")
        visitor.find_element(By.NAME, "email").send_keys("robin@example.test")
        visitor.find_element(By.NAME, "subject").send_keys("Where is my order 5512?")
        visitor.find_element(By.NAME, "message").send_keys("It was due on Monday.")
        shot(visitor, "contact")
        visitor.find_element(By.CSS_SELECTOR, "form[action='/contact'] button").click()
        number = wait(visitor).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".ticket-number"))).text.lstrip("#")
        tickets = server.api("GET", "/tickets?limit=5")["tickets"]
        created = next(t for t in tickets if str(t["number"]) == number)
        self.assertEqual(created["subject"], "Where is my order 5512?")
        self.assertEqual(created["channel"], "web")

    def test_5_agent_makes_a_promise_and_keeps_it(self):
        base, number = state["server"].base, state["ticket"]["number"]
        ana = state["ana"]
        ana.get(f"{base}/desk/tickets/{number}")
        ana.find_element(By.CSS_SELECTOR, "details.make-promise summary").click()
        Select(ana.find_element(By.ID, "promise-kind")).select_by_value("replacement")
        ana.find_element(By.ID, "promise-description").send_keys("Ship a replacement fuser sensor by Friday")
        # Typing into datetime-local depends on the browser's locale; set the value as a picker would.
        ana.execute_script("document.getElementById('promise-due').value = arguments[0]", "2099-01-01T10:00")
        Select(ana.find_element(By.ID, "promise-owner")).select_by_visible_text("Ana Costa")
        ana.find_element(By.CSS_SELECTOR, "#promise-form button[type=submit]").click()
        item = wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".promise-list .promise-pending")))
        self.assertIn("Ship a replacement fuser sensor", item.text)
        self.assertIn("Promise made.", ana.find_element(By.CSS_SELECTOR, ".notice").text)
        item.find_element(By.XPATH, ".//button[normalize-space()='Mark kept']").click()
        kept = wait(ana).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".promise-list .promise-kept")))
        self.assertIn("Kept", kept.text)
        shot(ana, "promises")

    def test_6_kudos_land_on_the_wall(self):
        server = state["server"]
        ben = browser()
        sign_in(ben, "ben@example.test")
        ben.find_element(By.CSS_SELECTOR, "nav a[href='/desk/people/kudos']").click()
        wait(ben).until(EC.presence_of_element_located((By.ID, "kudos-to")))
        ben.find_element(By.XPATH, "//select[@id='kudos-to']/option[normalize-space()='Ana Costa']").click()
        ben.find_element(By.CSS_SELECTOR, "#kudos-value option[value='teamwork']").click()
        ben.find_element(By.ID, "kudos-message").send_keys("Took over the E3 printer case with a perfect hand-off note.")
        ben.find_element(By.CSS_SELECTOR, "form[action='/desk/people/kudos'] button[type=submit]").click()
        card = wait(ben).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".kudos-list .kudos")))
        self.assertIn("perfect hand-off note", card.text)
        card.find_element(By.LINK_TEXT, "Ana Costa").click()
        wall = wait(ben).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#kudos-h"))).find_element(By.XPATH, "..")
        self.assertIn("perfect hand-off note", wall.text)
        self.assertNotIn("Coaching received", ben.page_source)  # another agent's private parts stay hidden
        shot(ben, "kudos-wall")


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False, failfast=True).result
    sys.exit(0 if result.wasSuccessful() else 1)
