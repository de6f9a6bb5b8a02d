// Writes a Brotli (.br) and a gzip (.gz) copy beside every HTML, JavaScript, CSS, JSON and
// WebAssembly file under a folder (Trunk's post-build hook runs it on the build's output), so
// that a host serving precompressed files (nginx's gzip_static and brotli_static, Apache's
// MultiViews or rewrite rules, most static hosts) sends a third of the bytes without compressing
// anything itself. Node's own zlib: nothing to install. Best compression: it runs once a build.
//
//   node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/precompress.mjs DIR");
  process.exit(2);
}
const KINDS = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg"]);

function* files(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (KINDS.has(extname(name))) yield path;
  }
}

let count = 0;
for (const path of files(dir)) {
  const bytes = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
  count += 1;
}
console.error(`precompress: ${count} files in ${dir}, each with a .br and a .gz copy`);
