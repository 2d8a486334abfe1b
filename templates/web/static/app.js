// The live part of the staff page, in plain JavaScript (no build step, nothing from outside).
// Written by hand because it is small and specific: a library such as htmx would cover the
// request below, but not the rows or the placing of errors, which are most of this file.
//
// - A moment after each change, the form goes to /form/check; the answer places each error
//   beside its field (data-error-for) and shows the PDF's pages.
// - List rows: add (from the list's <template>, its __ROW<depth>__ key made unique), remove,
//   move up and down. Row keys are never renumbered: the server reads rows in page order.
"use strict";

(() => {
  const form = document.getElementById("meeting");
  if (!form) return;
  const pages = document.getElementById("pages");
  const status = document.getElementById("status");
  const general = document.getElementById("general");
  const DELAY_MS = 300;
  let timer = 0;
  let sent = 0;
  let shown = 0;
  let rowCounter = 0;
  let changed = false;
  // On an empty page, a box nobody has typed in yet shows no error ("missing" everywhere would
  // greet the clerk in red); the status line still counts every problem.
  const touched = new Set();
  const showAll = form.dataset.fresh !== "true";

  // What the server said with this page (why a download gave the page back, the problems of an
  // opened file, with their lines) stays at the top until the clerk changes something.
  let answered = [...general.querySelectorAll("li")].map((item) => item.textContent);

  const say = (text) => { status.textContent = text; };

  function schedule() {
    changed = true;
    answered = [];
    clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  }

  function checkedFields() {
    const fields = new FormData(form);
    fields.delete("upload"); // the file box: only "Mở tệp" sends the file
    return fields;
  }

  async function refresh() {
    const id = ++sent;
    say("Đang kiểm tra…");
    let reply;
    try {
      const response = await fetch("/form/check", {
        method: "POST",
        body: checkedFields(),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      reply = await response.json();
      if (!response.ok) throw new Error(reply.detail || response.statusText);
    } catch (error) {
      if (id === sent) say("Không kiểm tra được: " + error.message);
      return;
    }
    if (id < shown) return; // an older answer arriving late
    shown = id;
    showErrors(reply);
    showPages(reply);
  }

  function showErrors(reply) {
    for (const element of form.querySelectorAll("[data-error-for]")) element.textContent = "";
    for (const element of form.querySelectorAll("[aria-invalid]")) element.removeAttribute("aria-invalid");
    const unplaced = [...new Set([...answered, ...(reply.general || [])])];
    for (const { name, message } of reply.errors || []) {
      if (!showAll && !isTouched(name)) continue;
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
      if (!slot) { unplaced.push(message); continue; }
      slot.textContent = slot.textContent ? slot.textContent + " " + message : message;
      const field = document.getElementById("f-" + name);
      if (field) field.setAttribute("aria-invalid", "true");
    }
    general.replaceChildren();
    if (unplaced.length) {
      const list = document.createElement("ul");
      for (const message of unplaced) {
        const item = document.createElement("li");
        item.textContent = message;
        list.append(item);
      }
      general.append(list);
    }
  }

  function isTouched(name) {
    for (const done of touched) {
      if (done === name || done.startsWith(name + ".") || name.startsWith(done + ".")) return true;
    }
    return false;
  }

  function showPages(reply) {
    const problems = (reply.errors || []).length + (reply.general || []).length;
    if (!reply.pages) {
      pages.classList.add("stale");
      say(pages.childElementCount
        ? `Còn ${problems} lỗi: bản xem trước chưa cập nhật.`
        : `Còn ${problems} lỗi: bản xem trước hiện ở đây khi biên bản đủ thông tin.`);
      return;
    }
    const images = reply.pages.map((page, index) => {
      const image = new Image(page.width, page.height);
      image.src = page.src;
      image.alt = `Trang ${index + 1} của ${reply.pages.length}`;
      return image;
    });
    pages.replaceChildren(...images);
    pages.classList.remove("stale");
    say(`Không có lỗi. Biên bản có ${reply.pages.length} trang.`);
  }

  // -- rows ------------------------------------------------------------------------------------

  function addRow(list) {
    const depth = list.dataset.depth;
    const template = list.querySelector(":scope > template");
    const key = `_n${++rowCounter}`;
    const html = template.innerHTML.replaceAll(`__ROW${depth}__`, key);
    const rows = list.querySelector(":scope > .rows");
    rows.insertAdjacentHTML("beforeend", html);
    const row = rows.lastElementChild;
    syncPersonKinds(row);
    focusFirst(row);
  }

  function focusFirst(row) {
    const field = row.querySelector("input:not([disabled]), textarea, select");
    if (field) field.focus();
  }

  function onRowButton(button) {
    const action = button.dataset.action;
    const owner = button.closest(".row") || button.closest(".list");
    touched.add(owner.dataset.name || owner.dataset.list);
    if (action === "add") {
      addRow(button.closest(".list"));
      schedule();
      return;
    }
    const row = button.closest(".row");
    if (action === "remove") {
      const next = row.nextElementSibling || row.previousElementSibling;
      const list = row.closest(".list");
      row.remove();
      if (next) focusFirst(next); else list.querySelector(":scope > .add").focus();
    } else if (action === "up" && row.previousElementSibling) {
      row.previousElementSibling.before(row);
      button.focus();
    } else if (action === "down" && row.nextElementSibling) {
      row.nextElementSibling.after(row);
      button.focus();
    } else {
      return;
    }
    schedule();
  }

  // -- people: "one line of text" needs no position ----------------------------------------------

  function syncPersonKind(select) {
    const prefix = select.name.slice(0, -".kind".length);
    const position = document.getElementById(`f-${prefix}.position`);
    const nameLabel = document.querySelector(`label[for="${CSS.escape(`f-${prefix}.name`)}"]`);
    const line = select.value === "line";
    if (position) {
      position.disabled = line;
      position.closest(".field").hidden = line;
    }
    if (nameLabel) nameLabel.textContent = line ? "Dòng chữ" : "Họ và tên";
  }

  function syncPersonKinds(root) {
    for (const select of root.querySelectorAll("select[data-person-kind]")) syncPersonKind(select);
  }

  // -- wiring ------------------------------------------------------------------------------------

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && form.contains(button)) {
      event.preventDefault();
      onRowButton(button);
    }
  });
  const edited = (event) => {
    if (event.target.type === "file") return;
    if (event.target.name) touched.add(event.target.name);
    schedule();
  };
  form.addEventListener("input", edited);
  form.addEventListener("change", (event) => {
    if (event.target.matches("select[data-person-kind]")) syncPersonKind(event.target);
    edited(event);
  });
  form.addEventListener("keydown", (event) => {
    // Enter in a one-line box would submit the form through its first button (open a file).
    if (event.key === "Enter" && event.target.matches("input:not([type=file])")) event.preventDefault();
  });
  form.addEventListener("submit", () => { changed = false; });
  for (const link of document.querySelectorAll("a[data-leave]")) {
    link.addEventListener("click", (event) => {
      if (changed && !confirm("Bỏ những gì đã nhập trên trang này?")) event.preventDefault();
    });
  }

  syncPersonKinds(form);
  refresh();
})();
