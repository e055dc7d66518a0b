import { RpcRegistry } from './registry.js';
import type { RpcHandler } from './types.js';
import { handler as closeSession } from './close-session.js';
import { handler as get } from './get.js';
import { handler as getConfig } from './get-config.js';
import { handler as getSchema } from './get-schema.js';
import { handler as getSnapshotInformation } from './get-snapshot-information.js';
import { handler as getSystemStorage } from './get-system-storage.js';
import { handler as killSession } from './kill-session.js';
import { handler as lock } from './lock.js';
import { handler as requestEndSession } from './request-end-session.js';
import { handler as requestSnapshot } from './request-snapshot.js';
import { handler as unlock } from './unlock.js';

/** Every RPC the emulator answers; anything else is a Junos `syntax error`. */
export const HANDLERS: readonly RpcHandler[] = [
  closeSession,
  get,
  getConfig,
  getSchema,
  getSnapshotInformation,
  getSystemStorage,
  killSession,
  lock,
  requestEndSession,
  requestSnapshot,
  unlock,
];

export function defaultRegistry(): RpcRegistry {
  const r = new RpcRegistry();
  for (const h of HANDLERS) r.register(h);
  return r;
}
