/** The handler contract lives in the core (src/dispatch); handlers import it from here. */
export type { OutputFormat, RpcContext, RpcHandler, RpcReply, SessionView } from '../src/dispatch/types.js';
