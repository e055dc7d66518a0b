/**
 * <request-reboot>: `request system reboot [in MINUTES]`. The status carries
 * `reboot-time` and the shutdown process's `[pid N]` line, and a delayed
 * reboot prints the time ctime-style (PyEZ's request-reboot and
 * request-reboot-at fixtures).
 */
import { ClockShutdownError, platformOf } from '../src/engine/index.js';
import { requestRebootGrammar } from '../src/grammar/request-reboot.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { ctimeNoZone } from '../src/system/junos-time.js';
import type { RpcHandler } from './types.js';
import { outputXml, rebootResultsXml } from '../src/render/operation-results.js';

export const handler: RpcHandler = {
  name: 'request-reboot',
  grammar: requestRebootGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(requestRebootGrammar, op, platformOf(ctx.device.profile));
    const minutes = Number(opts.get('in') ?? '0');
    const at = ctx.device.clock.now() + minutes * 60_000;
    let status = 'Shutdown NOW!';
    if (minutes === 0) {
      ctx.device.reboot();
    } else {
      status = `Shutdown at ${ctimeNoZone(at)}`;
      ctx.device.clock.sleepUntil(at).then(
        () => ctx.device.reboot(),
        (e: unknown) => {
          if (!(e instanceof ClockShutdownError)) throw e;
        },
      );
    }
    // The shutdown process's id: stable per session, in the range Junos PIDs have.
    const pid = 1000 + (ctx.session.id % 60000);
    const text = `${status}\n[pid ${pid}]\n`;
    return { kind: 'body', body: ctx.format === 'text' ? outputXml(text) : rebootResultsXml(text, Math.floor(at / 1000)) };
  },
};
