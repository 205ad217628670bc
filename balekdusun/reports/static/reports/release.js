// The news release draft: a "Copy text" button (shown only where scripts run; without them the text can be
// selected by hand or downloaded).
const button = document.querySelector("[data-copy]");
if (button) {
  const area = document.getElementById(button.dataset.copy);
  const status = document.getElementById("release-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = button.dataset.done;
    } catch {
      // No clipboard permission (an old browser, a page not served over HTTPS): select it for the user.
      area.focus();
      area.select();
      status.textContent = button.dataset.failed;
    }
  });
}
