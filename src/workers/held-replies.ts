/**
 * A subsystem, exec or shell request is accepted in the worker's ssh2 at
 * once, so that the channel exists (ssh2 drops channel data and an EOF that
 * arrive before it does), but its success reply is held until the owner
 * decides; the owner's answer then goes out as ssh2's own channel success or
 * failure. Relies on ssh2 1.17 internals (the connection's `_protocol` and
 * the session's `_chanInfo`), which test/transport/ssh-workers.test.ts
 * exercises ("sent before the subsystem is accepted").
 */
import type { Connection, ServerChannel, Session } from 'ssh2';

/** The parts of ssh2's server-side protocol object the held replies need (not in its types). */
interface ProtocolReplies {
  channelSuccess(this: ProtocolReplies, chan: number): void;
  channelFailure(this: ProtocolReplies, chan: number): void;
}
const protocolOf = (client: Connection): ProtocolReplies => (client as unknown as { _protocol: ProtocolReplies })._protocol;
const remoteChannelId = (session: Session): number => (session as unknown as { _chanInfo: { outgoing: { id: number } } })._chanInfo.outgoing.id;

/**
 * ssh2's own reply functions, from its Protocol prototype, which is wrapped
 * once for the process: the success reply of the channel being started right
 * now (`holding`) is not sent. One wrapper for every connection, so a
 * connection carries no functions of its own for this.
 */
let replies: ProtocolReplies | undefined;
let holding: { proto: ProtocolReplies; chan: number } | undefined;

function ownReplies(client: Connection): ProtocolReplies {
  if (replies) return replies;
  const proto = Object.getPrototypeOf(protocolOf(client)) as ProtocolReplies;
  const own: ProtocolReplies = { channelSuccess: proto.channelSuccess, channelFailure: proto.channelFailure };
  replies = own;
  proto.channelSuccess = function (this: ProtocolReplies, chan: number): void {
    if (holding?.proto === this && holding.chan === chan) return;
    own.channelSuccess.call(this, chan);
  };
  return own;
}

/** Runs ssh2's accept of a subsystem / exec / shell without its success reply going out. */
export function acceptHeld(client: Connection, session: Session, accept: (() => ServerChannel | void) | undefined): ServerChannel | undefined {
  ownReplies(client);
  holding = { proto: protocolOf(client), chan: remoteChannelId(session) };
  try {
    return accept?.() ?? undefined;
  } finally {
    holding = undefined;
  }
}

/** The owner's answer to a request on `session`, as ssh2's channel success or failure. */
export function sendReply(client: Connection, session: Session, ok: boolean): void {
  const own = ownReplies(client);
  const proto = protocolOf(client);
  const id = remoteChannelId(session);
  if (ok) own.channelSuccess.call(proto, id);
  else own.channelFailure.call(proto, id);
}
