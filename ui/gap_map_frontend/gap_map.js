// The gap map inside a Streamlit component frame (ui/gap_map.py).
// The region shapes arrive once, as a static file fetched over HTTP (cached by the
// browser, gzipped by the proxy); every rerun then sends only each region's style and
// tooltip, the policy markers, and the layer file's name. Pan and zoom survive reruns.
(function () {
  "use strict";
  var map = null, regions = null, outline = [], policy = null;
  var geometryFile = null, outlineFile = null, policyKey = null, properties = {};
  var clicks = 0, height = 0, pending = null, loading = {};

  function send(type, data) {
    var message = Object.assign({isStreamlitMessage: true, type: type}, data || {});
    window.parent.postMessage(message, "*");
  }

  function fetchJson(file) {
    if (!loading[file]) {
      loading[file] = fetch(file).then(function (r) {
        if (!r.ok) { throw new Error(file + ": " + r.status); }
        return r.json();
      });
    }
    return loading[file];
  }

  function setupMap(args) {
    var element = document.getElementById("map");
    element.style.height = args.height + "px";
    map = L.map(element, {zoomSnap: 0.25, zoomDelta: 0.5, minZoom: args.min_zoom,
                          maxZoom: args.max_zoom, attributionControl: false});
    map.fitBounds(args.bounds);
    window.gapMap = map;   // for the browser tests and the console
  }

  function regionStyle(feature) {
    var own = properties[feature.properties.region_code];
    return own ? own[0] : {fillOpacity: 0, opacity: 0};
  }

  // Region paths are marked 'gm-region' (outlines 'gm-outline'), as in the offline HTML
  // map, so that tests and styles can tell them from policy markers.

  function drawRegions(geojson) {
    if (regions) { map.removeLayer(regions); }
    regions = L.geoJson(geojson, {
      className: "gm-region",
      style: regionStyle,
      onEachFeature: function (feature, layer) {
        var code = feature.properties.region_code;
        layer.bindTooltip("", {sticky: true});
        layer.on("mouseover", function (e) {
          e.target.setStyle({weight: 2.5, color: "#222222"});
        });
        layer.on("mouseout", function (e) { e.target.setStyle(regionStyle(feature)); });
        layer.on("click", function () {
          clicks += 1;
          send("streamlit:setComponentValue",
               {value: {region_code: code, clicks: clicks}, dataType: "json"});
        });
      }
    }).addTo(map);
  }

  function restyle() {
    regions.eachLayer(function (layer) {
      var own = properties[layer.feature.properties.region_code];
      layer.setStyle(regionStyle(layer.feature));
      if (own) { layer.setTooltipContent(own[1]); }
      else { layer.unbindTooltip().bindTooltip("", {sticky: true}); }
      // Regions without a value this run (no row in the view) are neither shown nor hoverable.
      var path = layer.getElement && layer.getElement();
      if (path) { path.style.pointerEvents = own ? "" : "none"; }
    });
  }

  function drawOutline(geojson, styles) {
    outline.forEach(function (layer) { map.removeLayer(layer); });
    outline = styles.map(function (style) {
      return L.geoJson(geojson, {className: "gm-outline", interactive: false,
                                 style: function () { return style; }})
        .addTo(map);
    });
  }

  function drawPolicy(layers) {
    if (policy) { map.removeLayer(policy); }
    policy = L.featureGroup();
    layers.forEach(function (layer) {
      layer.lines.forEach(function (line) {
        L.polyline(line.points, {color: layer.color, weight: 2, dashArray: "6 4",
                                 opacity: 0.8}).bindTooltip(line.tooltip).addTo(policy);
      });
      layer.markers.forEach(function (marker) {
        L.circleMarker(marker.point, {radius: 7, color: "#ffffff", weight: 1.5, fill: true,
                                      fillColor: layer.color, fillOpacity: 1})
          .bindTooltip(marker.tooltip).addTo(policy);
      });
    });
    policy.addTo(map);
  }

  function render(args) {
    if (!map) { setupMap(args); }
    if (args.height !== height) {
      height = args.height;
      document.getElementById("map").style.height = height + "px";
      map.invalidateSize();
      send("streamlit:setFrameHeight", {height: height});
    }
    properties = args.regions;
    var wanted = [fetchJson(args.geometry), fetchJson(args.outline)];
    Promise.all(wanted).then(function (loaded) {
      if (args !== pending) { return; }          // a newer render arrived meanwhile
      if (args.geometry !== geometryFile) {
        drawRegions(loaded[0]);
        geometryFile = args.geometry;
      }
      restyle();
      if (args.outline !== outlineFile) {
        drawOutline(loaded[1], args.outline_styles);
        outlineFile = args.outline;
      } else {
        outline.forEach(function (layer) { layer.bringToFront(); });
      }
      var key = JSON.stringify(args.policy);
      if (key !== policyKey) { drawPolicy(args.policy); policyKey = key; }
      else if (policy) { policy.bringToFront(); }
      document.body.dataset.rendered = args.geometry;
    }).catch(function (error) {
      document.body.dataset.error = String(error);
    });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (data && data.type === "streamlit:render") {
      pending = data.args;
      render(data.args);
    }
  });
  send("streamlit:componentReady", {apiVersion: 1});
})();
