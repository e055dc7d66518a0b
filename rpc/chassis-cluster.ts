/**
 * <get-virtual-chassis-information> and <get-chassis-cluster-status>: what a
 * device answers follows its release family (which YANG family has the RPC)
 * and its topology (a virtual chassis, a chassis cluster).
 */
import type { DeviceModel } from '../src/engine/index.js';
import { el, leaf, toXml } from '../src/render/tree.js';
import type { XNode } from '../src/render/tree.js';
import { serialNumber } from '../src/system/identity.js';
import { CLUSTER_ID } from '../src/system/iri.js';
import { syntaxError } from '../src/xml/rpc-error.js';
import type { RpcHandler } from './types.js';
import { plainError } from '../src/errors/catalogue.js';
import { clusterNotEnabledXml } from '../src/render/operation-results.js';

/** The members of an emulated virtual chassis, as PyEZ's EX4300 fixture lists them. */
function virtualChassisTree(model: DeviceModel, deviceName: string): XNode {
  const members = model.routingEngines().map((re, n) =>
    el('member', [
      leaf('member-status', 'Prsnt'),
      leaf('member-id', String(n)),
      leaf('fpc-slot', `(FPC ${n})`),
      leaf('member-serial-number', serialNumber(deviceName, re.name)),
      leaf('member-model', model.spec.model),
      leaf('member-priority', re.slot === 're0' ? '129' : '128'),
      leaf('member-mixed-mode', 'N'),
      leaf('member-route-mode', 'VC'),
      leaf('member-role', re.slot === 're0' ? 'Master*' : 'Backup'),
      el('neighbor-list'),
    ]),
  );
  const id = serialNumber(deviceName, 'virtual-chassis').slice(2).toLowerCase();
  return el('virtual-chassis-information', [
    el('preprovisioned-virtual-chassis-information', [
      leaf('virtual-chassis-id', `${id.slice(0, 4)}.${id.slice(4, 8)}.${id.slice(6, 10)}`),
      leaf('virtual-chassis-mode', 'Enabled'),
    ]),
    el('member-list', members, [['junos:style', 'single-slot']]),
  ]);
}

export const virtualChassis: RpcHandler = {
  name: 'get-virtual-chassis-information',
  permission: 'view',
  handle: (_op, ctx) => {
    const model = ctx.device.model;
    if (model.spec.topology === 'virtual-chassis') return { kind: 'body', body: toXml(virtualChassisTree(model, ctx.device.name)) };
    // Wording chosen: no capture of a non-VC box's answer was found. PyEZ only needs an rpc-error (vc_capable False).
    throw plainError('Virtual Chassis not configured');
  },
};

/** PyEZ's cluster_true fixture: the cluster id, redundancy group 0 with both nodes' priority and status. */
function clusterTree(): XNode {
  const group = (id: number): XNode =>
    el('redundancy-group', [
      leaf('cluster-id', String(CLUSTER_ID)),
      leaf('redundancy-group-id', String(id)),
      leaf('redundancy-group-failover-count', '0'),
      el('device-stats', [
        leaf('device-name', 'node0'),
        leaf('device-priority', '100'),
        leaf('redundancy-group-status', 'primary'),
        leaf('preempt', 'no'),
        leaf('failover-mode', 'no'),
        leaf('monitor-failures', 'None'),
        leaf('device-name', 'node1'),
        leaf('device-priority', '1'),
        leaf('redundancy-group-status', 'secondary'),
        leaf('preempt', 'no'),
        leaf('failover-mode', 'no'),
        leaf('monitor-failures', 'None'),
      ]),
    ]);
  return el('chassis-cluster-status', [leaf('cluster-id', String(CLUSTER_ID)), group(0), group(1)]);
}

export const chassisCluster: RpcHandler = {
  name: 'get-chassis-cluster-status',
  permission: 'view',
  handle: (op, ctx) => {
    const model = ctx.device.model;
    // The RPC is in the junos-es YANG family only (Juniper/yang 21.4R1): an MX, T or EX has no such RPC.
    if (model.release.yangFamily !== 'junos-es') throw syntaxError(op.name);
    if (model.spec.topology === 'cluster') return { kind: 'body', body: toXml(clusterTree()) };
    // A JSR box that is not clustered: an xnm:error body, not an rpc-error (PyEZ's cluster_false fixture, an SRX 12.3X48).
    return { kind: 'body', body: clusterNotEnabledXml() };
  },
};
