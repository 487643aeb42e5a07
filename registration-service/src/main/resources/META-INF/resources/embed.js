// For an organisation's own page: <script src="https://<registration pages>/embed.js" data-event="<slug>" async></script>
// puts the event's registration form in a frame where the script stands, and keeps the frame as tall
// as the form. Optional: data-lang="es" (the form's language), data-title (the frame's name for
// screen readers). The site must be listed in CONVENE_EMBED_ALLOWED_ORIGINS.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.getAttribute('data-event')) {
    return;
  }
  var origin = new URL(script.src).origin;
  var lang = script.getAttribute('data-lang');
  var frame = document.createElement('iframe');
  frame.src = origin + '/embed/events/' + encodeURIComponent(script.getAttribute('data-event'))
    + (lang ? '?lang=' + encodeURIComponent(lang) : '');
  frame.title = script.getAttribute('data-title') || 'Registration form';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = '40rem';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    // Only the frame this script made, from the site it came from, may size it.
    if (event.origin !== origin || event.source !== frame.contentWindow) {
      return;
    }
    if (event.data && event.data.type === 'convene:height' && typeof event.data.height === 'number') {
      frame.style.height = Math.ceil(event.data.height) + 'px';
    }
  });
})();
