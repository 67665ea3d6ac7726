// On narrow screens tables stack into lists (werkvrede.css); each cell gets its column header as a
// label. Without JavaScript the rows still stack, only without the labels.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".wv-main table").forEach(function (table) {
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (!headers.length) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (cell.tagName === "TD" && headers[index] && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", headers[index]);
        }
      });
    });
  });
});
