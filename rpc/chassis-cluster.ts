/**
 * <get-virtual-chassis-information> and <get-chassis-cluster-status>: none of
 * the emulated profiles is a virtual chassis or an SRX cluster.
 */
import { XNM_NS } from '../src/render/tree.js';
import { RpcError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';

export const virtualChassis: RpcHandler = {
  name: 'get-virtual-chassis-information',
  permission: 'view',
  handle: () => {
    // Wording chosen: no capture of a non-VC box's answer was found. PyEZ only needs an rpc-error (vc_capable False).
    throw new RpcError({ severity: 'error', message: 'Virtual Chassis not configured' });
  },
};

export const chassisCluster: RpcHandler = {
  name: 'get-chassis-cluster-status',
  permission: 'view',
  // The shape of a non-clustered box in PyEZ's fixtures: an xnm:error body, not an rpc-error.
  handle: () => ({
    kind: 'body',
    body: `<xnm:error xmlns="${XNM_NS}" xmlns:xnm="${XNM_NS}">\n<parse/>\n<source-daemon>jsrpd</source-daemon>\n<message>error: Chassis cluster is not enabled</message>\n</xnm:error>\n`,
  }),
};
