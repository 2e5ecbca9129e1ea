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

  fetch(endpoint + '?url=' + encodeURIComponent(page), { credentials: 'omit', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (signed) {
      if (!signed) return;
      var card = {
        title: meta('og:title') || document.title,
        desc: meta('og:description'),
        link: absolute(meta('og:url')) || page,
        imgUrl: absolute(meta('og:image'))
      };
      wx.config({
        debug: false,
        appId: signed.appId,
        timestamp: signed.timestamp,
        nonceStr: signed.nonceStr,
        signature: signed.signature,
        jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData']
      });
      wx.ready(function () {
        wx.updateAppMessageShareData(card);
        wx.updateTimelineShareData({ title: card.title, link: card.link, imgUrl: card.imgUrl });
      });
    })
    .catch(function () { /* no card: the page shares as a plain link */ });
})();
