// The example host page's script: points the frames at the map, records what the maps say
// (window.hostEvents) and lets a test send them commands (window.hostSend).
(function () {
  var params = new URLSearchParams(location.search);
  var app = params.get("app") || "/";
  var sandbox = params.get("sandbox") === "1";
  window.hostEvents = [];
  addEventListener("message", function (e) {
    var frame = null;
    ["phone", "desktop"].forEach(function (id) {
      var f = document.getElementById(id);
      if (f && f.contentWindow === e.source) frame = id;
    });
    window.hostEvents.push({ frame: frame, origin: e.origin, data: e.data });
  });
  window.hostSend = function (id, message) {
    document.getElementById(id).contentWindow.postMessage(message, "*");
  };
  ["phone", "desktop"].forEach(function (id) {
    var f = document.getElementById(id);
    if (sandbox) f.setAttribute("sandbox", "allow-scripts");
    var sep = app.indexOf("?") >= 0 ? "&" : "?";
    f.src = app + sep + "embed-id=" + id;
  });
})();
