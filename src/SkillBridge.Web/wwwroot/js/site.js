// SkillBridge progressive enhancement. Every feature here also works without JavaScript.
(function () {
  "use strict";

  // Lists each enhancement whose handlers are attached in <html data-enhanced="…">, e.g. "step-keys quiz search".
  // Until its name is there a key press or click gets the page's behaviour without JavaScript, so anything that
  // drives the page (the browser tests) waits for the name before pressing. editor.js keeps the same list.
  function markEnhanced(name) {
    var root = document.documentElement;
    var names = (root.getAttribute("data-enhanced") || "").split(" ").filter(Boolean);
    if (names.indexOf(name) < 0) {
      names.push(name);
      root.setAttribute("data-enhanced", names.join(" "));
    }
  }

  function isFormControl(element) {
    if (!element) {
      return false;
    }
    var tag = element.tagName;
    return tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "BUTTON" || element.isContentEditable;
  }

  // Player: left and right arrow keys move between steps, unless focus is in a form control.
  function enableArrowKeys() {
    var previous = document.querySelector("[data-step-nav='prev']");
    var next = document.querySelector("[data-step-nav='next']");
    if (!previous && !next) {
      return;
    }
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      if (isFormControl(document.activeElement)) {
        return;
      }
      var target = event.key === "ArrowLeft" ? previous : event.key === "ArrowRight" ? next : null;
      if (target) {
        event.preventDefault();
        window.location.assign(target.href);
      }
    });
    markEnhanced("step-keys");
  }

  // Player: remember the last step seen on this device, so the module page can offer "Continue".
  var storageKeyPrefix = "skillbridge:last-step:";

  function rememberStep() {
    var content = document.getElementById("step-content");
    if (!content) {
      return;
    }
    try {
      window.localStorage.setItem(storageKeyPrefix + content.dataset.module, content.dataset.step);
    } catch (e) {
      // Storage can be unavailable (private windows, policies); "Start" keeps working.
      return;
    }
    markEnhanced("remember-step");
  }

  function offerContinue() {
    var start = document.getElementById("start-module");
    // Signed-in learners' progress comes from the server; this device's memory is only for anonymous visitors.
    if (!start || start.dataset.progress === "server") {
      return;
    }
    var step = 0;
    try {
      step = parseInt(window.localStorage.getItem(storageKeyPrefix + start.dataset.module) || "0", 10);
    } catch (e) {
      return;
    }
    var count = parseInt(start.dataset.stepCount || "0", 10);
    if (step > 1 && step <= count) {
      start.textContent = "Continue at step " + step;
      start.href = "/modules/" + encodeURIComponent(start.dataset.module) + "/steps/" + step;
    }
    // Marked whether or not the button changed: "Start" is only the final answer once this has run.
    markEnhanced("continue");
  }

  // Player: answer quizzes in place. Without JavaScript the form posts and the page shows the same feedback.
  function paragraph(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) {
      p.className = className;
    }
    return p;
  }

  // Design.md's quiz rule: the API returns correctOptions and explanation only once they may be shown; until then
  // a wrong answer offers "Try again" (a fresh try, here without reloading) and "Show the answer".
  function showFeedback(form, body, ok) {
    var feedback = form.querySelector(".feedback");
    var choices = form.querySelectorAll(".choice");
    var retry = form.querySelector("[data-quiz-retry]");
    var tryAgain = form.querySelector("[data-quiz-try-again]");
    clearMarks(choices);
    feedback.replaceChildren();
    if (!ok) {
      feedback.appendChild(paragraph(body.problem || "The answer could not be checked. Try again.", "verdict wrong"));
      return;
    }
    form.querySelector("input[name='answeredBefore']").value = "true";
    feedback.appendChild(paragraph(body.verdict, "verdict " + (body.isCorrect ? "correct" : "wrong")));
    retry.hidden = !body.canTryAgain;
    tryAgain.hidden = false;
    if (!body.correctOptions) {
      return;
    }
    choices.forEach(function (choice) {
      var index = parseInt(choice.dataset.option, 10);
      var input = choice.querySelector("input");
      if (body.correctOptions.indexOf(index) >= 0) {
        choice.classList.add("is-correct");
        choice.appendChild(mark("Right"));
      } else if (input && input.checked) {
        choice.classList.add("is-wrong");
        choice.appendChild(mark("Wrong"));
      }
    });
    if (!body.isCorrect) {
      var labels = body.correctOptions.map(function (index) {
        var label = form.querySelector("[data-option='" + index + "'] .option-text");
        return label ? label.textContent : "";
      });
      feedback.appendChild(paragraph((labels.length === 1 ? "The right answer is: " : "The right answers are: ") + labels.join("; ") + "."));
    }
    if (body.explanation) {
      feedback.appendChild(paragraph(body.explanation));
    }
  }

  // A revealed answer marks its rows in words as well as colour.
  function mark(text) {
    var span = document.createElement("span");
    span.className = "option-mark";
    span.textContent = text;
    return span;
  }

  function clearMarks(choices) {
    choices.forEach(function (choice) {
      choice.classList.remove("is-correct", "is-wrong");
      choice.querySelectorAll(".option-mark").forEach(function (old) {
        old.remove();
      });
    });
  }

  function tryAgain(form) {
    var choices = form.querySelectorAll(".choice");
    clearMarks(choices);
    choices.forEach(function (choice) {
      choice.querySelector("input").checked = false;
    });
    var feedback = form.querySelector(".feedback");
    feedback.replaceChildren(paragraph("Your first answer was wrong. Choose again, or show the answer."));
    form.querySelector("[data-quiz-try-again]").hidden = true;
    form.querySelector("input[name='selected']").focus();
  }

  function enhanceQuizzes() {
    // A draft preview's quizzes have no answer API (their data-quiz-api is empty): they post their form.
    var quizzes = document.querySelectorAll("form.quiz[data-quiz-api]:not([data-quiz-api=''])");
    if (quizzes.length === 0) {
      return;
    }
    quizzes.forEach(function (form) {
      form.querySelector("[data-quiz-try-again]").addEventListener("click", function (event) {
        event.preventDefault();
        tryAgain(form);
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var submitter = event.submitter;
        var showAnswer = submitter && submitter.hasAttribute("data-quiz-show-answer");
        var buttons = form.querySelectorAll("button[type='submit']");
        buttons.forEach(function (button) {
          button.disabled = true;
        });
        fetch(showAnswer ? form.dataset.showAnswerApi : form.dataset.quizApi, {
          method: "POST",
          body: new FormData(form),
          headers: { "Accept": "application/json" },
          credentials: "same-origin"
        }).then(function (response) {
          return response.json().then(function (body) {
            showFeedback(form, body, response.ok);
          });
        }).catch(function () {
          // Fall back to the ordinary form post, which shows the same feedback.
          if (showAnswer) {
            form.action = submitter.formAction;
          }
          form.submit();
        }).finally(function () {
          buttons.forEach(function (button) {
            button.disabled = false;
          });
        });
      });
    });
    markEnhanced("quiz");
  }

  // Header search: an ARIA 1.2 combobox with a listbox of module suggestions. Without JavaScript the form submits to /search.
  function enhanceSearchBox() {
    var box = document.querySelector(".site-search-box[data-suggest-url]");
    if (!box) {
      return;
    }
    var input = box.querySelector("input");
    var list = box.querySelector("[role='listbox']");
    var status = document.getElementById("site-search-status");
    var form = input.form;
    var active = -1;
    var timer = 0;
    var latest = 0;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    function options() {
      return list.querySelectorAll("[role='option']");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(text, suggestions) {
      list.replaceChildren();
      // Which text these are for: a reply for an earlier, shorter text can arrive while typing goes on, so whoever
      // waits for the list (the browser tests) checks it is the one for what they typed.
      list.setAttribute("data-suggestions-for", text);
      suggestions.forEach(function (suggestion, i) {
        var option = document.createElement("li");
        option.id = "site-search-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        option.textContent = suggestion.title;
        option.addEventListener("mousedown", function (event) {
          // Keep focus in the box until the click lands, so the list does not close first.
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          window.location.assign(option.dataset.url);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (suggestions.length > 0) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      status.textContent = suggestions.length === 0 ? "No suggestions." :
        suggestions.length === 1 ? "1 suggestion. Use the down arrow to choose it." :
        suggestions.length + " suggestions. Use the up and down arrows to choose one.";
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        status.textContent = "";
        return;
      }
      var request = ++latest;
      fetch(box.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (suggestions) {
          if (request === latest) {
            show(text, suggestions);
          }
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown") {
        if (list.hidden) {
          fetchSuggestions();
        } else if (count > 0) {
          event.preventDefault();
          highlight((active + 1) % count);
        }
      } else if (event.key === "ArrowUp") {
        if (!list.hidden && count > 0) {
          event.preventDefault();
          highlight(active <= 0 ? count - 1 : active - 1);
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          window.location.assign(options()[active].dataset.url);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else {
          input.value = "";
        }
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });

    form.addEventListener("submit", close);
    markEnhanced("search");
  }

  // Certificate: a Print button that opens the browser's print dialog. Without JavaScript the button stays hidden and
  // the browser's own Print does the same.
  function offerPrint() {
    var buttons = document.querySelectorAll("[data-print]");
    if (buttons.length === 0) {
      return;
    }
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    markEnhanced("print");
  }

  // Player on a small screen: the Previous / Next bar is fixed to the bottom of the viewport (site.css). Its height grows
  // with the text size, so html's scroll-padding-bottom follows the real height and the bar never covers the focused
  // element (WCAG 2.2 focus not obscured). Without JavaScript site.css uses a generous fixed guess.
  function followStepBar() {
    var bar = document.querySelector(".step-nav");
    if (!bar || !("ResizeObserver" in window)) {
      return;
    }
    var root = document.documentElement;
    function update() {
      if (window.getComputedStyle(bar).position === "fixed") {
        root.style.setProperty("--step-bar-height", bar.offsetHeight + "px");
      } else {
        root.style.removeProperty("--step-bar-height");
      }
    }
    // Browsers scroll a focused element into view only when it is outside the viewport, not when it is under the bar:
    // move the page by the overlap (or, for an element taller than the space above the bar, bring its top into view).
    // Only for keyboard focus (:focus-visible): moving the page under a pressed mouse or
    // finger would make the release land elsewhere, and the click or tap would be lost.
    function uncover(event) {
      var element = event.target;
      if (bar.contains(element) || window.getComputedStyle(bar).position !== "fixed" || !element.getBoundingClientRect
        || !element.matches || !element.matches(":focus-visible")) {
        return;
      }
      var box = element.getBoundingClientRect();
      var barTop = bar.getBoundingClientRect().top;
      var gap = 8;
      if (box.bottom <= barTop - gap && box.top >= 0) {
        return;
      }
      var fits = box.height <= barTop - 2 * gap;
      window.scrollBy(0, fits ? box.bottom - (barTop - gap) : box.top - gap);
    }
    new ResizeObserver(update).observe(bar);
    window.addEventListener("resize", update);
    document.addEventListener("focusin", uncover);
    update();
    markEnhanced("step-bar");
  }

  // Header on a small screen: Search and Menu are <details> disclosures. Escape closes an open one and puts focus back on
  // its button; opening Search puts the cursor in the box.
  function enhanceHeaderDisclosures() {
    var disclosures = document.querySelectorAll(".header-disclosure");
    if (disclosures.length === 0) {
      return;
    }
    disclosures.forEach(function (disclosure) {
      var summary = disclosure.querySelector("summary");
      disclosure.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && !event.defaultPrevented && disclosure.open && window.getComputedStyle(summary).display !== "none") {
          disclosure.open = false;
          summary.focus();
        }
      });
      // Only when the visitor opened it: the search page opens Search by itself, and focus must not move on load.
      var opened = false;
      summary.addEventListener("click", function () {
        opened = !disclosure.open;
      });
      disclosure.addEventListener("toggle", function () {
        var input = disclosure.querySelector("input[type='search']");
        if (opened && disclosure.open && input) {
          input.focus();
        }
        opened = false;
      });
    });
    markEnhanced("header");
  }

  // Admin: a Copy button beside a one-time link (invitations, reset links). Without JavaScript the button stays hidden and
  // the link is selectable text in a read-only field. The status line says in words that the link was copied.
  function offerCopy() {
    var buttons = document.querySelectorAll("[data-copy]");
    if (buttons.length === 0 || !navigator.clipboard) {
      return;
    }
    buttons.forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      var status = document.getElementById(button.getAttribute("data-copy") + "-status");
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        field.select();
        navigator.clipboard.writeText(field.value).then(function () {
          if (status) {
            status.textContent = "Copied. Paste it into a message to them.";
          }
        }, function () {
          if (status) {
            status.textContent = "Could not copy: select the link and copy it yourself.";
          }
        });
      });
    });
    markEnhanced("copy");
  }

  enableArrowKeys();
  followStepBar();
  offerCopy();
  enhanceHeaderDisclosures();
  offerPrint();
  rememberStep();
  offerContinue();
  enhanceQuizzes();
  enhanceSearchBox();
})();
