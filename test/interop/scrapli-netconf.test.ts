import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { CURRENT_STACK, requireClient, requirePython, runPython } from '../support/python.js';
import { waitFor } from '../support/wait.js';

const UNKNOWN_RPC = 'get-test-rpc-nonexistent';

interface Outcome {
  failed: boolean;
  /** Clark notation, as lxml gives it. */
  root: string;
  /** Local name of the first element under <rpc-reply>. */
  tag: string | null;
  error_messages: string[];
  raw_start: string;
  rpc_error?: Record<'error-type' | 'error-tag' | 'error-severity' | 'error-message' | 'bad-element', string | null>;
}

interface ScrapliResult {
  transport: string;
  open: boolean;
  netconf_version: '1.0' | '1.1';
  server_base11: boolean;
  request_snapshot: Outcome;
  get_snapshot_information: Outcome;
  unknown_rpc: Outcome;
  lock: Outcome;
  unlock: Outcome;
  closed: boolean;
}

const REPLY_ROOT = '{urn:ietf:params:xml:ns:netconf:base:1.0}rpc-reply';

/**
 * scrapli_netconf exists only as the current release in ../shared/clients
 * (Debian has no scrapli), so this suite runs on the current stack alone.
 * Transports: scrapli's default `system` (OpenSSH's ssh, which offers the
 * agent key and the ~/.ssh keys before it asks for the password) and the
 * `paramiko` plugin scrapli_netconf ships.
 */
describe(`interop: scrapli_netconf (${CURRENT_STACK.label})`, function () {
  let t10: TestEmulator;
  let t11: TestEmulator;
  before(async function () {
    requirePython(this, 'scrapli_netconf', CURRENT_STACK);
    t10 = await startTestEmulator();
    t11 = await startTestEmulator({ cli: { rfcCompliant: true } });
  });
  after(async () => {
    await t10?.stop();
    await t11?.stop();
  });

  for (const transport of ['system', 'paramiko'] as const) {
    for (const base11 of [false, true]) {
      it(`${transport} transport, base:${base11 ? '1.1 (rfc-compliant)' : '1.0'}: open, request-snapshot, get-snapshot-information, an rpc-error, lock/unlock, close`, async function () {
        if (transport === 'system') requireClient(this, 'OpenSSH ssh (openssh-client)', existsSync('/usr/bin/ssh'));
        else requirePython(this, 'scrapli_netconf.transport.plugins.paramiko.transport', CURRENT_STACK);
        const t = base11 ? t11 : t10;
        const r = await runPython<ScrapliResult>(
          'scrapli_netconf_session.py',
          { host: '127.0.0.1', port: t.port, user: TEST_USER.name, password: TEST_USER.password, transport, unknown_rpc: UNKNOWN_RPC },
          90_000,
          CURRENT_STACK,
        );
        expect(r.transport).to.equal(transport);
        expect(r.open).to.equal(true);
        expect(r.server_base11).to.equal(base11);
        expect(r.netconf_version).to.equal(base11 ? '1.1' : '1.0');

        for (const [name, tag] of [['request_snapshot', 'snapshot-information'], ['get_snapshot_information', 'snapshot-information'], ['lock', 'ok'], ['unlock', 'ok']] as const) {
          const o = r[name];
          expect(o.failed, `${name}: ${JSON.stringify(o)}`).to.equal(false);
          expect(o.root).to.equal(REPLY_ROOT);
          expect(o.tag, name).to.equal(tag);
          // scrapli reads chunked replies itself; base:1.1 replies arrive as chunks.
          expect(o.raw_start, name).to.match(base11 ? /^\n#\d+\n<nc:rpc-reply / : /^\n?<rpc-reply /);
        }

        const e = r.unknown_rpc;
        expect(e.tag).to.equal('rpc-error');
        expect(e.rpc_error).to.deep.equal({
          'error-type': 'protocol',
          'error-tag': 'operation-failed',
          'error-severity': 'error',
          'error-message': 'syntax error',
          'bad-element': UNKNOWN_RPC,
        });
        // What scrapli_netconf itself concludes, as it would from real Junos:
        // it finds errors by the byte strings "<rpc-error>"/"</rpc-error>",
        // which the nc:-prefixed reply of an rfc-compliant device (like real
        // Junos with rfc-compliant; scrapligo lists "<nc:rpc-error>" for
        // exactly that) does not contain, so there it reports success; and it
        // collects error_messages with a namespace-blind XPath, which finds
        // nothing in a reply in the NETCONF namespace.
        expect(e.failed).to.equal(!base11);
        expect(e.error_messages).to.deep.equal([]);

        expect(r.closed).to.equal(true);
        const sessions = t.emulator.devices[0]!.sessions;
        await waitFor(() => sessions.size === 0, 'the sessions closed on the device').catch(() => undefined);
        expect(sessions.size, 'sessions still open on the device').to.equal(0);
      });
    }
  }
});
