/* Keyboard access that Material for MkDocs leaves out. Loaded after Material's bundle on every page. */
(function () {
  "use strict";

  /* A wide table scrolls inside its container. A keyboard user can only scroll it when the container
     can take focus, and a screen reader announces that stop by its name: the table's caption or the
     heading above it. Containers that fit need no extra tab stop, so this follows the window size. */
  function tableName(table) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var node = table.closest(".md-typeset__scrollwrap") || table; node; node = node.previousElementSibling || node.parentElement) {
      /* A heading stands in a wrapper with its permalink (generator/site/heading_links.py). */
      var heading = node.classList && node.classList.contains("ikb-heading") ? node.firstElementChild : node;
      if (/^H[1-6]$/.test(heading.tagName)) return heading.textContent.trim();
      if (node.classList && node.classList.contains("md-content__inner")) break;
    }
    return document.title;
  }

  function markScrollableTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var box = table.closest(".md-typeset__scrollwrap, .ikb-chart__table");
      if (!box) return; /* a table is never turned into a region itself */
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Tabell: " + tableName(table) + " (kan rulles sidelengs)");
        box.classList.add("ikb-scrollable");
      } else if (box.classList.contains("ikb-scrollable")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        box.classList.remove("ikb-scrollable");
      }
    });
  }

  /* Below 1220 px Material hides the navigation in a drawer opened by a <label>, which a keyboard
     cannot reach and a screen reader does not announce as a control. Put a real button in its place
     (the label stays for browsers without JavaScript), move focus into the drawer and back, and close
     it on Escape or when focus leaves it. */
  function setUpDrawer() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label[for='__drawer']");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon ikb-menu-button";
    button.setAttribute("aria-label", "Meny");
    button.setAttribute("aria-expanded", String(toggle.checked));
    button.innerHTML = label.innerHTML;
    label.parentNode.insertBefore(button, label);
    label.hidden = true;

    function close(focusButton) {
      if (toggle.checked) toggle.click();
      if (focusButton) button.focus();
    }
    button.addEventListener("click", function () {
      toggle.click();
      if (toggle.checked) {
        /* The drawer becomes visible, and so focusable, once the toggle is checked. */
        requestAnimationFrame(function () {
          var first = drawer.querySelector(".md-nav__link[href]");
          if (first) first.focus();
        });
      }
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) close(true);
    });
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && next !== button && !drawer.contains(next)) close(false);
    });
  }

  function ready() {
    markScrollableTables();
    setUpDrawer();
  }

  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(markScrollableTables, 100);
  });
  if (document.readyState === "complete") ready();
  else window.addEventListener("load", ready);
})();
