// The live part of the staff page, in plain JavaScript (no build step, nothing from outside).
// Written by hand because it is small and specific: a library such as htmx would cover the
// request below, but not the rows or the placing of errors, which are most of this file.
//
// - Right after a change, the form goes to /form/check; the answer places each error beside its
//   box (data-error-for) and shows the PDF's pages, or says why there are none. One check at a
//   time: changes made while one is on its way are sent together as soon as its answer is back,
//   so the pages follow typing as fast as the server renders, and never queue up behind it.
// - List rows: add (a copy of the row template <template id="t-…">, its __P__ made the new row's
//   name), remove, move up and down. Row keys are never renumbered: the server reads rows in
//   page order. A part is added of the kind chosen beside the button.
// - Tables: each row has one cell per column, named after the column's key; adding, moving or
//   removing a column does the same to the cells of every row.
// - People: "một dòng chữ" (a group) shows the boxes of a line, "một người" those of a person;
//   a box of the other kind that holds something stays, so nothing typed is lost.
"use strict";

(() => {
  const form = document.getElementById("meeting");
  if (!form) return;
  const pages = document.getElementById("pages");
  const status = document.getElementById("status");
  const general = document.getElementById("general");
  const pdfButton = document.getElementById("pdf");
  const docxButton = document.getElementById("docx");
  // The events of one edit (a new row and its boxes, a column and its cells) come in the same
  // turn of the page's event loop: a timer of 0 ms lets them all in before the one check. Any
  // pause longer than that would only add to the time a change takes to show.
  const GATHER_MS = 0;
  const FITS = {
    person: ["honorific", "name", "position", "reason", "excused"],
    line: ["line", "count", "reason", "excused"],
  };
  let timer = 0;
  let checking = false; // a check is on its way
  let again = false; // and something changed since it left
  let sent = 0;
  let shown = 0;
  let rowCounter = 0;
  let changed = false;
  // This computer cannot make the PDF (the server said so once): the DOCX stays the main button.
  let noPdf = docxButton.classList.contains("primary");
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
    if (checking) { again = true; return; }
    clearTimeout(timer);
    timer = setTimeout(refresh, GATHER_MS);
  }

  function checkedFields() {
    const fields = new FormData(form);
    fields.delete("upload"); // the file box: only "Mở tệp" sends the file
    return fields;
  }

  async function refresh() {
    checking = true;
    again = false;
    try {
      await check();
    } finally {
      checking = false;
      if (again) schedule();
    }
  }

  async function check() {
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

  // The paragraph that says this computer cannot make the PDF is no problem of the form.
  const problemsOf = (reply) =>
    (reply.general || []).filter((message) => !reply.setup || message !== reply.setup.text);

  function showErrors(reply) {
    for (const element of form.querySelectorAll("[data-error-for]")) element.textContent = "";
    for (const element of form.querySelectorAll("[aria-invalid]")) element.removeAttribute("aria-invalid");
    const unplaced = [...new Set([...answered, ...problemsOf(reply)])];
    for (const { name, message } of reply.errors || []) {
      if (!showAll && !isTouched(name)) continue;
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
      if (!slot) { unplaced.push(message); continue; }
      slot.textContent = slot.textContent ? slot.textContent + " " + message : message;
      const folded = slot.closest("details");
      if (folded) folded.open = true;
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
    const problems = (reply.errors || []).length + problemsOf(reply).length;
    noPdf = noPdf || Boolean(reply.setup);
    setPrimary(noPdf ? docxButton : pdfButton);
    if (!reply.pages) {
      pages.classList.add("stale");
      if (reply.setup && !problems) { showSetup(reply.setup); return; }
      say(pages.childElementCount
        ? `Còn ${problems} lỗi: bản xem trước chưa cập nhật.`
        : `Còn ${problems} lỗi: bản xem trước hiện ở đây khi biên bản đủ thông tin.`);
      return;
    }
    // A page the change did not touch comes back as the same picture: its image stays, so the
    // browser does not decode it again.
    const shown = [...pages.children];
    const images = reply.pages.map((page, index) => {
      const same = shown[index];
      const image = same && same.src === page.src ? same : new Image(page.width, page.height);
      if (image !== same) image.src = page.src;
      image.alt = `Trang ${index + 1} của ${reply.pages.length}`;
      return image;
    });
    pages.replaceChildren(...images);
    pages.classList.remove("stale");
    say(`Không có lỗi. Biên bản có ${reply.pages.length} trang.`);
  }

  // No Pango on this computer: nothing is wrong with the form, the preview and the PDF cannot be
  // made, the DOCX can; the guide that says what to install is a link.
  function showSetup(setup) {
    status.replaceChildren(`${setup.message} Vẫn tải được tệp DOCX.`);
    if (setup.docs) {
      const guide = document.createElement(setup.href ? "a" : "span");
      if (setup.href) guide.href = setup.href;
      guide.textContent = setup.docs;
      status.append(" Xem thêm: ", guide);
    }
  }

  function setPrimary(button) {
    for (const other of [pdfButton, docxButton]) other.classList.toggle("primary", other === button);
  }

  // -- rows ------------------------------------------------------------------------------------

  const rowsOf = (list) => list.querySelector(":scope > .rows");

  function addRow(list) {
    const chooser = list.querySelector(":scope > .add-part > select");
    const templateId = chooser ? `t-part-${chooser.value}` : list.dataset.template;
    const what = chooser
      ? "phần " + chooser.selectedOptions[0].textContent.toLowerCase()
      : list.dataset.what;
    const template = document.getElementById(templateId);
    const name = `${list.dataset.list}._n${++rowCounter}`;
    const html = template.innerHTML.replaceAll("__P__", name).replaceAll("__WHAT__", what);
    const rows = rowsOf(list);
    rows.insertAdjacentHTML("beforeend", html);
    const row = rows.lastElementChild;
    const table = tableOf(list);
    if (table) syncTable(table);
    for (const inner of row.querySelectorAll("fieldset.table")) syncTable(inner);
    syncPersonKinds(row);
    focusFirst(row);
  }

  function focusFirst(row) {
    const field = row.querySelector(
      "input:not([disabled]):not([type=hidden]), textarea, select:not([disabled])");
    if (field) field.focus();
  }

  function onRowButton(button) {
    const action = button.dataset.action;
    const list = button.closest(".list");
    if (action === "add") {
      touched.add(list.dataset.list);
      addRow(list);
      schedule();
      return;
    }
    const row = button.closest(".row");
    touched.add(row.dataset.name);
    if (action === "remove") {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      if (next) focusFirst(next); else list.querySelector(":scope .add").focus();
    } else if (action === "up" && row.previousElementSibling) {
      row.previousElementSibling.before(row);
      button.focus();
    } else if (action === "down" && row.nextElementSibling) {
      row.nextElementSibling.after(row);
      button.focus();
    } else {
      return;
    }
    const table = tableOf(list);
    if (table && list.dataset.list.endsWith(".columns")) syncTable(table);
    schedule();
  }

  // -- tables: the cells of every row follow the columns ---------------------------------------

  function tableOf(element) {
    const list = element.closest(".list");
    const table = element.closest("fieldset.table");
    if (!list || !table) return null;
    const name = table.dataset.table;
    return list.dataset.list === `${name}.columns` || list.dataset.list === `${name}.rows`
      ? table : null;
  }

  const listOf = (table, part) =>
    table.querySelector(`.list[data-list="${CSS.escape(`${table.dataset.table}.${part}`)}"]`);

  function columnsOf(table) {
    return [...rowsOf(listOf(table, "columns")).children].map((row, index) => {
      const title = row.querySelector('input[name$=".title"]');
      return {
        key: row.dataset.name.slice(row.dataset.name.lastIndexOf(".") + 1),
        title: (title && title.value.trim()) || `Cột ${index + 1}`,
      };
    });
  }

  function newCell(rowName, key) {
    const name = `${rowName}.c.${key}`;
    const cell = document.createElement("div");
    cell.className = "cell";
    cell.dataset.column = key;
    const input = document.createElement("input");
    input.id = `f-${name}`;
    input.name = name;
    input.autocomplete = "off";
    const error = document.createElement("p");
    error.className = "error";
    error.id = `e-${name}`;
    error.dataset.errorFor = name;
    cell.append(input, error);
    return cell;
  }

  // One cell per column, in the columns' order, each named after its column's key and read
  // aloud with its title; a cell whose column was removed goes with it.
  function syncTable(table) {
    const columns = columnsOf(table);
    table.style.setProperty("--columns", Math.max(columns.length, 1));
    for (const row of rowsOf(listOf(table, "rows")).children) {
      const cells = row.querySelector(".cells");
      const old = new Map([...cells.children].map((cell) => [cell.dataset.column, cell]));
      const kept = columns.map(({ key, title }) => {
        const cell = old.get(key) || newCell(row.dataset.name, key);
        cell.querySelector("input").setAttribute("aria-label", title);
        return cell;
      });
      const order = [...cells.children];
      if (kept.length !== order.length || kept.some((cell, index) => cell !== order[index])) {
        cells.replaceChildren(...kept);
      }
    }
  }

  function syncRowKind(select) {
    const row = select.closest(".table-row");
    const line = select.value === "line";
    row.dataset.kind = select.value;
    row.querySelector(":scope > .cells").hidden = line;
    const box = row.querySelector(":scope > .row-line");
    box.hidden = !line;
    box.querySelector("input").disabled = !line;
  }

  // -- people: a person's boxes, or a group line's ----------------------------------------------

  function syncPersonKind(select, switched = false) {
    const person = select.closest(".person");
    const kind = select.value;
    const prefix = select.name.slice(0, -".kind".length);
    if (switched) { // the text typed as a name is the line, and back
      const [from, to] = kind === "line" ? ["name", "line"] : ["line", "name"];
      const source = document.getElementById(`f-${prefix}.${from}`);
      const target = document.getElementById(`f-${prefix}.${to}`);
      if (source && target && source.value && !target.value) {
        target.value = source.value;
        source.value = "";
      }
    }
    person.dataset.kind = kind;
    for (const field of person.querySelectorAll(":scope > .field:not(.kind)")) {
      const key = [...field.classList].find((name) => name.startsWith("p-")).slice(2);
      const box = field.querySelector("input, select");
      const off = !FITS[kind].includes(key) && !box.value;
      field.hidden = off;
      box.disabled = off;
    }
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
    if (event.target.type === "file" || !event.target.name) return;
    touched.add(event.target.name);
    schedule();
  };
  form.addEventListener("input", (event) => {
    if (event.target.matches('input[name$=".title"]')) {
      const table = tableOf(event.target);
      if (table) syncTable(table);
    }
    edited(event);
  });
  form.addEventListener("change", (event) => {
    if (event.target.matches("select[data-person-kind]")) syncPersonKind(event.target, true);
    if (event.target.matches("select[data-row-kind]")) syncRowKind(event.target);
    if (event.type === "change" && event.target.matches("select, input[type=checkbox]")) edited(event);
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
  for (const table of form.querySelectorAll("fieldset.table")) syncTable(table);
  refresh();
})();
