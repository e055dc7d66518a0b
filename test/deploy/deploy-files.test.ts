import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { NetconfClient } from '../../src/client/netconf-client.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

/** The checkout's top folder (this file is dist/test/deploy/). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEPLOY = join(ROOT, 'deploy');
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, backslash continuations joined. */
function dockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = pending + line;
    pending = '';
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(full);
    if (!m) throw new Error(`Dockerfile: cannot read '${full}'`);
    out.push({ op: m[1]!.toUpperCase(), args: m[2]! });
  }
  return out;
}

type Obj = Record<string, unknown>;

describe('deployment files', () => {
  it('Dockerfile: multi-stage, every COPY source exists in the checkout or an earlier stage, non-root, volumes, ports', () => {
    const steps = dockerfile(readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8'));
    const known = ['FROM', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'VOLUME', 'USER', 'EXPOSE', 'ENTRYPOINT', 'CMD', 'ARG', 'LABEL'];
    for (const s of steps) expect(known, `unknown instruction ${s.op}`).to.include(s.op);
    const stages = steps.filter((s) => s.op === 'FROM').map((s) => /\bAS\s+(\S+)/i.exec(s.args)?.[1]);
    expect(stages.length).to.be.at.least(2);
    for (const s of steps.filter((x) => x.op === 'COPY')) {
      const words = s.args.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((w) => !w.startsWith('--'));
      const sources = paths.slice(0, -1);
      if (from) expect(stages, `COPY --from=${from}`).to.include(from);
      else for (const src of sources) expect(existsSync(join(ROOT, src)), `COPY ${src}: not in the checkout`).to.equal(true);
    }
    const last = steps.slice(steps.map((s) => s.op).lastIndexOf('FROM'));
    const user = last.filter((s) => s.op === 'USER').pop()?.args;
    expect(user).to.be.a('string').and.not.match(/^(root|0)(:|$)/);
    expect(last.some((s) => s.op === 'VOLUME' && s.args.includes('/var/lib/junos-emulator'))).to.equal(true);
    expect(last.find((s) => s.op === 'ENV')?.args).to.include('XDG_STATE_HOME=/var/lib/junos-emulator');
    expect(last.find((s) => s.op === 'EXPOSE')?.args.split(/\s+/)).to.include.members(['8830', '9000']);
    const entry = JSON.parse(last.find((s) => s.op === 'ENTRYPOINT')!.args) as string[];
    expect(entry).to.include('dist/src/cli/main.js');
    // The entry point's keys and state folders are in the volume.
    expect(entry[entry.indexOf('--keys-dir') + 1]).to.match(/^\/var\/lib\/junos-emulator\//);
    expect(entry[entry.indexOf('--state-dir') + 1]).to.match(/^\/var\/lib\/junos-emulator\//);
  });

  it("the run stage's files alone, started with its ENTRYPOINT, serve a device whose keys land in the volume", async function () {
    this.timeout(60_000);
    const steps = dockerfile(readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8'));
    const last = steps.slice(steps.map((s) => s.op).lastIndexOf('FROM'));
    const image = mkdtempSync(join(tmpdir(), 'image-'));
    const volume = join(image, 'volume');
    const app = join(image, 'app');
    mkdirSync(app);
    for (const s of last.filter((x) => x.op === 'COPY')) {
      const paths = s.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const [src, dest] = [paths[0]!.replace(/^\/src\//, ''), paths[1]!];
      if (src === 'node_modules') symlinkSync(join(ROOT, 'node_modules'), join(app, dest));
      else cpSync(join(ROOT, src), join(app, dest), { recursive: true });
    }
    const entry = (JSON.parse(last.find((s) => s.op === 'ENTRYPOINT')!.args) as string[]).map((a) => a.replace('/var/lib/junos-emulator', volume));
    const child = spawn(process.execPath, [...entry.slice(1).filter((a) => a !== '0.0.0.0' && a !== '--host'), '--port', '0', '--log-level', 'silent'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /port (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      const c = await NetconfClient.connect({ host: '127.0.0.1', port, username: 'admin', password: 'admin123' });
      try {
        expect(await c.rpc('<get-software-information/>')).to.include('<host-name>junos1</host-name>');
      } finally {
        c.close();
      }
      expect(existsSync(join(volume, 'junos-emulator', 'fleet_host_key_seed'))).to.equal(true);
      expect(existsSync(join(volume, 'devices'))).to.equal(true);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('compose.yaml: the emulator service builds the image, publishes the fleet and control ports, keeps state in a volume', () => {
    const doc = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8')) as { services: Record<string, Obj>; volumes: Obj };
    const svc = doc.services['emulator']!;
    expect((svc['build'] as Obj)['dockerfile']).to.equal('deploy/Dockerfile');
    expect(existsSync(join(DEPLOY, (svc['build'] as Obj)['context'] as string, 'deploy/Dockerfile'))).to.equal(true);
    expect(svc['ports']).to.include.members(['127.0.0.1:20000-20099:20000-20099', '127.0.0.1:9000:9000']);
    expect(svc['volumes']).to.deep.equal(['emulator-state:/var/lib/junos-emulator']);
    expect(Object.keys(doc.volumes)).to.deep.equal(['emulator-state']);
    expect(svc['command']).to.include.members(['--devices=100', '--base-port=20000', '--control-host=0.0.0.0']);
  });

  it('containerlab topology: linux nodes of the image, each an emulated device on port 830', () => {
    const doc = parse(readFileSync(join(DEPLOY, 'containerlab/junos-lab.clab.yml'), 'utf8')) as { name: string; topology: { defaults: Obj; nodes: Record<string, Obj> } };
    expect(doc.name).to.equal('junos-lab');
    expect(doc.topology.defaults).to.deep.equal({ kind: 'linux', image: 'junos-emulator:latest' });
    const devices = Object.entries(doc.topology.nodes).filter(([, n]) => n['image'] === undefined);
    expect(devices.map(([name]) => name)).to.deep.equal(['r1', 'r2', 'r3']);
    for (const [, n] of devices) expect(n['cmd']).to.match(/^--port 830 --profile \S+$/);
  });

  it('Kubernetes: a headless Service and a StatefulSet whose pods each serve their shard, replicas = shard count', function () {
    const file = join(DEPLOY, 'kubernetes/junos-emulator.yaml');
    const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as Obj);
    const byKind = new Map(docs.map((d) => [d['kind'] as string, d]));
    expect([...byKind.keys()]).to.deep.equal(['Secret', 'Service', 'StatefulSet']);
    const svc = byKind.get('Service')!['spec'] as Obj;
    expect(svc['clusterIP']).to.equal('None');
    const set = byKind.get('StatefulSet')!['spec'] as Obj & { template: { spec: { containers: Obj[]; securityContext: Obj } } };
    expect(set['serviceName']).to.equal((byKind.get('Service')!['metadata'] as Obj)['name']);
    const c = set.template.spec.containers[0]!;
    const args = c['args'] as string[];
    expect(args).to.include('--shard-index=hostname');
    expect(args).to.include(`--shard-count=${set['replicas'] as number}`);
    expect(args).to.include('--control-host=0.0.0.0');
    expect((c['ports'] as Obj[]).map((p) => p['containerPort'])).to.include(9000);
    expect(set.template.spec.securityContext['runAsNonRoot']).to.equal(true);
    // kubectl's own reading of the file, offline. (`kubectl create --dry-run=client` asks an API
    // server for its resource list even in client dry-run, so it cannot run without a cluster.)
    if (!hasKubectl) {
      if (process.env['CI'] === 'true') throw new Error('kubectl (Debian kubernetes-client) is missing');
      console.log('    (kubectl check skipped: kubectl is not installed)');
      return;
    }
    const r = spawnSync('kubectl', ['label', '--local', '-f', file, '-o', 'name', 'checked=offline'], { encoding: 'utf8' });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout.trim().split('\n')).to.deep.equal(['secret/junos-emulator-control', 'service/junos-emulator', 'statefulset.apps/junos-emulator']);
  });
});
