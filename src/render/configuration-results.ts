/**
 * Results of the configuration RPCs, one renderer each: handlers build the
 * result and call these, so the reply's markup is written in one place
 * (src/xml/writer.ts through the XNode tree). The configuration itself is
 * written by src/junos-config/render.ts, sliced; these wrap it.
 */
import { endTag, startTag } from '../xml/writer.js';
import { el, leaf, toXml, type XNode } from './tree.js';
import type { RpcErrorInfo } from '../errors/rpc-error.js';

/** `<commit-results>` for one routing engine: a check, a commit, or a confirmed commit (minutes until rollback). */
export type CommitResult = { readonly re: string } & ({ readonly kind: 'check' } | { readonly kind: 'commit'; readonly confirmMinutes?: number });

export function commitResultsXml(r: CommitResult): string {
  const detail: XNode[] =
    r.kind === 'check'
      ? [el('commit-check-success')]
      : [
          ...(r.confirmMinutes !== undefined
            ? [
                el('commit-check-success'),
                leaf('confirmed-commit-info', `commit confirmed will be automatically rolled back in ${r.confirmMinutes} minutes unless confirmed`),
              ]
            : []),
          el('commit-success'),
        ];
  return toXml(el('commit-results', [el('routing-engine', [leaf('name', r.re), ...detail], [['junos:style', 'normal']])]));
}

/**
 * `<load-configuration-results>` of a load that succeeded, after the
 * warnings it gave: each an rpc-error of severity warning inside the
 * results, its message on a line of its own, as a 16.1R4 reply to
 * `delete interfaces ge-0/0/0` for an absent statement has it (PyEZ
 * tests/unit/test_decorators.py).
 */
export function loadConfigurationResultsXml(warnings: ReadonlyArray<string | RpcErrorInfo> = []): string {
  const errs = warnings.map((w) => (typeof w === 'string' ? el('rpc-error', [leaf('error-severity', 'warning'), leaf('error-message', `\n${w}\n`)]) : warningNode(w)));
  return toXml(el('load-configuration-results', [...errs, el('ok')]));
}

/** A warning with its level and statement (`statement has no contents; ignored`), in Junos's element order. */
function warningNode(w: RpcErrorInfo): XNode {
  return el('rpc-error', [
    leaf('error-severity', w.severity),
    ...(w.path !== undefined ? [leaf('error-path', w.path)] : []),
    leaf('error-message', w.message),
    ...(w.info && w.info.length > 0 ? [el('error-info', w.info.map(([k, v]) => leaf(k, v)))] : []),
  ]);
}

/** `show | compare` and `show configuration` as text: `<configuration-information><configuration-output>`. */
export function configurationOutputXml(text: string): string {
  return toXml(el('configuration-information', [leaf('configuration-output', text)]));
}

/** `<data>` around already written content (the sliced configuration, netconf-state). */
export function dataXml(inner: string): string {
  return `${startTag('data')}\n${inner}${endTag('data')}\n`;
}

/** get-schema's `<data>`: the module text in the monitoring namespace. */
export function schemaDataXml(ns: string, text: string): string {
  return toXml(leaf('data', text, [['xmlns', ns]]));
}

/** RFC 6022 `netconf-state/schemas`, one `<schema>` per module, written on one line as before. */
export function netconfStateXml(ns: string, modules: ReadonlyArray<{ readonly name: string; readonly revision: string; readonly namespace: string }>): string {
  const schemas = modules.map((m) =>
    el('schema', [leaf('identifier', m.name), leaf('version', m.revision), leaf('format', 'yang'), leaf('namespace', m.namespace), leaf('location', 'NETCONF')]),
  );
  return `${toXml(el('netconf-state', [el('schemas', schemas)], [['xmlns', ns]]), true)}\n`;
}
