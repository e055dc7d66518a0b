/**
 * Reads a fault from its YAML / JSON form. The same keys serve the config
 * file's `faults:` list and the control API, and unknown keys are refused by name.
 *
 *   - device: r1            # or a list; absent = every device
 *     user: lab             # or a list
 *     rpc: request-snapshot # or a list; `command: "show version"` for <command>
 *     nth: 2                # or a list; or probability: 0.3 with seed: 7
 *     count: 1              # fire at most once
 *     window: { after: 0s, before: 10m }
 *     action: delay
 *     delay: 30s
 */
import { parseDuration } from '../options/duration.js';
import type { ErrorSeverity, RpcErrorInfo } from '../xml/rpc-error.js';
import { ERROR_TAG_TYPES, isErrorTag, tagAllowsType, type TagAndType } from '../errors/tags.js';
import { FAULT_ACTIONS, type FaultAction, type FaultActionType, type FaultScope, type FaultSpec } from './types.js';

export class FaultSpecError extends Error {}

type Obj = Record<string, unknown>;

const SCOPE_KEYS = ['id', 'device', 'user', 'rpc', 'command', 'nth', 'probability', 'seed', 'count', 'window', 'action'];

const ACTION_KEYS: Readonly<Record<FaultActionType, readonly string[]>> = {
  delay: ['delay', 'clock'],
  'rpc-error': ['errors', 'ok'],
  warning: ['errors'],
  reply: ['body'],
  drop: ['at'],
  hang: [],
  drip: ['bytes', 'interval', 'clock'],
  'refuse-netconf': [],
  'refuse-login': [],
  'session-limit': [],
  'eom-split-4096': [],
  'media-io-error': ['medium', 're', 'progress'],
  'medium-removed': ['medium', 're', 'progress'],
  'medium-full': ['medium', 're', 'progress'],
  unreachable: ['target'],
  'copy-slow': ['rate', 'direction'],
  'copy-cut': ['progress', 'at-byte', 'direction'],
  'copy-corrupt': ['progress', 'at-byte', 'direction'],
};

const ERROR_KEYS = ['severity', 'message', 'type', 'tag', 'bad-element', 'info', 'path'];
const ERROR_TYPES = ['transport', 'rpc', 'protocol', 'application'] as const;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(where: string, msg: string): never {
  throw new FaultSpecError(`${where}: ${msg}`);
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') fail(where, 'expected a non-empty string');
  return v;
}

function strList(v: unknown, where: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) fail(where, 'expected a name or a non-empty list');
  return list.map((x, i) => str(x, Array.isArray(v) ? `${where}[${i}]` : where));
}

