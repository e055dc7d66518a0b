import type { RpcHandler } from './types.js';

/** RPC handlers by operation element name; dispatch is one map lookup. */
export class RpcRegistry {
  private readonly handlers = new Map<string, RpcHandler>();

  register(handler: RpcHandler): this {
    if (this.handlers.has(handler.name)) throw new Error(`duplicate RPC handler ${handler.name}`);
    this.handlers.set(handler.name, handler);
    return this;
  }

  find(name: string): RpcHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
