//! The JavaScript the bench puts into the page. [`INIT`] is installed with the DevTools
//! protocol's `Page.addScriptToEvaluateOnNewDocument`, so it runs before any of the page's own
//! scripts; the others run as WebDriver scripts once the app is up. Everything they record is
//! in `window.__bench`, with times from `performance.now()` (milliseconds since navigation
//! start).
//!
//! "Painted" means: the first `requestAnimationFrame` callback after the change, then a
//! `MessageChannel` message, which is delivered after that frame's paint on the main thread
//! (`afterPaint`). The browser's own first contentful paint is later: it is the time the frame
//! was presented, after rasterising and compositing.

/// Runs first in every document: notes when the map's first country shape enters the DOM,
/// when that frame was painted, when `[data-app-ready]` appears (time to interactive), and
/// every long task (> 50 ms, `PerformanceObserver` of type `longtask`).
pub const INIT: &str = r#"(() => {
  if (window.__bench) return;
  const b = window.__bench = { mapInDom: null, mapPainted: null, ready: null, longTasks: [] };
  b.afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(0);
  });
  const check = () => {
    const now = performance.now();
    if (b.mapInDom === null && document.querySelector('svg.europe-map path.country')) {
      b.mapInDom = now;
      b.afterPaint((t) => { b.mapPainted = t; });
    }
    if (b.ready === null && document.querySelector('[data-app-ready]')) b.ready = now;
    if (b.mapInDom !== null && b.ready !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['data-app-ready'] });
  b.takeLongTasks = () => {
    if (b.longObserver) for (const e of b.longObserver.takeRecords()) b.longTasks.push([e.startTime, e.duration]);
    return b.longTasks;
  };
  // The largest contentful paint: every candidate the browser reports, the last one counts
  // (with what it was, to say why it came late).
  b.lcp = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        b.lcp.push([e.startTime, el ? el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + el.className : '') : '?']);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { b.lcpError = String(e); }
  try {
    b.longObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    });
    b.longObserver.observe({ type: 'longtask', buffered: true });
  } catch (e) { b.longTaskError = String(e); }
})();"#;

/// True once the app is interactive and the map painted (what [`LOAD_RESULT`] needs).
pub const LOADED: &str =
    "window.__bench && window.__bench.ready !== null && window.__bench.mapPainted !== null";

/// True once the browser has reported its first contentful paint.
pub const HAS_FCP: &str =
    "performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint')";

/// The load's times and what the page is (a function body).
pub const LOAD_RESULT: &str = r#"
const b = window.__bench, paint = performance.getEntriesByType('paint');
const at = (name) => { const e = paint.find((p) => p.name === name); return e ? e.startTime : null; };
const nav = performance.getEntriesByType('navigation')[0];
const untilReady = b.takeLongTasks().filter(([start]) => start <= b.ready);
return {
  firstPaint: at('first-paint'), fcp: at('first-contentful-paint'),
  lcp: b.lcp.length ? b.lcp[b.lcp.length - 1][0] : null,
  lcpElement: b.lcp.length ? b.lcp.map(([t, what]) => `${what} at ${Math.round(t)} ms`).join(', ') : null,
  mapInDom: b.mapInDom, mapPainted: b.mapPainted, ready: b.ready,
  domContentLoaded: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null,
  longTasks: untilReady.length, longTaskMax: Math.max(0, ...untilReady.map(([, d]) => d)),
  longTaskError: b.longTaskError || null,
  members: [...document.querySelectorAll('svg.europe-map path.country.member[data-country]')]
    .map((p) => p.getAttribute('data-country')),
  userAgent: navigator.userAgent,
};"#;

/// Every URL the page loaded: the document as navigated to (not `location`, which the app
/// changes with the selection and view) and its Resource Timing entries (a function body).
pub const RESOURCES: &str = r#"
const nav = performance.getEntriesByType('navigation')[0];
return [nav ? nav.name : location.href]
  .concat(performance.getEntriesByType('resource').map((e) => e.name));"#;

