import { expect } from 'chai';
import { domainError } from '../../src/errors/domain.js';
import { RpcError, type RpcErrorInfo } from '../../src/errors/rpc-error.js';

/**
 * Awaits `p`, expecting a refusal, and returns the rpc-errors a client would
 * get: an RpcError's own, or a domain refusal (SnapshotRefusal, CommitRefused,
 * …) as the dispatcher maps it.
 */
export async function rpcErrors(p: Promise<unknown> | unknown): Promise<readonly RpcErrorInfo[]> {
  try {
    await p;
  } catch (e) {
    const err = e instanceof RpcError ? e : domainError(e);
    expect(err, `not a refusal: ${String(e)}`).to.be.instanceOf(RpcError);
    return err!.errors;
  }
  expect.fail('expected an RpcError');
}
