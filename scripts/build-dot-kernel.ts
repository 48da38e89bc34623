/**
 * Compiles `src/search/semantic/dot-kernel.wat` (the semantic search's dot-product loop, in
 * WebAssembly text) into `src/search/semantic/dot-kernel-wasm.ts`, the committed module bytes the
 * bot loads. The bot needs no compiler at run time; `wabt` (the WebAssembly project's own
 * assembler, a dev dependency) is only needed to change the kernel.
 *
 *   npx tsx scripts/build-dot-kernel.ts          # after editing dot-kernel.wat; commit both files
 *
 * test/search/semantic/vector-rows.test.ts compiles the text again and fails when the committed
 * bytes differ, so the two cannot drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileDotKernel, renderKernelModule } from './dot-kernel-source.js';

const source = fileURLToPath(new URL('../src/search/semantic/dot-kernel.wat', import.meta.url));
const target = fileURLToPath(new URL('../src/search/semantic/dot-kernel-wasm.ts', import.meta.url));
const bytes = await compileDotKernel(readFileSync(source, 'utf8'));
writeFileSync(target, renderKernelModule(bytes));
console.log(`wrote ${target} (${bytes.length} bytes of WebAssembly)`);
