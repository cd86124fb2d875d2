import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  inFile,
  integrity,
  logHead,
  openDraft,
  openedDrafts,
  readiness,
  readModelCounts,
  signIn,
  startDaftar,
  stopDaftar,
  until,
  type DaftarProcess,
} from './daftar-process.js';

/** How a test takes the space away from the running server, and gives it back. */
interface NoSpace {
  take(server: DaftarProcess): void;
  giveBack(server: DaftarProcess): void;
}

/**
 * The whole story of a full disk: commands answer 503 with a code (never a 500) while nothing can be
 * written, the server stays up, and the first command after the space returns succeeds in the same
 * process; afterwards the files are intact and the log holds no partial append.
 */
async function fillAndRecover(dataDir: string, space: NoSpace): Promise<void> {
  const server = await startDaftar(dataDir);
  try {
    const token = await signIn(server.url, 'citizen');
    const acknowledged: string[] = [];
    const draft = async () => {
      const res = await openDraft(server.url, token);
      const body = (await res.json()) as { permitId?: string; code?: string };
      if (res.status === 201) acknowledged.push(body.permitId!);
      return { status: res.status, code: body.code };
    };
    expect(await draft()).toEqual({ status: 201, code: undefined });

    space.take(server);
    // Some writes may still fit where a file already has room (a WAL reused from its start): the
    // disk is full once a command is refused, and every refusal says why in the same words.
    const refusal = await until('a command is refused for want of space', async () => {
      const answer = await draft();
      if (answer.status === 201) return undefined;
      return answer;
    });
    expect(refusal).toEqual({ status: 503, code: 'STORE.UNAVAILABLE' });
    const meanwhile = await Promise.all(Array.from({ length: 20 }, draft));
    expect(meanwhile.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    expect(meanwhile.filter((a) => a.status === 503 && a.code !== 'STORE.UNAVAILABLE')).toEqual([]);
    // Reads still answer from what is there.
    const read = await fetch(`${server.url}/permits/${acknowledged[0]!}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);

    space.giveBack(server);
    await until('a command succeeds again', async () => ((await draft()).status === 201 ? true : undefined));
    await until(
      'the server is ready again',
      async () => (await readiness(server))?.ready,
      30_000,
      () => JSON.stringify(server.output().slice(-3000)),
    );
    expect(server.child.exitCode).toBeNull();

    await stopDaftar(server);
    for (const file of ['events.db', 'read-models.db', 'ledger.db']) {
      expect([file, integrity(dataDir, file)]).toEqual([file, 'ok']);
    }
    const log = inFile(dataDir, 'events.db', (db) =>
      db
        .prepare<[], { stream: string; revision: number; data: string }>(
          'SELECT stream, revision, data FROM events ORDER BY position',
        )
        .all(),
    );
    // Every acknowledged draft is there; every stream's revisions are dense; every event parses.
    const streams = new Map<string, number[]>();
    for (const e of log) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e.revision]);
    expect(acknowledged.filter((id) => !streams.has(`permit-${id}`))).toEqual([]);
    expect([...streams].filter(([, revisions]) => revisions.some((r, i) => r !== i))).toEqual([]);
    expect(log.filter((e) => typeof JSON.parse(e.data) !== 'object')).toEqual([]);
  } finally {
    await stopDaftar(server, 'SIGKILL');
  }
}

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

describe('a full disk', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-fault-disk-'));
    dirs.push(dir);
    return dir;
  };

  // Portable: the server's file-size limit (RLIMIT_FSIZE) lowered, then raised again, from outside.
  // Node ignores SIGXFSZ, so a write past the limit fails (EFBIG, or a short write) as on a full disk.
  (hasPrlimit ? it : it.skip)(
    'as a file-size limit on the server: 503, nothing corrupted, and recovery by itself',
    async () => {
      let hard = '';
      await fillAndRecover(newDir(), {
        take: ({ child }) => {
          hard = prlimit(child.pid!, ['--fsize', '--raw', '--noheadings', '--output=HARD']).trim();
          prlimit(child.pid!, ['--fsize=4096:']);
        },
        giveBack: ({ child }) => void prlimit(child.pid!, [`--fsize=${hard}:`]),
      });
    },
    120_000,
  );

  // The log's files have room and the read models' do not: the limit lies between their write-ahead
  // logs, the read models' being the larger (they write several rows for each event of the log).
  (hasPrlimit ? it : it.skip)(
    'when only the read models cannot grow: commands are recorded, the read models wait and catch up by themselves',
    async () => {
      const dataDir = newDir();
      const server = await startDaftar(dataDir);
      try {
        const token = await signIn(server.url, 'citizen');
        const size = (file: string) => statSync(join(dataDir, file), { throwIfNoEntry: false })?.size ?? 0;
        const limit = Math.max(size('events.db'), size('events.db-wal')) + 512 * 1024;
        const hard = prlimit(server.child.pid!, ['--fsize', '--raw', '--noheadings', '--output=HARD']).trim();
        prlimit(server.child.pid!, [`--fsize=${limit}:`]);

        // A draft is recorded; answering it waits for the permits' read model, which cannot write.
        const behind = await until('a subscriber waits for room', async () => {
          const res = await openDraft(server.url, token);
          const body = (await res.json()) as { code?: string; details?: { written?: boolean } };
          expect([res.status, body.code]).toEqual(
            res.status === 201 ? [201, undefined] : [503, 'READ_MODEL.BEHIND'],
          );
          const { ready, subscribers } = (await readiness(server))!;
          // Stopping for good would need a restart: none of the subscribers may.
          expect(subscribers.filter((s) => s.state === 'failed')).toEqual([]);
          const waiting = subscribers.filter((s) => s.state === 'retrying');
          return waiting.length > 0 ? { ready, waiting } : undefined;
        });
        expect(behind.ready).toBeUndefined();
        expect(behind.waiting.map((s) => s.retry!.message)).toContainEqual(
          expect.stringMatching(/disk|I\/O/),
        );
        expect(size('read-models.db-wal')).toBeGreaterThan(limit);
        expect(size('events.db-wal')).toBeLessThan(limit);

        prlimit(server.child.pid!, [`--fsize=${hard}:`]);
        const head = logHead(dataDir);
        const { subscribers } = await until(
          'every subscriber is live at the head of the log again',
          async () => {
            const now = await readiness(server);
            return now?.ready && now.subscribers.every((s) => s.position === String(head)) ? now : undefined;
          },
          30_000,
          () => JSON.stringify(server.output().slice(-3000)),
        );
        expect(subscribers.filter((s) => s.state !== 'live' || s.parked || s.retry)).toEqual([]);
        expect(server.child.exitCode).toBeNull();

        // Every recorded draft shows, counted once: the read models agree with the log.
        const opened = openedDrafts(dataDir);
        expect(readModelCounts(dataDir)).toEqual({ permits: opened.length, audited: head });
        const answers = await Promise.all(
          opened.map(async (stream) => {
            const id = stream.slice('permit-'.length);
            const res = await fetch(`${server.url}/permits/${id}`, {
              headers: { authorization: `Bearer ${token}` },
            });
            return res.status;
          }),
        );
        expect(answers.filter((status) => status !== 200)).toEqual([]);
        await stopDaftar(server);
        expect(integrity(dataDir, 'read-models.db')).toBe('ok');
      } finally {
        await stopDaftar(server, 'SIGKILL');
      }
    },
    120_000,
  );

  // Closest to the real thing: the data directory on a small tmpfs, filled to the last block.
  const canMount = mountTmpfs()?.unmount() ?? false;
  (canMount ? it : it.skip)(
    'on a filled tmpfs: 503, nothing corrupted, and recovery by itself',
    async () => {
      const { dir, unmount } = mountTmpfs()!;
      try {
        const dataDir = join(dir, 'data');
        mkdirSync(dataDir);
        const filler = join(dir, 'filler');
        await fillAndRecover(dataDir, { take: () => fill(filler), giveBack: () => unlinkSync(filler) });
      } finally {
        unmount();
      }
    },
    120_000,
  );
  if (!hasPrlimit) console.log('full disk by file-size limit skipped: util-linux prlimit is not installed');
  if (!canMount) console.log('full disk on tmpfs skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)');
});

function prlimit(pid: number, args: readonly string[]): string {
  const run = spawnSync('prlimit', ['--pid', String(pid), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`prlimit ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A 64 MiB tmpfs of its own, where mounting is allowed (root, CAP_SYS_ADMIN); undefined elsewhere. */
function mountTmpfs(): { dir: string; unmount(): true } | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'daftar-fault-tmpfs-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
      return true;
    },
  };
}

/** Writes `file` until the file system has no block left. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  try {
    for (let chunk = 1 << 20; chunk >= 512;) {
      try {
        writeSync(fd, Buffer.alloc(chunk));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        chunk /= 2;
      }
    }
  } finally {
    closeSync(fd);
  }
}
