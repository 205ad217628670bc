// Area autocomplete: <input data-area-autocomplete data-level="4" data-target="id_village">.
// Without JavaScript the same input accepts a code or a name and the server resolves it.
const DELAY_MS = 200;

function attach(input) {
  const wrap = document.createElement("div");
  wrap.className = "ac";
  input.parentNode.insertBefore(wrap, input);
  wrap.appendChild(input);
  const list = document.createElement("ul");
  list.id = `${input.id}-options`;
  list.setAttribute("role", "listbox");
  list.hidden = true;
  wrap.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";
  let timer = null;
  let active = -1;

  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; };
  const choose = (li) => {
    input.value = li.dataset.code;
    input.dataset.label = li.dataset.label;
    const note = document.getElementById(`${input.id}-chosen`);
    if (note) note.textContent = li.dataset.label;
    close();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(async () => {
      const params = new URLSearchParams({ q, limit: "8" });
      if (input.dataset.level) params.set("level", input.dataset.level);
      if (input.dataset.within) params.set("within", input.dataset.within);
      if (input.dataset.mine) params.set("mine", "true");
      const res = await fetch(`/api/v1/areas?${params}`, { credentials: "same-origin" });
      if (!res.ok) return;
      const areas = await res.json();
      list.replaceChildren(...areas.map((a, i) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.dataset.code = a.code;
        li.dataset.label = a.path;
        li.textContent = a.label;
        const small = document.createElement("small");
        small.textContent = `${a.code} · ${a.path}`;
        li.appendChild(small);
        li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(li); });
        return li;
      }));
      list.hidden = areas.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
    }, DELAY_MS);
  });
  input.addEventListener("keydown", (e) => {
    const items = [...list.children];
    if (list.hidden || !items.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", items[active].id);
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

document.querySelectorAll("input[data-area-autocomplete]").forEach(attach);
