/**
 * The fault plan's warnings, in the places real Junos puts them, and what
 * each client does with them (docs/control-api.md keeps the table).
 */
import { expect } from 'chai';
import { startFaultEmulator, USER } from './support.js';
import type { Emulator } from '../../src/index.js';
import { CLIENT_STACKS, requirePython, runPython } from '../support/python.js';

const WARN = { message: 'statement has no contents; ignored' };

describe('faults: warning placement on the wire', function () {
  let emu: Emulator;
  before(async () => {
    emu = await startFaultEmulator({ devices: [{ name: 'r1', port: 0 }] });
  });
  after(async () => emu?.stop());

  it('runs the RPC and puts the warning beside <ok/>, or first inside the result element', async () => {
    emu.faults.arm({ id: 'w', device: 'r1', rpc: ['lock', 'get-software-information', 'load-configuration'], action: 'warning', errors: [WARN] });
    const run = emu.running.inject('r1', [
      '<lock><target><candidate/></target></lock>',
      '<get-software-information/>',
      '<load-configuration action="merge" format="text"><configuration-text>system { domain-name w.example; }</configuration-text></load-configuration>',
    ]);
    const [lock, sw, load] = (await run).replies;
    expect(lock).to.match(/<rpc-error>\n<error-severity>warning<\/error-severity>\n<error-message>statement has no contents; ignored<\/error-message>\n<\/rpc-error>\n<ok\/>\n<\/rpc-reply>$/);
    expect(sw).to.match(/<software-information[^>]*>\n<rpc-error>\n<error-severity>warning<\/error-severity>/);
    expect(sw).to.include('<host-name>');
    expect(load).to.match(/<load-configuration-results[^>]*>\n<rpc-error>\n<error-severity>warning<\/error-severity>[^]*<\/rpc-error>\n<ok\/>\n<\/load-configuration-results>/);
    // The RPC really ran: the load is in the candidate.
    const cand = (await emu.running.inject('r1', '<get-configuration database="candidate" format="text"/>')).replies[0];
    expect(cand).to.include('domain-name w.example;');
  });

  it('refuses a warning action with severity error', () => {
    expect(() => emu.faults.arm({ id: 'bad', device: 'r1', action: 'warning', errors: [{ severity: 'error', message: 'x' }] })).to.throw(/severity warning only/);
  });
});

for (const stack of CLIENT_STACKS) {
  describe(`faults: what clients do with warnings (${stack.label})`, function () {
    let emu: Emulator;
    let r: Record<string, Record<string, { raised?: string; severity?: string; returned?: string }>>;
    before(async function () {
      requirePython(this, 'jnpr.junos', stack);
      emu = await startFaultEmulator({ devices: [{ name: 'r1', port: 0 }] });
      emu.faults.arm({ id: 'beside', device: 'r1', rpc: 'discard-changes', action: 'warning', errors: [WARN] });
      emu.faults.arm({ id: 'inside', device: 'r1', rpc: 'get-route-engine-information', action: 'warning', errors: [WARN] });
      emu.faults.arm({ id: 'bare', device: 'r1', rpc: 'get-software-information', action: 'warning', errors: [WARN] });
      emu.faults.arm({ id: 'load', device: 'r1', rpc: 'load-configuration', action: 'warning', errors: [WARN] });
      emu.faults.arm({ id: 'replace', device: 'r1', rpc: 'get-system-storage', action: 'rpc-error', ok: true, errors: [{ severity: 'warning', message: 'replaced' }] });
      const d = emu.device('r1');
      r = await runPython('warning_clients.py', {
        host: d.host, port: d.port, user: USER.name, password: USER.password,
        calls: [
          { name: 'beside_ok', xml: '<discard-changes/>' },
          { name: 'in_result', xml: '<get-route-engine-information/>' },
          { name: 'in_bare_result', xml: '<get-software-information/>' },
          { name: 'replacing', xml: '<get-system-storage/>' },
          { name: 'in_load_results', xml: '<load-configuration action="merge" format="text"><configuration-text>system { domain-name w.example; }</configuration-text></load-configuration>' },
        ],
      }, 90_000, stack);
    });
    after(async () => emu?.stop());

    it('beside <ok/>: ncclient sees no error (it stops at <ok/>); PyEZ returns the rpc-error element', () => {
      expect(r['beside_ok']!['ncclient']).to.deep.equal({ returned: 'rpc-reply/rpc-error' });
      expect(r['beside_ok']!['pyez']).to.deep.equal({ returned: 'rpc-error' });
    });

    it('inside a Junos-namespaced result (route-engine-information): neither raises; both return the result', () => {
      expect(r['in_result']!['ncclient']).to.deep.equal({ returned: 'rpc-reply/route-engine-information' });
      expect(r['in_result']!['pyez']).to.deep.equal({ returned: 'route-engine-information' });
    });

    it('inside a result with no namespace of its own (software-information): both raise, PyEZ not with ignore_warning', () => {
      expect(r['in_bare_result']!['ncclient']).to.include({ raised: 'RPCError', severity: 'warning' });
      expect(r['in_bare_result']!['pyez']!.raised).to.equal('RpcError');
      expect(r['in_bare_result']!['pyez_ignore_warning']).to.deep.equal({ returned: 'software-information' });
    });

    it('inside load-configuration-results (NETCONF namespace): both raise, PyEZ not with ignore_warning', () => {
      expect(r['in_load_results']!['ncclient']).to.include({ raised: 'RPCError', severity: 'warning' });
      expect(r['in_load_results']!['pyez']!.raised).to.equal('RpcError');
      expect(r['in_load_results']!['pyez_ignore_warning']).to.deep.equal({ returned: 'load-configuration-results' });
    });

    it('rpc-error with ok: true replaces the RPC: the same as beside <ok/>', () => {
      expect(r['replacing']).to.deep.equal(r['beside_ok']);
    });
  });
}
