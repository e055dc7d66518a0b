/**
 * The control API: HTTP/JSON on loopback, one route per control operation.
 * node:http is enough for a dozen routes; the routing table below is the
 * whole surface (docs/control-api.md shows a curl call for each).
 *
 * It hands out every password and stops devices, so a web page the user has
 * open must not reach it: without a token, a Host that is a DNS name other
 * than localhost is refused (DNS rebinding), any request from a browser
 * origin is refused, and bodies must be declared JSON, which no cross-origin
 * "simple" request can do without a preflight that this server never grants.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { ControlError, type ControlPlane } from './control-plane.js';
import type { LogDirection, LogFilter } from './request-log.js';

export interface ControlServerOptions {
  host: string;
  port: number;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
}

type Params = Record<string, string>;
type Handler = (p: Params, body: unknown, query: URLSearchParams) => unknown | Promise<unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

const MAX_BODY = 1 << 20;

function route(method: string, path: string, handler: Handler): Route {
  const keys: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:(\w+)/g, (_, k: string) => {
      keys.push(k);
      return '([^/]+)';
    })}/?$`,
  );
  return { method, pattern, keys, handler };
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function intParam(v: string | null, name: string): number | undefined {
  if (v === null || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new ControlError(400, `${name}: expected a non-negative integer`);
  return Number(v);
}

function logFilter(q: URLSearchParams): LogFilter {
  const known = ['device', 'session', 'direction', 'rpc', 'since', 'contains', 'limit'];
  for (const k of q.keys()) if (!known.includes(k)) throw new ControlError(400, `unknown filter '${k}' (one of ${known.join(', ')})`);
  const f: LogFilter = {};
  const device = q.get('device');
  if (device) f.device = device;
  const session = intParam(q.get('session'), 'session');
  if (session !== undefined) f.session = session;
  const direction = q.get('direction');
  if (direction) f.direction = direction as LogDirection;
  const rpc = q.get('rpc');
  if (rpc) f.rpc = rpc;
  const since = intParam(q.get('since'), 'since');
  if (since !== undefined) f.since = since;
  const contains = q.get('contains');
  if (contains) f.contains = contains;
  const limit = intParam(q.get('limit'), 'limit');
  if (limit !== undefined) f.limit = limit;
  return f;
}

export function controlRoutes(c: ControlPlane): Route[] {
  return [
    route('GET', '/devices', () => c.listDevices()),
    route('GET', '/devices/:device', (p) => c.getDevice(p['device']!)),
    route('GET', '/devices/:device/sessions', (p) => c.sessions(p['device']!)),
    route('DELETE', '/devices/:device/sessions/:id', (p) => {
      const id = intParam(p['id']!, 'session id');
      c.killSession(p['device']!, id!);
      return { killed: id };
    }),
    route('POST', '/devices/:device/stop', (p) => c.stopDevice(p['device']!)),
    route('POST', '/devices/:device/start', (p) => c.startDevice(p['device']!)),
    route('GET', '/devices/:device/settings', (p) => c.settings(p['device']!)),
    route('PATCH', '/devices/:device/settings', (p, body) => c.updateSettings(p['device']!, body)),
    route('POST', '/devices/:device/reset', (p) => c.resetDevice(p['device']!)),
    route('GET', '/clock', () => c.clock()),
    route('POST', '/clock/pause', () => c.pauseClock()),
    route('POST', '/clock/resume', () => c.resumeClock()),
    route('POST', '/clock/speed', (_p, body) => c.setClockSpeed(field(body, 'speed'))),
    route('POST', '/clock/advance', (_p, body) => c.advanceClock(field(body, 'by'))),
    route('GET', '/log', (_p, _b, q) => c.requestLog(logFilter(q))),
    route('DELETE', '/log', () => {
      c.clearRequestLog();
      return { cleared: true };
    }),
    route('GET', '/faults', () => c.listFaults()),
    route('POST', '/faults', (_p, body) => c.armFaults(body)),
    route('DELETE', '/faults', () => {
      c.clearFaults();
      return { cleared: 'all' };
    }),
    route('DELETE', '/faults/:id', (p) => {
      c.clearFaults(p['id']!);
      return { cleared: p['id'] };
    }),
  ];
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!.trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The host part of a Host header (`[::1]:9000` -> `::1`), lower case. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** An address no DNS answer can stand for: an IP literal or localhost. */
function isLiteralHost(name: string): boolean {
  return isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost');
}

/** Refuses requests a browser page could have made (see the module comment). */
function checkCaller(req: IncomingMessage, tokenSet: boolean): void {
  const host = req.headers.host;
  if (!tokenSet && (host === undefined || !isLiteralHost(hostName(host)))) {
    throw new ControlError(403, `Host ${JSON.stringify(host ?? '')} refused: without a token the control API answers only to an IP address or localhost (set a token to use a DNS name)`);
  }
  // No browser page is ever a legitimate caller: the API serves no pages.
  const origin = req.headers.origin;
  if (origin !== undefined) throw new ControlError(403, `requests from a browser origin (${origin}) are refused`);
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'none' && site !== 'same-origin') throw new ControlError(403, `requests from a browser page (sec-fetch-site: ${site}) are refused`);
}

function isJsonType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const declared = req.headers['content-type'];
  if (declared !== undefined && !isJsonType(declared)) {
    throw new ControlError(415, `content-type ${JSON.stringify(declared)} refused: send JSON with content-type: application/json`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ControlError(413, `request body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  if (declared === undefined) throw new ControlError(415, 'a request body needs content-type: application/json');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ControlError(400, `request body is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = `${JSON.stringify(value, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export class ControlServer {
  private server: Server | undefined;
  private readonly routes: Route[];
  private readonly o: ControlServerOptions;

  constructor(control: ControlPlane, o: ControlServerOptions) {
    this.routes = controlRoutes(control);
    this.o = o;
  }

  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.o.port;
  }

  get url(): string {
    const h = this.o.host.includes(':') ? `[${this.o.host}]` : this.o.host;
    return `http://${h}:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (err instanceof ControlError) send(res, err.status, { error: err.message });
        else send(res, 500, { error: err instanceof Error ? err.message : String(err) });
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.o.port, this.o.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.o.token !== undefined && !tokenMatches(req.headers.authorization, this.o.token)) {
      res.setHeader('www-authenticate', 'Bearer');
      throw new ControlError(401, 'missing or wrong bearer token');
    }
    checkCaller(req, this.o.token !== undefined);
    const url = new URL(req.url ?? '/', 'http://control');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const matching = this.routes.map((r) => ({ r, m: r.pattern.exec(path) })).filter((x) => x.m !== null);
    if (matching.length === 0) throw new ControlError(404, `no such endpoint: ${path}`);
    const hit = matching.find((x) => x.r.method === req.method);
    if (!hit) {
      res.setHeader('allow', matching.map((x) => x.r.method).join(', '));
      throw new ControlError(405, `${req.method} not allowed on ${path} (allowed: ${matching.map((x) => x.r.method).join(', ')})`);
    }
    const params: Params = {};
    hit.r.keys.forEach((k, i) => (params[k] = decodeURIComponent(hit.m![i + 1]!)));
    const body = await readBody(req);
    const result = await hit.r.handler(params, body, url.searchParams);
    send(res, 200, result);
  }
}
