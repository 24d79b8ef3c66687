// The map of a group's places: Leaflet with tiles the viewer's browser loads. The list beside it
// is the page's own content; when the map library or its tiles cannot load, the list is what shows.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("resource-map");
    var note = document.getElementById("map-note");
    var items = document.querySelectorAll("#place-list .place");
    if (!box || items.length === 0) {
      return;
    }
    function noMap() {
      box.hidden = true;
      note.textContent = box.getAttribute("data-no-tiles");
      note.hidden = false;
    }
    if (typeof L === "undefined") {
      noMap();
      return;
    }
    box.classList.add("map");
    var map = L.map(box, {scrollWheelZoom: false});
    var layer = L.tileLayer(box.getAttribute("data-tiles"), {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap"
    });
    var loaded = false;
    layer.on("tileload", function () {
      loaded = true;
      box.setAttribute("data-tiles-loaded", "yes");
    });
    layer.on("tileerror", function () {
      if (!loaded) {
        noMap();
      }
    });
    layer.addTo(map);
    var bounds = [];
    items.forEach(function (item) {
      var at = [parseFloat(item.getAttribute("data-lat")), parseFloat(item.getAttribute("data-lon"))];
      bounds.push(at);
      L.marker(at, {title: item.textContent.trim(), alt: item.textContent.trim()}).addTo(map)
        .bindPopup(item.textContent.trim());
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 16);
    } else {
      map.fitBounds(bounds, {padding: [24, 24]});
    }
    box.setAttribute("data-markers", String(bounds.length));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
