// Progressive enhancement: solves the form's proof-of-work challenge (ALTCHA's format) in the background
// once the person starts filling the form in, and sends the solution with it. Without this script, or
// where the browser cannot hash (a page not served over HTTPS), the form still works, within a stricter
// limit per network.
(function () {
  'use strict';
  var form = document.querySelector('form[data-proof]');
  if (!form || !window.fetch || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var field = form.querySelector('input[name=altcha]');
  var BATCH = 500;
  var solving = null;

  function bytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) {
      out[i] = parseInt(hex.substr(i * 2, 2), 16);
    }
    return out;
  }

  function same(buffer, expected) {
    var digest = new Uint8Array(buffer);
    for (var i = 0; i < expected.length; i++) {
      if (digest[i] !== expected[i]) {
        return false;
      }
    }
    return digest.length === expected.length;
  }

  // Hashes in batches: one digest at a time would spend most of its time waiting for the next turn.
  async function solve() {
    var response = await fetch('/api/challenge', { cache: 'no-store', credentials: 'omit' });
    if (!response.ok) {
      return null;
    }
    var c = await response.json();
    var encoder = new TextEncoder();
    var expected = bytes(c.challenge);
    var began = Date.now();
    for (var start = 0; start <= c.maxnumber; start += BATCH) {
      var digests = [];
      for (var n = start; n < start + BATCH && n <= c.maxnumber; n++) {
        digests.push(crypto.subtle.digest('SHA-256', encoder.encode(c.salt + n)));
      }
      var found = (await Promise.all(digests)).findIndex(function (d) { return same(d, expected); });
      if (found >= 0) {
        return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: start + found,
          salt: c.salt, signature: c.signature, took: Date.now() - began }));
      }
    }
    return null;
  }

  function started() {
    if (!solving) {
      solving = solve().catch(function () { return null; }).then(function (solution) {
        field.value = solution || '';
        return solution;
      });
    }
    return solving;
  }

  form.addEventListener('focusin', started, { once: true });
  form.addEventListener('submit', function (event) {
    if (field.value) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = form.dataset.checking;
    // Sent with or without a solution: without one, the server's stricter limit applies.
    started().then(function () { form.submit(); });
  });
})();
