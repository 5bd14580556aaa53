// The path builder without JavaScript is plain forms; this adds search as you type to the module picker and
// reordering by dragging (the Move up / Move down buttons stay for the keyboard).
(function () {
  "use strict";

  // The same <html data-enhanced="…"> list site.js keeps: "path-picker" and "path-drag" once their handlers are attached.
  function markEnhanced(name) {
    var root = document.documentElement;
    var names = (root.getAttribute("data-enhanced") || "").split(" ").filter(Boolean);
    if (names.indexOf(name) < 0) {
      names.push(name);
      root.setAttribute("data-enhanced", names.join(" "));
    }
  }

  var searchForm = document.getElementById("module-search-form");
  var matches = document.getElementById("module-matches");
  if (searchForm && matches) {
    var input = searchForm.querySelector("input[name=q]");
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var ticket = ++latest;
        var url = searchForm.getAttribute("data-matches") + "&q=" + encodeURIComponent(input.value);
        fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (html !== null && ticket === latest) {
              matches.innerHTML = html;
            }
          })
          .catch(function () { /* the Search button still works */ });
      }, 250);
    });
    markEnhanced("path-picker");
  }

  var list = document.getElementById("path-builder-modules");
  var reorderForm = list && document.getElementById(list.getAttribute("data-reorder-form"));
  if (!list || !reorderForm) {
    return;
  }

  var dragged = null;
  Array.prototype.forEach.call(list.children, function (item) {
    item.setAttribute("draggable", "true");
    item.addEventListener("dragstart", function (event) {
      dragged = item;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.getAttribute("data-module"));
    });
    item.addEventListener("dragend", function () {
      item.classList.remove("dragging");
      dragged = null;
    });
    item.addEventListener("dragover", function (event) {
      if (!dragged || dragged === item) {
        return;
      }

      event.preventDefault();
      var box = item.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? item.nextSibling : item);
    });
    item.addEventListener("drop", function (event) {
      event.preventDefault();
      var order = Array.prototype.map.call(list.children, function (li) { return li.getAttribute("data-module"); });
      reorderForm.querySelector("input[name=order]").value = order.join(",");
      reorderForm.submit();
    });
  });
  markEnhanced("path-drag");
})();
