/**
 * libxml2, through python3-lxml, as the oracle of the XML parser tests: one
 * Python process per suite (test/support/lxml-oracle.py) answers any number of
 * documents, one JSON line each way.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { pythonHas, SYSTEM_PYTHON } from './python.js';

/** The driver lives in the source tree; this file runs from dist/test/support. */
const DRIVER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'support', 'lxml-oracle.py');

export interface OracleTree {
  /** `{uri}local`, or `local` outside any namespace. */
  tag: string;
  prefix: string;
  /** Namespaces in scope, sorted: [prefix ('' for the default), uri]. */
  nsmap: Array<[string, string]>;
  /** [`{uri}local` or `local`, value], in document order; no namespace declarations. */
  attrs: Array<[string, string]>;
  text: string;
  children: OracleTree[];
}

export type OracleVerdict = { ok: true; root: OracleTree } | { ok: false; error: string };

export class LxmlOracle {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly pending: Array<(v: OracleVerdict) => void> = [];
  private failure: Error | undefined;

  private constructor() {
    this.proc = spawn(SYSTEM_PYTHON, [DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    this.proc.on('exit', (code) => {
      this.failure = new Error(`lxml oracle exited (${code}): ${stderr}`);
      for (const p of this.pending.splice(0)) p({ ok: false, error: this.failure.message });
    });
    createInterface({ input: this.proc.stdout }).on('line', (line) => {
      this.pending.shift()?.(JSON.parse(line) as OracleVerdict);
    });
  }

  static available(): boolean {
    return existsSync(SYSTEM_PYTHON) && pythonHas('lxml');
  }

  /**
   * Starts the oracle, or skips the suite with a printed notice where lxml is
   * missing; with CI=true a missing lxml fails instead, so CI never skips.
   */
  static startOrSkip(ctx: Mocha.Context): LxmlOracle {
    if (!LxmlOracle.available()) {
      const why = `python3-lxml under ${SYSTEM_PYTHON} is missing, so the libxml2 differential tests cannot run`;
      if (process.env['CI']) throw new Error(`${why}; CI must run them`);
      console.log(`    (skipped: ${why})`);
      ctx.skip();
    }
    return new LxmlOracle();
  }

  /** libxml2's verdict on each document, in order. */
  check(docs: readonly string[]): Promise<OracleVerdict[]> {
    if (this.failure) return Promise.reject(this.failure);
    const answers = docs.map((doc) => new Promise<OracleVerdict>((resolve) => {
      this.pending.push(resolve);
      this.proc.stdin.write(`${JSON.stringify(doc)}\n`);
    }));
    return Promise.all(answers);
  }

  close(): void {
    this.proc.stdin.end();
  }
}
