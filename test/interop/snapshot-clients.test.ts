import { expect } from 'chai';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';
import { SAMPLE_1, SAMPLE_2, SAMPLE_3, SAMPLE_4 } from '../support/spec-samples.js';

interface Outcome {
  xml?: string;
  tag?: string;
  text?: string | null;
  true?: boolean;
  error?: { class: string; message: string; bad_element: string | null; severity: string };
}

type Call = { rpc: string; args?: unknown[]; kwargs?: Record<string, unknown> } | { cli: string; format?: string };

/** One device per situation the spec names, all in one emulator process. */
const DEVICES = [
  { name: 'mx', profile: 'mx960' },
  { name: 'mx-disk', profile: 'mx960', 'boot-media': 'disk' },
  { name: 'mx-mirror', profile: 'mx960', 'mirror-flash-on-disk': true },
  { name: 'mx-corrupt', profile: 'mx960', 'boot-media': 'disk', 'corrupt-partition-table': ['ad0'] },
  { name: 'matrix', profile: 'txmatrix' },
  { name: 'matrix-plus', profile: 'txmatrix-plus', 'connected-lcc': [0, 1] },
  { name: 'j', profile: 'j2350', 'memory-mb': 512, 'inserted-media': ['usb', 'removable-compact-flash'] },
];

