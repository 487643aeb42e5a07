// Progressive enhancement of the back office; every page works without it. A file of its own, not inline
// script, which the pages' Content-Security-Policy does not run.
(function () {
  // The error summary takes the focus, so that a screen reader starts there.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }

  // The event editor: picking a known person fills their affiliation if it is still empty.
  var known = {};
  document.querySelectorAll('#people option').forEach(function (o) { known[o.value] = o.textContent; });
  document.querySelectorAll('input[list=people]').forEach(function (input) {
    input.addEventListener('change', function () {
      var row = input.closest('tr');
      var affiliation = row ? row.querySelector('input[name=speakerAffiliation]') : document.getElementById('chair-affiliation');
      if (affiliation && !affiliation.value && known[input.value]) { affiliation.value = known[input.value]; }
    });
  });

  // The event's page: while it is open, the chart follows new registrations.
  var source = document.querySelector('[data-chart]');
  if (!source || !window.fetch) { return; }
  setInterval(function () {
    fetch(source.getAttribute('data-chart'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        var chart = document.getElementById('chart');
        if (html && chart) { chart.outerHTML = html; }
      })
      .catch(function () {});
  }, 5000);
})();
