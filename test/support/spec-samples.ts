/** The product spec's four samples, and a helper that reads the CLI text out of a text-format reply. */
import { expect } from 'chai';
import type { RpcReply } from '../../rpc/types.js';

export const SAMPLE_1 = [
  'umount: /altroot: not currently mounted',
  'Copying / to /altroot.. (this may take a few minutes)',
  'umount: /altconfig: not currently mounted',
  'Copying /config to /altconfig.. (this may take a few minutes)',
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export const SAMPLE_2 = [
  'Performing preliminary partition checks ...',
  'Partitioning ad0 ...',
  'umount: /altroot: not currently mounted',
  'Copying / to /altroot.. (this may take a few minutes)',
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export const SAMPLE_3 = 'Snapshot is not possible since mirror-flash-on-disk is configured.';

const DASHES = '-'.repeat(74);
export const SAMPLE_4 = [
  'lcc0-re0:',
  DASHES,
  "Copying '/' to '/altroot' .. (this may take a few minutes)",
  "Copying '/config' to '/altconfig' .. (this may take a few minutes)",
  'The following filesystems were archived: / /config',
  '',
  'lcc2-re0:',
  DASHES,
  "Copying '/' to '/altroot' .. (this may take a few minutes)",
  "Copying '/config' to '/altconfig' .. (this may take a few minutes)",
  'The following filesystems were archived: / /config',
  '',
].join('\n');

export function outputText(reply: RpcReply): string {
  expect(reply.kind).to.equal('body');
  const body = (reply as { body: string }).body;
  const m = /^<output>([\s\S]*)<\/output>\n$/.exec(body);
  expect(m, body).to.not.equal(null);
  return m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

