/**
 * PyEZ facts (Debian's 2.1.7 and the current 2.8.0) on every profile, every
 * key, compared with what PyEZ computes on matching hardware (its own
 * fixtures: MX480 RE-S-1800x4, EX4300 virtual chassis, SRX clusters, the TX
 * Matrix Plus; docs/releases.md names the source of each). A key PyEZ adds or
 * drops fails the suite, so a new fact gets looked at.
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
  /** Optional facts, as PyEZ derives them on that hardware. */
  readonly personalityNull?: boolean;
  readonly ifdStyle?: string;
  /** RE_hw_mi: a multi-chassis (routing matrix) device. */
  readonly multiInstance?: boolean;
  /** model_info per RE key, when not the chassis model everywhere. */
  readonly modelInfo?: readonly string[];
}

/** Every key of dev.facts: Debian's PyEZ 2.1.7; the current 2.8.0 adds vmhost and vmhost_info. */
const FACT_KEYS = [
  '2RE', 'HOME', 'RE0', 'RE1', 'RE_hw_mi', 'current_re', 'domain', 'fqdn', 'hostname', 'hostname_info', 'ifd_style', 'junos_info', 'master',
  'model', 'model_info', 'personality', 're_info', 're_master', 'serialnumber', 'srx_cluster', 'srx_cluster_id', 'srx_cluster_redundancy_group',
  'switch_style', 'vc_capable', 'vc_fabric', 'vc_master', 'vc_mode', 'version', 'version_RE0', 'version_RE1', 'version_info', 'virtual',
];
const CURRENT_ONLY_KEYS = ['vmhost', 'vmhost_info'];

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

const MATRIX: Omit<Expected, 'reModel' | 'currentRe' | 'res' | 'modelInfo'> = {
  model: 'TXP',
  personality: 'T',
  twoRe: true,
  // The master RE of each chassis (PyEZ test_swver_txp_master_list).
  master: ['RE0', 'RE0', 'RE0'],
  switchStyle: 'NONE',
  vcCapable: false,
  srxCluster: null,
  // PyEZ fills version_RE0/RE1 from items named re0/re1 only.
  versionRe0: false,
  versionRe1: false,
  multiInstance: true,
};

