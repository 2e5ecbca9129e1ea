// The campaign's state in the hero (距开幕 N 天 / 进行中 · 第 N 天 / 已结束), counted in Beijing days from the
// dates the page carries. The server writes the same text when it renders the page; a cached page may be a day
// old, so the script counts again in the reader's browser. Without script the server's text stays.
(function () {
  'use strict';
  var DAY = 86400000;
  // A Beijing calendar day as a day number, whatever the reader's own time zone (China has no daylight saving).
  function beijingDay(ms) { return Math.floor((ms + 8 * 3600000) / DAY); }
  function dayOf(iso) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return p ? Math.floor(Date.UTC(+p[1], +p[2] - 1, +p[3]) / DAY) : null;
  }
  function stateText(today, start, end) {
    if (today < start) return '距开幕 ' + (start - today) + ' 天';
    if (today <= end) return '进行中 · 第 ' + (today - start + 1) + ' 天';
    return '已结束';
  }
  var nodes = document.querySelectorAll('[data-week-start][data-week-end]');
  for (var i = 0; i < nodes.length; i++) {
    var start = dayOf(nodes[i].getAttribute('data-week-start'));
    var end = dayOf(nodes[i].getAttribute('data-week-end'));
    if (start !== null && end !== null) nodes[i].textContent = stateText(beijingDay(Date.now()), start, end);
  }
})();
