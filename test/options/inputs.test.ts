import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/options/load.js';
import { ConfigError } from '../../src/options/types.js';
import { startEmulator } from '../../src/index.js';
import { transcriptPath } from '../../src/log/transcript.js';
import { TEST_KEYS_DIR } from '../support/emulator.js';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'junos-emulator-inputs-')), 'c.yaml');
  writeFileSync(file, text);
  return file;
}

function refusal(text: string): string {
  try {
    loadConfig({ config: yamlFile(text) }, TEST_KEYS_DIR);
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('config was accepted');
}

async function libraryRefusal(o: Parameters<typeof startEmulator>[0]): Promise<string> {
  try {
    const emu = await startEmulator({ keysDir: TEST_KEYS_DIR, ...o });
    await emu.stop();
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('options were accepted');
}

describe('config inputs: device names and passwords', () => {
  describe('device names become folder names, so only safe ones are accepted', () => {
    const bad = ['../../x', '..', '.hidden', 'a/b', 'a\\b', 'nul\u0000byte', 'two\nlines', 'sp ace', ''];
    for (const name of bad) {
      it(`YAML devices[].name ${JSON.stringify(name)} is refused naming the key`, () => {
        expect(refusal(stringify({ devices: [{ name, port: 0 }] }))).to.match(/^devices\[0\]\.name: /);
      });
    }

    it('the library API refuses them too, before anything is written', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'junos-emulator-transcripts-'));
      expect(await libraryRefusal({ devices: [{ name: '../../x' }], transcriptDir: dir })).to.match(/^devices\[0\]\.name: /);
      expect(await libraryRefusal({ devices: [{ name: 'a/b' }] })).to.match(/^devices\[0\]\.name: /);
    });

    it('accepts the names people use: r1, mx960-lab, edge.1, junos_7', () => {
      const c = loadConfig({ config: yamlFile(stringify({ devices: ['r1', 'mx960-lab', 'edge.1', 'junos_7'].map((name) => ({ name, port: 0 })) })) }, TEST_KEYS_DIR);
      expect(c.devices.map((d) => d.name)).to.deep.equal(['r1', 'mx960-lab', 'edge.1', 'junos_7']);
    });

    it('a transcript path is always inside the transcript folder', () => {
      expect(transcriptPath('/t', 'r1', 7)).to.equal('/t/r1/netconf-7.log');
      expect(() => transcriptPath('/t', '../x', 7)).to.throw();
      expect(() => transcriptPath('/t', 'r1', -1)).to.throw();
    });
  });

  describe('passwords', () => {
    it('`password:` with no value is refused (it used to become the password "null")', () => {
      expect(refusal('users:\n  - name: a\n    password:\n')).to.match(/^users\[0\]\.password: no value/);
      expect(refusal('devices:\n  - name: r1\n    port: 0\n    users:\n      - { name: a, password: }\n')).to.match(/^devices\[0\]\.users\[0\]\.password: no value/);
    });

    it('`password: ""` is refused (it used to log in with an empty password)', () => {
      expect(refusal('users:\n  - { name: a, password: "" }\n')).to.equal('users[0].password: empty password');
    });

    it('a list or mapping is not a password; a number is written as its digits', () => {
      expect(refusal('users:\n  - { name: a, password: [1] }\n')).to.equal('users[0].password: expected a string');
      const c = loadConfig({ config: yamlFile('users:\n  - { name: a, password: 12345 }\n') }, TEST_KEYS_DIR);
      expect(c.devices[0]!.users[0]!.password).to.equal('12345');
    });

    it('the library API refuses an empty password as --user does', async () => {
      expect(await libraryRefusal({ users: [{ name: 'a', password: '' }] })).to.equal('users[0].password: expected a non-empty string');
    });
  });
});

describe('config inputs: control API address', () => {
  it('the control API stays on loopback when --host moves the devices; control.host / --control-host move it', () => {
    const c = loadConfig({ config: yamlFile('host: 0.0.0.0\ncontrol: { port: 0 }\n') }, TEST_KEYS_DIR);
    expect(c.host).to.equal('0.0.0.0');
    expect(c.control).to.deep.equal({ host: '127.0.0.1', port: 0 });
    expect(loadConfig({ config: yamlFile('control: { port: 0, host: 127.0.0.3 }\n') }, TEST_KEYS_DIR).control?.host).to.equal('127.0.0.3');
    expect(loadConfig({ controlPort: 0, controlHost: '::1' }, TEST_KEYS_DIR).control?.host).to.equal('::1');
    expect(refusal('control: { host: 127.0.0.3 }\n')).to.equal('control: a host needs a port (--control-port)');
  });
});
