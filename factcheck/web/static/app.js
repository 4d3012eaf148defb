// Keyboard review on the claim page; no framework, no inline script (the CSP forbids it).
(function () {
  "use strict";
  var form = document.getElementById("verdict-form");
  if (!form) return;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var errorBox = document.getElementById("form-error");
  var labelSelect = document.getElementById("label");
  var busy = false;

  function showError(message) {
    errorBox.textContent = message;  // textContent: messages are never parsed as markup
    errorBox.hidden = false;
  }

  function isTextField(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      (el.tagName === "INPUT" && el.type !== "radio" && el.type !== "checkbox"));
  }

  function submit() {
    if (busy) return;
    var picked = form.querySelector('input[name="rating"]:checked');
    if (!picked) { showError("Pick a rating first (keys 1 to 9)."); return; }
    var evidence = form.evidence.value.split(/\r?\n/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
    var body = { rating: picked.value, label: labelSelect.value || null,
                 note: form.note.value.trim() || null, evidence: evidence };
    busy = true;
    fetch(form.getAttribute("data-api"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (resp) {
      if (resp.status === 201) { window.location.assign("/next"); return; }
      return resp.json().then(function (data) {
        busy = false;
        showError((data && data.error) || ("Could not save (" + resp.status + ")."));
      }, function () { busy = false; showError("Could not save (" + resp.status + ")."); });
    }, function () { busy = false; showError("The server cannot be reached; try again."); });
  }

  function undo() {
    if (busy) return;
    busy = true;
    fetch("/api/undo", { method: "POST", credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" } })
      .then(function (resp) {
        busy = false;
        if (resp.status === 204) { showError("Nothing to undo."); return; }
        if (resp.status !== 201) { showError("Could not undo (" + resp.status + ")."); return; }
        return resp.json().then(function (r) {
          window.location.assign("/claims/" + encodeURIComponent(r.claim_id));
        });
      }, function () { busy = false; showError("The server cannot be reached; try again."); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "Escape" && isTextField(target)) { target.blur(); return; }
    if (event.key === "Enter") {
      if (target.tagName === "TEXTAREA" && event.shiftKey) return;  // a new line in a note
      if (target.tagName === "A" || (target.tagName === "BUTTON" && target.type !== "submit")) return;
      if (target.form && target.form !== form) return;  // another form (log-out, adjudicate)
      event.preventDefault();
      submit();
      return;
    }
    if (isTextField(target)) return;  // typing in a field is typing, not a shortcut
    if (/^[1-9]$/.test(event.key)) {
      var radio = form.querySelector('input[name="rating"][data-key="' + event.key + '"]');
      if (radio) { radio.checked = true; radio.focus(); event.preventDefault(); }
    } else if (event.key === "l") {
      labelSelect.selectedIndex = (labelSelect.selectedIndex + 1) % labelSelect.options.length;
      event.preventDefault();
    } else if (event.key === "n") {
      form.note.focus(); event.preventDefault();
    } else if (event.key === "e") {
      form.evidence.focus(); event.preventDefault();
    } else if (event.key === "s") {
      window.location.assign(document.getElementById("skip").getAttribute("href"));
    } else if (event.key === "u") {
      undo();
    }
  });
})();
