/** NETCONF <get-config> (running or candidate, optional subtree filter) and <get>. */
import { renderConfigurationWork, type ConfigurationStamp } from '../src/junos-config/render.js';
import { runSliced } from '../src/junos-config/slices.js';
import { filterTreeWork, type ConfigNode } from '../src/junos-config/tree.js';
import type { XmlElement } from '../src/xml/element.js';
import { child } from '../src/xml/element.js';
import { redactSecrets } from '../src/junos-config/permissions.js';
import { candidateWithVersion, committedWithVersion } from '../src/junos-config/version-statement.js';
import { readDatastore } from './datastore-target.js';
import type { RpcContext, RpcHandler } from './types.js';
import { dataXml } from '../src/render/configuration-results.js';

/**
 * Rendered committed configurations. A commit stores a new tree and never
 * changes it afterwards, so the tree itself is the cache key; automation
 * polls the running configuration far more often than it commits.
 */
const renderedRunning = new WeakMap<ConfigNode, string>();

/**
 * The configuration as `<data><configuration>...</configuration></data>`, filtered by a `<filter>`'s `<configuration>`.
 * Rendered in slices (src/junos-config/slices.ts), so a large configuration does not stall other sessions;
 * the cached running configuration comes back at once, without a promise (the polling case).
 */
export function configurationData(ctx: RpcContext, source: 'running' | 'candidate', filter: XmlElement | undefined): string | Promise<string> {
  const store = ctx.device.configuration;
  const f = filter ? child(filter, 'configuration') : undefined;
  if (source === 'running' && !f && !redacts(ctx)) {
    const tree = storedView(ctx, 'running');
    const cached = renderedRunning.get(tree);
    if (cached !== undefined) return cached;
    return runSliced(renderConfigurationWork(tree, 'xml', store.lastCommit())).then((xml) => {
      const body = dataXml(xml);
      renderedRunning.set(tree, body);
      return body;
    });
  }
  return configurationXml(ctx, source, filter).then(dataXml);
}

/** The configuration element alone (no `<data>`), filtered, rendered in slices; never cached. */
export async function configurationXml(ctx: RpcContext, source: 'running' | 'candidate', filter: XmlElement | undefined): Promise<string> {
  const store = ctx.device.configuration;
  const tree = shownTo(ctx, storedView(ctx, source));
  const f = filter ? child(filter, 'configuration') : undefined;
  const info = source === 'running' ? store.lastCommit() : candidateStamp(ctx);
  const shown = f ? await runSliced(filterTreeWork(tree, f)) : tree;
  return runSliced(renderConfigurationWork(shown, 'xml', info));
}

/** A datastore as Junos shows it, `version` statement first (src/junos-config/version-statement.ts). */
export function storedView(ctx: RpcContext, source: 'running' | 'candidate'): ConfigNode {
  const store = ctx.device.configuration;
  const release = ctx.device.model.settings.softwareVersion;
  if (source === 'running') return committedWithVersion(store.committed(), release);
  return candidateWithVersion(store.candidate(ctx.session), store.committed(), release);
}

/**
 * A candidate's `junos:changed-*` stamp. The 20.4R0 trace stamps a candidate
 * nobody had edited with the moment it was read; the time of an edit is not
 * kept apart (a choice: docs/releases.md).
 */
export function candidateStamp(ctx: RpcContext): ConfigurationStamp {
  return { changedAt: ctx.device.clock.now() };
}

/** The configuration as this user may see it: secrets hidden from a class without `secret`, as Junos shows them. */
export function shownTo(ctx: RpcContext, tree: ConfigNode): ConfigNode {
  return redacts(ctx) ? redactSecrets(tree) : tree;
}

function redacts(ctx: RpcContext): boolean {
  return ctx.may !== undefined && !ctx.may('secret');
}

export const handler: RpcHandler = {
  name: 'get-config',
  permission: 'view',
  handle: (op, ctx) => {
    const ds = readDatastore(op, 'source');
    const body = configurationData(ctx, ds === 'candidate' ? 'candidate' : 'running', child(op, 'filter'));
    return typeof body === 'string' ? { kind: 'body', body } : body.then((b) => ({ kind: 'body', body: b }));
  },
};