/// Where to point at the member country `arguments[0]` so that the pointer hits it (its shape
/// or its round hit area): `{x, y}` in viewport CSS pixels, checked with
/// `document.elementFromPoint`, nearest the centre of its box; or `{error}`. With
/// `arguments[1]` true, also arms the hover probe for it ([`HOVER_SETUP`]).
pub const AIM: &str = r#"
const [code, arm] = arguments;
const shape = document.querySelector(`svg.europe-map path.country.member[data-country="${code}"]`);
if (!shape) return { error: 'no shape on the map' };
const hits = (x, y) => {
  const t = document.elementFromPoint(x, y);
  return t !== null && t.getAttribute('data-country') === code && t.closest('svg.europe-map') !== null;
};
const r = shape.getBoundingClientRect();
const left = Math.max(0, r.left), right = Math.min(innerWidth, r.right);
const top = Math.max(0, r.top), bottom = Math.min(innerHeight, r.bottom);
if (right <= left || bottom <= top) return { error: 'outside the viewport' };
const cx = (left + right) / 2, cy = (top + bottom) / 2;
let found = hits(cx, cy) ? { x: cx, y: cy } : null;
for (const n of [4, 8, 16, 32]) {
  if (found) break;
  const points = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    points.push([left + (i + 0.5) * (right - left) / n, top + (j + 0.5) * (bottom - top) / n]);
  }
  points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  const p = points.find(([x, y]) => hits(x, y));
  if (p) found = { x: p[0], y: p[1] };
}
if (!found) return { error: 'something else is on top of it everywhere tried' };
if (arm) window.__bench.hover = { code, start: null, dispatched: null, event: null, shown: null, painted: null };
return found;"#;

/// The centre of the first element matching `arguments[0]` (scrolled into view if need be):
/// `{x, y}` in viewport CSS pixels, checked with `document.elementFromPoint`; or `{error}`.
pub const CENTRE: &str = r#"
const el = document.querySelector(arguments[0]);
if (!el) return { error: 'no element matches' };
let r = el.getBoundingClientRect();
if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  r = el.getBoundingClientRect();
}
if (r.width === 0 || r.height === 0) return { error: 'it has no size (hidden?)' };
const x = r.left + r.width / 2, y = r.top + r.height / 2;
const hit = document.elementFromPoint(x, y);
if (hit === null || !el.contains(hit)) {
  return { error: `${hit ? hit.tagName.toLowerCase() + '.' + (hit.getAttribute('class') || '') : 'nothing'} is on top of it` };
}
return { x, y };"#;

/// Installs the hover probe once per page: a capturing `pointerover`/`pointermove` listener
/// on the document notes the first pointer event's `timeStamp` after [`AIM`] armed it, and the
/// time it was dispatched to the page (`dispatched`: Chromium holds a pointer move until the
/// next frame begins, so the wait for the frame is `dispatched - start`, the browser's); a
/// `MutationObserver` notes when `.map-tooltip` shows that country, and `afterPaint` when
/// the frame showing it was painted.
pub const HOVER_SETUP: &str = r#"
const b = window.__bench;
if (b.hoverSetUp) return true;
b.hoverSetUp = true;
const onPointer = (e) => {
  const h = b.hover;
  if (h && h.start === null) { h.start = e.timeStamp; h.dispatched = performance.now(); h.event = e.type; }
};
document.addEventListener('pointerover', onPointer, true);
document.addEventListener('pointermove', onPointer, true);
new MutationObserver(() => {
  const h = b.hover;
  if (!h || h.start === null || h.shown !== null) return;
  const tip = document.querySelector('.map-tooltip');
  if (tip && tip.getAttribute('data-country') === h.code) {
    h.shown = performance.now();
    b.afterPaint((t) => { h.painted = t; });
  }
}).observe(document.body, { childList: true, subtree: true, attributes: true,
  attributeFilter: ['data-country'] });
return true;"#;

