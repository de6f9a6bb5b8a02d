// Writes a Brotli (.br) and a gzip (.gz) copy beside every HTML, JavaScript, CSS, JSON and
// WebAssembly file under a folder (Trunk's post-build hook runs it on the build's output), so
// that a host serving precompressed files (nginx's gzip_static and brotli_static, Apache's
// MultiViews or rewrite rules, most static hosts) sends a third of the bytes without compressing
// anything itself. Best compression: it runs once a build.
//
//   node scripts/precompress.mjs DIR [GZIP_PROGRAM]
//
// The .br copies come from Node's own zlib. The .gz copies come from GZIP_PROGRAM when it is
// given (a program that gzips its standard input to its standard output: the build passes
// tools/gzip-best, zopfli, whose output is about 4 % smaller than gzip -9 and which every gzip
// reader reads), two files at a time; without it, from Node's zlib at level 9.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { spawn } from "node:child_process";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [dir, gzipProgram] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/precompress.mjs DIR [GZIP_PROGRAM]");
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

/** `bytes` gzipped by `program` (standard input to standard output). */
function gzipWith(program, bytes, path) {
  return new Promise((resolve, reject) => {
    const child = spawn(program, [], { stdio: ["pipe", "pipe", "inherit"] });
    const out = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.on("error", (error) => reject(new Error(`${program}: ${error.message}`)));
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`${program} failed (exit ${code}) on ${path}`)),
    );
    child.stdin.end(bytes);
  });
}

const entries = [...files(dir)].map((path) => ({ path, bytes: readFileSync(path) }));
for (const { path, bytes } of entries) {
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
  if (!gzipProgram) writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}
if (gzipProgram) {
  // Largest first, two at a time (a build machine has at least two cores).
  const queue = [...entries].sort((a, b) => b.bytes.length - a.bytes.length);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      writeFileSync(`${next.path}.gz`, await gzipWith(gzipProgram, next.bytes, next.path));
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } catch (error) {
    console.error(`precompress: ${error.message}`);
    process.exit(1);
  }
}
console.error(
  `precompress: ${entries.length} files in ${dir}, each with a .br and a .gz copy` +
    (gzipProgram ? ` (gzip by ${gzipProgram})` : ""),
);
