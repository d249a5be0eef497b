// Small enhancements only: every page works without this file.
(function () {
  "use strict";

  function listFiles(input, list) {
    list.textContent = "";
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement("li");
      li.textContent = f.name + "（" + Math.max(1, Math.round(f.size / 1024)) + " KB）";
      list.appendChild(li);
    });
  }

  // Drag and drop onto the zone fills the ordinary file input, so the ordinary form submit sends them.
  document.querySelectorAll("[data-dropzone]").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    var list = zone.querySelector("[data-chosen]");
    if (!input || !list) return;
    input.addEventListener("change", function () { listFiles(input, list); });
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      input.files = e.dataTransfer.files;
      listFiles(input, list);
    });
  });

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { button.textContent = "已复制"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
      } else {
        var area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        document.body.removeChild(area);
        done();
      }
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  function kb(n) { return Math.max(1, Math.round(n / 1024)) + " KB"; }

  // The files go in one request, as the plain form would send them; each file's bar follows the bytes sent
  // (files travel in order, so the bytes past a file's start are that file's). The answer is a redirect to
  // the results, which the page then shows — with any refusals, which stay until closed.
  function uploadWithProgress(form, input, list, button) {
    var files = Array.prototype.slice.call(input.files);
    var starts = [], total = 0, bars = [];
    list.textContent = "";
    files.forEach(function (f) {
      starts.push(total);
      total += f.size;
      var li = document.createElement("li");
      li.setAttribute("data-file", f.name);
      var name = document.createElement("span");
      name.textContent = f.name + "（" + kb(f.size) + "）";
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0;
      var pct = document.createElement("span");
      pct.className = "pct"; pct.textContent = "等待上传";
      li.appendChild(name); li.appendChild(bar); li.appendChild(pct);
      list.appendChild(li);
      bars.push([bar, pct]);
    });
    var note = document.createElement("p");
    note.className = "uploading-note"; note.setAttribute("data-uploading", "");
    note.textContent = "正在上传 " + files.length + " 个文件，请不要关闭本页…";
    form.appendChild(note);
    function show(loaded) {
      files.forEach(function (f, i) {
        var done = f.size ? Math.min(1, Math.max(0, (loaded - starts[i]) / f.size)) : (loaded >= starts[i] ? 1 : 0);
        bars[i][0].value = Math.round(done * 100);
        bars[i][1].textContent = done >= 1 ? "已发送" : (done > 0 ? Math.round(done * 100) + "%" : "等待上传");
      });
    }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("action") || window.location.pathname);
    xhr.setRequestHeader("Accept", "text/html");
    xhr.upload.addEventListener("progress", function (e) { show(e.loaded); });
    xhr.upload.addEventListener("load", function () {
      show(total + 1);
      note.textContent = "文件已发送，正在保存…";
    });
    xhr.addEventListener("load", function () {
      if (xhr.status < 400 && xhr.responseURL) { window.location.assign(xhr.responseURL); return; }
      var text = "上传未完成（" + xhr.status + "）";
      try {
        var doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
        var said = doc.querySelector(".error-text") || doc.querySelector("h1");
        if (said) text = said.textContent.trim();
      } catch (err) { /* keep the plain text */ }
      note.className = "alert"; note.textContent = text;
      button.disabled = false; button.textContent = "上传";
    });
    xhr.addEventListener("error", function () {
      note.className = "alert"; note.textContent = "网络中断，文件未能上传，请重试。";
      button.disabled = false; button.textContent = "上传";
    });
    xhr.send(new FormData(form));
  }

  // A second click on 上传 while the first is still sending would store every file twice.
  document.querySelectorAll("#upload-form").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      var button = form.querySelector("button[type=submit]");
      var input = form.querySelector("input[type=file]");
      var list = form.querySelector("[data-chosen]");
      if (button) { button.disabled = true; button.textContent = "正在上传…"; }
      if (!window.FormData || !input || !list || !input.files.length) return;  // the plain form submit
      e.preventDefault();
      uploadWithProgress(form, input, list, button);
    });
  });

  function fileName(response, href) {
    var header = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    var plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : href.split("/").pop();
  }

  // Documents take seconds to make (a PDF 2–4 s): the link says so until the file arrives, or why it did not.
  document.querySelectorAll("a[data-making]").forEach(function (link) {
    link.addEventListener("click", function (e) {
      if (!window.fetch || !window.Blob || link.classList.contains("making")) return;
      e.preventDefault();
      link.classList.add("making");
      link.setAttribute("data-making-text", link.getAttribute("data-making"));
      var old = link.parentNode.querySelector("[data-making-error]");
      if (old) old.parentNode.removeChild(old);
      fetch(link.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          return response.text().then(function (body) {
            var text = "未能生成（" + response.status + "）";
            try { text = JSON.parse(body).detail || text; } catch (err) {
              var doc = new DOMParser().parseFromString(body, "text/html");
              var said = doc.querySelector(".error-text");
              if (said) text = said.textContent.trim();
            }
            throw new Error(text);
          });
        }
        return response.blob().then(function (blob) {
          var a = document.createElement("a");
          a.href = URL.createObjectURL(blob);
          a.download = fileName(response, link.href);
          document.body.appendChild(a);
          a.click();
          setTimeout(function () { URL.revokeObjectURL(a.href); document.body.removeChild(a); }, 1000);
        });
      }).catch(function (err) {
        var span = document.createElement("span");
        span.className = "error-text"; span.setAttribute("data-making-error", "");
        span.textContent = " " + (err && err.message ? err.message : "网络中断，请重试。");
        link.parentNode.insertBefore(span, link.nextSibling);
      }).then(function () {
        link.classList.remove("making");
      });
    });
  });
})();
