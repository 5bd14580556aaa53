// Reports: draws a chart from the table beside it (canvas[data-chart-table] names the table's id), so the figures
// live once in the page, screen readers read the table, and no data or script is inline (strict CSP).
(() => {
  "use strict";

  const number = text => {
    const value = Number.parseInt(text, 10);
    return Number.isNaN(value) ? 0 : value;
  };

  const draw = canvas => {
    const table = document.getElementById(canvas.dataset.chartTable);
    if (!table || typeof window.Chart !== "function") {
      return;
    }

    const label = table.querySelector("thead th:nth-child(2)")?.textContent.trim() ?? "";
    const rows = [...table.querySelectorAll("tbody tr")];
    const style = getComputedStyle(document.documentElement);
    const colour = style.getPropertyValue("--color-accent").trim() || "#1f5fbf";
    const text = style.getPropertyValue("--color-text").trim() || "#1a1a1a";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(row => row.cells[0].textContent.trim()),
        datasets: [{ label, data: rows.map(row => number(row.cells[1].textContent.trim())), backgroundColor: colour }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        color: text,
        scales: { x: { ticks: { color: text } }, y: { beginAtZero: true, ticks: { color: text, precision: 0 } } },
      },
    });
    canvas.dataset.chartDrawn = "true";
  };

  const start = () => document.querySelectorAll("canvas[data-chart-table]").forEach(draw);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
