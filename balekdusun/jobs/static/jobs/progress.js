// Progress of background jobs: every element with data-status-url polls its job's small JSON status until the job
// ends, then the page reloads to show the outcome (the file to download, or why it failed).
const POLL_MS = 1000;

function show(el, s) {
  const bar = el.querySelector("progress");
  if (s.percent === null) bar.removeAttribute("value");
  else bar.value = s.percent;
  bar.textContent = s.percent === null ? "" : `${s.percent}%`;
  el.querySelector("[data-job-phase]").textContent = s.phase;
  const count = el.querySelector("[data-job-count]");
  const fmt = new Intl.NumberFormat(document.documentElement.lang || "id");
  count.textContent = s.total ? `${fmt.format(s.done)} / ${fmt.format(s.total)}` : (s.done ? fmt.format(s.done) : "");
  const status = document.querySelector("[data-job-status]");
  if (status && el.closest("main") && document.querySelectorAll("[data-job-progress]").length === 1) {
    status.textContent = s.status_label;
  }
}

function watch(el) {
  const url = el.dataset.statusUrl;
  const tick = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const s = await response.json();
        show(el, s);
        if (s.finished) {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // A dropped connection: try again at the next tick.
    }
    setTimeout(tick, POLL_MS);
  };
  setTimeout(tick, POLL_MS);
}

document.querySelectorAll("[data-job-progress][data-status-url]").forEach(watch);
