/** <request-reboot>: `request system reboot [in MINUTES]`. */
import { ClockShutdownError, platformOf } from '../src/engine/index.js';
import { requestRebootGrammar } from '../src/grammar/request-reboot.js';
import { parseRpcOptions } from '../src/grammar/parse-rpc.js';
import { escapeText } from '../src/xml/escape.js';
import type { RpcHandler } from './types.js';

export const handler: RpcHandler = {
  name: 'request-reboot',
  grammar: requestRebootGrammar,
  handle(op, ctx) {
    const opts = parseRpcOptions(requestRebootGrammar, op, platformOf(ctx.device.profile));
    const minutes = Number(opts.get('in') ?? '0');
    let status = 'Shutdown NOW!';
    if (minutes === 0) {
      ctx.device.reboot();
    } else {
      const at = ctx.device.clock.now() + minutes * 60_000;
      status = `Shutdown at ${new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}.`;
      ctx.device.clock.sleepUntil(at).then(
        () => ctx.device.reboot(),
        (e: unknown) => {
          if (!(e instanceof ClockShutdownError)) throw e;
        },
      );
    }
    if (ctx.format === 'text') return { kind: 'body', body: `<output>${escapeText(`${status}\n`)}</output>\n` };
    return { kind: 'body', body: `<request-reboot-results>\n<request-reboot-status>${escapeText(status)}</request-reboot-status>\n</request-reboot-results>\n` };
  },
};
