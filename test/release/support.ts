/** Running one RPC against a fresh device of a profile, for the per-release tests. */
import { expect } from 'chai';
import { handler as snapshotInfo } from '../../rpc/get-snapshot-information.js';
import { handler as requestSnapshot } from '../../rpc/request-snapshot.js';
import type { OutputFormat, RpcHandler, RpcReply } from '../../rpc/types.js';
import type { DeviceSettings, ProfileName } from '../../src/engine/index.js';
import { fakeContext, fakeDevice, op, type FakeDevice } from '../support/fake-context.js';
import { rpcErrors } from '../support/expect-rpc-error.js';

export type Leaves = Record<string, string | true>;

export function device(profile: ProfileName, settings: Partial<DeviceSettings> = {}): FakeDevice {
  return fakeDevice(profile, settings);
}

export function bodyOf(reply: RpcReply): string {
  expect(reply.kind, JSON.stringify(reply)).to.not.equal('ok');
  return (reply as { body: string }).body;
}

/** The CLI text of a format="text" reply. */
export function textOf(reply: RpcReply): string {
  const m = /^<output>([\s\S]*)<\/output>\n$/.exec(bodyOf(reply));
  expect(m, bodyOf(reply)).to.not.equal(null);
  return m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export async function call(h: RpcHandler, dev: FakeDevice, leaves: Leaves = {}, format: OutputFormat = 'xml', routingEngine = 're0'): Promise<RpcReply> {
  return h.handle(op(h.name, leaves), fakeContext(dev, { format, routingEngine }));
}

export const snapshot = (dev: FakeDevice, leaves: Leaves = {}, format: OutputFormat = 'text', re = 're0'): Promise<RpcReply> =>
  call(requestSnapshot, dev, leaves, format, re);
export const showSnapshot = (dev: FakeDevice, leaves: Leaves = {}, format: OutputFormat = 'text', re = 're0'): Promise<RpcReply> =>
  call(snapshotInfo, dev, leaves, format, re);

/** The errors of a refused call. */
export async function refusal(p: Promise<unknown>): Promise<{ message: string; bad: string | undefined }> {
  try {
    await p;
  } catch (e) {
    const first = (await rpcErrors(Promise.reject(e)))[0]!;
    return { message: first.message, bad: first.info?.find(([k]) => k === 'bad-element')?.[1] };
  }
  return expect.fail('expected an rpc-error');
}

/** Child element names of the first `<name>` element, in order (the emulator writes one element per line). */
export function childNames(xml: string, name: string): string[] {
  const lines = xml.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`<${name}>`) || l.startsWith(`<${name} `));
  expect(at, `<${name}> in ${xml}`).to.be.at.least(0);
  const out: string[] = [];
  let depth = 0;
  for (const l of lines.slice(at + 1)) {
    // A closing tag alone, or the last line of a multi-line text leaf.
    const close = /<\/([\w:-]+)>$/.test(l) && !/^<[\w:-]+[ >]/.test(l);
    if (close) {
      if (depth === 0) break;
      depth--;
      continue;
    }
    const open = /^<([\w:-]+)/.exec(l);
    if (!open || l.startsWith('</')) continue;
    if (depth === 0) out.push(open[1]!);
    // A line that does not close its element (no `</x>` and no `/>`) opens a level.
    if (!l.endsWith('/>') && !l.includes(`</${open[1]}>`)) depth++;
  }
  return out;
}