function num(v: unknown, where: string, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    fail(where, `expected ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return v;
}

function duration(v: unknown, where: string): number {
  const ms = parseDuration(v);
  if (ms === undefined) fail(where, "expected a duration such as 500ms, 30s, 15m, 1h30m or a number of ms");
  return ms;
}

function realTime(v: unknown, where: string): boolean {
  if (v === undefined || v === 'virtual') return false;
  if (v === 'real') return true;
  return fail(where, "expected 'virtual' or 'real'");
}

function parseError(v: unknown, where: string): RpcErrorInfo {
  if (typeof v === 'string') return { severity: 'error', message: v };
  if (!isObj(v)) fail(where, 'expected a message or a mapping with severity, message, type, tag, bad-element');
  for (const k of Object.keys(v)) if (!ERROR_KEYS.includes(k)) fail(`${where}.${k}`, 'unknown key');
  const severity = v['severity'] === undefined ? 'error' : v['severity'];
  if (severity !== 'error' && severity !== 'warning') fail(`${where}.severity`, 'expected error or warning');
  const tagged = parseTagAndType(v, where);
  const info: Array<[string, string]> = [];
  if (v['bad-element'] !== undefined) info.push(['bad-element', str(v['bad-element'], `${where}.bad-element`)]);
  if (v['info'] !== undefined) {
    if (!isObj(v['info'])) fail(`${where}.info`, 'expected a mapping of element name to text');
    for (const [k, t] of Object.entries(v['info'])) info.push([k, String(t)]);
  }
  return {
    ...tagged,
    severity: severity as ErrorSeverity,
    message: str(v['message'], `${where}.message`),
    ...(v['path'] !== undefined ? { path: str(v['path'], `${where}.path`) } : {}),
    ...(info.length > 0 ? { info } : {}),
  };
}

/** Where only a tag is given, the type Junos most often sends with it. */
const TYPE_PREFERENCE = ['protocol', 'application', 'rpc', 'transport'] as const;

/** An RFC 6241 tag with a type it allows (or neither, as Junos often sends). */
function parseTagAndType(v: Obj, where: string): TagAndType {
  const type = v['type'] === undefined ? undefined : str(v['type'], `${where}.type`);
  if (type !== undefined && !(ERROR_TYPES as readonly string[]).includes(type)) fail(`${where}.type`, `expected one of ${ERROR_TYPES.join(', ')}`);
  if (v['tag'] === undefined) {
    if (type !== undefined) fail(`${where}.type`, 'an error-type goes with an error-tag (RFC 6241): give tag too');
    return {};
  }
  const tag = str(v['tag'], `${where}.tag`);
  if (!isErrorTag(tag)) fail(`${where}.tag`, `expected an RFC 6241 error-tag: ${Object.keys(ERROR_TAG_TYPES).join(', ')}`);
  const t = type ?? TYPE_PREFERENCE.find((p) => tagAllowsType(tag, p))!;
  if (!tagAllowsType(tag, t)) fail(`${where}.type`, `error-tag ${tag} goes with error-type ${ERROR_TAG_TYPES[tag].join(' or ')}`);
  return { tag, type: t } as TagAndType;
}

function parseAction(type: FaultActionType, v: Obj, where: string): FaultAction {
  switch (type) {
    case 'delay':
      return { type, ms: duration(v['delay'], `${where}.delay`), realTime: realTime(v['clock'], `${where}.clock`) };
    case 'rpc-error': {
      const errs = v['errors'];
      if (!Array.isArray(errs) || errs.length === 0) fail(`${where}.errors`, 'expected a non-empty list of errors');
      const ok = v['ok'] === undefined ? false : v['ok'];
      if (typeof ok !== 'boolean') fail(`${where}.ok`, 'expected true or false');
      const errors = errs.map((e, i) => parseError(e, `${where}.errors[${i}]`));
      if (ok && errors.some((e) => e.severity === 'error')) fail(`${where}.ok`, 'ok: true goes with warnings only (an error reply has no <ok/>)');
      return { type, errors, ok };
    }
    case 'warning': {
      const errs = v['errors'];
      if (!Array.isArray(errs) || errs.length === 0) fail(`${where}.errors`, 'expected a non-empty list of warnings');
      const errors = errs.map((e, i) => parseError(isObj(e) && e['severity'] === undefined ? { ...e, severity: 'warning' } : e, `${where}.errors[${i}]`));
      if (errors.some((e) => e.severity !== 'warning')) fail(`${where}.errors`, 'a warning action takes severity warning only (use rpc-error for errors)');
      return { type, errors };
    }
    case 'reply':
      return { type, body: typeof v['body'] === 'string' ? v['body'] : fail(`${where}.body`, 'expected the XML to put inside <rpc-reply>') };
    case 'drop': {
      const at = v['at'] ?? 'before-reply';
      if (at !== 'before-reply' && at !== 'mid-reply' && at !== 'mid-chunk') fail(`${where}.at`, 'expected before-reply, mid-reply or mid-chunk');
      return { type, at };
    }
    case 'drip':
      return {
        type,
        bytes: v['bytes'] === undefined ? 16 : num(v['bytes'], `${where}.bytes`, 1, 1 << 20, true),
        intervalMs: v['interval'] === undefined ? 1000 : duration(v['interval'], `${where}.interval`),
        realTime: realTime(v['clock'], `${where}.clock`),
      };
    case 'media-io-error':
    case 'medium-removed':
    case 'medium-full': {
      const a: { type: typeof type; medium?: string; re?: string; progress: number } = {
        type,
        progress: v['progress'] === undefined ? 0.5 : num(v['progress'], `${where}.progress`, 0, 1),
      };
      if (v['medium'] !== undefined) a.medium = str(v['medium'], `${where}.medium`);
      if (v['re'] !== undefined) a.re = str(v['re'], `${where}.re`);
      return a;
    }
    case 'unreachable':
      return { type, target: str(v['target'], `${where}.target`) };
    case 'copy-slow':
    case 'copy-cut':
    case 'copy-corrupt': {
      const d = v['direction'];
      if (d !== undefined && d !== 'put' && d !== 'get') fail(`${where}.direction`, 'expected put (onto the device) or get (from it)');
      const direction = d as 'put' | 'get' | undefined;
      if (type === 'copy-slow') {
        return { type, bytesPerSecond: num(v['rate'], `${where}.rate`, 1, 1 << 30, true), ...(direction ? { direction } : {}) };
      }
      return {
        type,
        progress: v['progress'] === undefined ? 0.5 : num(v['progress'], `${where}.progress`, 0, 1),
        ...(v['at-byte'] !== undefined ? { atByte: num(v['at-byte'], `${where}.at-byte`, 0, Number.MAX_SAFE_INTEGER, true) } : {}),
        ...(direction ? { direction } : {}),
      };
    }
    default:
      return { type };
  }
}

/** One fault; `defaultId` names it when the spec has no `id`, `defaultSeed` seeds it when it has no `seed`. */
export function parseFault(v: unknown, where: string, defaultId: string, defaultSeed: number): FaultSpec {
  if (!isObj(v)) fail(where, 'expected a mapping with an action');
  const type = v['action'];
  if (typeof type !== 'string' || !(FAULT_ACTIONS as readonly string[]).includes(type)) {
    fail(`${where}.action`, `expected one of ${FAULT_ACTIONS.join(', ')}`);
  }
  const t = type as FaultActionType;
  for (const k of Object.keys(v)) {
    if (!SCOPE_KEYS.includes(k) && !ACTION_KEYS[t].includes(k)) fail(`${where}.${k}`, `unknown key for action ${t}`);
  }
  const scope: { -readonly [K in keyof FaultScope]: FaultScope[K] } = {
    seed: v['seed'] === undefined ? defaultSeed : num(v['seed'], `${where}.seed`, 0, 2 ** 32 - 1, true),
  };
  if (v['device'] !== undefined) scope.devices = strList(v['device'], `${where}.device`);
  if (v['user'] !== undefined) scope.users = strList(v['user'], `${where}.user`);
  if (v['rpc'] !== undefined) scope.rpcs = strList(v['rpc'], `${where}.rpc`);
  if (v['command'] !== undefined) scope.command = str(v['command'], `${where}.command`).trim().replace(/\s+/g, ' ');
  if (v['nth'] !== undefined) {
    const list = Array.isArray(v['nth']) ? v['nth'] : [v['nth']];
    scope.nth = list.map((n, i) => num(n, `${where}.nth${Array.isArray(v['nth']) ? `[${i}]` : ''}`, 1, Number.MAX_SAFE_INTEGER, true));
  }
  if (v['probability'] !== undefined) scope.probability = num(v['probability'], `${where}.probability`, 0, 1);
  if (v['count'] !== undefined) scope.count = num(v['count'], `${where}.count`, 1, Number.MAX_SAFE_INTEGER, true);
  if (v['window'] !== undefined) {
    const w = v['window'];
    if (!isObj(w)) fail(`${where}.window`, 'expected a mapping with after and/or before');
    for (const k of Object.keys(w)) if (k !== 'after' && k !== 'before') fail(`${where}.window.${k}`, 'unknown key');
    if (w['after'] !== undefined) scope.afterMs = duration(w['after'], `${where}.window.after`);
    if (w['before'] !== undefined) scope.beforeMs = duration(w['before'], `${where}.window.before`);
  }
  const id = v['id'] === undefined ? defaultId : str(v['id'], `${where}.id`);
  return { id, scope, action: parseAction(t, v, where) };
}
