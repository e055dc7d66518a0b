import { savedReplies } from './saved-reply.js';
import type { RpcHandler } from './types.js';

/**
 * RPC handlers by operation element name; dispatch is one map lookup. Every
 * handler is registered wrapped so that its reply waits for the changes it
 * made to be on disk (rpc/saved-reply.ts).
 */
export class RpcRegistry {
  private readonly handlers = new Map<string, RpcHandler>();

  register(handler: RpcHandler): this {
    if (this.handlers.has(handler.name)) throw new Error(`duplicate RPC handler ${handler.name}`);
    this.handlers.set(handler.name, savedReplies(handler));
    return this;
  }

  find(name: string): RpcHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
