// Progressive enhancement for the editor: a Markdown toolbar and a live preview rendered by the server
// with the same code as a save. Without JavaScript the form still works; the preview shows on save.

// The site may be mounted under a prefix (Cms:PathBase); the layout writes it on <body>, ending in '/'.
const adminBase = document.body.dataset.base || '/';
(() => {
  const insert = {
    heading: (s) => `\n## ${s || '小标题'}\n`,
    bold: (s) => `**${s || '重点'}**`,
    list: (s) => `\n- ${s || '条目'}\n- \n`,
    link: (s) => `[${s || '链接文字'}](https://)`,
    table: () => '\n| 项目 | 数值 |\n|---|---|\n| 活动场次 | 1 |\n',
  };
  document.querySelectorAll('.toolbar').forEach((bar) => {
    const area = document.getElementById(bar.dataset.for);
    bar.addEventListener('click', (e) => {
      const kind = e.target.dataset && e.target.dataset.md;
      if (!kind || !area) return;
      const { selectionStart: a, selectionEnd: b, value } = area;
      const text = insert[kind](value.slice(a, b));
      area.setRangeText(text, a, b, 'end');
      area.focus();
      area.dispatchEvent(new Event('input'));
    });
  });

  const token = document.querySelector('input[name="__RequestVerificationToken"]');
  document.querySelectorAll('textarea[data-preview]').forEach((area) => {
    const target = document.getElementById(area.dataset.preview);
    let timer;
    area.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const body = new URLSearchParams({ body: area.value });
        const response = await fetch(`${adminBase}admin/preview`, {
          method: 'POST', body, headers: token ? { 'X-CSRF-TOKEN': token.value } : {}, credentials: 'same-origin',
        });
        if (response.ok) target.innerHTML = await response.text();
      }, 300);
    });
  });
})();

// Media library: uploads with a progress bar (XHR reports upload progress, fetch does not), drag and drop,
// and the answer's problem text shown next to the file when the server refuses it.
(() => {
  const box = document.querySelector('[data-upload]');
  if (!box) return;
  const input = box.querySelector('input[type=file]');
  const zone = box.querySelector('.dropzone');
  const list = box.querySelector('.uploads');
  const alt = box.querySelector('#upload-alt');
  // After an upload the count and the grid below are fetched again with the page's own filters, so they
  // show what the library now holds (a script-side increment would miscount a filtered view).
  // The count keeps its element (a live region), so a screen reader hears the new number.
  const refresh = async () => {
    const total = document.querySelector('[data-library-total]');
    const library = document.querySelector('[data-library]');
    const answer = await fetch(window.location.href, { credentials: 'same-origin' });
    if (!total || !library || !answer.ok) return;
    const fresh = new DOMParser().parseFromString(await answer.text(), 'text/html');
    const freshTotal = fresh.querySelector('[data-library-total]');
    const freshLibrary = fresh.querySelector('[data-library]');
    if (freshTotal) total.textContent = freshTotal.textContent;
    if (freshLibrary) library.replaceChildren(...freshLibrary.childNodes);
  };
  const send = (file) => {
    const row = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = file.name;
    const bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', `上传进度：${file.name}`);
    const status = document.createElement('span');
    status.className = 'muted';
    row.append(name, bar, status);
    list.prepend(row);
    const form = new FormData();
    if (alt.value.trim()) form.append('alt', alt.value.trim());
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', box.dataset.upload);
    xhr.setRequestHeader('X-CSRF-TOKEN', box.dataset.token);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100); });
    xhr.addEventListener('load', () => {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON: keep the status code */ }
      if (xhr.status === 201) {
        bar.value = 100;
        const link = document.createElement('a');
        link.href = `${adminBase}admin/media/${body.id}`;
        link.textContent = '已上传，打开';
        status.replaceChildren(link);
        refresh();
      } else {
        row.classList.add('failed');
        status.className = 'error';
        status.textContent = body.detail || `上传失败（${xhr.status}）`;
      }
    });
    xhr.addEventListener('error', () => { status.className = 'error'; status.textContent = '网络中断，上传失败'; });
    xhr.send(form);
  };
  input.addEventListener('change', () => { [...input.files].forEach(send); input.value = ''; });
  ['dragenter', 'dragover'].forEach((t) => zone.addEventListener(t, (e) => { e.preventDefault(); zone.classList.add('over'); }));
  ['dragleave', 'drop'].forEach((t) => zone.addEventListener(t, () => zone.classList.remove('over')));
  zone.addEventListener('drop', (e) => { e.preventDefault(); [...e.dataTransfer.files].forEach(send); });
})();

