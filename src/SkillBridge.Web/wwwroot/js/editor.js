// SkillBridge module editor: autosave, live preview, and screenshots pasted or dropped into the text (named after the
// module, step and day, described in a labelled field beside the text box).
// Without JavaScript the same form saves, previews and uploads through its buttons.
(function () {
  "use strict";

  var form = document.getElementById("editor-form");
  if (!form) {
    return;
  }
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
    if (event.target && (event.target.type === "file" || event.target.hasAttribute("data-pasted-alt"))) {
      return;
    }
    schedule();
  });
  form.addEventListener("change", function (event) {
    if (event.target && event.target.type !== "file" && !event.target.hasAttribute("data-pasted-alt")) {
      schedule();
    }
  });

  // Screenshots: paste from the clipboard or drop a file onto a text box. The file is uploaded at once (so it is kept),
  // then a labelled field beside the text box asks what it shows; the image goes into the text with that alt text.
  function insertInto(area, at, text) {
    area.value = area.value.slice(0, at) + text + area.value.slice(at);
    area.selectionStart = area.selectionEnd = at + text.length;
    area.focus();
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

  // The step a text box belongs to: its own in the step-by-step view, the "## " headings above the cursor in Markdown.
  function stepOf(area) {
    if (area.dataset.step) {
      return Number(area.dataset.step);
    }
    var before = area.value.slice(0, area.selectionStart).split("\n");
    return before.filter(function (line) { return /^ {0,3}## /.test(line); }).length;
  }

  // Browsers name a pasted screenshot "image.png": say instead which module, step and day it belongs to.
  function meaningfulName(file, step) {
    var name = file.name || "";
    var extension = (/\.(\w+)$/.exec(name) || [null, (file.type || "image/png").split("/")[1]])[1];
    if (name && !/^(image|img|blob|file|upload|pasted|pasted[-_ ]image|clipboard|screenshot|untitled|unnamed)([-_ ]?\d+)?(\.\w+)?$/i.test(name)) {
      return name;
    }
    var today = new Date();
    var day = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
    return form.dataset.slug + (step > 0 ? "-step-" + step : "") + "-" + day + "." + extension;
  }

  var altCount = 0;
  function askForAlt(area, at, path) {
    altCount++;
    var id = "pasted-alt-" + altCount;
    var box = document.createElement("div");
    box.className = "pasted-image";
    var label = document.createElement("label");
    label.id = id + "-label";
    label.htmlFor = id;
    label.textContent = "What the pasted image " + path + " shows (alt text)";
    var input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.setAttribute("data-pasted-alt", path);
    // Not part of the saved form: the alt text goes into the module text when the image is added.
    input.setAttribute("form", "no-form");
    var problem = document.createElement("p");
    problem.className = "field-error";
    problem.id = id + "-problem";
    input.setAttribute("aria-describedby", problem.id);
    var add = document.createElement("button");
    add.type = "button";
    add.textContent = "Add the image";
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "secondary";
    cancel.textContent = "Leave it out";
    function done() {
      box.remove();
    }
    function addImage() {
      var alt = input.value.replace(/[\[\]]/g, "").trim();
      if (!alt) {
        problem.textContent = "Describe the image in a few words: learners who cannot see it hear this text.";
        input.focus();
        return;
      }
      done();
      var before = at > 0 && area.value.charAt(at - 1) !== "\n" ? "\n\n" : "";
      insertInto(area, at, before + "![" + alt + "](" + path + ")\n");
      say("Image added.");
    }
    add.addEventListener("click", addImage);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        addImage();
      }
    });
    cancel.addEventListener("click", function () {
      done();
      area.focus();
      say("The image was not added to the text. It stays uploaded and can be chosen as the cover.");
    });
    box.append(label, input, problem, add, " ", cancel);
    area.insertAdjacentElement("afterend", box);
    input.focus();
  }

  function upload(area, file) {
    if (tooLarge(file)) {
      say(form.dataset.tooLarge);
      return;
    }
    var at = area.selectionStart;
    var step = stepOf(area);
    var data = new FormData();
    data.append("image", file, meaningfulName(file, step));
    data.append("step", String(step));
    data.append("__RequestVerificationToken", form.querySelector("input[name='__RequestVerificationToken']").value);
    say("Uploading the image…");
    post(form.dataset.upload, data).then(function (response) {
      return response.json().then(function (result) {
        if (response.ok) {
          say("Image uploaded as " + result.path + ". Describe it to add it to the text.");
          refreshCoverChoices(result.path);
          askForAlt(area, at, result.path);
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

  function isTextBox(target) {
    return target && target.matches && target.matches("textarea[data-paste-images]");
  }

  form.addEventListener("paste", function (event) {
    var files = imagesIn(event.clipboardData && event.clipboardData.files);
    if (isTextBox(event.target) && files.length > 0) {
      event.preventDefault();
      files.forEach(function (file) { upload(event.target, file); });
    }
  });
  form.addEventListener("dragover", function (event) {
    if (isTextBox(event.target) && event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
    }
  });
  form.addEventListener("drop", function (event) {
    var files = imagesIn(event.dataTransfer && event.dataTransfer.files);
    if (isTextBox(event.target) && files.length > 0) {
      event.preventDefault();
      files.forEach(function (file) { upload(event.target, file); });
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