/// Installs the click probe once per page: a capturing `pointerdown` listener notes the
/// `timeStamp` of the first press after [`CLICK_ARM`]; a `MutationObserver` notes when the
/// details panel (`.details[data-selection]`) names another selection, and `afterPaint` when
/// the frame showing it was painted.
pub const CLICK_SETUP: &str = r#"
const b = window.__bench;
if (b.clickSetUp) return true;
b.clickSetUp = true;
document.addEventListener('pointerdown', (e) => {
  const c = b.click;
  if (c && c.start === null) c.start = e.timeStamp;
}, true);
new MutationObserver(() => {
  const c = b.click;
  if (!c || c.start === null || c.shown !== null) return;
  const details = document.querySelector('.details[data-selection]');
  const now = details ? details.getAttribute('data-selection') : null;
  if (now !== null && now !== c.before) {
    c.shown = performance.now();
    c.selection = now;
    b.afterPaint((t) => { c.painted = t; });
  }
}).observe(document.body, { childList: true, subtree: true, attributes: true,
  attributeFilter: ['data-selection'] });
return true;"#;

/// Arms the click probe (a function body): the next press starts the clock.
pub const CLICK_ARM: &str = r#"
const details = document.querySelector('.details[data-selection]');
window.__bench.click = { start: null, shown: null, painted: null, selection: null,
  before: details ? details.getAttribute('data-selection') : null };
return true;"#;

/// True once the armed click's frame was painted.
pub const CLICK_DONE: &str = "window.__bench.click && window.__bench.click.painted !== null";

/// The armed click's record (a function body).
pub const CLICK_RESULT: &str = "return window.__bench.click;";

/// True once the armed hover's frame was painted.
pub const HOVER_DONE: &str = "window.__bench.hover && window.__bench.hover.painted !== null";

/// The armed hover's record (a function body).
pub const HOVER_RESULT: &str = "return window.__bench.hover;";

/// Starts recording the frames of the timeline's playback (a function body): every
/// `requestAnimationFrame` delta from when `.year-play` says `data-playing="true"` to when it
/// says `"false"` again. Returns the button's `data-playing` now.
pub const PLAY_START: &str = r#"
const b = window.__bench;
const p = b.play = { deltas: [], last: null, t0: performance.now(), started: null, ended: null };
const state = () => { const e = document.querySelector('.year-play'); return e && e.getAttribute('data-playing'); };
const observer = new MutationObserver(() => {
  const now = performance.now(), playing = state();
  if (playing === 'true' && p.started === null) p.started = now;
  if (playing === 'false' && p.started !== null && p.ended === null) { p.ended = now; observer.disconnect(); }
});
observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-playing'] });
const frame = (t) => {
  if (p.ended !== null) return;
  if (p.last !== null && p.started !== null) p.deltas.push(t - p.last);
  p.last = t;
  requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
return state();"#;

/// True once the playback has ended.
pub const PLAY_DONE: &str = "window.__bench.play && window.__bench.play.ended !== null";

/// The playback's frames and the long tasks during it (a function body).
pub const PLAY_RESULT: &str = r#"
const b = window.__bench, p = b.play;
const during = b.takeLongTasks().filter(([start]) => start >= p.t0 && start <= p.ended);
return { deltas: p.deltas, started: p.started, ended: p.ended, longTasks: during };"#;

/// The app's wasm linear memory in bytes (Trunk's start-up event hands the exports to the
/// e2e server's recorder as `window.__e2e.wasm`), or -1.
pub const WASM_MEMORY: &str = "return window.__e2e && window.__e2e.wasm \
    ? window.__e2e.wasm.memory.buffer.byteLength : -1;";

/// A function body that waits (in the page, checking every 50 ms, at most 20 s) until
/// `condition` (a JavaScript expression) is truthy; for `execute_async`. Answers whether it is.
pub fn wait_script(condition: &str) -> String {
    format!(
        "const done = arguments[arguments.length - 1]; const end = performance.now() + 20000; \
         const check = () => {{ let ok = false; try {{ ok = !!({condition}); }} catch (e) {{}} \
         if (ok || performance.now() > end) done(ok); else setTimeout(check, 50); }}; check();"
    )
}
