/**
 * The file RPCs and their CLI forms, in the shapes of PyEZ's fixtures:
 * file-list tells files from directories and answers a missing path with an
 * `<output>` (issue 11), checksums of the real bytes, directory usage,
 * storage cleanup (dry-run lists, real frees /var), archives that gunzip and
 * untar to the bytes put in, and `maintenance` needed to change anything.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { fakeContext, fakeDevice, op } from '../support/fake-context.js';
import { defaultRegistry } from '../../rpc/index.js';
import type { RpcReply } from '../../rpc/types.js';
import { fileSystems } from '../../src/engine/storage.js';

const reg = defaultRegistry();

async function call(dev: ReturnType<typeof fakeDevice>, name: string, leaves: Record<string, string | true> = {}, format: 'xml' | 'text' = 'xml'): Promise<string> {
  const h = reg.find(name)!;
  const r: RpcReply = await h.handle(op(name, leaves), fakeContext(dev, { format }));
  return r.kind === 'body' ? r.body : r.kind === 'ok' ? '<ok/>' : r.body;
}

const fail = (p: Promise<unknown>): Promise<string> => p.then(() => 'no error', (e: Error) => e.message);

describe('file RPCs', () => {
  it('file-list: a directory, a file, a missing path, as Junos and PyEZ read them', async () => {
    const dev = fakeDevice();
    await dev.files.write('re0', '/var/tmp/junos.tgz', Buffer.from('x'.repeat(5000)), 'lab');
    const dir = await call(dev, 'file-list', { path: '/var/tmp', detail: true });
    expect(dir).to.include('<directory name="/var/tmp/">');
    expect(dir).to.include('<file-name>junos.tgz</file-name>');
    expect(dir).to.include('<file-size>5000</file-size>');
    expect(dir).to.match(/<file-name>install<\/file-name>\n<file-directory junos:format="\/"\/>/);
    const file = await call(dev, 'file-list', { path: '/var/tmp/junos.tgz' });
    expect(file).to.include('<directory name="">');
    expect(file).to.include('<file-name>/var/tmp/junos.tgz</file-name>');
    const missing = await call(dev, 'file-list', { path: '/var/tmp/nope' });
    expect(missing).to.include('<output>/var/tmp/nope: No such file or directory</output>');
    expect(missing).to.not.include('<directory ');
    expect(await call(dev, 'file-list', { path: '/var/tmp' }, 'text')).to.match(/\/var\/tmp\/:\ngres-tp\/\ninstall\/\njunos\.tgz\n/);
  });

  it("on a routing matrix, a virtual chassis and a cluster the session's re0 is the first chassis's RE (PyEZ's HOME fact)", async () => {
    for (const profile of ['txmatrix', 'txmatrix-plus', 'ex4300-vc', 'srx300-cluster'] as const) {
      const xml = await call(fakeDevice(profile), 'file-list', { path: '~' });
      expect(xml, profile).to.include('<directory name="/var/home/lab/">');
    }
  });

  it('checksums are of the real bytes; a missing file is an rpc-error', async () => {
    const dev = fakeDevice();
    const bytes = Buffer.from('emulated package\n'.repeat(1000));
    await dev.files.write('re0', '/var/tmp/p.tgz', bytes, 'lab');
    for (const [rpc, alg] of [['get-checksum-information', 'md5'], ['get-sha1-checksum-information', 'sha1'], ['get-sha256-checksum-information', 'sha256']] as const) {
      expect(await call(dev, rpc, { path: '/var/tmp/p.tgz' })).to.include(`<checksum>${createHash(alg).update(bytes).digest('hex')}</checksum>`);
    }
    expect(await fail(call(dev, 'get-checksum-information', { path: '/var/tmp/none' }))).to.include('No such file or directory');
  });

  it('copy, rename and delete answer an empty reply, failures an <output>; storage follows', async () => {
    const dev = fakeDevice();
    const re = dev.model.routingEngine('re0')!;
    const used = (): number => fileSystems(dev.model, re).find((f) => f.mountedOn === '/var')!.usedKb;
    await dev.files.write('re0', '/var/tmp/a.bin', Buffer.alloc(1 << 20, 1), 'lab');
    dev.files.ensureHome('re0', 'lab');
    const before = used();
    expect(await call(dev, 'file-copy', { source: '/var/tmp/a.bin', destination: '/var/tmp/b.bin' })).to.equal('');
    expect(used() - before).to.equal(1024);
    expect(await call(dev, 'file-rename', { source: '/var/tmp/b.bin', destination: '/var/tmp/c.bin' })).to.equal('');
    expect(await call(dev, 'file-delete', { path: '/var/tmp/c.bin' })).to.equal('');
    expect(used()).to.equal(before);
    expect(await call(dev, 'file-delete', { path: '/var/tmp/c.bin' })).to.include('<output>rm: /var/tmp/c.bin: No such file or directory</output>');
    expect(await call(dev, 'file-rename', { source: '/var/tmp/x', destination: '/var/tmp/y' })).to.include('No such file or directory');
    expect(await fail(call(dev, 'file-copy', { source: '/var/tmp/x', destination: '/var/tmp/y' }))).to.include('could not resolve file');
  });

  it('file-archive writes a tgz whose entries are the files put in', async () => {
    const dev = fakeDevice();
    await dev.files.write('re0', '/var/tmp/one.txt', Buffer.from('first file\n'), 'lab');
    expect(await call(dev, 'file-archive', { compress: true, source: '/var/tmp', destination: '/var/tmp/t.tgz' })).to.equal('');
    const tar = gunzipSync(await dev.files.read('re0', '/var/tmp/t.tgz'));
    expect(tar.subarray(257, 262).toString()).to.equal('ustar');
    expect(tar.toString('latin1')).to.include('tmp/one.txt');
    expect(tar.toString('latin1')).to.include('first file\n');
  });

  it('storage cleanup: dry-run lists and keeps, the real one frees /var', async () => {
    const dev = fakeDevice();
    await dev.files.write('re0', '/var/tmp/old.tgz', Buffer.alloc(2 << 20), 'lab');
    const dry = await call(dev, 'request-system-storage-cleanup', { 'dry-run': true });
    expect(dry).to.include('<file-name>/var/tmp/old.tgz</file-name>');
    expect(dry).to.include('<file-name>/var/log/messages.0.gz</file-name>');
    expect(dry).to.not.include('/var/log/messages</file-name>');
    expect(dev.files.stat('re0', '/var/tmp/old.tgz')).to.not.equal(undefined);
    await call(dev, 'request-system-storage-cleanup');
    expect(dev.files.stat('re0', '/var/tmp/old.tgz')).to.equal(undefined);
    expect(dev.files.stat('re0', '/var/log/messages')?.kind).to.equal('file');
    expect(dev.files.stat('re0', '/var/tmp/install')?.kind).to.equal('dir');
  });

  it('directory usage in 512-byte blocks with the depth asked', async () => {
    const dev = fakeDevice();
    await dev.files.write('re0', '/var/tmp/install/x', Buffer.alloc(10 * 1024), 'root');
    const xml = await call(dev, 'get-directory-usage-information', { path: '/var/tmp', depth: '1' });
    expect(xml).to.match(/<directory-name>\/var\/tmp\/install<\/directory-name>\n<used-space used-blocks="22">11K<\/used-space>/);
  });

  it('writes take maintenance: an operator is denied, a read-only user may list', () => {
    expect(reg.find('file-delete')!.grammar!.permission).to.equal('maintenance');
    expect(reg.find('request-system-storage-cleanup')!.grammar!.permission).to.equal('maintenance');
    expect(reg.find('file-list')!.grammar!.permission).to.equal('view');
  });
});
