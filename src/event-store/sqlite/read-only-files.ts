import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Where to open SQLite files so that reading them writes nothing beside them. A read-only connection to
 * a WAL database still creates its -wal and -shm files, which fails in a read-only directory (a mounted
 * backup, an auditor's account) and litters a stopped server's data; this build of SQLite takes no
 * `immutable=1` URI. So a file is read in place only beside a running writer (its -wal file exists and
 * the directory is writable), else from a private copy, removed on close.
 */
export class ReadOnlyFiles {
  private scratch: string | undefined;

  /** The path to open `file` at (itself when it does not exist). */
  path(file: string): string {
    if (!existsSync(file) || (existsSync(`${file}-wal`) && writable(dirname(file)))) return file;
    this.scratch ??= mkdtempSync(join(tmpdir(), 'daftar-read-'));
    const copy = join(this.scratch, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    return copy;
  }

  close(): void {
    if (this.scratch !== undefined) rmSync(this.scratch, { recursive: true, force: true });
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
