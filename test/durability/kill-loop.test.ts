/**
 * Issue 9, items 1-3: the real server is killed with SIGKILL at random
 * moments (seeded) while one session commits and another takes snapshots.
 * After each restart: it starts, every change acknowledged before the kill is
 * there, no state file is torn, and no temporary file is left.
 *
 * DURABILITY_KILLS (default 30) sets the number of kills, DURABILITY_SEED the seed.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { NetconfClosedError } from '../../src/client/errors.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';
import { filesUnder, seededRandom, startServer, tornFiles, type ServerProcess } from './server-process.js';

const KILLS = Number(process.env['DURABILITY_KILLS'] ?? 30);
const SEED = Number(process.env['DURABILITY_SEED'] ?? 9);
const USER = { name: 'lab', password: 'lab123' };

/** What the clients saw acknowledged, across all runs. */
interface Ledger {
  /** Host names are `k<N>`, N counting up across runs. */
  commitsSent: number;
  commitsAcked: number;
  /** Per run: the backup's creation date at start, snapshots acknowledged, the date read after the last one read. */
  snapshotStart: string;
  snapshotsAcked: number;
  lastKnown: { index: number; date: string } | undefined;
}

function hostNameNumber(setReply: string): number {
  const m = /^set system host-name (\S+)$/m.exec(setReply);
  if (!m) throw new Error(`no host-name in ${setReply}`);
  return m[1]!.startsWith('k') ? Number(m[1]!.slice(1)) : 0;
}

function backupDate(info: string): string {
  const m = /<snapshot-medium>[^<]*\(backup\)<\/snapshot-medium>\s*<creation-date>([^<]+)<\/creation-date>/.exec(info);
  if (!m) throw new Error(`no backup creation date in ${info}`);
  return m[1]!;
}

const dateMs = (d: string): number => Date.parse(d.replace(/\s+/g, ' '));

