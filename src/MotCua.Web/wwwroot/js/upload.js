// Submit page enhancement: each chosen file is uploaded at once to /api/files with a progress bar,
// and kept as a hidden id (what the page does without JavaScript after a post). Without this
// script the files simply travel with the form.
(function () {
  "use strict";
  var pending = 0;
  var waitingSubmitter = null;
  function settled(form) {
    pending--;
    if (pending === 0 && waitingSubmitter) {
      var submitter = waitingSubmitter;
      waitingSubmitter = null;
      form.requestSubmit(submitter);
    }
  }
  function token(form) {
    var input = form.querySelector("input[name=__RequestVerificationToken]");
    return input ? input.value : "";
  }
  function sizeText(bytes) {
    return bytes < 1048576 ? Math.max(1, Math.ceil(bytes / 1024)) + " KB" : (bytes / 1048576).toFixed(1).replace(".", ",") + " MB";
  }
  function show(status, nodes) {
    while (status.firstChild) status.removeChild(status.firstChild);
    nodes.forEach(function (n) { status.appendChild(n); });
  }
  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }
  function upload(form, input, index) {
    var file = input.files && input.files[0];
    if (!file) return;
    var status = document.getElementById("doc_" + index + "-status");
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    bar.id = "doc_" + index + "-progress";
    bar.setAttribute("aria-label", "Đang tải lên " + file.name);
    show(status, [text("span", "Đang tải lên " + file.name + " (" + sizeText(file.size) + ") "), bar]);
    var body = new FormData();
    body.append("file", file);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/files");
    xhr.setRequestHeader("RequestVerificationToken", token(form));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round(e.loaded * 100 / e.total);
    });
    xhr.addEventListener("load", function () {
      var answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = {}; }
      if (xhr.status >= 200 && xhr.status < 300 && answer.id) {
        var kept = document.createElement("input");
        kept.type = "hidden"; kept.name = "kept_" + index; kept.value = answer.id;
        var remove = text("button", "Gỡ tệp", "link");
        remove.type = "submit"; remove.name = "remove"; remove.value = String(index); remove.formNoValidate = true;
        show(status, [kept, text("span", answer.fileName, "file-name"), text("span", " (" + sizeText(answer.size) + ") ", "muted"), remove]);
        input.value = "";
      } else {
        var message = (answer.errors && Object.values(answer.errors)[0] && Object.values(answer.errors)[0][0]) || answer.detail || answer.title || "Không tải được tệp lên. Vui lòng thử lại.";
        show(status, [text("span", message, "field-error")]);
        input.value = "";
      }
    });
    xhr.addEventListener("error", function () {
      show(status, [text("span", "Mất kết nối khi tải tệp lên. Vui lòng thử lại.", "field-error")]);
    });
    pending++;
    xhr.addEventListener("loadend", function () { settled(form); });
    xhr.send(body);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-upload-form]");
    if (!form || !window.FormData || !window.XMLHttpRequest) return;
    // A submit while a file is still uploading waits for it, then goes on by itself.
    form.addEventListener("submit", function (e) {
      if (pending > 0) {
        e.preventDefault();
        waitingSubmitter = e.submitter || null;
      }
    });
    form.querySelectorAll("input[type=file][id^=doc_]").forEach(function (input) {
      var index = input.id.substring(4);
      input.addEventListener("change", function () { upload(form, input, index); });
    });
  });
})();
