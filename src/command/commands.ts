/**
 * The CLI commands `<command>` understands. Each is the `cli` words of an RPC
 * grammar, so options are declared once (src/grammar) and parsed the same way
 * whether they arrive as XML leaves or CLI words.
 */
import { getBridgeMacTableGrammar } from '../grammar/get-bridge-mac-table.js';
import { getEthernetSwitchingTableGrammar } from '../grammar/get-ethernet-switching-table-information.js';
import { fileListGrammar, fileShowGrammar, getInterfaceInformationGrammar } from '../grammar/facts-rpcs.js';
import { FILE_GRAMMARS } from '../grammar/file-rpcs.js';
import { CLI_DIRECTORY_GRAMMARS } from '../grammar/cli-directory.js';
import { getChassisInventoryGrammar } from '../grammar/get-chassis-inventory.js';
import { getRouteEngineInformationGrammar } from '../grammar/get-route-engine-information.js';
import { getSnapshotInformationGrammar } from '../grammar/get-snapshot-information.js';
import { getSoftwareInformationGrammar } from '../grammar/get-software-information.js';
import { getSystemStorageGrammar } from '../grammar/get-system-storage.js';
import { requestPackageAddGrammar } from '../grammar/request-package-add.js';
import { requestPackageRollbackGrammar } from '../grammar/request-package-rollback.js';
import { requestPackageValidateGrammar } from '../grammar/request-package-validate.js';
import { requestRebootGrammar } from '../grammar/request-reboot.js';
import { requestSnapshotGrammar } from '../grammar/request-snapshot.js';
import { getRescueInformationGrammar, getRollbackInformationGrammar, requestDeleteRescueGrammar, requestSaveRescueGrammar } from '../grammar/configuration-archive.js';
import { rpcExistsOn } from '../grammar/parse-rpc.js';
import type { Dialect, Platform, RpcGrammar } from '../grammar/types.js';

export type CommandSpec =
  | { readonly kind: 'rpc'; readonly words: readonly string[]; readonly grammar: RpcGrammar }
  /** `show configuration [path]`: the rest of the line is a configuration path. */
  | { readonly kind: 'configuration'; readonly words: readonly string[] };

const GRAMMARS: readonly RpcGrammar[] = [
  requestSnapshotGrammar,
  getSnapshotInformationGrammar,
  getSystemStorageGrammar,
  getSoftwareInformationGrammar,
  getRouteEngineInformationGrammar,
  getChassisInventoryGrammar,
  getBridgeMacTableGrammar,
  getEthernetSwitchingTableGrammar,
  getInterfaceInformationGrammar,
  requestPackageAddGrammar,
  requestPackageRollbackGrammar,
  requestPackageValidateGrammar,
  requestRebootGrammar,
  requestSaveRescueGrammar,
  requestDeleteRescueGrammar,
  getRescueInformationGrammar,
  getRollbackInformationGrammar,
  fileListGrammar,
  fileShowGrammar,
  ...FILE_GRAMMARS,
  ...CLI_DIRECTORY_GRAMMARS,
];

export const COMMANDS: readonly CommandSpec[] = [
  ...GRAMMARS.map((g): CommandSpec => ({ kind: 'rpc', words: g.cli, grammar: g })),
  { kind: 'configuration', words: ['show', 'configuration'] },
];

export function commandsOn(platform: Platform | Dialect): CommandSpec[] {
  return COMMANDS.filter((c) => c.kind !== 'rpc' || rpcExistsOn(c.grammar, platform));
}
