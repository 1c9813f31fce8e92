// Starts the vendored Swagger UI for /docs. A file, not an inline script, because the
// Content-Security-Policy allows scripts from this origin only. "Try it out" sends the
// session's CSRF token (from /api/me) with state changes, as the API requires.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  var csrf = null;
  fetch("/api/me", { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (me) { csrf = me ? me.csrf_token : null; })
    .catch(function () { csrf = null; });
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: function (request) {
      if (csrf && request.method && request.method.toUpperCase() !== "GET") {
        request.headers["X-CSRF-Token"] = csrf;
      }
      return request;
    },
  });
});
