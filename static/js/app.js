// Progressive enhancement only: every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // A failed submission: move the focus to the error summary, so it is read out and seen first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // Ask for confirmation before destructive acts (forms marked data-confirm).
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
