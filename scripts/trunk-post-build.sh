#!/usr/bin/env bash
# Trunk's post-build hook (see Trunk.toml): writes the first view into index.html (at the end)
# and moves the inline start-up script Trunk writes into
# index.html to a file of its own, boot-<hash>.js, so that the app runs under a strict
# Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'), as on
# hosts that embed it. Trunk has no option for this yet (trunk-rs/trunk#288).
set -euo pipefail

dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
html="$dir/index.html"

# The module script Trunk inlines: from `<script type="module">` to the next `</script>`.
script="$(awk '/<script type="module"[^>]*>/ { inside = 1; sub(/.*<script type="module"[^>]*>/, ""); }
  inside { if ($0 ~ /<\/script>/) { sub(/<\/script>.*/, ""); print; exit } print }' "$html")"
if [[ -z "${script//[[:space:]]/}" ]]; then
  echo "trunk-post-build: no inline module script in $html: has Trunk's output changed?" >&2
  exit 1
fi

# Trunk's script imports the glue and starts the wasm at once, and its preload links fetch both
# while the page is still being painted. The first view needs neither (it is in the HTML), so
# the app's start waits for the first frame to be painted and on screen (after the frame's
# animation callback, once the browser has its first contentful paint entry; where a browser
# has no such entries, the animation callback alone): the first paint is the largest, and the
# wasm's bytes do not compete with the page's own. Lighthouse then counts the page's paint, not
# the wasm's download: started from the animation callback alone, the wasm was sometimes
# requested before the frame reached the screen, and Lighthouse, from a host that does not
# compress, then put the largest paint after the wasm's download (LCP 5.3 s, performance 78, in
# 3 of 6 runs; 0 of 6 with the paint entry). A page that is never painted (a hidden iframe)
# starts after a second. The wasm is requested before the
# glue is imported, so that the two travel side by side rather than one after the other (at 4x
# CPU the glue's round trip was 17 ms of the start).
glue="$(printf '%s' "$script" | grep -o "impala-map-[0-9a-f]*\.js" | head -n1)"
wasm="$(printf '%s' "$script" | grep -o "impala-map-[0-9a-f]*_bg\.wasm" | head -n1)"
if [[ -z "$glue" || -z "$wasm" ]]; then
  echo "trunk-post-build: Trunk's start-up script names no impala-map-<hash>.js and _bg.wasm: has Trunk's output changed?" >&2
  exit 1
fi
script="let started = 0;
const start = async () => {
  if (started++) return;
  const bytes = fetch('./$wasm');
  const bindings = await import('./$glue');
  const wasm = await bindings.default({ module_or_path: bytes });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
const entries = PerformanceObserver.supportedEntryTypes?.includes('paint');
const painted = () => !entries || performance.getEntriesByName('first-contentful-paint').length;
requestAnimationFrame(() => setTimeout(() => painted() && start()));
if (entries) new PerformanceObserver(() => painted() && start()).observe({ type: 'paint', buffered: true });
setTimeout(start, 1000);"
hash="$(printf '%s' "$script" | sha256sum | cut -c1-16)"
boot="boot-$hash.js"
printf '%s\n' "$script" > "$dir/$boot"
# Trunk's preload links for the glue and the wasm: the start fetches them when it is time.
sed -i -E 's#<link rel="(modulepreload|preload)" href="\./impala-map-[^"]*"[^>]*>##g' "$html"

# Replace the inline script (possibly over several lines) with a reference to the file.
awk -v boot="$boot" '
  !done && /<script type="module"[^>]*>/ { skipping = 1; sub(/<script type="module"[^>]*>.*/, ""); printf "%s<script type=\"module\" src=\"./%s\"></script>", $0, boot }
  skipping { if ($0 ~ /<\/script>/) { sub(/.*<\/script>/, ""); print; skipping = 0; done = 1 } ; next }
  { print }' "$html" > "$html.tmp"
mv "$html.tmp" "$html"

if grep -q '<script type="module">' "$html"; then
  echo "trunk-post-build: an inline module script is still in $html" >&2
  exit 1
fi

# The first view (map, figures, list) rendered into <div id="app"> by the app's own components,
# natively, so that it shows at the first paint and without JavaScript (src/prerender.rs).
cargo run --quiet --manifest-path "${TRUNK_SOURCE_DIR:-.}/Cargo.toml" --bin prerender -- "$html"

# A .br and a .gz copy beside every text and wasm file, for hosts that serve precompressed files
# (README, "Hosting"). Last, so the copies are of the final files. The .gz copies are zopfli's
# (tools/gzip-best, built here on first use: about 4 % fewer bytes than gzip -9, 11 KB of the
# wasm), which takes about 10 s a build; scripts/serve, whose copies nobody downloads, sets
# IMPALA_QUICK_GZIP=1 for Node's own gzip.
source_dir="${TRUNK_SOURCE_DIR:-.}"
if [[ -n "${IMPALA_QUICK_GZIP:-}" ]]; then
  node "$source_dir/scripts/precompress.mjs" "$dir"
else
  source "$source_dir/scripts/setup.sh"
  gzip_program="$(gzip_best)"
  node "$source_dir/scripts/precompress.mjs" "$dir" "$gzip_program"
fi
