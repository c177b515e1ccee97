// Rollcall console: copy buttons. Everything else works without script.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain-HTTP fallback: select a temporary field and use the legacy copy command.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (e) {
        copied = false;
      }
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error("copy failed"));
      }
    });
  }

  function flash(button, label) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = label;
    window.setTimeout(function () {
      button.textContent = original;
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) {
      return;
    }
    copyText(field.value !== undefined ? field.value : field.textContent).then(
      function () {
        flash(button, "Copied");
      },
      function () {
        // Leave the value selected so the person can copy it by hand.
        field.focus();
        field.select();
        flash(button, "Press Ctrl+C");
      }
    );
  });

  // A click on a read-only value selects all of it.
  document.addEventListener("focusin", function (event) {
    var field = event.target;
    if (field.matches && field.matches(".copy-field input[readonly]")) {
      field.select();
    }
  });
})();
