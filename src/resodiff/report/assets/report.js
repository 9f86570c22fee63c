// Navigation between changes: the "previous"/"next" buttons, the keys n / p (j / k) and the list
// of changes, whose entry for the current change is marked. Everything else (views, folding,
// hiding technical changes) works without script.
(function () {
  var current = -1;
  function visibleChanges() {
    return Array.prototype.filter.call(
      document.querySelectorAll(".inline .is-change, .side tr.is-change"),
      function (element) { return element.offsetParent !== null; }
    );
  }
  function changeId(element) {
    return element.id.replace(/^side-/, "");
  }
  function show(target, changes) {
    var previous = document.querySelectorAll(".current");
    Array.prototype.forEach.call(previous, function (element) {
      element.classList.remove("current");
      element.removeAttribute("aria-current");
    });
    target.classList.add("current");
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    var link = document.querySelector('nav.changes a[href="#' + changeId(target) + '"]');
    if (link) {
      link.parentNode.classList.add("current");
      link.setAttribute("aria-current", "true");
      link.scrollIntoView({ block: "nearest" });
    }
    var status = document.getElementById("position");
    if (status) { status.textContent = (current + 1) + " / " + changes.length; }
  }
  function go(step) {
    var changes = visibleChanges();
    if (!changes.length) { return; }
    current = (current + step + changes.length) % changes.length;
    show(changes[current], changes);
  }
  document.getElementById("next").addEventListener("click", function () { go(1); });
  document.getElementById("previous").addEventListener("click", function () { go(-1); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" && event.target.type === "text") { return; }
    if (event.key === "n" || event.key === "j") { go(1); event.preventDefault(); }
    if (event.key === "p" || event.key === "k") { go(-1); event.preventDefault(); }
  });
  // a link of the list goes to the change in the view shown (the side-by-side rows too)
  Array.prototype.forEach.call(document.querySelectorAll("nav.changes a"), function (link) {
    link.addEventListener("click", function (event) {
      var id = link.getAttribute("href").slice(1);
      var changes = visibleChanges();
      for (var i = 0; i < changes.length; i++) {
        if (changeId(changes[i]) === id) {
          event.preventDefault();
          current = i;
          show(changes[i], changes);
          return;
        }
      }
    });
  });
  document.getElementById("navigation").hidden = false;
})();
