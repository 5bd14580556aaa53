// SkillBridge module editor: autosave, live preview, and screenshots pasted or dropped into the text.
// Without JavaScript the same form saves, previews and uploads through its buttons.
(function () {
  "use strict";

  var form = document.getElementById("editor-form");
  if (!form) {
    return;
  }
  var body = form.querySelector("textarea[name='Form.Body']");
  var version = form.querySelector("input[name='Form.Version']");
  var status = document.getElementById("autosave-status");
  var preview = document.getElementById("draft-preview");
  var autosaveDelay = 2000;
  var previewDelay = 700;
  var saveTimer = null;
  var previewTimer = null;
  var saving = false;
  var pending = false;
  var stopped = false;
  // Counts changes, so a save that comes back says "All changes saved" only when nothing changed while it was on its way.
  var edits = 0;

  function say(text) {
    status.textContent = text;
  }

  function fields() {
    var data = new FormData(form);
    data.delete("image");
    return data;
  }

  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json, text/html" } });
  }

  function autosave() {
    if (stopped) {
      return;
    }
    if (saving) {
      pending = true;
      return;
    }
    saving = true;
    var sent = edits;
    say("Saving…");
    post(form.dataset.autosave, fields()).then(function (response) {
      return response.json().then(function (result) {
        if (response.ok) {
          version.value = result.version;
          // A change typed during the save has its own save scheduled; until that one is back, it is not saved.
          say(edits === sent
            ? "All changes saved at " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + "."
            : "Changes not saved yet…");
        } else if (response.status === 409) {
          stopped = true;
          say(result.message + " Press “Save draft” to see both versions.");
        } else {
          say(result.message || "Not saved yet: check the highlighted fields and press “Save draft”.");
        }
      });
    }).catch(function () {
      say("Not saved: the connection was lost. Your text is still here; press “Save draft” when you are back online.");
    }).finally(function () {
      saving = false;
      if (waitingSubmit) {
        // A button was pressed while this save was on its way: send that form now, with the version just saved.
        var submitter = waitingSubmit;
        waitingSubmit = null;
        form.requestSubmit(submitter);
      } else if (pending) {
        pending = false;
        schedule();
      }
    });
  }

  // A button pressed during an autosave waits for it, so the form never carries a version the autosave replaced.
  var waitingSubmit = null;
  form.addEventListener("submit", function (event) {
    window.clearTimeout(saveTimer);
    window.clearTimeout(previewTimer);
    saveTimer = null;
    if (saving) {
      event.preventDefault();
      waitingSubmit = event.submitter || form.querySelector("button[type='submit']");
      say("Finishing the last save first…");
    }
  });

  function refreshPreview() {
    post(form.dataset.preview, fields()).then(function (response) {
      if (response.ok) {
        return response.text().then(function (html) {
          preview.innerHTML = html;
        });
      }
      return null;
    }).catch(function () {
      // The preview catches up on the next change or with "Update preview".
    });
  }

  function schedule() {
    edits++;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(autosave, autosaveDelay);
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(refreshPreview, previewDelay);
    if (!stopped) {
      say("Changes not saved yet…");
    }
  }

  form.addEventListener("input", function (event) {
    if (event.target && event.target.type === "file") {
      return;
    }
    schedule();
  });
  form.addEventListener("change", function (event) {
    if (event.target && event.target.type !== "file") {
      schedule();
    }
  });

  // Screenshots: paste from the clipboard or drop a file onto the text.
  function insertAtCursor(text) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    body.value = body.value.slice(0, start) + text + body.value.slice(end);
    body.selectionStart = body.selectionEnd = start + text.length;
    body.focus();
    schedule();
  }

  // Files over the limit are refused here, before a byte is sent; the server says the same if one gets through.
  var maxUploadBytes = Number(form.dataset.maxUploadBytes) || 0;
  function tooLarge(file) {
    return maxUploadBytes > 0 && file && file.size > maxUploadBytes;
  }

  var fileInput = form.querySelector("input[type='file'][name='image']");
  form.addEventListener("submit", function (event) {
    var file = fileInput && fileInput.files && fileInput.files[0];
    if (tooLarge(file)) {
      event.preventDefault();
      var message = form.querySelector("[data-valmsg-for='Image']");
      if (message) {
        message.textContent = form.dataset.tooLarge;
      }
      say(form.dataset.tooLarge);
      fileInput.focus();
    }
  });

  function upload(file) {
    if (tooLarge(file)) {
      say(form.dataset.tooLarge);
      return;
    }
    var alt = window.prompt("Describe the image in a few words (learners who cannot see it hear this):", "");
    var data = new FormData();
    data.append("image", file, file.name || "screenshot.png");
    data.append("__RequestVerificationToken", form.querySelector("input[name='__RequestVerificationToken']").value);
    say("Uploading the image…");
    post(form.dataset.upload, data).then(function (response) {
      return response.json().then(function (result) {
        if (response.ok) {
          insertAtCursor("\n![" + (alt || "").replace(/[\[\]]/g, "") + "](" + result.path + ")\n");
          say(alt ? "Image added." : "Image added. Describe it between the square brackets before you submit.");
          refreshCoverChoices(result.path);
        } else {
          say(result.message || "The image could not be uploaded.");
        }
      });
    }).catch(function () {
      say("The image could not be uploaded: the connection was lost.");
    });
  }

  function refreshCoverChoices(path) {
    var cover = form.querySelector("select[name='Form.Cover']");
    if (!cover || Array.prototype.some.call(cover.options, function (o) { return o.value === path; })) {
      return;
    }
    var option = document.createElement("option");
    option.value = path;
    option.textContent = path;
    cover.appendChild(option);
  }

  function imagesIn(list) {
    return Array.prototype.filter.call(list || [], function (item) {
      return item.type && item.type.indexOf("image/") === 0;
    });
  }

  body.addEventListener("paste", function (event) {
    var files = imagesIn(event.clipboardData && event.clipboardData.files);
    if (files.length > 0) {
      event.preventDefault();
      files.forEach(upload);
    }
  });
  body.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
    }
  });
  body.addEventListener("drop", function (event) {
    var files = imagesIn(event.dataTransfer && event.dataTransfer.files);
    if (files.length > 0) {
      event.preventDefault();
      files.forEach(upload);
    }
  });

  // Leaving with unsaved changes: save what we can on the way out.
  window.addEventListener("pagehide", function () {
    // A submit already carries everything; only an unsent change needs the beacon.
    if (saveTimer && !stopped && status.textContent.indexOf("not saved yet") >= 0) {
      navigator.sendBeacon(form.dataset.autosave, fields());
    }
  });

  // The same list as site.js keeps in <html data-enhanced>: from here on typing, pasting and dropping reach the handlers
  // above, so anything that drives the editor (the browser tests) waits for "editor" before it types.
  var root = document.documentElement;
  var enhanced = (root.getAttribute("data-enhanced") || "").split(" ").filter(Boolean);
  if (enhanced.indexOf("editor") < 0) {
    enhanced.push("editor");
    root.setAttribute("data-enhanced", enhanced.join(" "));
  }
})();
