// Progressive enhancement of the event page: everything here also works, more plainly, without it.
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var lang = document.documentElement.lang || 'en';

  // The event's time in the visitor's own zone, when it is not the event's.
  var eventTime = document.getElementById('event-time');
  var yours = document.getElementById('your-time');
  if (eventTime && yours && zone) {
    var start = new Date(eventTime.getAttribute('datetime'));
    var eventZone = (eventTime.textContent.match(/\(([^,]+),/) || [])[1];
    if (!isNaN(start) && zone !== eventZone) {
      yours.querySelector('.zone').textContent = zone;
      yours.querySelector('.time').textContent = new Intl.DateTimeFormat(lang, {
        weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone
      }).format(start);
      yours.hidden = false;
    }
  }

  // The form's time zone: the visitor's own, rather than the event's, unless they chose one.
  var select = document.getElementById('timeZone');
  if (select && zone && select.getAttribute('aria-invalid') !== 'true' && !document.querySelector('.error-summary')) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === zone; });
    if (!known) {
      select.add(new Option(zone, zone));
    }
    select.value = zone;
  }

  // A form sent back with mistakes: keyboard and screen reader users start at the list of them.
  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }

  // Copy the event's link in one click.
  var copy = document.getElementById('copy-link');
  var link = document.getElementById('event-link');
  if (copy && link && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(link.value).then(function () {
        document.getElementById('copy-status').textContent = copy.getAttribute('data-copied');
      });
    });
  }
})();