for (const stack of CLIENT_STACKS) {
  describe(`interop: request-snapshot through PyEZ and ncclient (${stack.label})`, function () {
    let t: TestEmulator;
    const ports = new Map<string, number>();

    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      t = await startTestEmulator({
        yaml: {
          users: [{ name: TEST_USER.name, password: TEST_USER.password }],
          speed: 'instant',
          devices: DEVICES.map((d) => ({ ...d, port: 0 })),
        },
      });
      for (const d of t.emulator.devices) ports.set(d.name, d.ports()[0]!.port);
    });
    after(async () => t?.stop());

    async function pyez(device: string, calls: Call[]): Promise<Outcome[]> {
      const r = await runPython<{ results: Outcome[] }>('pyez_calls.py', {
        host: '127.0.0.1',
        port: ports.get(device),
        user: TEST_USER.name,
        password: TEST_USER.password,
        calls,
      }, 60_000, stack);
      return r.results;
    }

    it('mx960: spec sample 1 via {"format": "text"}, XML by default, state visible in show system snapshot', async () => {
      const [text, xml, show] = await pyez('mx', [
        { rpc: 'request_snapshot', args: [{ format: 'text' }] },
        { rpc: 'request_snapshot' },
        { rpc: 'get_snapshot_information' },
      ]);
      expect(text!.tag).to.equal('output');
      expect(text!.text).to.equal(SAMPLE_1);
      expect(xml!.tag).to.equal('snapshot-information');
      expect(xml!.xml).to.match(/<inform><source-daemon>umount<\/source-daemon><message>\/altroot: not currently mounted<\/message><\/inform><snapshot-copy><source-directory>\/<\/source-directory><destination-directory>\/altroot<\/destination-directory><\/snapshot-copy>/);
      expect(xml!.xml).to.include('<archived-directory-list><directory-name>/</directory-name><directory-name>/config</directory-name></archived-directory-list>');
      expect(show!.tag).to.equal('snapshot-information');
    });

    it('mx960: partition refused when booted from flash; J Series options are a syntax error', async () => {
      const [partition, media, size] = await pyez('mx', [
        { rpc: 'request_snapshot', kwargs: { partition: true } },
        { rpc: 'request_snapshot', kwargs: { media: 'usb' } },
        { rpc: 'request_snapshot', args: [{ 'swap-size': '100' }] },
      ]);
      expect(partition!.error!.message).to.match(/only supported for restoring the software image from the hard drive to the flash drive/);
      expect(media!.error).to.include({ message: 'syntax error', bad_element: 'media' });
      expect(size!.error).to.include({ message: 'syntax error', bad_element: 'swap-size' });
    });

    it('mx960 booted from disk: partition gives spec sample 2, also as an attribute', async () => {
      const [kw, attr] = await pyez('mx-disk', [
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { partition: true } },
        { rpc: 'request_snapshot', args: [{ format: 'text', partition: 'partition' }] },
      ]);
      expect(kw!.text).to.equal(SAMPLE_2);
      expect(attr!.text).to.equal(SAMPLE_2);
    });

    it('mirror-flash-on-disk: spec sample 3 as an rpc-error of severity error', async () => {
      const [r] = await pyez('mx-mirror', [{ rpc: 'request_snapshot' }]);
      expect(r!.error).to.include({ class: 'RpcError', message: SAMPLE_3, severity: 'error' });
    });

    it('a corrupted partition table fails with errors; partition repairs it and succeeds', async () => {
      const [plain, partition, again] = await pyez('mx-corrupt', [
        { rpc: 'request_snapshot' },
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { partition: true } },
        { rpc: 'request_snapshot', args: [{ format: 'text' }] },
      ]);
      expect(plain!.error!.severity).to.equal('error');
      expect(plain!.error!.message).to.match(/partition/i);
      expect(partition!.text).to.equal(SAMPLE_2);
      expect(again!.error, JSON.stringify(again)).to.equal(undefined);
    });

    it('TX Matrix: all-lcc is spec sample 4; lcc 5 is out of range; sfc is unknown here', async () => {
      const [allLcc, lcc5, sfc] = await pyez('matrix', [
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { all_lcc: true } },
        { rpc: 'request_snapshot', kwargs: { lcc: '5' } },
        { rpc: 'request_snapshot', kwargs: { sfc: '0' } },
      ]);
      expect(allLcc!.text).to.equal(SAMPLE_4);
      expect(lcc5!.error!.bad_element).to.equal('lcc');
      expect(sfc!.error).to.include({ message: 'syntax error', bad_element: 'sfc' });
    });

    it('TX Matrix Plus: sfc 0 and all-lcc with T1600 LCCs; scc is unknown here', async () => {
      const [sfc, allLcc, scc] = await pyez('matrix-plus', [
        { rpc: 'request_snapshot', kwargs: { sfc: '0' } },
        { rpc: 'request_snapshot', kwargs: { all_lcc: true } },
        { rpc: 'request_snapshot', kwargs: { scc: true } },
      ]);
      expect(sfc!.error).to.equal(undefined);
      expect(allLcc!.tag).to.equal('multi-routing-engine-results');
      expect(allLcc!.xml).to.include('<re-name>lcc0-re0</re-name>');
      expect(allLcc!.xml).to.include('<re-name>lcc1-re0</re-name>');
      expect(scc!.error).to.include({ message: 'syntax error', bad_element: 'scc' });
    });

    it('J Series: media, sizes, as-primary, factory, and the refusals', async () => {
      const [usb, rcf, asPrimary, tooBig, notNumber, hardDisk, matrixOpt] = await pyez('j', [
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { media: 'usb', config_size: '64' } },
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { media: 'removable-compact-flash', factory: true } },
        { rpc: 'request_snapshot', args: [{ format: 'text' }], kwargs: { as_primary: true } },
        { rpc: 'request_snapshot', kwargs: { media: 'usb', data_size: '400000' } },
        { rpc: 'request_snapshot', kwargs: { media: 'usb', swap_size: 'lots' } },
        { rpc: 'request_snapshot', kwargs: { media: 'hard-disk' } },
        { rpc: 'request_snapshot', kwargs: { all_lcc: true } },
      ]);
      expect(usb!.text).to.include('Partitions on snapshot:');
      expect(usb!.text).to.match(/s3e\s+\/config\s+64M\s+config-size\n/);
      expect(rcf!.error, JSON.stringify(rcf)).to.equal(undefined);
      expect(asPrimary!.error, JSON.stringify(asPrimary)).to.equal(undefined);
      expect(tooBig!.error!.message).to.match(/do not fit/);
      expect(notNumber!.error!.message).to.match(/swap-size/);
      expect(hardDisk!.error!.bad_element).to.equal('hard-disk');
      expect(matrixOpt!.error).to.include({ message: 'syntax error', bad_element: 'all-lcc' });
    });

    it('ncclient (junos device handler) sends the same RPCs and gets the same text', async function () {
      requirePython(this, 'ncclient', stack);
      const r = await runPython<{ results: Array<{ reply?: string; error?: { message: string } }> }>('ncclient_calls.py', {
        host: '127.0.0.1',
        port: ports.get('matrix'),
        user: TEST_USER.name,
        password: TEST_USER.password,
        junos: true,
        rpcs: ['<request-snapshot format="text"><all-lcc/></request-snapshot>', '<request-snapshot><lcc>1</lcc></request-snapshot>'],
      }, 60_000, stack);
      const text = /<output>([\s\S]*)<\/output>/.exec(r.results[0]!.reply!)![1]!.replace(/&apos;/g, "'");
      expect(text).to.equal(SAMPLE_4);
      expect(r.results[1]!.reply).to.include('error');
    });
  });
}
