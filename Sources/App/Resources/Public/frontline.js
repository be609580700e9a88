// Frontline: small enhancements over server-rendered pages. Everything works without this file;
// it adds keyboard moves, live updates (server-sent events) and the collision beacon.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function typingInField(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();  // server-rendered, escaped by construction
    return template.content.firstElementChild;
  }

  // The Menu button of narrow screens opens and closes the navigation (without this file the
  // navigation simply stays open above the page).
  document.documentElement.classList.add("js");
  var menu = document.querySelector(".menu-toggle");
  var sidebar = document.getElementById("sidebar");
  if (menu && sidebar) {
    menu.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Keyboard: j/k move in lists, Enter opens, r reply, n note, / search.
  var selected = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("table[data-list] tbody tr[data-number]")); }
  function select(index) {
    var all = rows();
    if (!all.length) return;
    selected = Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (row, i) { row.classList.toggle("is-selected", i === selected); });
    var link = all[selected].querySelector("a");
    if (link) link.focus();
  }
  function focusField(id) {
    var field = document.getElementById(id);
    // A field inside a folded section (the hand-off form) unfolds it first: a hidden field takes no focus.
    var folded = field && field.closest("details:not([open])");
    if (folded) folded.open = true;
    if (field) { field.focus(); field.scrollIntoView({ block: "center" }); return true; }
    return false;
  }
  // The list last looked at, so that [ and ] on a ticket page go to its neighbours in that list.
  var listed = rows().map(function (row) { return row.getAttribute("data-number"); });
  if (listed.length) { try { sessionStorage.setItem("frontline.list", JSON.stringify(listed)); } catch (e) {} }
  function neighbour(step) {
    var here = (document.querySelector("[data-ticket]") || { getAttribute: function () { return null; } }).getAttribute("data-ticket");
    var list = [];
    try { list = JSON.parse(sessionStorage.getItem("frontline.list") || "[]"); } catch (e) {}
    var index = list.indexOf(here);
    if (here === null || index < 0 || !list[index + step]) return false;
    window.location.href = "/desk/tickets/" + list[index + step];
    return true;
  }
  function clickButton(selector) {
    var button = document.querySelector(selector);
    if (button) { button.focus(); button.scrollIntoView({ block: "center" }); return true; }
    return false;
  }

  var shortcuts = [
    ["j / k", "next / previous row in a list"], ["Enter", "open the selected ticket"],
    ["[ / ]", "previous / next ticket of the list you came from"], ["r", "write a reply"], ["n", "write an internal note"],
    ["a", "assign to me"], ["s", "change the status"], ["h", "hand off"], ["/", "search"], ["?", "show these keys"],
  ];
  var help = null;
  function toggleHelp() {
    if (help) { help.remove(); help = null; return true; }
    help = document.createElement("div");
    help.className = "shortcuts";
    help.setAttribute("role", "dialog");
    help.setAttribute("aria-label", "Keyboard shortcuts");
    var list = document.createElement("dl");
    shortcuts.forEach(function (pair) {
      var key = document.createElement("dt"); key.textContent = pair[0];
      var what = document.createElement("dd"); what.textContent = pair[1];
      list.appendChild(key); list.appendChild(what);
    });
    var title = document.createElement("h2"); title.textContent = "Keyboard shortcuts";
    help.appendChild(title); help.appendChild(list);
    document.body.appendChild(help);
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && help) { toggleHelp(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
    var handled = true;
    switch (event.key) {
      case "j": select(selected + 1); break;
      case "k": select(selected - 1); break;
      case "r": handled = focusField("reply-body"); break;
      case "n": handled = focusField("note-body"); break;
      case "a": handled = clickButton("form[action$='/assign'] button"); break;
      case "s": handled = focusField("status"); break;
      case "h": handled = focusField("to-user"); break;
      case "[": handled = neighbour(-1); break;
      case "]": handled = neighbour(1); break;
      case "/": handled = focusField("q"); break;
      case "?": handled = toggleHelp(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  // Live timeline and collision warning on a ticket page.
  var ticket = document.querySelector("[data-ticket]");
  if (ticket && window.EventSource) {
    var timeline = ticket.querySelector("[data-timeline]");
    var collision = ticket.querySelector("[data-collision]");
    var source = new EventSource(ticket.getAttribute("data-stream"));
    source.addEventListener("entry", function (event) {
      var entry = fragment(event.data);
      // An older part of the timeline (?before=) has no data-timeline: live entries belong after the latest.
      if (!entry || !timeline || document.getElementById(entry.id)) return;
      entry.classList.add("is-new");
      timeline.appendChild(entry);
    });
    source.addEventListener("presence", function (event) {
      collision.textContent = event.data;
      collision.hidden = event.data === "";
    });

    var presenceUrl = ticket.getAttribute("data-presence-url");
    var typingUntil = 0;
    function beacon() {
      var body = new URLSearchParams();
      body.set("typing", Date.now() < typingUntil ? "1" : "0");
      fetch(presenceUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } })
        .catch(function () {});
    }
    var lastTypingBeacon = 0;
    ticket.querySelectorAll("form[data-typing] textarea").forEach(function (area) {
      area.addEventListener("input", function () {
        var wasTyping = Date.now() < typingUntil;
        typingUntil = Date.now() + 10000;
        if (!wasTyping || Date.now() - lastTypingBeacon > 5000) { lastTypingBeacon = Date.now(); beacon(); }
      });
    });
    beacon();
    setInterval(beacon, 5000);
  }

  // New tickets arriving in the list being looked at.
  var list = document.querySelector("table[data-list][data-stream]");
  if (list && window.EventSource) {
    var note = document.querySelector("[data-live-note]");
    var arrived = 0;
    var listSource = new EventSource(list.getAttribute("data-stream"));
    listSource.addEventListener("ticket", function (event) {
      var row = fragment("<table><tbody>" + event.data + "</tbody></table>");
      row = row && row.querySelector("tr");
      if (!row || list.querySelector('tr[data-number="' + row.getAttribute("data-number") + '"]')) return;
      arrived += 1;
      if (list.getAttribute("data-sort") === "newest") {
        var empty = list.querySelector("tr.empty");
        if (empty) empty.remove();
        row.classList.add("is-new");
        list.tBodies[0].insertBefore(row, list.tBodies[0].firstChild);
        if (selected >= 0) selected += 1;
      }
      if (note) {
        note.textContent = arrived === 1 ? "1 new ticket arrived" : arrived + " new tickets arrived";
        note.hidden = false;
      }
    });
  }
})();

// People pages: a "Print" button for reports (no inline script under the CSP).
document.addEventListener("click", function (event) {
  var button = event.target && event.target.closest && event.target.closest("[data-print]");
  if (button) { event.preventDefault(); window.print(); }
});
