// Progressive enhancement for the editor: a Markdown toolbar and a live preview rendered by the server
// with the same code as a save. Without JavaScript the form still works; the preview shows on save.
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
        const response = await fetch('/admin/preview', {
          method: 'POST', body, headers: token ? { 'X-CSRF-TOKEN': token.value } : {}, credentials: 'same-origin',
        });
        if (response.ok) target.innerHTML = await response.text();
      }, 300);
    });
  });
})();
