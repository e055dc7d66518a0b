/** NETCONF <get-config> (running or candidate, optional subtree filter) and <get>. */
import { renderConfiguration } from '../src/configuration/render.js';
import { filterTree, type ConfigNode } from '../src/configuration/tree.js';
import type { XmlElement } from '../src/xml/element.js';
import { child } from '../src/xml/element.js';
import { readDatastore } from './datastore-target.js';
import type { RpcContext, RpcHandler } from './types.js';

/**
 * Rendered committed configurations. A commit stores a new tree and never
 * changes it afterwards, so the tree itself is the cache key; automation
 * polls the running configuration far more often than it commits.
 */
const renderedRunning = new WeakMap<ConfigNode, string>();

/** The configuration as `<data><configuration>...</configuration></data>`, filtered by a `<filter>`'s `<configuration>`. */
export function configurationData(ctx: RpcContext, source: 'running' | 'candidate', filter: XmlElement | undefined): string {
  const store = ctx.device.configuration;
  const tree = source === 'running' ? store.committed() : store.candidate(ctx.session);
  const f = filter ? child(filter, 'configuration') : undefined;
  if (source === 'running' && !f) {
    let body = renderedRunning.get(tree);
    if (body === undefined) {
      body = `<data>\n${renderConfiguration(tree, 'xml', store.lastCommit())}</data>\n`;
      renderedRunning.set(tree, body);
    }
    return body;
  }
  const shown = f ? filterTree(tree, f) : tree;
  return `<data>\n${renderConfiguration(shown, 'xml', source === 'running' ? store.lastCommit() : undefined)}</data>\n`;
}

export const handler: RpcHandler = {
  name: 'get-config',
  permission: 'view',
  handle: (op, ctx) => {
    const ds = readDatastore(op, 'source');
    return { kind: 'body', body: configurationData(ctx, ds === 'candidate' ? 'candidate' : 'running', child(op, 'filter')) };
  },
};
