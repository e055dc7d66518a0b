/**
 * Shrinks the stream of a finding to a small reproducer: the same check must
 * still fail on a fresh emulator after each cut (delta debugging on bytes).
 */
import { FuzzConnection, runStream } from './client.js';
import type { FuzzRunOptions, FuzzSummary } from './runner.js';
import { FUZZ_USER, FuzzServer } from './server.js';
import { expect, generateStream } from './stream.js';

const MAX_TRIES = 400;

export async function minimizeFindings(summary: FuzzSummary, o: FuzzRunOptions, maxFindings = 12): Promise<string[]> {
  const out: string[] = [];
  const server = await FuzzServer.start({ pairs: 1, limits: o.limits, ...(o.keysDir ? { keysDir: o.keysDir } : {}) });
  try {
    for (const f of summary.findings.slice(0, maxFindings)) {
      const ex = f.examples[0]!;
      const spec = generateStream(ex.streamSeed, { limits: o.limits, maxRpcs: o.maxRpcs });
      const device = server.devices.find((d) => d.rfc11 === (spec.device === 'rfc-1.1'))!;
      let conn = await FuzzConnection.open(device.port, FUZZ_USER.name, FUZZ_USER.password);
      let tries = 0;
      const fails = async (writes: Buffer[]): Promise<boolean> => {
        tries++;
        if (conn.closed) conn = await FuzzConnection.open(device.port, FUZZ_USER.name, FUZZ_USER.password);
        const exp = expect(Buffer.concat(writes), spec.device, o.limits);
        const r = await runStream(conn, { device: spec.device, writes }, exp, o.deadlineMs);
        return r.finding?.check === f.check;
      };
      try {
        if (!(await fails(spec.writes))) {
          out.push(`- ${f.check}\n  stream seed ${ex.streamSeed} does not reproduce alone (it depends on what ran before it)`);
          continue;
        }
        let writes = spec.writes;
        if (writes.length > 1 && (await fails([Buffer.concat(writes)]))) writes = [Buffer.concat(writes)];
        const whole = writes.length === 1;
        let data: Buffer = Buffer.concat(writes);
        if (whole) data = await ddmin(data, (d) => fails([d]), () => tries < MAX_TRIES);
        out.push(`- ${f.check}\n  stream seed ${ex.streamSeed} (${spec.device}${whole ? '' : `, ${writes.length} writes`}), minimized to ${data.length} bytes in ${tries} runs:\n  ${JSON.stringify(data.toString('utf8'))}`);
      } finally {
        conn.close();
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

/** Zeller's ddmin over bytes: removes the largest pieces that keep `fails` true. */
async function ddmin(data: Buffer, fails: (d: Buffer) => Promise<boolean>, more: () => boolean): Promise<Buffer> {
  let cur = data;
  let n = 2;
  while (cur.length >= 2 && more()) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let i = 0; i < cur.length && more(); i += size) {
      const candidate = Buffer.concat([cur.subarray(0, i), cur.subarray(i + size)]);
      if (candidate.length > 0 && (await fails(candidate))) {
        cur = candidate;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= cur.length) break;
      n = Math.min(cur.length, n * 2);
    }
  }
  return cur;
}
