import { expect } from 'chai';
import { RpcError } from '../../src/xml/rpc-error.js';
import type { RpcErrorInfo } from '../../src/xml/rpc-error.js';

/** Awaits `p`, expecting an RpcError; returns its errors. */
export async function rpcErrors(p: Promise<unknown> | unknown): Promise<readonly RpcErrorInfo[]> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(RpcError);
    return (e as RpcError).errors;
  }
  expect.fail('expected an RpcError');
}
