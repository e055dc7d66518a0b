/**
 * Summarizes a V8 .cpuprofile (from `BENCH_CPU_PROF=DIR npm run bench`):
 * self time by area (our code, ssh2, node internals, GC, idle) and by
 * function. Usage: node dist/bench/cpu-profile.js FILE [TOP]
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the stack a frame belongs to. */
export function area(f: CallFrame): string {
  const u = f.url;
  if (u === '') return f.functionName.startsWith('(') ? f.functionName : '(native)';
  if (u.includes('/node_modules/ssh2/')) return 'ssh2';
  if (u.includes('/node_modules/')) return `npm:${u.split('/node_modules/').pop()!.split('/')[0]}`;
  if (u.startsWith('node:')) return 'node internals';
  const m = /\/dist\/(src\/[^/]+|rpc|bench)\//.exec(u);
  if (m) return m[1]!;
  return 'other';
}

export function summarizeProfile(p: CpuProfile, top = 25): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fnKey = (f: CallFrame): string => `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${f.lineNumber + 1}`;
  const self = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const a = area(f);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    if (a === '(idle)') continue;
    const key = fnKey(f);
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const incl = new Map<string, number>();
  p.samples.forEach((leaf, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (f.url === '' || f.functionName === '(root)') continue;
      const key = fnKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  });
  const busy = total - (byArea.get('(idle)') ?? 0);
  const pct = (us: number, of: number): string => `${((100 * us) / of).toFixed(1).padStart(5)}%`;
  const out = [`total ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (not idle); shares below are of busy time`, '', 'by area:'];
  for (const [a, us] of [...byArea].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1])) out.push(`  ${pct(us, busy)}  ${a}`);
  out.push('', `top ${top} functions (self time):`);
  for (const [k, us] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`  ${pct(us, busy)}  ${k}`);
  out.push('', `top ${top} functions of our code and ssh2 (inclusive time):`);
  const ours = [...incl].filter(([k]) => /dist\/(src|rpc)\/|node_modules\/ssh2\//.test(k));
  for (const [k, us] of ours.sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`  ${pct(us, busy)}  ${k}`);
  return out;
}

const file = process.argv[2];
if (file) {
  const top = Number(process.argv[3] ?? 25);
  process.stdout.write(`${summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top).join('\n')}\n`);
}
