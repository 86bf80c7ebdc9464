#!/usr/bin/env node
// The bundle (bundle/postlint.js, made by `pnpm build`) starts several times faster than the
// separate modules in dist/; a checkout built with `tsc -b` alone still runs from dist/.
import { existsSync } from 'node:fs';

const bundle = new URL('../bundle/postlint.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/bin.js');

process.exitCode = await main(process.argv.slice(2));
