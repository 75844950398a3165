// Business-lines picker enhancement (ARIA 1.2 combobox with a listbox popup): typing a code or
// words shows up to 8 lines of the economic-sector classification from /api/catalog/business-lines;
// arrow keys move, Enter or a tap chooses, Escape closes. "Thêm ngành khác" adds an input here
// instead of a round trip. Without this script the server resolves what was typed and offers the
// candidates itself (docs/domain/forms.md#business-lines-vsic).
(function () {
  "use strict";

  function enhance(input, status) {
    if (input.getAttribute("role") === "combobox") return;
    var list = document.createElement("ul");
    list.id = input.id + "-options";
    list.className = "vsic-options";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Gợi ý ngành kinh tế");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var items = [], active = -1, timer = null, controller = null, lastQuery = null;

    function open() {
      if (items.length === 0) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      setActive(-1);
    }
    function setActive(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        var li = list.children[index];
        input.setAttribute("aria-activedescendant", li.id);
        if (li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function clearProblem() {
      var problem = document.getElementById(input.id + "-problem");
      if (problem) problem.parentNode.removeChild(problem);
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    function choose(index) {
      var item = items[index];
      input.value = item.code + " – " + item.name;
      lastQuery = input.value.trim();
      close();
      clearProblem();
      status.textContent = "Đã chọn ngành " + item.code + " – " + item.name + ".";
    }
    function render(data) {
      items = data || [];
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var code = document.createElement("span");
        code.className = "code";
        code.textContent = item.code;
        li.appendChild(code);
        li.appendChild(document.createTextNode(" " + item.name));
        // Keep the focus in the input while the pointer chooses.
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      active = -1;
      if (items.length === 0) {
        close();
        status.textContent = "Không tìm thấy ngành phù hợp.";
      } else {
        open();
        status.textContent = items.length + " ngành phù hợp; dùng phím mũi tên để chọn.";
      }
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2 && !/^\d/.test(q)) {
        items = [];
        close();
        return;
      }
      if (q === lastQuery) {
        open();
        return;
      }
      lastQuery = q;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch("/api/catalog/business-lines?limit=8&q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (data) { if (document.activeElement === input) render(data); })
        .catch(function () { /* offline or aborted: the server still resolves the text */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden) { if (items.length) open(); else search(); return; }
        setActive(Math.min(active + 1, items.length - 1));
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (!list.hidden) setActive(Math.max(active - 1, 0));
      } else if (e.key === "Enter") {
        if (!list.hidden && active >= 0) {
          e.preventDefault();
          choose(active);
        }
      } else if (e.key === "Escape") {
        if (!list.hidden) {
          e.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", close);
  }

  function setUp(fieldset) {
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    fieldset.appendChild(status);
    var inputs = fieldset.querySelectorAll("input[data-business-line]");
    Array.prototype.forEach.call(inputs, function (input) { enhance(input, status); });
    var add = fieldset.querySelector("button[data-add-line]");
    var listOfLines = fieldset.querySelector("ol");
    if (!add || !listOfLines) return;
    add.addEventListener("click", function (e) {
      e.preventDefault();
      var all = listOfLines.querySelectorAll("input[data-business-line]");
      var last = all[all.length - 1];
      if (last && last.value.trim() === "") { last.focus(); return; }
      var n = all.length + 1;
      var first = all[0];
      var li = document.createElement("li");
      li.className = "business-line";
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.id = first.id + "_" + n;
      while (document.getElementById(input.id)) input.id += "_";
      label.setAttribute("for", input.id);
      label.textContent = "Ngành thứ " + n;
      input.name = first.name;
      input.maxLength = 300;
      input.autocomplete = "off";
      input.spellcheck = false;
      input.setAttribute("data-business-line", "");
      li.appendChild(label);
      li.appendChild(input);
      listOfLines.appendChild(li);
      enhance(input, status);
      input.focus();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("fieldset[data-business-lines]"), setUp);
})();
