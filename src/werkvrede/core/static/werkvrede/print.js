// The receipt page's print button: shown only when scripts run (the page says how to print without).
(function () {
  var button = document.getElementById("afdrukken");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
