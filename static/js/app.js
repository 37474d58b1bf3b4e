// Progressive enhancement only: every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // Menus are <details>: close an open one on a click elsewhere or on Escape.
  const openMenus = () => document.querySelectorAll("details.menu-disclosure[open]");
  document.addEventListener("click", (event) => {
    openMenus().forEach((menu) => { if (!menu.contains(event.target)) menu.open = false; });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    openMenus().forEach((menu) => { menu.open = false; menu.querySelector("summary").focus(); });
  });

  // A failed submission: move the focus to the error summary, so it is read out and seen first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // On phones, tables become stacked cards (app.css): each cell gets its column's name.
  labelTableCells(document);
  document.body.addEventListener("htmx:afterSwap", (event) => labelTableCells(event.target));

  // A file made in the background: the progress poll swaps in its ready link (organisations.progress),
  // which is followed once; the poll has ended with the swap, so the file is fetched only once.
  document.body.addEventListener("htmx:load", (event) => {
    const link = event.target.querySelector && event.target.querySelector("a[data-download-now]");
    if (link) window.location.assign(link.href);
  });

  // Ask for confirmation before destructive acts (forms marked data-confirm).
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});

function labelTableCells(root) {
  const tables = [...root.querySelectorAll("table.table")];
  if (root.matches && root.matches("table.table")) tables.push(root);
  tables.forEach((table) => {
    const headRow = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!headRow) return;
    const names = [];
    for (const cell of headRow.cells) {
      for (let i = 0; i < cell.colSpan; i += 1) names.push(cell.textContent.trim());
    }
    for (const body of [...table.tBodies, table.tFoot].filter(Boolean)) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const name = names[column];
          if (name && cell.colSpan === 1 && !cell.hasAttribute("data-label")) cell.dataset.label = name;
          column += cell.colSpan;
        }
      }
    }
    table.classList.add("table-stack");
  });
}
