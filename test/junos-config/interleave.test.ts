/**
 * One user's large configuration work does not stall other sessions: while a
 * 16,000-interface load (text, set, XML) and a compare of two 16,000-interface
 * configurations run on one session, another session's RPCs are answered.
 * Proved by the order of messages on the wire as the server's request log
 * records them, not by time: the other session's replies go out between the
 * big request coming in and its reply going out. The slice length is set to 0
 * so the work yields at every checkpoint, whatever the machine's speed.
 * Before the configuration code was sliced, both replies were adjacent.
 */
import { expect } from 'chai';
import { setSliceMs } from '../../src/junos-config/slices.js';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

const N = 16_000;
const ifname = (i: number): string => `ge-${Math.floor(i / 4000)}/${Math.floor(i / 40) % 100}/${i % 40}`;
const address = (i: number, salt: number): string => `10.${(i >> 8) & 255}.${i & 255}.${salt}/31`;
const textLoad = (salt: number): string =>
  `interfaces {\n${Array.from({ length: N }, (_, i) => `    ${ifname(i)} { description "port ${i}"; unit 0 { family inet { address ${address(i, salt)}; } } }`).join('\n')}\n}`;
const setLoad = (): string => Array.from({ length: N }, (_, i) => `set interfaces ${ifname(i)} description "changed ${i}"`).join('\n');
const xmlLoad = (salt: number): string =>
  `<configuration><interfaces>${Array.from({ length: N }, (_, i) => `<interface><name>${ifname(i)}</name><unit><name>0</name><family><inet><address><name>${address(i, salt)}</name></address></inet></family></unit></interface>`).join('')}</interfaces></configuration>`;

const sessionIdOf = (c: NetconfClient): number => Number(/<session-id>(\d+)<\/session-id>/.exec(c.serverHello)![1]);

describe('configuration: large loads and compares let other sessions run', function () {
  let t: TestEmulator;
  let slice: number;
  let big: NetconfClient;
  let other: NetconfClient;
  before(async () => {
    slice = setSliceMs(0);
    // The control API turns on the request log.
    t = await startTestEmulator({ cli: { controlPort: 0 } });
    big = await t.client();
    other = await t.client();
  });
  after(async () => {
    setSliceMs(slice);
    await t?.stop();
  });

  /**
   * Sends `body` on the big session while the other session sends trivial
   * RPCs one after another; returns the big reply and how many of the other
   * session's replies the server sent while the big request was in hand.
   */
  async function whileOthersRun(body: string, rpc: string): Promise<{ reply: string; between: number }> {
    const log = t.emulator.requestLog;
    const since = log.query({ limit: 1 })[0]?.seq ?? 0;
    let done = false;
    let answered = 0;
    const others = (async () => {
      while (!done) {
        expect(await other.rpc('<get-software-information/>')).to.include('<host-name>');
        answered++;
      }
    })();
    const reply = await big.rpc(body);
    done = true;
    await others;
    const entries = log.query({ since });
    const bigId = sessionIdOf(big);
    const otherId = sessionIdOf(other);
    const request = entries.find((e) => e.session === bigId && e.direction === 'in' && e.rpc === rpc);
    expect(request, `${rpc} in the request log`).to.not.equal(undefined);
    const response = entries.find((e) => e.session === bigId && e.direction === 'out' && e.seq > request!.seq);
    expect(response).to.not.equal(undefined);
    const between = entries.filter((e) => e.session === otherId && e.direction === 'out' && e.seq > request!.seq && e.seq < response!.seq).length;
    expect(answered).to.be.at.least(between);
    return { reply, between };
  }

  it('a 16,000-line text load', async () => {
    const r = await whileOthersRun(`<load-configuration format="text"><configuration-text>${textLoad(1)}</configuration-text></load-configuration>`, 'load-configuration');
    expect(r.reply).to.include('<ok/>');
    expect(r.between, 'other session replies while the load ran').to.be.at.least(1);
    expect(await big.rpc('<commit-configuration/>')).to.include('<commit-success/>');
  });

  it('16,000 set lines', async () => {
    const r = await whileOthersRun(`<load-configuration action="set" format="text"><configuration-set>${setLoad()}</configuration-set></load-configuration>`, 'load-configuration');
    expect(r.reply).to.include('<ok/>');
    expect(r.between).to.be.at.least(1);
  });

  it('a compare of two 16,000-interface configurations', async () => {
    const r = await whileOthersRun('<get-configuration compare="rollback" rollback="0" format="text"/>', 'get-configuration');
    const out = /<configuration-output>([\s\S]*)<\/configuration-output>/.exec(r.reply)![1]!;
    const lines = out.split('\n');
    // Junos's compare: a banner per interface, its old and new description under it.
    expect(lines[0]).to.equal('');
    expect(lines[1]).to.equal(`[edit interfaces ${ifname(0)}]`);
    expect(lines.filter((l) => l.startsWith('[edit interfaces ')).length).to.equal(N);
    expect(lines.filter((l) => l.startsWith('-')).length).to.equal(N);
    expect(lines.filter((l) => l.startsWith('+')).length).to.equal(N);
    expect(out).to.include(`\n[edit interfaces ${ifname(N - 1)}]\n-   description "port ${N - 1}";\n+   description "changed ${N - 1}";\n`);
    expect(r.between).to.be.at.least(1);
    await big.rpc('<discard-changes/>');
  });

  it('a 16,000-interface XML load, then the result rendered', async () => {
    const load = await whileOthersRun(`<load-configuration>${xmlLoad(3)}</load-configuration>`, 'load-configuration');
    expect(load.reply).to.include('<ok/>');
    expect(load.between).to.be.at.least(1);
    const shown = await whileOthersRun('<get-configuration format="set"/>', 'get-configuration');
    expect(shown.reply).to.include(`set interfaces ${ifname(N - 1)} unit 0 family inet address ${address(N - 1, 3)}\n`);
    // The description, the committed address and the loaded one.
    expect(shown.reply.split('\n').filter((l) => l.startsWith('set interfaces')).length).to.equal(3 * N);
    expect(shown.between).to.be.at.least(1);
    await big.rpc('<discard-changes/>');
  });

  it('a commit of 16,000 changed interfaces (its checks run in slices)', async () => {
    expect(await big.rpc(`<load-configuration format="text"><configuration-text>${textLoad(5)}</configuration-text></load-configuration>`)).to.include('<ok/>');
    const r = await whileOthersRun('<commit-configuration/>', 'commit-configuration');
    expect(r.reply).to.include('<commit-success/>');
    expect(r.between, 'other session replies while the commit ran').to.be.at.least(1);
    expect(await big.rpc('<get-configuration database="committed" format="set"/>')).to.include(`set interfaces ${ifname(N - 1)} unit 0 family inet address ${address(N - 1, 5)}\n`);
  });
});
