// Keyboard review on the claim page; no framework, no inline script (the CSP forbids it).
(function () {
  "use strict";
  var form = document.getElementById("verdict-form");
  if (!form) return;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var errorBox = document.getElementById("form-error");
  var labelSelect = document.getElementById("label");
  var passage = document.getElementById("passage");
  var sourceBox = document.getElementById("source-pick");
  var sourceText = document.getElementById("source-text");
  var copiesBox = document.getElementById("apply-copies");
  var busy = false;
  // the corrected source: undefined = no correction, null = "no source", else {start, end, text}
  var source;
  var picking = false, anchor = null;
  var PICK_ERROR = "Pick words inside one passage: the text between passages is not shown.";

  function showError(message) {
    errorBox.textContent = message;  // textContent: messages are never parsed as markup
    errorBox.hidden = false;
  }

  function isTextField(el) {
    return el && (el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      (el.tagName === "INPUT" && el.type !== "radio" && el.type !== "checkbox"));
  }

  // -- the source span, picked from the article by selecting or clicking words -----------
  // Document offsets count code points (Python's str), where the DOM counts UTF-16 units: an
  // emoji is one code point and two units. The server escapes article text so that the DOM holds
  // the document's code points one for one (a CR is kept as &#13;, which the parser does not
  // turn into LF), so counting code points from the start of a run gives document offsets.
  function codePoints(s) {
    return Array.from(s).length;  // iterates code points; a lone surrogate counts as one, as in Python
  }

  function runOf(node) {
    var el = node.nodeType === 3 ? node.parentNode : node;
    var run = el && el.closest ? el.closest("[data-o]") : null;
    return run && passage.contains(run) ? run : null;
  }

  function textPoint(node, offset, atEnd) {
    // a boundary point as [text node, offset] inside a run of article text: a point between
    // elements, or in text that is not the article's (the " … " gap), moves to the nearest
    // article text inside the selection (forwards for its start, backwards for its end)
    if (node.nodeType === 3 && runOf(node)) {
      var data = node.data;
      // never split a surrogate pair: the selection takes the whole character
      if (offset > 0 && offset < data.length && /[\uD800-\uDBFF]/.test(data[offset - 1]) &&
          /[\uDC00-\uDFFF]/.test(data[offset])) offset += atEnd ? 1 : -1;
      return [node, offset];
    }
    var here = document.createRange();
    here.setStart(node, offset);
    var walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT), t, found = null;
    while ((t = walker.nextNode())) {
      if (!runOf(t)) continue;
      if (atEnd) {
        if (here.comparePoint(t, t.length) <= 0) found = [t, t.length]; else break;
      } else if (here.comparePoint(t, 0) >= 0) {
        return [t, 0];
      }
    }
    return found;
  }

  function offsetOf(point) {
    // the document offset of a point in a run: each run of article text carries the offset it
    // starts at (data-o); the code points before the point inside the run are added
    var run = runOf(point[0]);
    var r = document.createRange();
    r.setStart(run, 0);
    r.setEnd(point[0], point[1]);
    return parseInt(run.getAttribute("data-o"), 10) + codePoints(r.toString());
  }

  function wordAt(node, offset) {
    // the word around a caret position, as [start node offset, end node offset]
    if (node.nodeType !== 3) return null;
    var text = node.data, a = offset, b = offset, word = /[\p{L}\p{N}\p{M}'’.,$%-]/u;
    while (a > 0 && word.test(text[a - 1])) a--;
    while (b < text.length && word.test(text[b])) b++;
    while (b > a && /[.,]/.test(text[b - 1])) b--;  // a full stop or comma after a word is not part of it
    if (a === b) return null;
    return [a, b];
  }

  function paintSource(range) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (range) CSS.highlights.set("source-pick", new Highlight(range)); else CSS.highlights.delete("source-pick");
    }
  }

  function showSource(label) {
    form.setAttribute("data-source", source === undefined ? "" : source === null ? "none" : source.start + ":" + source.end);
    if (source === undefined) sourceText.textContent = "the model's source stands";
    else if (source === null) sourceText.textContent = "no source";
    else sourceText.textContent = "“" + label + "” (" + source.start + "–" + source.end + ")";
  }

  function setSource(range) {
    // the selection as document offsets and the words it holds (sent along: the server stores
    // the span only where the document has these words)
    var a = textPoint(range.startContainer, range.startOffset, false);
    var b = textPoint(range.endContainer, range.endOffset, true);
    if (!a || !b) return false;
    var r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    if (r.collapsed) return false;
    var whole = r.toString();
    var lead = /^\s*/.exec(whole)[0], trail = /\s*$/.exec(whole)[0];
    if (lead.length === whole.length) return false;
    var words = whole.slice(lead.length, whole.length - trail.length);
    var s = offsetOf(a) + codePoints(lead), e = offsetOf(b) - codePoints(trail);
    if (e - s !== codePoints(words)) {
      // the selection runs over text that is not the document's (the gap between two passages)
      showError(PICK_ERROR);
      return false;
    }
    if (errorBox.textContent === PICK_ERROR) errorBox.hidden = true;
    source = { start: s, end: e, text: words };
    paintSource(r);
    showSource(words.replace(/\s+/g, " "));
    return true;
  }

  function togglePicking(on) {
    picking = on === undefined ? !picking : on;
    anchor = null;
    passage.classList.toggle("picking", picking);
    document.getElementById("pick-source").setAttribute("aria-pressed", picking ? "true" : "false");
  }

  if (passage && sourceBox) {
    document.getElementById("pick-source").addEventListener("click", function () { togglePicking(); });
    document.getElementById("no-source").addEventListener("click", function () {
      source = null; paintSource(null); showSource(); togglePicking(false);
    });
    document.getElementById("keep-source").addEventListener("click", function () {
      source = undefined; paintSource(null); showSource(); togglePicking(false);
    });
    // a drag that selected words ends in a click too: that click is no tap on a word (it would
    // put the word under the pointer in place of the selection)
    var dragged = false;
    document.addEventListener("mousedown", function () { dragged = false; });
    document.addEventListener("mouseup", function () {
      // on the document: a drag may end beside the passage (the part inside it is taken)
      if (!picking) return;
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed && sel.rangeCount && sel.getRangeAt(0).intersectsNode(passage)) {
        if (setSource(sel.getRangeAt(0))) { anchor = null; sel.removeAllRanges(); dragged = true; }
      }
    });
    passage.addEventListener("click", function (event) {
      // a tap on a word: the first picks that word, the second extends the span to the other word
      if (!picking) return;
      if (dragged) { dragged = false; return; }
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      var caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(event.clientX, event.clientY) : null;
      if (!caret) return;
      var w = wordAt(caret.startContainer, caret.startOffset);
      if (!w) return;
      var r = document.createRange();
      r.setStart(caret.startContainer, w[0]);
      r.setEnd(caret.startContainer, w[1]);
      if (anchor) {
        var whole = document.createRange();
        if (anchor.compareBoundaryPoints(Range.START_TO_START, r) <= 0) {
          whole.setStart(anchor.startContainer, anchor.startOffset); whole.setEnd(r.endContainer, r.endOffset);
        } else {
          whole.setStart(r.startContainer, r.startOffset); whole.setEnd(anchor.endContainer, anchor.endOffset);
        }
        setSource(whole);
        anchor = null;
      } else if (setSource(r)) {
        anchor = r;
      }
    });
    var initial = form.getAttribute("data-source");
    if (initial === "none") source = null;
    else if (/^\d+:\d+$/.test(initial || "")) {
      var parts = initial.split(":");
      source = { start: parseInt(parts[0], 10), end: parseInt(parts[1], 10) };
      if (form.getAttribute("data-source-text")) source.text = form.getAttribute("data-source-text");
    }
    if (source !== undefined) showSource(form.getAttribute("data-source-text") || "");
  }

  // -- facet corrections ------------------------------------------------------------------
  function facetCorrections() {
    var out = [];
    document.querySelectorAll("tr.facet-row").forEach(function (row) {
      var value = row.querySelector(".facet-value").value.trim();
      var none = row.querySelector(".facet-none").checked;
      if (!value && !none) return;
      var number = /^-?\d+(\.\d+)?$/.test(value) ? parseFloat(value) : null;
      out.push({ start: parseInt(row.getAttribute("data-start"), 10), end: parseInt(row.getAttribute("data-end"), 10),
                 kind: row.getAttribute("data-kind") || null, value: none ? null : (number !== null ? number : value),
                 not_a_figure: none });
    });
    return out;
  }

  // -- saving -------------------------------------------------------------------------------
  function submit(notAClaim) {
    if (busy) return;
    var picked = form.querySelector('input[name="rating"]:checked');
    if (!picked && !notAClaim) { showError("Pick a rating first (keys 1 to 9), or x for not a claim."); return; }
    var evidence = typedEvidence();
    var body = { label: labelSelect.value || null, note: form.note.value.trim() || null, evidence: evidence,
                 facets: facetCorrections() };
    if (notAClaim) body.not_a_claim = true; else body.rating = picked.value;
    if (source !== undefined) body.source = source;
    if (copiesBox && copiesBox.checked) body.copies = true;
    send(form.getAttribute("data-api"), body);
  }

  function typedEvidence() {
    return form.evidence.value.split(/\r?\n/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }

  function reuse(button) {
    // take over a verdict checked before: the server checks it is one this claim may reuse
    if (busy) return;
    if (!button || button.disabled) {
      showError("No earlier verdict with the same figures to reuse.");
      return;
    }
    var body = { verdict_id: parseInt(button.value, 10), label: labelSelect.value || null,
                 note: form.note.value.trim() || null, evidence: typedEvidence(),
                 copies: !!(copiesBox && copiesBox.checked) };
    if (source !== undefined) body.source = source;
    send(form.getAttribute("data-reuse-api"), body);
  }

  function send(url, body) {
    busy = true;
    fetch(url, {
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
          // the claim comes back with what was written in the verdict just taken back
          window.location.assign("/claims/" + encodeURIComponent(r.claim_id) +
            (r.supersedes ? "?restore=" + encodeURIComponent(r.supersedes) : ""));
        });
      }, function () { busy = false; showError("The server cannot be reached; try again."); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (event.submitter && event.submitter.classList.contains("reuse")) { reuse(event.submitter); return; }
    submit(event.submitter && event.submitter.id === "not-a-claim");
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      // Ctrl+Enter saves from anywhere on the page, text fields included
      if (target.form && target.form !== form) return;  // another form (log-out, adjudicate)
      event.preventDefault();
      submit(false);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && isTextField(target)) { target.blur(); return; }
    if (event.key === "Escape" && picking) { togglePicking(false); return; }
    if (event.key === "Enter") {
      if (target.tagName === "TEXTAREA") return;  // Enter in a note is a new line
      if (isTextField(target)) { event.preventDefault(); return; }  // never saves by accident
      if (target.tagName === "A" || target.tagName === "BUTTON") return;
      if (target.form && target.form !== form) return;
      event.preventDefault();
      submit(false);
      return;
    }
    if (isTextField(target)) return;  // typing in a field is typing, not a shortcut
    if (/^[1-9]$/.test(event.key)) {
      var radio = form.querySelector('input[name="rating"][data-key="' + event.key + '"]');
      if (radio) { radio.checked = true; radio.focus(); event.preventDefault(); }
    } else if (event.key === "x") {
      event.preventDefault();
      submit(true);
    } else if (event.key === "o" && sourceBox) {
      event.preventDefault();
      togglePicking();
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
    } else if (event.key === "r") {
      event.preventDefault();
      reuse(form.querySelector('button.reuse[data-key="r"]'));
    } else if (event.key === "c" && copiesBox) {
      event.preventDefault();
      copiesBox.checked = !copiesBox.checked;
    }
  });
})();
