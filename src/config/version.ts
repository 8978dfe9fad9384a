import { readFileSync } from 'node:fs';

declare const __FLYSCALE_VERSION__: string | undefined;

/** The CLI bundle carries the version (scripts/build.mjs); the library reads it. */
let cached: string | undefined = typeof __FLYSCALE_VERSION__ === 'string' ? __FLYSCALE_VERSION__ : undefined;

/** The package version, read once from package.json (two levels above dist/<dir>/ and src/<dir>/). */
export function toolVersion(): string {
  if (cached === undefined) {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    cached = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}
