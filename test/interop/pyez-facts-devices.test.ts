/**
 * PyEZ facts (Debian's 2.1.7 and the current 2.8.0) on every device the
 * release model adds, compared with what PyEZ computes on matching hardware
 * (its own fixtures: MX480 RE-S-1800x4, EX4300 virtual chassis, SRX
 * clusters; docs/releases.md names the source of each).
 */
import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

type Facts = Record<string, unknown>;

interface Expected {
  readonly model: string;
  readonly personality: string;
  readonly twoRe: boolean;
  readonly master: unknown;
  readonly switchStyle: string;
  readonly vcCapable: boolean;
  readonly srxCluster: boolean | null;
  readonly currentRe: readonly string[];
  /** Keys of junos_info / hostname_info (the RE or member names). */
  readonly res: readonly string[];
  readonly reModel: string;
  /** version_RE0 / version_RE1 are filled from re0/re1 or node0/node1 only (PyEZ's rule). */
  readonly versionRe0: boolean;
  readonly versionRe1: boolean;
}

const MX_MODERN: Omit<Expected, 'reModel'> = {
  model: 'MX960',
  personality: 'MX',
  twoRe: true,
  master: 'RE0',
  switchStyle: 'BRIDGE_DOMAIN',
  vcCapable: false,
  // An MX has no get-chassis-cluster-status (junos YANG family): PyEZ leaves srx_cluster None.
  srxCluster: null,
  currentRe: ['re0', 'master', 'node', 'fwdd', 'member', 'pfem'],
  res: ['re0', 're1'],
  versionRe0: true,
  versionRe1: true,
};

const DEVICES: ReadonlyArray<readonly [string, Expected]> = [
  ['mx960-18.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx960-21.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx960-23.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx80', { ...MX_MODERN, model: 'MX80', twoRe: false, res: ['re0'], versionRe1: false, reModel: 'RE-MX80' }],
  ['mx104', { ...MX_MODERN, model: 'MX104', reModel: 'RE-MX-104' }],
  [
    'ex4300-vc',
    {
      model: 'EX4300-48T',
      personality: 'SWITCH',
      twoRe: true,
      master: 'RE0',
      switchStyle: 'VLAN_L2NG',
      vcCapable: true,
      srxCluster: null,
      currentRe: ['master', 'node', 'fwdd', 'member', 'pfem', 'fpc0'],
      res: ['fpc0', 'fpc1'],
      reModel: 'EX4300-48T',
      versionRe0: false,
      versionRe1: false,
    },
  ],
  [
    'srx300',
    {
      model: 'SRX300',
      personality: 'SRX_BRANCH',
      twoRe: false,
      master: 'RE0',
      switchStyle: 'VLAN_L2NG',
      vcCapable: false,
      srxCluster: false,
      currentRe: ['re0', 'master', 'node', 'fwdd', 'member', 'pfem'],
      res: ['re0'],
      reModel: 'RE-SRX300',
      versionRe0: true,
      versionRe1: false,
    },
  ],
  [
    'srx300-cluster',
    {
      model: 'SRX300',
      personality: 'SRX_BRANCH',
      twoRe: true,
      // One RE per node, each its node's master (PyEZ's SRX cluster fixtures).
      master: ['RE0', 'RE0'],
      switchStyle: 'VLAN_L2NG',
      vcCapable: false,
      srxCluster: true,
      currentRe: ['node0', 'primary'],
      res: ['node0', 'node1'],
      reModel: 'RE-SRX300',
      versionRe0: true,
      versionRe1: true,
    },
  ],
];

for (const stack of CLIENT_STACKS) {
  describe(`interop: PyEZ facts on every release-model device (${stack.label})`, function () {
    let t: TestEmulator;
    const ports = new Map<string, number>();

    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({
        yaml: {
          users: [{ name: TEST_USER.name, password: TEST_USER.password }],
          speed: 'instant',
          devices: DEVICES.map(([p]) => ({ name: p, profile: p, port: 0, hostname: `${p}-lab` })),
        },
      });
      for (const d of t.emulator.devices) ports.set(d.name, d.ports()[0]!.port);
    });
    after(async () => t?.stop());

    for (const [profile, want] of DEVICES) {
      it(`${profile}: dev.facts resolves as on the matching hardware`, async () => {
        const conn = { host: '127.0.0.1', port: ports.get(profile), user: TEST_USER.name, password: TEST_USER.password };
        const { facts } = await runPython<{ facts: Facts }>('pyez_facts.py', conn, 90_000, stack);
        const version = t.emulator.device(profile)!.model.settings.softwareVersion;
        expect(facts['model'], 'model').to.equal(want.model);
        expect(facts['personality'], 'personality').to.equal(want.personality);
        expect(facts['hostname']).to.equal(`${profile}-lab`);
        expect(facts['version']).to.equal(version);
        expect(Object.keys(facts['junos_info'] as object)).to.deep.equal([...want.res]);
        expect(Object.keys(facts['hostname_info'] as object)).to.deep.equal([...want.res]);
        expect(facts['version_RE0']).to.equal(want.versionRe0 ? version : null);
        expect(facts['version_RE1']).to.equal(want.versionRe1 ? version : null);
        expect(facts['2RE'], '2RE').to.equal(want.twoRe);
        expect(facts['master'], 'master').to.deep.equal(want.master);
        expect(facts['RE0']).to.include({ mastership_state: 'master', status: 'OK', model: want.reModel });
        expect(facts['switch_style'], 'switch_style').to.equal(want.switchStyle);
        expect(facts['vc_capable'], 'vc_capable').to.equal(want.vcCapable);
        expect(facts['srx_cluster'], 'srx_cluster').to.equal(want.srxCluster);
        expect(facts['current_re'], 'current_re').to.deep.equal([...want.currentRe]);
        if (want.vcCapable) {
          expect(facts['vc_mode']).to.equal('Enabled');
          expect(facts['vc_master']).to.equal('0');
        }
        if (want.srxCluster) {
          expect(facts['srx_cluster_id']).to.equal('1');
          expect(Object.keys(facts['srx_cluster_redundancy_group'] as object)).to.deep.equal(['0', '1']);
        }
      });
    }
  });
}