async function advanceClock(server: ServerProcess, by: string): Promise<void> {
  const res = await fetch(`${server.controlUrl!}/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by }) });
  if (!res.ok) throw new Error(`clock advance: ${res.status} ${await res.text()}`);
}

async function connect(port: number): Promise<NetconfClient> {
  return NetconfClient.connect({ host: '127.0.0.1', port, username: USER.name, password: USER.password });
}

/**
 * Runs commits and snapshots until the process is gone; `onAck` hears each
 * acknowledgement as soon as it arrives.
 */
async function workload(server: ServerProcess, ledger: Ledger, onAck: () => void): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const untilGone = <T>(p: Promise<T>): Promise<T | undefined> => {
    // A session the kill closed rejects its pending reply (NetconfClosedError): that is gone too.
    const ended = p.catch((err: unknown) => {
      if (err instanceof NetconfClosedError) return undefined;
      throw err;
    });
    return Promise.race([ended, server.exited.then(() => undefined)]);
  };
  const [committer, snapshotter] = await Promise.all([connect(server.port), connect(server.port)]);
  const commits = async (): Promise<void> => {
    while (!gone) {
      const n = ++ledger.commitsSent;
      const loaded = await untilGone(committer.rpc(`<load-configuration action="set" format="text"><configuration-set>set system host-name k${n}</configuration-set></load-configuration>`));
      if (loaded === undefined) return;
      // Every fourth commit is a confirmed one (confirmed by the next); the long timeout keeps it from rolling back.
      const body = n % 4 === 0 ? '<commit-configuration><confirmed/><confirm-timeout>65535</confirm-timeout></commit-configuration>' : '<commit-configuration/>';
      const reply = await untilGone(committer.rpc(body));
      if (reply === undefined) return;
      if (!reply.includes('<commit-success/>')) throw new Error(`commit ${n} failed: ${reply}`);
      ledger.commitsAcked = n;
      onAck();
    }
  };
  const snapshots = async (): Promise<void> => {
    while (!gone) {
      const reply = await untilGone(snapshotter.rpc('<request-snapshot/>'));
      if (reply === undefined) return;
      if (!reply.includes('<snapshot-information') || reply.includes('<rpc-error>')) throw new Error(`snapshot failed: ${reply}`);
      const index = ++ledger.snapshotsAcked;
      onAck();
      const info = await untilGone(snapshotter.rpc('<get-snapshot-information/>'));
      if (info === undefined) return;
      ledger.lastKnown = { index, date: backupDate(info) };
    }
  };
  try {
    await Promise.all([commits(), snapshots()]);
  } finally {
    committer.close();
    snapshotter.close();
  }
}

describe('durability: kill -9 loop', function () {
  this.timeout(600_000);

  it(`keeps every acknowledged commit and snapshot across ${KILLS} kills at random moments (seed ${SEED})`, async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'junos-emulator-kill-'));
    const args = ['--state-dir', stateDir, '--control-port', '0', '--keys-dir', TEST_KEYS_DIR, '--log-level', 'silent', '--speed', 'instant', '--user', `${USER.name}:${USER.password}`];
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let lostCommits = 0;
    let lostSnapshots = 0;
    let totalCommits = 0;
    /** Kills that left a temp file: they landed in the middle of a write. */
    let midWrite = 0;
    /** Commits acknowledged before the last run began. */
    let ackedBefore = 0;
    let totalSnapshots = 0;
    const ledger: Ledger = { commitsSent: 0, commitsAcked: 0, snapshotStart: '', snapshotsAcked: 0, lastKnown: undefined };
    for (let run = 0; run <= KILLS; run++) {
      const server = await startServer(args);
      try {
        const leftovers = filesUnder(stateDir).filter((f) => f.endsWith('.tmp'));
        if (leftovers.length > 0) failures.push(`run ${run}: temporary files left after start: ${leftovers.join(', ')}`);
        // The clock starts at the real time in each process; moving it on a day per run keeps
        // snapshot dates of later runs after those of earlier ones (they are shown to the second).
        await advanceClock(server, `${run * 24}h`);
        const probe = await connect(server.port);
        const committed = hostNameNumber(await probe.rpc('<get-configuration database="committed" format="set"/>'));
        const date = backupDate(await probe.rpc('<get-snapshot-information/>'));
        probe.close();
        if (run > 0) {
          if (committed < ledger.commitsAcked) {
            lostCommits += ledger.commitsAcked - Math.max(committed, ackedBefore);
            failures.push(`run ${run}: commit k${ledger.commitsAcked} was acknowledged, the device has k${committed}`);
          }
          if (committed > ledger.commitsSent) failures.push(`run ${run}: host-name k${committed} was never sent`);
          const known = ledger.lastKnown;
          // Dates only grow from run to run, so the backup must be newer than at the start of the
          // last run if a snapshot was acknowledged there, as new as the last one read, and newer
          // still if one more was acknowledged after that read.
          const lostSnap =
            (ledger.snapshotsAcked > 0 && dateMs(date) <= dateMs(ledger.snapshotStart)) ||
            (known !== undefined && (dateMs(date) < dateMs(known.date) || (ledger.snapshotsAcked > known.index && dateMs(date) <= dateMs(known.date))));
          if (lostSnap) {
            lostSnapshots++;
            failures.push(`run ${run}: ${ledger.snapshotsAcked} snapshot(s) acknowledged, the backup still dates from ${date}`);
          }
        }
        if (run === KILLS) break;
        ackedBefore = ledger.commitsAcked;
        ledger.snapshotStart = date;
        ledger.snapshotsAcked = 0;
        ledger.lastKnown = undefined;
        // The kill comes after the Nth acknowledgement: half straight after it, half up to a few hundred loop turns later.
        const killAfter = 1 + Math.floor(random() * 24);
        const hops = random() < 0.5 ? Math.floor(random() * 4) : Math.floor(random() * 400);
        let acks = 0;
        await workload(server, ledger, () => {
          if (++acks !== killAfter) return;
          const fire = (left: number): void => {
            if (left === 0) server.child.kill('SIGKILL');
            else setImmediate(() => fire(left - 1));
          };
          fire(hops);
        });
        totalCommits = ledger.commitsAcked;
        totalSnapshots += ledger.snapshotsAcked;
        await server.exited;
      } finally {
        await server.kill();
      }
      for (const t of tornFiles(stateDir)) failures.push(`run ${run}: torn state file ${t}`);
      if (filesUnder(stateDir).some((f) => f.endsWith('.tmp'))) midWrite++;
      // What a kill in the middle of a write leaves behind; the next start must clear it.
      writeFileSync(join(stateDir, 'junos1', `junos1.json.99999.${run}.tmp`), '{"half": ');
    }
    const summary = `${KILLS} kills: ${totalCommits} commits and ${totalSnapshots} snapshots acknowledged; lost ${lostCommits} commits and ${lostSnapshots} snapshot runs; ${midWrite} kills landed mid-write`;
    console.log(`      ${summary}`);
    for (const f of failures) console.log(`      ${f}`);
    expect(failures, summary).to.deep.equal([]);
    // Kept for a look when the test fails.
    rmSync(stateDir, { recursive: true, force: true });
  });
});
