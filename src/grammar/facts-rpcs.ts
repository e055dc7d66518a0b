/**
 * Options of the RPCs PyEZ's facts gathering sends that have no `<command>`
 * form here (facts section 6 of the wire facts).
 */
import type { RpcGrammar } from './types.js';

export const getInterfaceInformationGrammar: RpcGrammar = {
  rpc: 'get-interface-information',
  cli: ['show', 'interfaces'],
  description: 'Show interface information',
  permission: 'view',
  leaves: [
    { name: 'interface-name', type: { kind: 'string' }, description: 'Name of physical or logical interface', positional: true },
    { name: 'routing-instance', type: { kind: 'string' }, description: 'Name of routing instance', valueName: 'name' },
    { name: 'terse', type: { kind: 'empty' }, description: 'Display terse output', group: 'style' },
    { name: 'brief', type: { kind: 'empty' }, description: 'Display brief output', group: 'style' },
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output', group: 'style' },
    { name: 'extensive', type: { kind: 'empty' }, description: 'Display extensive output', group: 'style' },
  ],
};

export const fileShowGrammar: RpcGrammar = {
  rpc: 'file-show',
  cli: ['file', 'show'],
  description: 'Show contents of a file',
  permission: 'view',
  leaves: [
    { name: 'filename', type: { kind: 'string' }, description: 'Name of file', positional: true },
    { name: 'encoding', type: { kind: 'enum', values: ['base64', 'raw'] }, description: 'Encoding of the output' },
  ],
};

export const fileListGrammar: RpcGrammar = {
  rpc: 'file-list',
  cli: ['file', 'list'],
  description: 'List file names',
  permission: 'view',
  leaves: [
    { name: 'path', type: { kind: 'string' }, description: 'Path name of directory or file', positional: true },
    { name: 'detail', type: { kind: 'empty' }, description: 'Display detailed output' },
  ],
};
