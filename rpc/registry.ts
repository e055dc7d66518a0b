export { RpcRegistry } from '../src/dispatch/registry.js';
