/**
 * Results of the operational RPCs that have no tree of their own elsewhere
 * in src/render, one renderer each. Handlers build the result and call these.
 */
import { el, leaf, toXml, XNM_NS, type XNode } from './tree.js';

/**
 * CLI text in `<output>`. `newline: false` keeps the replies that Junos
 * (and the captures this follows) end right after `</output>`.
 */
export function outputXml(text: string, o: { readonly newline?: boolean } = {}): string {
  return toXml(leaf('output', text), o.newline === false);
}

/** `<output>` then `<package-result>` (0 success, 1 failure); `leadingNewline` puts the text on the line after `<output>`. */
function packageNodes(text: string, result: number, leadingNewline: boolean): XNode[] {
  return [leaf('output', leadingNewline ? `\n${text}` : text), leaf('package-result', String(result))];
}

/** `request system software add`. */
export function packageAddXml(text: string, result: number): string {
  return packageNodes(text, result, true).map((n) => toXml(n)).join('');
}

/** `request system software rollback`: per member in a virtual chassis or cluster (`reNames` given). */
export function packageRollbackXml(text: string, result: number, reNames?: readonly string[]): string {
  const part = packageNodes(text, result, false);
  if (!reNames) return part.map((n) => toXml(n)).join('');
  return toXml(el('multi-routing-engine-results', reNames.map((re) => el('multi-routing-engine-item', [leaf('re-name', re), ...part]))));
}

/** `request system reboot`: the status text on the lines after the start tag. */
export function rebootResultsXml(text: string, rebootSeconds: number): string {
  return toXml(el('request-reboot-results', [leaf('request-reboot-status', `\n${text}`, [['reboot-time', String(rebootSeconds)]])]));
}

/** `file list` of an emulated directory: always empty. */
export function directoryListXml(dir: string, seconds: number): string {
  return toXml(
    el(
      'directory-list',
      [el('directory', [leaf('directory-name', dir), leaf('total-file-blocks', '0'), leaf('total-files', '0')], [['name', dir]])],
      [
        ['root-path', dir],
        ['junos:seconds', String(seconds)],
        ['junos:style', 'brief'],
      ],
    ),
  );
}

/** `file show`: the text on the lines after the start tag. */
export function fileContentXml(path: string, modifiedSeconds: number, text: string, encoding = 'text'): string {
  return toXml(
    leaf('file-content', `\n${text}`, [
      ['filename', path],
      ['junos:seconds', String(modifiedSeconds)],
      ['filesize', String(Buffer.byteLength(text))],
      ['encoding', encoding],
    ]),
  );
}

/** A JSR box that is not clustered answers with an xnm:error body, not an rpc-error (PyEZ's cluster_false fixture). */
export function clusterNotEnabledXml(): string {
  return toXml(
    el(
      'xnm:error',
      [el('parse'), leaf('source-daemon', 'jsrpd'), leaf('message', 'error: Chassis cluster is not enabled')],
      [
        ['xmlns', XNM_NS],
        ['xmlns:xnm', XNM_NS],
      ],
    ),
  );
}

/** `request-end-session`: answered `<end-session/>`, then the channel closes. */
export function endSessionXml(): string {
  return toXml(el('end-session'), true);
}
