// Navigation between changes: the "previous"/"next" buttons and the keys n / p (j / k).
// Everything else (views, folding, hiding technical changes) works without script.
(function () {
  var current = -1;
  function visibleChanges() {
    return Array.prototype.filter.call(
      document.querySelectorAll(".inline .is-change, .side tr.is-change"),
      function (element) { return element.offsetParent !== null; }
    );
  }
  function go(step) {
    var changes = visibleChanges();
    if (!changes.length) { return; }
    var previous = document.querySelector(".current");
    if (previous) { previous.classList.remove("current"); }
    current = (current + step + changes.length) % changes.length;
    var target = changes[current];
    target.classList.add("current");
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    var status = document.getElementById("position");
    if (status) { status.textContent = (current + 1) + " / " + changes.length; }
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
  document.getElementById("navigation").hidden = false;
})();