const DEVICES: ReadonlyArray<readonly [string, Expected]> = [
  // The spec's era on an MX960 with RE-S-2000 REs.
  ['mx960', { ...MX_MODERN, reModel: 'RE-S-2000' }],
  ['mx960-18.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx960-21.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx960-23.4', { ...MX_MODERN, reModel: 'RE-S-1800x4' }],
  ['mx80', { ...MX_MODERN, model: 'MX80', twoRe: false, res: ['re0'], versionRe1: false, reModel: 'RE-MX80' }],
  ['mx104', { ...MX_MODERN, model: 'MX104', reModel: 'RE-MX-104' }],
  [
    'txmatrix',
    {
      ...MATRIX,
      reModel: 'RE-A-2000',
      currentRe: ['scc-master', 'scc-re0'],
      // One item per chassis master (PyEZ's TX Matrix Plus fixture, 14.2R4).
      res: ['scc-re0', 'lcc0-re0', 'lcc2-re0'],
      modelInfo: ['TXP', 'T640', 'T640'],
    },
  ],
  [
    'txmatrix-plus',
    {
      ...MATRIX,
      reModel: 'RE-DUO-C2600-16G',
      currentRe: ['sfc0-master', 'sfc0-re0'],
      res: ['sfc0-re0', 'lcc0-re0', 'lcc2-re0'],
      modelInfo: ['TXP', 'T1600', 'T1600'],
    },
  ],
  [
    'j2350',
    {
      model: 'J2350',
      // PyEZ has no rule for J Series: personality and virtual stay None.
      personality: '',
      personalityNull: true,
      twoRe: false,
      master: 'RE0',
      switchStyle: 'NONE',
      vcCapable: false,
      // A JSR box that is not clustered answers "Chassis cluster is not enabled": PyEZ says False.
      srxCluster: false,
      currentRe: ['re0', 'master', 'node', 'fwdd', 'member', 'pfem'],
      res: ['re0'],
      reModel: 'RE-J2350-2540',
      versionRe0: true,
      versionRe1: false,
    },
  ],
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
      ifdStyle: 'SWITCH',
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
        const keys = stack.name === 'current' ? [...FACT_KEYS, ...CURRENT_ONLY_KEYS] : FACT_KEYS;
        expect(Object.keys(facts).sort(), 'the keys of dev.facts').to.deep.equal([...keys].sort());
        expect(facts['model'], 'model').to.equal(want.model);
        expect(facts['personality'], 'personality').to.equal(want.personalityNull ? null : want.personality);
        expect(facts['virtual'], 'virtual').to.equal(want.personalityNull ? null : false);
        expect(facts['hostname']).to.equal(`${profile}-lab`);
        expect(facts['fqdn']).to.equal(`${profile}-lab`);
        expect(facts['domain']).to.equal(null);
        expect(facts['HOME']).to.equal(`/var/home/${TEST_USER.name}`);
        expect(facts['serialnumber'], 'serialnumber').to.match(/^JN[0-9A-F]{10}$/);
        expect(facts['ifd_style'], 'ifd_style').to.equal(want.ifdStyle ?? 'CLASSIC');
        expect(facts['RE_hw_mi'], 'RE_hw_mi').to.equal(want.multiInstance ?? false);
        expect(facts['version']).to.equal(version);
        const [major, minor] = version.split(/[RX]/)[0]!.split('.');
        expect(String(facts['version_info'])).to.match(new RegExp(`^junos\\.version_info\\(major=\\(${major}, ${minor}\\), type=${/X/.test(version) ? 'X' : 'R'}, `));
        expect(Object.keys(facts['junos_info'] as object)).to.deep.equal([...want.res]);
        for (const info of Object.values(facts['junos_info'] as Record<string, { text: string }>)) expect(info.text).to.equal(version);
        expect(facts['hostname_info']).to.deep.equal(Object.fromEntries(want.res.map((r) => [r, `${profile}-lab`])));
        const models = want.modelInfo ?? want.res.map(() => want.model);
        expect(facts['model_info'], 'model_info').to.deep.equal(Object.fromEntries(want.res.map((r, i) => [r, models[i]])));
        expect(facts['version_RE0']).to.equal(want.versionRe0 ? version : null);
        expect(facts['version_RE1']).to.equal(want.versionRe1 ? version : null);
        expect(facts['2RE'], '2RE').to.equal(want.twoRe);
        expect(facts['master'], 'master').to.deep.equal(want.master);
        expect(facts['RE0']).to.include({ mastership_state: 'master', status: 'OK', model: want.reModel });
        // A second RE in the same chassis (or VC member) is the backup; a cluster node's RE is its node's master, filed under the node.
        const sameChassisBackup = (want.twoRe && !Array.isArray(want.master)) || want.multiInstance === true;
        if (sameChassisBackup) expect(facts['RE1']).to.include({ mastership_state: 'backup', status: 'OK', model: want.reModel });
        else expect(facts['RE1'], 'RE1').to.equal(null);
        expect((facts['re_master'] as Record<string, string>)['default'], 're_master').to.equal('0');
        expect(facts['switch_style'], 'switch_style').to.equal(want.switchStyle);
        expect(facts['vc_capable'], 'vc_capable').to.equal(want.vcCapable);
        // An EX4300 VC answers in the preprovisioned form of PyEZ's fixture: no virtual-chassis-id-information, so no vc_fabric.
        expect(facts['vc_fabric'], 'vc_fabric').to.equal(null);
        if (!want.vcCapable) expect([facts['vc_mode'], facts['vc_master']]).to.deep.equal([null, null]);
        expect(facts['srx_cluster'], 'srx_cluster').to.equal(want.srxCluster);
        if (!want.srxCluster) expect([facts['srx_cluster_id'], facts['srx_cluster_redundancy_group']]).to.deep.equal([null, null]);
        expect(facts['current_re'], 'current_re').to.deep.equal([...want.currentRe]);
        if (stack.name === 'current') expect([facts['vmhost'], facts['vmhost_info']]).to.deep.equal([null, {}]);
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
