// Inside the frame of an organisation's site: tells the page around it how tall the form is, so that
// its frame fits without a scroll bar (see /embed.js). Only a height is sent, to whichever page frames it.
(function () {
  'use strict';
  if (window.parent === window) {
    return;
  }
  function tell() {
    window.parent.postMessage({ type: 'convene:height', height: document.documentElement.scrollHeight }, '*');
  }
  window.addEventListener('load', tell);
  if (window.ResizeObserver) {
    new ResizeObserver(tell).observe(document.documentElement);
  }
})();