// Focal point: a click on the picture sets the two number fields (which also work by hand) and moves the mark.
(() => {
  const box = document.querySelector('[data-focal]');
  if (!box) return;
  const img = box.querySelector('img');
  const mark = box.querySelector('.focal-mark');
  const x = document.getElementById('FocalX');
  const y = document.getElementById('FocalY');
  const place = () => { mark.style.left = `${x.value * 100}%`; mark.style.top = `${y.value * 100}%`; };
  img.addEventListener('click', (e) => {
    const r = img.getBoundingClientRect();
    x.value = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)).toFixed(4);
    y.value = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)).toFixed(4);
    place();
  });
  [x, y].forEach((f) => f.addEventListener('input', place));
})();

// Media pickers in the editor: the library's images in a dialog. A click fills the cover field, or, for the
// toolbar's 插入图片, puts ![alt](/media/N) into the body at the cursor (without JavaScript it is typed by hand).
document.querySelectorAll('[data-pick]').forEach((open) => {
  const dialog = document.getElementById(open.dataset.pick);
  const field = document.getElementById(open.dataset.field);
  if (!dialog || !field) return;
  const grid = dialog.querySelector('.picker-body');
  let cursor = null;
  open.addEventListener('click', async () => {
    cursor = [field.selectionStart, field.selectionEnd];
    const answer = await fetch(`${adminBase}admin/media?handler=Pick`, { credentials: 'same-origin' });
    grid.innerHTML = answer.ok ? await answer.text() : '<p class="error">媒体库打不开，请稍后再试。</p>';
    dialog.showModal();
  });
  grid.addEventListener('click', (e) => {
    const pick = e.target.closest('button[data-address]');
    if (!pick) return;
    if (open.dataset.insert === 'image') {
      // A paragraph of its own, like the toolbar's heading; brackets would end the alt text early, and the
      // picture's own alt text is the default description.
      const alt = (pick.dataset.alt || '图片').replace(/[[\]]/g, '');
      const [a, b] = cursor || [field.value.length, field.value.length];
      field.setRangeText(`\n![${alt}](${pick.dataset.address})\n`, a, b, 'end');
      field.focus();
    } else {
      field.value = pick.dataset.address;
    }
    field.dispatchEvent(new Event('input'));
    dialog.close();
  });
});

// A status that is still changing (a WeChat post on its way) reloads the page after a few seconds, so the editor
// sees the outcome without pressing anything; without JavaScript the page says to reload.
document.querySelectorAll('[data-refresh-after]').forEach((status) => {
  const seconds = Number(status.dataset.refreshAfter) || 5;
  setTimeout(() => window.location.reload(), seconds * 1000);
});

// A new item's form carries every kind's fields, each marked with the kinds that have it: show the chosen kind's and
// disable the others' inputs (so they are not posted). Without script every field shows; the save keeps the kind's.
(() => {
  const kind = document.getElementById('kind');
  if (!kind) return;
  const show = () => {
    document.querySelectorAll('[data-kinds]').forEach((part) => {
      const applies = part.dataset.kinds.split(' ').includes(kind.value);
      part.hidden = !applies;
      part.querySelectorAll('input, select, textarea, button').forEach((input) => { input.disabled = !applies; });
    });
  };
  kind.addEventListener('change', show);
  show();
})();
