import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The shared import fixtures (`shared/fixtures/imports`), which live beside the repository (in CI
 * the clone sits next to `shared/`). SHARED_FIXTURES_DIR overrides the search; otherwise each
 * folder above this one is asked for a `shared/fixtures`. Throws when none is found, so a test
 * that needs the real export files fails instead of passing without them.
 */
export function sharedFixturesDir(): string {
  const fromEnv = process.env.SHARED_FIXTURES_DIR;
  if (fromEnv) {
    return resolve(fromEnv);
  }
  let folder = resolve(__dirname);
  for (;;) {
    const candidate = join(folder, 'shared', 'fixtures');
    if (existsSync(join(candidate, 'imports'))) {
      return candidate;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error('shared/fixtures not found: set SHARED_FIXTURES_DIR');
    }
    folder = parent;
  }
}

/** The path of a file under `shared/fixtures/imports`. */
export function importFixture(...parts: string[]): string {
  return join(sharedFixturesDir(), 'imports', ...parts);
}
