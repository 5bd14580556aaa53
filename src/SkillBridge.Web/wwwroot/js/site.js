// SkillBridge progressive enhancement. Every feature here also works without JavaScript.
(function () {
  "use strict";

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
    }
  }

  function offerContinue() {
    var start = document.getElementById("start-module");
    if (!start) {
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

  function showFeedback(form, body, ok) {
    var feedback = form.querySelector(".feedback");
    var choices = form.querySelectorAll(".choice");
    choices.forEach(function (choice) {
      choice.classList.remove("is-correct", "is-wrong");
    });
    feedback.replaceChildren();
    if (!ok) {
      feedback.appendChild(paragraph(body.problem || "The answer could not be checked. Try again.", "verdict wrong"));
      return;
    }
    choices.forEach(function (choice) {
      var index = parseInt(choice.dataset.option, 10);
      var input = choice.querySelector("input");
      if (body.correctOptions.indexOf(index) >= 0) {
        choice.classList.add("is-correct");
      } else if (input && input.checked) {
        choice.classList.add("is-wrong");
      }
    });
    feedback.appendChild(paragraph(body.verdict, "verdict " + (body.isCorrect ? "correct" : "wrong")));
    if (!body.isCorrect) {
      var labels = body.correctOptions.map(function (index) {
        var label = form.querySelector("[data-option='" + index + "'] label");
        return label ? label.textContent : "";
      });
      feedback.appendChild(paragraph((labels.length === 1 ? "The right answer is: " : "The right answers are: ") + labels.join("; ") + "."));
    }
    feedback.appendChild(paragraph(body.explanation));
  }

  function enhanceQuizzes() {
    document.querySelectorAll("form.quiz[data-quiz-api]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var button = form.querySelector("button[type='submit']");
        button.disabled = true;
        fetch(form.dataset.quizApi, {
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
          form.submit();
        }).finally(function () {
          button.disabled = false;
        });
      });
    });
  }

  enableArrowKeys();
  rememberStep();
  offerContinue();
  enhanceQuizzes();
})();
