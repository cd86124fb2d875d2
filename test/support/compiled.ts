import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Jest compiles tests to CommonJS (see jest.config.cjs), so __dirname is defined here.
export const projectRoot = join(__dirname, '..', '..');

function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Child processes run plain Node on the compiled output (`npm test` builds first); when a test runs
 * alone, build here if `dist` is missing or older than the sources. Returns the compiled file's path.
 */
export function compiled(distPath: string): string {
  const file = join(projectRoot, distPath);
  const sources = Math.max(
    ...['src', 'projections', 'signing'].map((d) => newestSource(join(projectRoot, d))),
  );
  if (existsSync(file) && statSync(file).mtimeMs >= sources) return file;
  try {
    execSync('npx tsc -p tsconfig.build.json', { cwd: projectRoot, stdio: 'pipe' });
  } catch (error) {
    // tsc still emits when some unrelated file has a type error; type errors are the typecheck's job.
    if (!existsSync(file)) throw error;
  }
  return file;
}
