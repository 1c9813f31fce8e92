// The network graph: cytoscape.js draws the ads and the values they share, from graph.json.
// Loaded with `defer` from the network page; no inline script (the CSP forbids it).
(function () {
  "use strict";
  var COLOURS = {
    phone: "#c0392b", email: "#8e44ad", handle: "#d35400",
    url: "#7f8c8d", image: "#2471a3", template: "#1e8449"
  };

  function draw(container, data) {
    var edges = data.edges.map(function (e) {
      e.data.colour = COLOURS[e.data.kind] || "#555e68";
      return e;
    });
    return window.cytoscape({
      container: container,
      elements: { nodes: data.nodes, edges: edges },
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": "#0b5cad", "label": "data(label)", "font-size": 8,
          "min-zoomed-font-size": 9,
          "color": "#1b1f24", "width": 12, "height": 12 } },
        { selector: "node[?template]", style: { "border-width": 2, "border-color": "#1e8449" } },
        { selector: "edge", style: {
          "line-color": "data(colour)", "width": "mapData(weight, 0, 1, 1, 4)",
          "curve-style": "haystack", "opacity": 0.8 } }
      ],
      layout: { name: data.nodes.length > 300 ? "grid" : "cose", animate: false }
    });
  }

  function start() {
    var container = document.getElementById("network-graph");
    if (!container || !window.cytoscape) { return; }
    fetch(container.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("graph " + response.status); }
        return response.json();
      })
      .then(function (data) {
        container.cy = draw(container, data);
        container.dataset.nodes = String(data.nodes.length);
        container.dataset.edges = String(data.edges.length);
      })
      .catch(function (error) { container.textContent = String(error); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
