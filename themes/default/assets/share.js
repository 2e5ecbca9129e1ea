/*
 * WeChat share cards. Inside WeChat's browser a shared page shows a card (title, summary, cover) only when the page
 * configures the JS-SDK: this asks the site to sign the page's address, then hands WeChat the card read from the
 * page's own OpenGraph tags. The page itself is the same for everyone (and cached); only this request is per view.
 * Outside WeChat, or when the site cannot sign (no WeChat account: 503), it does nothing at all.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!/MicroMessenger/i.test(navigator.userAgent) || !window.wx || !window.fetch || !script) return;

  function meta(property) {
    var tag = document.querySelector('meta[property="' + property + '"]');
    return tag ? tag.getAttribute('content') || '' : '';
  }

  function absolute(address) {
    try { return address ? new URL(address, location.href).href : ''; } catch (e) { return ''; }
  }

  var page = location.href.split('#')[0];
  var endpoint = script.getAttribute('data-signature');
  if (!endpoint) return;

  var card = {
    title: meta('og:title') || document.title,
    desc: meta('og:description'),
    link: absolute(meta('og:url')) || page,
    imgUrl: absolute(meta('og:image'))
  };

  function ask(request) {
    return fetch(request.url, request.init).then(function (response) { return response.ok ? response.json() : null; });
  }

  var reported = false;
  function configure(signed) {
    if (!signed) return;
    wx.config({
      debug: false,
      appId: signed.appId,
      timestamp: signed.timestamp,
      nonceStr: signed.nonceStr,
      signature: signed.signature,
      jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData']
    });
    // WeChat refused the signature (its ticket died early): report it once and configure again with a new one.
    wx.error(function (result) {
      if (reported || !/signature/i.test((result && result.errMsg) || '')) return;
      reported = true;
      ask({
        url: endpoint + '/refused',
        init: {
          method: 'POST',
          credentials: 'omit',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ url: page, timestamp: signed.timestamp, nonceStr: signed.nonceStr, signature: signed.signature })
        }
      }).then(configure).catch(function () { /* no card */ });
    });
  }

  wx.ready(function () {
    wx.updateAppMessageShareData(card);
    wx.updateTimelineShareData({ title: card.title, link: card.link, imgUrl: card.imgUrl });
  });
  ask({ url: endpoint + '?url=' + encodeURIComponent(page), init: { credentials: 'omit', headers: { Accept: 'application/json' } } })
    .then(configure)
    .catch(function () { /* no card: the page shares as a plain link */ });
})();
