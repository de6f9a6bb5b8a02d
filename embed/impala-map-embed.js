/* IMPALA map embed helper: resizes each iframe showing the map to the height the map reports.
   No dependencies, no inline script needed: <script src="impala-map-embed.js" async></script>.
   Only the frame that sent a message is resized (matched by its window), within sane bounds. */
(function () {
  addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d["impala-map"] !== 1 || d.type !== "height") return;
    var h = Math.ceil(d.height);
    if (!(h > 0 && h < 20000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = h + "px";
    }
  });
})();
