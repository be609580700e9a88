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
from selenium.webdriver.common.keys import Keys  # noqa: E402
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


def portal_sign_in(driver, email):
    """A customer signs in with the one-time link the portal mails (read from the server's log)."""
    server = state["server"]
    driver.get(server.base + "/portal/login")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.CSS_SELECTOR, "form[action='/portal/login'] button").click()
    wait(driver).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, ".notice"), "sign-in link is on its way"))
    driver.get(server.portal_link(email))
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait(driver).until(EC.url_to_be(server.base + "/portal"))


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
        # The actions sit in the bar under the title; the hand-off form unfolds from it.
        bar = ana.find_element(By.CSS_SELECTOR, ".action-bar")
        self.assertLess(bar.location["y"], 400, "the ticket's actions are at the top of the page")
        summary = bar.find_element(By.CSS_SELECTOR, ".handoff-panel > summary")
        ana.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
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
        portal_sign_in(pat, "pat@example.test")
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


# Every element with text of its own, against the first opaque background behind it: WCAG AA asks
# 4.5:1, or 3:1 for large text (24px, or 18.66px bold). Off-screen and hidden text is skipped.
CONTRAST_JS = """
const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const background = el => { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor);
  if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
const failures = [];
for (const el of document.querySelectorAll('body *')) {
  if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  if (style.visibility === 'hidden' || box.width < 2 || box.height < 2 || box.right < 0 || box.bottom < 0) continue;
  if (el.closest('.visually-hidden, [hidden], option, datalist')) continue;
  const fg = parse(style.color), bg = background(el);
  const ratio = (Math.max(lum(fg), lum(bg)) + 0.05) / (Math.min(lum(fg), lum(bg)) + 0.05);
  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed) failures.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}": ${ratio.toFixed(2)}:1`);
}
return failures;
"""


class Contrast(unittest.TestCase):
    def assert_contrast(self, driver, path):
        driver.get(state["server"].base + path)
        failures = driver.execute_script(CONTRAST_JS)
        self.assertEqual(failures, [], f"{path}: text below WCAG AA contrast")

    def test_every_page_meets_wcag_aa(self):
        visitor = browser()
        for path in ["/login", "/contact", "/portal/login", "/no-such-page"]:
            self.assert_contrast(visitor, path)
        agent = browser()
        sign_in(agent, "ana@example.test")
        for path in ["/desk/views/open", f"/desk/tickets/{state['ticket']['number']}", "/desk/views/promises",
                     "/desk/people/me", "/desk/people/kudos"]:
            self.assert_contrast(agent, path)
        customer = browser()
        portal_sign_in(customer, "sam@example.test")
        for path in ["/portal", f"/portal/tickets/{state['other']['number']}", "/portal/documents"]:
            self.assert_contrast(customer, path)


class Mobile(unittest.TestCase):
    """At 390 px (a phone) no page scrolls sideways, lists are cards and the navigation folds."""

    def assert_fits(self, driver, path):
        driver.get(state["server"].base + path)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        self.assertLessEqual(overflow, 0, f"{path} scrolls sideways by {overflow}px at 390px")

    def test_phone_width(self):
        server = state["server"]
        visitor = browser()
        visitor.set_window_size(390, 844)
        for path in ["/login", "/contact", "/portal/login"]:
            self.assert_fits(visitor, path)
        agent = browser()
        agent.set_window_size(390, 844)
        sign_in(agent, "ben@example.test")
        for path in ["/desk/views/open", f"/desk/tickets/{state['ticket']['number']}", "/desk/views/promises", "/desk/people/me"]:
            self.assert_fits(agent, path)
        agent.get(server.base + "/desk/views/open")
        sidebar = agent.find_element(By.ID, "sidebar")
        self.assertFalse(sidebar.is_displayed(), "the navigation is folded away")
        first_row = agent.find_element(By.CSS_SELECTOR, "table.tickets tbody tr")
        self.assertLess(first_row.location["y"], 400, "the queue starts near the top, not below the navigation")
        shot(agent, "phone-queue")
        agent.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
        wait(agent).until(EC.visibility_of(sidebar))
        self.assertEqual(agent.find_element(By.CSS_SELECTOR, ".menu-toggle").get_attribute("aria-expanded"), "true")
        shot(agent, "phone-menu")


class Keyboard(unittest.TestCase):
    def test_question_mark_lists_every_key_and_brackets_walk_the_list(self):
        agent = browser()
        sign_in(agent, "ana@example.test")
        agent.get(state["server"].base + "/desk/views/open?sort=oldest")
        numbers = [row.get_attribute("data-number") for row in agent.find_elements(By.CSS_SELECTOR, "table[data-list] tbody tr")]
        self.assertGreaterEqual(len(numbers), 2)
        body = agent.find_element(By.TAG_NAME, "body")
        body.send_keys("?")
        help_box = wait(agent).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".shortcuts")))
        for key in ["j / k", "[ / ]", "a", "s", "h", "?"]:
            self.assertIn(key, [dt.text for dt in help_box.find_elements(By.TAG_NAME, "dt")])
        body.send_keys(Keys.ESCAPE)
        wait(agent).until(EC.invisibility_of_element_located((By.CSS_SELECTOR, ".shortcuts")))
        agent.get(f"{state['server'].base}/desk/tickets/{numbers[0]}")
        agent.find_element(By.TAG_NAME, "body").send_keys("]")
        wait(agent).until(EC.url_to_be(f"{state['server'].base}/desk/tickets/{numbers[1]}"))
        agent.find_element(By.TAG_NAME, "body").send_keys("s")
        self.assertEqual(agent.switch_to.active_element.get_attribute("id"), "status")
        agent.find_element(By.TAG_NAME, "body").send_keys("[")
        wait(agent).until(EC.url_to_be(f"{state['server'].base}/desk/tickets/{numbers[0]}"))
        # h unfolds the hand-off form in the action bar and puts the cursor on its first field.
        agent.find_element(By.TAG_NAME, "body").send_keys("h")
        self.assertEqual(agent.switch_to.active_element.get_attribute("id"), "to-user")
        self.assertIsNotNone(agent.find_element(By.ID, "handoff").get_attribute("open"))


if __name__ == "__main__":
    result = unittest.main(verbosity=2, exit=False, failfast=True).result
    sys.exit(0 if result.wasSuccessful() else 1)