import { readFileSync, realpathSync, statfsSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import type { MachineDescription } from './report.js';

/** This machine, for the report: CPU, cores, memory, Node, OS, the data directories' file system, load. */
export function describeMachine(dataDir: string, date: Date): MachineDescription {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown CPU',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    dataDir: fileSystemOf(dataDir),
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    date: date.toISOString(),
  };
}

/** `ext4 (/dev/vda1) mounted at /, 39.2 GiB` for the mount that holds `dir`, from /proc/mounts on Linux. */
function fileSystemOf(dir: string): string {
  const path = realpathSync(dir);
  let size = '';
  try {
    const stats = statfsSync(path);
    size = `, ${Math.round(((stats.blocks * stats.bsize) / 2 ** 30) * 10) / 10} GiB`;
  } catch {
    // no statfs here
  }
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, mountPoint]) => mountPoint !== undefined && isUnder(path, mountPoint))
      .sort((a, b) => b[1]!.length - a[1]!.length);
    const [device, mountPoint, fileSystem] = mounts[0] ?? [];
    if (mountPoint) return `${path}: ${fileSystem} (${device}) mounted at ${mountPoint}${size}`;
  } catch {
    // not Linux
  }
  return `${path}${size}`;
}

function isUnder(path: string, mountPoint: string): boolean {
  return mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
}
