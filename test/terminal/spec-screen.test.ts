/**
 * The spec is a CLI page: every sample starts at `user@host> request system
 * snapshot`. Through OpenSSH with a pty (tmux renders the screen), each
 * sample comes out as a terminal shows it, and under a paused clock the
 * lines come as the work proceeds.
 */
import { expect } from 'chai';
import { planSnapshot } from '../../src/engine/index.js';
import { snapshotOptions } from '../../src/grammar/request-snapshot.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { requireClient } from '../support/python.js';
import { SAMPLE_1, SAMPLE_2, SAMPLE_3, SAMPLE_4 } from '../support/spec-samples.js';
import { fromLast, haveTmux, sshCommand, stopTmux, TmuxTerminal } from '../support/tmux.js';

const USER = { name: 'user', password: 'user123' };
const PROMPT = 'user@host> ';

export const SPEC_YAML = {
  users: [{ name: USER.name, password: USER.password, class: 'super-user' }],
  speed: 'instant',
  devices: [
    { name: 'r1', port: 0, profile: 'mx960', hostname: 'host' },
    { name: 'r2', port: 0, profile: 'mx960', hostname: 'host', 'boot-media': 'disk' },
    { name: 'r3', port: 0, profile: 'mx960', hostname: 'host', 'mirror-flash-on-disk': true },
    { name: 'r4', port: 0, profile: 'txmatrix', hostname: 'host' },
  ],
};

function portOf(t: TestEmulator, device: string): number {
  return t.emulator.device(device)!.ports()[0]!.port;
}

/** What the screen shows for a command: its line, its output, the next prompt. */
function asShown(command: string, output: string): string {
  return `${PROMPT}${command}\n${output}${output.endsWith('\n') || output === '' ? '' : '\n'}\n${PROMPT.trimEnd()}`;
}

describe('terminal: the spec samples on a screen (OpenSSH, pty, tmux)', function () {
  let t: TestEmulator;
  const terms: TmuxTerminal[] = [];
  const login = async (device: string): Promise<TmuxTerminal> => {
    const term = await TmuxTerminal.open(sshCommand(portOf(t, device), USER.name, USER.password));
    terms.push(term);
    await term.waitForEnd(PROMPT);
    return term;
  };

  before(async function () {
    requireClient(this, 'tmux and sshpass', haveTmux());
    t = await startTestEmulator({ yaml: SPEC_YAML });
  });
  after(async () => {
    for (const term of terms) await term.close();
    await stopTmux();
    await t?.stop();
  });

  it('logs in to the banner and the prompt', async () => {
    const term = await login('r1');
    const screen = await term.screen();
    expect(screen).to.equal(`--- JUNOS 9.3R4.4 built 2020-01-01 00:00:00 UTC\n${PROMPT.trimEnd()}`);
  });

  const samples: Array<[string, string, string, string]> = [
    ['sample 1 (mx960)', 'r1', 'request system snapshot', SAMPLE_1],
    ['sample 2 (partition, booted from the hard disk)', 'r2', 'request system snapshot partition', SAMPLE_2],
    ['sample 3 (mirror-flash-on-disk)', 'r3', 'request system snapshot', `${SAMPLE_3}\n`],
    ['sample 4 (TX Matrix, all-lcc)', 'r4', 'request system snapshot all-lcc', SAMPLE_4],
  ];
  for (const [name, device, command, sample] of samples) {
    it(`${name} comes out byte for byte`, async () => {
      const term = await login(device);
      await term.line(command);
      const screen = await term.waitFor((s) => fromLast(s, `${PROMPT}${command}`).endsWith(`\n${PROMPT.trimEnd()}`), 'the prompt after the command');
      expect(fromLast(screen, `${PROMPT}${command}`)).to.equal(asShown(command, sample));
    });
  }

  it('under a paused clock each line appears as its step starts, the archived line when done', async () => {
    const clock = t.emulator.clock;
    const dev = t.emulator.device('r1')!;
    const steps = planSnapshot(dev.model, 're0', snapshotOptions(new Map())).plans[0]!.steps;
    const copies = steps.filter((s) => s.out?.kind === 'copy').map((s) => s.ms);
    expect(copies).to.have.length(2);
    const term = await login('r1');
    clock.pause();
    try {
      await term.line('request system snapshot');
      const has = (s: string, text: string): boolean => fromLast(s, `${PROMPT}request system snapshot`).includes(text);
      let s = await term.waitFor((x) => has(x, 'Copying / to /altroot..'), 'the first copy line');
      // The engine sleeps on the paused clock inside the first copy: nothing else can come.
      expect(clock.pending()).to.equal(1);
      expect(has(s, 'umount: /altconfig')).to.equal(false);
      clock.advance(copies[0]!);
      s = await term.waitFor((x) => has(x, 'Copying /config to /altconfig..'), 'the second copy line');
      expect(has(s, 'archived')).to.equal(false);
      clock.advance(copies[1]!);
      s = await term.waitFor((x) => has(x, 'The following filesystems were archived: / /config'), 'the archived line');
      s = await term.waitForEnd(PROMPT);
      expect(fromLast(s, `${PROMPT}request system snapshot`)).to.equal(asShown('request system snapshot', SAMPLE_1));
    } finally {
      clock.resume();
    }
  });
});
