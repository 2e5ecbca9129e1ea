// 适老化 switches: font size (大/中/小) and high contrast, remembered in this browser's localStorage (never a
// cookie: the server neither reads nor needs them, and cached pages stay the same for everyone). Runs in <body>
// before the content, so the remembered classes apply before the first paint; the buttons are wired once parsed.
(function () {
  'use strict';
  var root = document.documentElement;
  var fonts = ['large', 'medium', 'small'];
  var FONT_KEY = 'a11y.font';
  var CONTRAST_KEY = 'a11y.contrast';

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
    } catch (e) { /* storage refused (private mode): the choice lasts for this page only */ }
  }

  function applyFont(font) {
    if (fonts.indexOf(font) < 0) font = 'medium';
    fonts.forEach(function (f) { root.classList.toggle('a11y-font-' + f, f === font && f !== 'medium'); });
    return font;
  }

  function applyContrast(on) {
    root.classList.toggle('a11y-contrast', on);
    return on;
  }

  var font = applyFont(read(FONT_KEY));
  var contrast = applyContrast(read(CONTRAST_KEY) === 'on');

  function wire() {
    var bar = document.getElementById('a11y-bar');
    if (!bar) return;
    var fontButtons = bar.querySelectorAll('button[data-font]');
    var contrastButton = document.getElementById('a11y-contrast');

    function show() {
      Array.prototype.forEach.call(fontButtons, function (b) {
        b.setAttribute('aria-pressed', b.getAttribute('data-font') === font ? 'true' : 'false');
      });
      if (contrastButton) contrastButton.setAttribute('aria-pressed', contrast ? 'true' : 'false');
    }

    Array.prototype.forEach.call(fontButtons, function (b) {
      b.addEventListener('click', function () {
        font = applyFont(b.getAttribute('data-font'));
        write(FONT_KEY, font === 'medium' ? null : font);
        show();
      });
    });
    if (contrastButton) {
      contrastButton.addEventListener('click', function () {
        contrast = applyContrast(!contrast);
        write(CONTRAST_KEY, contrast ? 'on' : null);
        show();
      });
    }
    show();
    bar.hidden = false;
  }

  // 打印本页 on item pages: a button only where script can print (the print stylesheet works without it, from the browser's menu).
  function wirePrint() {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-print]'), function (b) {
      if (typeof window.print !== 'function') return;
      b.addEventListener('click', function () { window.print(); });
      b.hidden = false;
    });
  }

  function ready() { wire(); wirePrint(); }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready); else ready();
})();
