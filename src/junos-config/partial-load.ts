/**
 * A text or set load some of whose statements were refused. Junos loads the
 * rest (`load complete (1 errors)`, and `show | compare` shows what did
 * load: a public CLI capture of `load merge terminal`) and answers the
 * refusals inside `<load-configuration-results>` with a `<load-error-count>`
 * (a 15.1X49 vSRX reply to Ansible's XML). The parsers throw this instead of
 * refusing the whole load when every error let them go on; XML and JSON
 * loads do the same through check-edits.ts.
 */
import { allOf } from '../errors/catalogue.js';
import { RpcError } from '../xml/rpc-error.js';
import type { EditNode } from './tree.js';

export class PartialLoadError extends RpcError {
  constructor(
    refused: readonly RpcError[],
    /** The statements read without an error, to load. */
    readonly loaded: EditNode[],
  ) {
    super(allOf(refused).errors);
  }
}
