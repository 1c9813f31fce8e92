// Draws the figures page's charts with the vendored Vega-Lite; no inline script, no eval:
// Vega's expressions run through its interpreter, so the strict CSP holds. The specs come
// from the page's JSON endpoint, or (in the self-contained report) from a JSON data block.
(function () {
  'use strict';

  function draw(holder, specs) {
    holder.querySelectorAll('[data-chart]').forEach(function (box) {
      var spec = specs[box.dataset.chart];
      if (!spec) { return; }
      window.vegaEmbed(box, spec, {
        actions: false,
        renderer: 'svg',
        ast: true,
        expr: window.vegaExpressionInterpreter,
        defaultStyle: false,
        tooltip: false
      }).then(function () {
        box.setAttribute('data-rendered', 'true');
      }).catch(function (error) {
        box.textContent = holder.dataset.error || String(error);
        box.setAttribute('data-rendered', 'error');
      });
    });
  }

  function start() {
    document.querySelectorAll('[data-specs]').forEach(function (holder) {
      var inline = holder.dataset.specs.charAt(0) === '#' ?
        document.querySelector(holder.dataset.specs) : null;
      if (inline) {
        draw(holder, JSON.parse(inline.textContent));
        return;
      }
      fetch(holder.dataset.specs, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        })
        .then(function (specs) { draw(holder, specs); })
        .catch(function () {
          holder.querySelectorAll('[data-chart]').forEach(function (box) {
            box.textContent = holder.dataset.error;
            box.setAttribute('data-rendered', 'error');
          });
        });
    });
  }

  // After 'load', so every stylesheet has sized the chart boxes the specs fill ('container').
  if (document.readyState === 'complete') {
    start();
  } else {
    window.addEventListener('load', start);
  }
})();
