/**
 * The CLI's pieces without a terminal: keys from bytes, words and their
 * columns, the walker over the `<command>` grammars, `?` layout, pipes,
 * the relative `show` of configuration mode, and the reply text.
 */
import { expect } from 'chai';
import { operationalCommands } from '../../src/terminal/command-tree.js';
import { relativeTo } from '../../src/terminal/configuration-mode.js';
import { completeLast, helpText, listing, type HelpContext } from '../../src/terminal/help.js';
import { KeyQueue, type Key } from '../../src/terminal/keys.js';
import { filterText, parsePipes } from '../../src/terminal/pipes.js';
import { bodyText, displayRpc } from '../../src/terminal/reply-text.js';
import { CliSyntaxError, finishOptions, resolveCommand } from '../../src/terminal/walker.js';
import { lex } from '../../src/terminal/words.js';
import { pipeContextOf } from '../../src/terminal/operational.js';

function keys(q: KeyQueue): Key[] {
  const out: Key[] = [];
  for (let k = q.next(); k; k = q.next()) out.push(k);
  return out;
}

const ops = operationalCommands('mx');
const help: HelpContext = { commands: ops, configChildren: () => [], pipes: pipeContextOf };

function refusal(f: () => unknown): CliSyntaxError {
  try {
    f();
  } catch (e) {
    if (e instanceof CliSyntaxError) return e;
    throw e;
  }
  throw new Error('no CliSyntaxError');
}

describe('terminal pieces', () => {
  it('keys: CR LF is one Enter, an escape sequence split across packets waits for its end', () => {
    const q = new KeyQueue();
    q.push('ab\r\n\r');
    expect(keys(q)).to.deep.equal([{ kind: 'char', ch: 'a' }, { kind: 'char', ch: 'b' }, { kind: 'enter' }, { kind: 'enter' }]);
    q.push('\n\x1b[');
    expect(keys(q)).to.deep.equal([]);
    q.push('A\x7f\x03\x15');
    expect(keys(q).map((k) => k.kind)).to.deep.equal(['up', 'backspace', 'interrupt', 'kill-line']);
  });

  it('words keep their columns; quotes join, | starts a pipe', () => {
    const lx = lex('show  version| match "a b" ');
    expect(lx.command.map((w) => [w.text, w.start])).to.deep.equal([
      ['show', 0],
      ['version', 6],
    ]);
    expect(lx.pipes[0]!.map((w) => w.text)).to.deep.equal(['match', 'a b']);
    expect(lx.pipeAt).to.deep.equal([13]);
    expect(lx.endsWithSpace).to.equal(true);
  });

  it('the walker resolves prefixes over the grammar commands and the CLI own, and places carets', () => {
    const line = 'req sys snap part';
    const r = resolveCommand(ops, lex(line).command, line);
    expect(r.command.words).to.deep.equal(['request', 'system', 'snapshot']);
    expect([...finishOptions(r.command, r.rest, line).given]).to.deep.equal([['partition', true]]);
    const amb = refusal(() => resolveCommand(ops, lex('show c').command, 'show c'));
    expect(amb.at).to.equal(5);
    expect(amb.candidates.map((c) => c.name)).to.deep.equal(['chassis', 'cli', 'configuration']);
    expect(refusal(() => resolveCommand(ops, lex('frob').command, 'frob')).message).to.equal('unknown command');
    const missing = refusal(() => resolveCommand(ops, lex('show system').command, 'show system'));
    expect([missing.at, missing.message]).to.deep.equal([12, 'syntax error, expecting <command>']);
  });

  it('? lists in Junos layout; Tab completes a unique keyword', () => {
    expect(listing([{ name: '<[Enter]>', help: 'Execute this command' }])).to.equal('Possible completions:\n  <[Enter]>            Execute this command\n');
    expect(listing([{ name: 'system', help: 'System parameters', mark: '>' }])).to.equal('Possible completions:\n> system               System parameters\n');
    expect(helpText('set cli screen-width ', help)).to.equal('Possible completions:\n  <width>              Number of characters (0..1024)\n');
    expect(helpText('show version invoke-on ', help)).to.equal('Possible completions:\n  all-routing-engines\n  other-routing-engine\n');
    expect(helpText('show version | d', help)).to.equal("Possible completions:\n  display              Show additional kinds of information\n");
    expect(completeLast('show sys', help)).to.deep.equal({ typed: 'sys', word: 'system' });
    expect(completeLast('show c', help)).to.equal(undefined);
  });

  it('pipes filter in order; Junos matches without regard to case', () => {
    const lx = lex('x | match A | except b | count');
    const pipes = parsePipes(lx.pipes, lx.pipeAt, 'x | match A | except b | count', pipeContextOf(undefined));
    expect(filterText('a1\nb a\nc\nA2\n', pipes, 0)).to.equal('Count: 2 lines\n');
    const last = lex('x | last');
    expect(filterText('1\n2\n3\n4\n', parsePipes(last.pipes, last.pipeAt, 'x | last', pipeContextOf(undefined)), 3)).to.equal('3\n4\n');
    const bad = refusal(() => parsePipes(lex('x | trim z').pipes, [2], 'x | trim z', pipeContextOf(undefined)));
    expect(bad.message).to.equal("invalid numeric value: 'z'");
  });

  it('configuration mode shows what is inside its level', () => {
    expect(relativeTo('system {\n    login {\n        message hi;\n    }\n}\n', 1)).to.equal('login {\n    message hi;\n}\n');
    expect(relativeTo('system {\n    host-name r1;\n}\n', 0)).to.equal('system {\n    host-name r1;\n}\n');
    expect(relativeTo('## Last changed: 2026-12-01 10:00:00 UTC\nsystem {\n    host-name r1;\n}\n', 1)).to.equal('host-name r1;\n');
  });

  it('reply text: <output> and configuration text as printed; the RPC of | display xml rpc', () => {
    expect(bodyText('<output>a &amp; b\n</output>\n')).to.equal('a & b\n');
    expect(bodyText('<configuration-information>\n<configuration-output>[edit]\n+ x;\n</configuration-output>\n</configuration-information>\n')).to.equal('[edit]\n+ x;\n');
    const op = { name: 'request-snapshot', prefix: '', attrs: {}, text: '', children: [{ name: 'partition', prefix: '', attrs: {}, text: '', children: [] }] };
    expect(displayRpc(op, '18.4R3.3', '')).to.equal(
      '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/18.4R3.3/junos">\n    <rpc>\n        <request-snapshot>\n            <partition/>\n        </request-snapshot>\n    </rpc>\n    <cli>\n        <banner></banner>\n    </cli>\n</rpc-reply>\n',
    );
  });
});
