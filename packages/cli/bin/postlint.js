#!/usr/bin/env node
// The bundle (bundle/postlint.js, made by `pnpm build`) starts several times faster than the
// separate modules in dist/; a checkout built with `tsc -b` alone still runs from dist/.
const { main } = await import('../bundle/postlint.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('bundle/postlint.js')) return import('../dist/bin.js');
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
