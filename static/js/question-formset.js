// Questions of a draft inquiry: add, remove and reorder without a round trip.
// Without this script the same buttons submit the form and the server
// re-renders it (inquiries/views/councillor.py). Texts come from data
// attributes rendered by the template; this file holds no user-facing text.
(function () {
  "use strict";

  function init(form) {
    var prefix = form.dataset.prefix;
    var max = parseInt(form.dataset.max, 10) || 100;
    var list = form.querySelector("[data-question-list]");
    var template = form.querySelector("template[data-question-template]");
    var total = form.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var status = form.querySelector("[data-question-status]");
    var addButton = form.querySelector("button[data-question-action='add']");
    var namePattern = new RegExp(prefix + "-(\\d+|__prefix__)-");

    function rows() {
      return Array.prototype.slice.call(list.querySelectorAll("[data-question-row]"));
    }

    function announce(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function renumber() {
      var all = rows();
      all.forEach(function (row, index) {
        var replacement = prefix + "-" + index + "-";
        row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
          ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
            var value = el.getAttribute(attr);
            if (value) {
              el.setAttribute(attr, value.replace(new RegExp(namePattern.source, "g"), replacement));
            }
          });
        });
        row.querySelectorAll("[data-question-number]").forEach(function (el) {
          el.textContent = String(index + 1);
        });
        row.querySelectorAll("button[data-question-action]").forEach(function (button) {
          var verb = button.dataset.questionAction;
          button.value = verb + "-" + index;
          if (verb === "up") { button.disabled = index === 0; }
          if (verb === "down") { button.disabled = index === all.length - 1; }
        });
      });
      total.value = String(all.length);
      addButton.disabled = all.length >= max;
    }

    function textarea(row) {
      return row.querySelector("textarea");
    }

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-question-action]");
      if (!button || !form.contains(button)) { return; }
      event.preventDefault();
      var verb = button.dataset.questionAction;
      var row = button.closest("[data-question-row]");
      if (verb === "add") {
        if (rows().length >= max) { return; }
        var fragment = template.content.cloneNode(true);
        list.appendChild(fragment);
        renumber();
        var added = rows()[rows().length - 1];
        textarea(added).focus();
        announce(form.dataset.textAdded);
      } else if (verb === "remove") {
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber();
        (next ? textarea(next) : addButton).focus();
        announce(form.dataset.textRemoved);
      } else if (verb === "up" || verb === "down") {
        var sibling = verb === "up" ? row.previousElementSibling : row.nextElementSibling;
        if (!sibling) { return; }
        if (verb === "up") { list.insertBefore(row, sibling); } else { list.insertBefore(sibling, row); }
        renumber();
        var same = row.querySelector("button[data-question-action='" + verb + "']");
        (same.disabled ? textarea(row) : same).focus();
        announce(form.dataset.textMoved.replace("{n}", String(rows().indexOf(row) + 1)));
      }
      scheduleHints();
    });

    // Hints: similar published inquiries, fetched as server-rendered HTML.
    var hints = document.querySelector("[data-similar-hints]");
    var timer = null;
    var lastQuery = "";
    function scheduleHints() {
      if (!hints || !form.dataset.similarUrl) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(loadHints, 800);
    }
    function loadHints() {
      var params = new URLSearchParams();
      var subject = form.querySelector("[name='subject']");
      params.append("subject", subject ? subject.value : "");
      rows().forEach(function (row) { params.append("q", textarea(row).value); });
      var query = params.toString();
      if (query === lastQuery) { return; }
      lastQuery = query;
      fetch(form.dataset.similarUrl + "?" + query, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { hints.innerHTML = html; } })
        .catch(function () { /* hints are optional */ });
    }
    form.addEventListener("input", function (event) {
      if (event.target.matches("[name='subject'], textarea[name$='-text']")) { scheduleHints(); }
    });

    // After a server round trip (no script before), put the focus where the user was.
    if (form.dataset.focus !== undefined) {
      var focusRow = rows()[parseInt(form.dataset.focus, 10)];
      if (focusRow) { textarea(focusRow).focus(); }
    }
    renumber();
  }

  // The confirmation form of a submission: a second click does not send it again.
  function submitOnce(form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sent) { event.preventDefault(); return; }
      form.dataset.sent = "1";
    });
  }

  document.querySelectorAll("form[data-question-formset]").forEach(init);
  document.querySelectorAll("form[data-submit-once]").forEach(submitOnce);
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
