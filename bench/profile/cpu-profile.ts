/** A V8 CPU profile as `node --cpu-prof` writes it (the fields the profiler reads). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  /** Microseconds on the machine's monotonic clock (the clock of `process.hrtime`). */
  readonly startTime: number;
  readonly endTime: number;
  /** The node on top of the stack at each sample, and the microseconds since the sample before. */
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    /** 0-based. */
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

/** A function as the reports name it: its file relative to the project or to its package. */
export interface Frame {
  readonly name: string;
  readonly file: string;
  /** 1-based; 0 for native code and V8's own entries (`(garbage collector)`, `(idle)`, `(program)`). */
  readonly line: number;
}

/** A call stack, outermost frame first, and the microseconds the samples on it account for. */
export interface Stack {
  readonly frames: readonly Frame[];
  readonly us: number;
}

/** Part of the profile's timeline in microseconds, start included, end excluded. */
export interface TimeWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

export function frameLabel(frame: Frame): string {
  return frame.file === '' ? frame.name : `${frame.name} ${frame.file}:${frame.line}`;
}

/**
 * A script's URL as a short name: `fastify/lib/reply.js` inside node_modules, the path below `root`
 * (the project's build output) for the project's files, Node's own modules as they are (`node:net`).
 */
export function shortFile(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inPackage = path.lastIndexOf('/node_modules/');
  if (inPackage >= 0) return path.slice(inPackage + '/node_modules/'.length);
  return path.startsWith(root) ? path.slice(root.length).replace(/^\//, '') : path;
}

/**
 * The stacks of the samples taken inside the window, one per profile node that was on top of the stack
 * (V8's synthetic root dropped). A sample stands for the time until the next one, as Chrome's DevTools
 * count it; the last sample, with no next one, for the mean interval.
 */
export function stacksIn(profile: CpuProfile, window: TimeWindow, root: string): Stack[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const usByNode = new Map<number, number>();
  const count = profile.samples.length;
  const meanUs = count > 1 ? (profile.endTime - profile.startTime) / count : 0;
  let at = profile.startTime;
  for (let i = 0; i < count; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < window.fromUs || at >= window.toUs) continue;
    const us = i + 1 < count ? (profile.timeDeltas[i + 1] ?? 0) : meanUs;
    const id = profile.samples[i]!;
    usByNode.set(id, (usByNode.get(id) ?? 0) + us);
  }
  return [...usByNode].map(([id, us]) => {
    const frames: Frame[] = [];
    for (let node = byId.get(id); node && parentOf.has(node.id); node = byId.get(parentOf.get(node.id)!)) {
      const { functionName, url, lineNumber } = node.callFrame;
      frames.push({
        name: functionName || '(anonymous)',
        file: shortFile(url, root),
        line: url === '' ? 0 : lineNumber + 1,
      });
    }
    return { frames: frames.reverse(), us };
  });
}

/** Stacks merged by frame label into one tree: what a flame graph draws. */
export interface CallTree {
  readonly frame: Frame | undefined;
  /** Microseconds in this frame and everything it called. */
  total: number;
  /** Microseconds with this frame on top of the stack. */
  self: number;
  readonly children: Map<string, CallTree>;
}

export function callTree(stacks: readonly Stack[]): CallTree {
  const root: CallTree = { frame: undefined, total: 0, self: 0, children: new Map() };
  for (const stack of stacks) {
    let node = root;
    node.total += stack.us;
    for (const frame of stack.frames) {
      const label = frameLabel(frame);
      let child = node.children.get(label);
      if (!child) {
        child = { frame, total: 0, self: 0, children: new Map() };
        node.children.set(label, child);
      }
      child.total += stack.us;
      node = child;
    }
    node.self += stack.us;
  }
  return root;
}
