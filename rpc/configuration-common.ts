/** What the configuration RPCs share: write access, error mapping, payload reading. */
import { checkEditsWork } from '../src/junos-config/check-edits.js';
import { parseSetLinesWork } from '../src/junos-config/set-format.js';
import { runSliced, type Work } from '../src/junos-config/slices.js';
import { deniedChanges, deniedChangesWork } from '../src/junos-config/permissions.js';
import type { ConfigNode } from '../src/junos-config/tree.js';
import { candidateLocked, permissionDeniedAt } from '../src/errors/catalogue.js';
import { parseTextWork } from '../src/junos-config/text-format.js';
import { editsFromXml, type EditNode } from '../src/junos-config/tree.js';
import type { XmlElement } from '../src/xml/element.js';
import { child } from '../src/xml/element.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcContext } from './types.js';
import { parseJsonConfiguration } from '../src/junos-config/json-format.js';
import { schemaFor, schemaReadyFor } from '../src/junos-config/schema/catalog.js';
import type { Schema } from '../src/junos-config/schema/model.js';
import { RpcError, RpcErrorInside, type RpcErrorInfo } from '../src/errors/rpc-error.js';
import { PartialLoadError } from '../src/junos-config/partial-load.js';
import { dropEmptyContainersWork } from '../src/junos-config/empty-statements.js';

/** The configuration schema of the release the device runs (shared by every device of that release family). */
export function deviceSchema(ctx: RpcContext): Schema {
  return schemaFor(ctx.device.model.spec.line, ctx.device.model.settings.softwareVersion);
}

/**
 * deviceSchema without holding the event loop: the first use in a process
 * waits for the schema to be read (in slices), or for the read the
 * emulator's start began (src/junos-config/schema/catalog.ts).
 */
export function deviceSchemaReady(ctx: RpcContext): Promise<Schema> {
  return schemaReadyFor(ctx.device.model.spec.line, ctx.device.model.settings.softwareVersion);
}

/** Another session's exclusive lock keeps everyone else out of the shared candidate. */
export function assertCanWrite(ctx: RpcContext): void {
  const holder = ctx.device.locks.holder('candidate');
  if (holder !== undefined && holder !== ctx.session.id && !ctx.device.configuration.hasPrivate(ctx.session)) {
    throw candidateLocked(holder);
  }
}

/**
 * Junos's per-hierarchy permissions: `[edit system login]` takes
 * admin-control, secrets take secret-control, and so on
 * (src/junos-config/permissions.ts). Checked on every change of a candidate
 * and again at commit, where the candidate may hold another user's changes.
 */
export function assertMayChange(ctx: RpcContext, before: ConfigNode, after: ConfigNode): void {
  const may = ctx.may;
  if (!may) return;
  const denied = deniedChanges(before, after, may);
  if (denied.length > 0) throw permissionDeniedAt(denied);
}

/** assertMayChange as work in slices: the permission walk of a 16,000-interface change took 45-125 ms at once. */
export function mayChangeCheck(ctx: RpcContext): ((before: ConfigNode, after: ConfigNode) => Work<void>) | undefined {
  const may = ctx.may;
  if (!may) return undefined;
  return function* (before, after) {
    const denied = yield* deniedChangesWork(before, after, may);
    if (denied.length > 0) throw permissionDeniedAt(denied);
  };
}

/** What a load's guard checks just before the candidate changes. */
export function writeGuard(ctx: RpcContext): (before: ConfigNode, after: ConfigNode) => void {
  return (before, after) => {
    assertCanWrite(ctx);
    assertMayChange(ctx, before, after);
  };
}

/**
 * The edits a load carries: `<configuration>` (XML), `<configuration-text>`,
 * or `<configuration-set>` (also `action="set"` with text). Read in slices
 * (src/junos-config/slices.ts): a 16,000-line load does not stall others.
 */
export interface Payload {
  readonly edits: EditNode[];
  /** Statements refused while the rest was read: Junos loads the rest and reports these (PartialLoadError). */
  readonly refused: readonly RpcErrorInfo[];
  /** Warnings of the reading (`statement has no contents; ignored`), reported with the load's. */
  readonly warnings: readonly RpcErrorInfo[];
}

export async function readPayload(op: XmlElement, format: string, action: string, schema: Schema): Promise<Payload> {
  const xml = child(op, 'configuration');
  const text = child(op, 'configuration-text');
  const set = child(op, 'configuration-set');
  const json = child(op, 'configuration-json');
  if (!set && action !== 'set' && !text && format !== 'text' && !xml && !json) {
    throw syntaxError(op.children[0]?.name ?? op.name, 'syntax error, expecting <configuration>');
  }
  // What the schema refuses is reported inside <load-configuration-results>, as Junos does.
  try {
    let edits: EditNode[];
    let refused: readonly RpcErrorInfo[] = [];
    const isText = !(set || action === 'set') && (text !== undefined || format === 'text');
    try {
      if (set || action === 'set') edits = await runSliced(parseSetLinesWork((set ?? text)?.text ?? '', schema));
      else if (isText) edits = await runSliced(parseTextWork(text?.text ?? '', schema));
      else if (json) edits = parseJsonConfiguration(json.text);
      else edits = await runSliced(editsFromXml(xml!.children));
    } catch (e) {
      if (!(e instanceof PartialLoadError)) throw e;
      edits = e.loaded;
      refused = e.errors;
    }
    // XML and JSON: unknown statements are taken out and the rest loads, as for text (docs/config-schema.md).
    const pruned: RpcError[] = [];
    try {
      await runSliced(checkEditsWork(edits, schema, isText || set !== undefined || action === 'set' ? undefined : pruned));
    } catch (e) {
      // A value refused among statements that were read: the whole load is refused, with everything found.
      if (e instanceof RpcError && refused.length + pruned.length > 0) throw new RpcError([...refused, ...pruned.flatMap((p) => p.errors), ...e.errors]);
      throw e;
    }
    if (pruned.length > 0) refused = pruned.flatMap((p) => p.errors);
    // Only text loads are known to warn of empty containers (docs/config-schema.md).
    const warnings = isText ? await runSliced(dropEmptyContainersWork(edits, schema)) : [];
    return { edits, refused, warnings };
  } catch (e) {
    if (e instanceof RpcError) throw new RpcErrorInside(e.errors, 'load-configuration-results');
    throw e;
  }
}
