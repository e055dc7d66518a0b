import type { XmlElement } from '../src/xml/element.js';
import { child } from '../src/xml/element.js';
import { RpcError, syntaxError } from '../src/xml/rpc-error.js';
import type { Datastore } from '../src/session/locks.js';

const DATASTORES: readonly Datastore[] = ['running', 'candidate', 'startup'];

/** Reads `<target><candidate/></target>` (or `<source>`) of a base operation. */
export function readDatastore(op: XmlElement, wrapper: 'target' | 'source'): Datastore {
  const w = child(op, wrapper);
  if (!w) {
    throw new RpcError({ type: 'protocol', tag: 'missing-element', severity: 'error', message: `syntax error, expecting <${wrapper}>`, info: [['bad-element', op.name]] });
  }
  const ds = w.children[0];
  if (!ds) throw syntaxError(wrapper);
  if (!(DATASTORES as readonly string[]).includes(ds.name)) throw syntaxError(ds.name);
  return ds.name as Datastore;
}
