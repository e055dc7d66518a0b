import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseUserFlag } from '../../src/options/load.js';
import { ConfigError } from '../../src/options/types.js';

function withYaml(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'junos-emulator-cfgtest-')), 'c.yaml');
  writeFileSync(file, text);
  return file;
}

function refusal(text: string): string {
  try {
    loadConfig({ config: withYaml(text) }, '/tmp/k');
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('config was accepted');
}

describe('configuration loading', () => {
  it('needs no file: one mx960 device on 127.0.0.1:8830 with a printed default login', () => {
    const c = loadConfig({}, '/tmp/k');
    expect(c.host).to.equal('127.0.0.1');
    expect(c.devices).to.have.length(1);
    expect(c.devices[0]).to.include({ port: 8830, profile: 'mx960', rfcCompliant: false });
    expect(c.devices[0]!.users[0]).to.include({ name: 'admin', class: 'super-user' });
  });

  it('--user NAME:PASSWORD[:CLASS], repeatable', () => {
    expect(parseUserFlag('bob:s3:cret:operator')).to.deep.equal({ name: 'bob', password: 's3:cret', class: 'operator' });
    expect(parseUserFlag('amy:pw')).to.deep.equal({ name: 'amy', password: 'pw', class: 'super-user' });
    expect(() => parseUserFlag('nopassword')).to.throw(ConfigError);
    const c = loadConfig({ users: ['a:1', 'b:2:read-only'] }, '/tmp/k');
    expect(c.devices[0]!.users.map((u) => `${u.name}/${u.class}`)).to.deep.equal(['a/super-user', 'b/read-only']);
  });

  it('--rfc-compliant turns on rfc-compliant and version-1.1 on every device', () => {
    const c = loadConfig({ rfcCompliant: true }, '/tmp/k');
    expect(c.devices[0]).to.include({ rfcCompliant: true, version11: true });
  });

  it('reads several devices, each with its own settings', () => {
    const c = loadConfig(
      {
        config: withYaml(`
devices:
  - { name: r1, port: 9001, profile: mx960, mirror-flash-on-disk: true }
  - { name: m1, port: 9002, profile: txmatrix, connected-lcc: [0, 1], backup-re-port: 9003 }
`),
      },
      '/tmp/k',
    );
    expect(c.devices.map((d) => d.name)).to.deep.equal(['r1', 'm1']);
    expect(c.devices[0]!.settings).to.deep.include({ mirrorFlashOnDisk: true });
    expect(c.devices[1]!.backupRePort).to.equal(9003);
  });

  const cases: Array<[string, RegExp]> = [
    ['bogus: 1\n', /config\.bogus: unknown key/],
    ['devices:\n  - { name: r1, port: 1, colour: red }\n', /devices\[0\]\.colour: unknown key/],
    ['devices:\n  - { name: r1, port: 70000 }\n', /devices\[0\]\.port: expected an integer from 0 to 65535/],
    ['devices:\n  - { name: r1, port: 1, profile: ex4200 }\n', /devices\[0\]\.profile: unknown profile 'ex4200'/],
    ['devices:\n  - { name: r1, port: 1, memory-mb: lots }\n', /devices\[0\]\.memory-mb/],
    ['devices:\n  - { name: r1, port: 1 }\n  - { name: r2, port: 1 }\n', /port 1 is used by both r1 and r2/],
    ['devices:\n  - { name: r1, port: 1 }\n  - { name: r1, port: 2 }\n', /duplicate name 'r1'/],
    ['limits: { connection-limit: 0 }\n', /limits\.connection-limit: expected an integer/],
    ['users:\n  - { name: a, password: b, class: wizard }\n', /unknown class 'wizard'/],
    ['classes: { ops: [maintenance, teleport] }\n', /classes\.ops\[1\]: unknown permission 'teleport'/],
    ['speed: -3\n', /speed: expected a positive number up to 1000000000 or 'instant'/],
    ['speed: 1e300\n', /speed: expected a positive number up to 1000000000 or 'instant'/],
    ['devices: [\n', /c\.yaml/],
  ];
  for (const [yaml, message] of cases) {
    it(`refuses ${JSON.stringify(yaml.trim())} naming the key`, () => {
      expect(refusal(yaml)).to.match(message);
    });
  }
});

describe('device setting media-speed-mbps', () => {
  it('is read from the device entry and refused when not a positive number', () => {
    const c = loadConfig({ config: withYaml('devices:\n  - { name: r1, port: 1, media-speed-mbps: 0.8 }\n') }, '/tmp/k');
    expect(c.devices[0]!.settings.mediaSpeedMbps).to.equal(0.8);
    expect(refusal('devices:\n  - { name: r1, port: 1, media-speed-mbps: fast }\n')).to.match(/devices\[0\]\.media-speed-mbps: expected a positive number/);
  });
});
