import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { startEmulator } from '../../src/index.js';
import { transcriptPath } from '../../src/log/transcript.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

describe('per-session transcripts (Junos traceoptions layout)', function () {
  it('writes every message in and out of a session, one line each, with the session-id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transcripts-'));
    const emu = await startEmulator({ keysDir: TEST_KEYS_DIR, transcriptDir: dir, devices: [{ name: 'r1' }] });
    const d = emu.device('r1');
    const c = await NetconfClient.connect({ host: d.host, port: d.port, username: d.username, password: d.password });
    const id = d.sessions()[0]!.id;
    await c.rpc('<get-system-storage/>');
    c.close();
    await c.waitClosed();
    await emu.stop();
    const text = readFileSync(transcriptPath(dir, 'r1', id), 'utf8');
    const heads = text.split('\n').filter((l) => /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \[NETCONF\] - \[\d+\] (Incoming|Outgoing): /.test(l));
    expect(heads.map((l) => /(Incoming|Outgoing)/.exec(l)![1])).to.deep.equal(['Outgoing', 'Incoming', 'Incoming', 'Outgoing']);
    expect(heads.every((l) => l.includes(`[NETCONF] - [${id}]`))).to.equal(true);
    expect(text).to.include('<get-system-storage/>');
    expect(text).to.include('<system-storage-information');
  });
});
