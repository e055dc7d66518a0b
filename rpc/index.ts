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
import { handler as command } from './command.js';
import { handler as getSoftwareInformation } from './get-software-information.js';
import { handler as getRouteEngineInformation } from './get-route-engine-information.js';
import { handler as getChassisInventory } from './get-chassis-inventory.js';
import { handler as getInterfaceInformation } from './get-interface-information.js';
import { handler as fileShow } from './file-show.js';
import { handler as fileList } from './file-list.js';
import { chassisCluster, virtualChassis } from './chassis-cluster.js';
import { handler as getBridgeMacTable } from './get-bridge-mac-table.js';
import { handler as getEthernetSwitchingTable } from './get-ethernet-switching-table-information.js';
import { handler as getConfiguration } from './get-configuration.js';
import { handler as loadConfiguration } from './load-configuration.js';
import { handler as commitConfiguration } from './commit-configuration.js';
import { closeConfiguration, discardChanges, lockConfiguration, openConfiguration, unlockConfiguration } from './configuration-session.js';
import { commit, editConfig, validate } from './edit-config.js';
import { handler as requestPackageAdd } from './request-package-add.js';
import { handler as requestPackageRollback } from './request-package-rollback.js';
import { handler as requestPackageValidate } from './request-package-validate.js';
import { handler as requestPackageChecksPendingInstall } from './request-package-checks-pending-install.js';
import { handler as requestReboot } from './request-reboot.js';
import { deleteRescue, getRescueInformation, saveRescue } from './rescue.js';
import { handler as getRollbackInformation } from './get-rollback-information.js';
import { FILE_HANDLERS } from './file-ops.js';
import { CLI_DIRECTORY_HANDLERS } from './cli-directory.js';

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
  // Issue 4: the CLI, PyEZ facts, configuration, software upgrade.
  command,
  getSoftwareInformation,
  getRouteEngineInformation,
  getChassisInventory,
  getInterfaceInformation,
  fileShow,
  fileList,
  virtualChassis,
  chassisCluster,
  getBridgeMacTable,
  getEthernetSwitchingTable,
  getConfiguration,
  loadConfiguration,
  commitConfiguration,
  lockConfiguration,
  unlockConfiguration,
  openConfiguration,
  closeConfiguration,
  discardChanges,
  editConfig,
  commit,
  validate,
  requestPackageAdd,
  requestPackageRollback,
  requestPackageValidate,
  requestPackageChecksPendingInstall,
  requestReboot,
  // Issue 12: the rescue configuration and the commit history.
  saveRescue,
  deleteRescue,
  getRescueInformation,
  getRollbackInformation,
  // Issue 14: the file tree.
  ...FILE_HANDLERS,
  ...CLI_DIRECTORY_HANDLERS,
];

export function defaultRegistry(): RpcRegistry {
  const r = new RpcRegistry();
  for (const h of HANDLERS) r.register(h);
  return r;
}
