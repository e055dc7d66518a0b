/**
 * Configuration groups as a client sees them: `<get-configuration
 * inherit="inherit">` (PyEZ's domain fact, its SW checks, config tables),
 * `groups="groups"` and `| display inheritance`, a commit whose mandatory
 * statements come from a group, and the device acting on what groups set.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { NetconfClient } from '../../src/client/netconf-client.js';
import { startTestEmulator, TEST_USER, type TestEmulator } from '../support/emulator.js';
import { clientEnv, requireClient } from '../support/python.js';
import { haveBinaries } from '../support/tmux.js';

const loadText = (text: string, action = 'merge'): string => `<load-configuration action="${action}" format="text"><configuration-text>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</configuration-text></load-configuration>`;
const inner = (reply: string, tag: string): string => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(reply)?.[1] ?? '';

/** Runs one CLI command over `ssh host COMMAND` and returns its output. */
async function exec(port: number, command: string): Promise<string> {
  const args = ['-p', TEST_USER.password, 'ssh', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-p', String(port), `${TEST_USER.name}@127.0.0.1`, command];
  const child = spawn('sshpass', args, { env: await clientEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

// The root password lives in a group only, as on many real routers; so do the host name (re0) and the domain.
const GROUPS = [
  'groups {',
  '    global {',
  '        system {',
  '            domain-name lab.example.net;',
  '            root-authentication {',
  '                encrypted-password "$6$abc$def";',
  '            }',
  '            services {',
  '                netconf {',
  '                    ssh;',
  '                }',
  '            }',
  '        }',
  '        interfaces {',
  '            <ge-*> {',
  '                mtu 9192;',
  '            }',
  '        }',
  '    }',
  '    re0 {',
  '        system {',
  '            host-name edge-re0;',
  '        }',
  '    }',
  '    re1 {',
  '        system {',
  '            host-name edge-re1;',
  '        }',
  '    }',
  '}',
  'apply-groups [ re0 re1 global ];',
  'system {',
  '    login {',
  `        user ${TEST_USER.name} {`,
  '            class super-user;',
  '        }',
  '    }',
  '    services {',
  '        ssh;',
  '    }',
  '}',
  'interfaces {',
  '    ge-0/0/0 {',
  '        description uplink;',
  '    }',
  '}',
].join('\n');

describe('configuration groups on the wire', function () {
  let t: TestEmulator;
  let c: NetconfClient;
  before(async () => {
    t = await startTestEmulator({ yaml: { users: [{ name: TEST_USER.name, password: TEST_USER.password, class: 'super-user' }], speed: 'instant', devices: [{ name: 'r1', port: 0, 'backup-re-port': 0 }] } });
    c = await t.client();
    const loaded = await c.rpc(loadText(GROUPS, "override"));
    expect(loaded, loaded).to.include("<ok/>");
    // Without the groups applied, root-authentication would be missing and the commit refused.
    expect(await c.rpc('<commit-configuration/>')).to.include('<commit-success/>');
  });
  after(async () => t?.stop());

  it('inherit="inherit": the groups applied, without groups or apply-groups; re1 does not apply on re0', async () => {
    const r = await c.rpc('<get-configuration database="committed" inherit="inherit"><configuration><system/></configuration></get-configuration>');
    expect(r).to.include('<host-name>edge-re0</host-name>').and.include('<domain-name>lab.example.net</domain-name>');
    expect(r).to.not.include('edge-re1').and.not.include('<groups>').and.not.include('<apply-groups>');
    // PyEZ's domain fact asks exactly this (options database committed, inherit, commit-scripts apply).
    const domain = await c.rpc('<get-configuration database="committed" inherit="inherit" commit-scripts="apply"><configuration><system><domain-name/></system></configuration></get-configuration>');
    expect(domain).to.include('<domain-name>lab.example.net</domain-name>');
    // Without inherit the reply is the configuration as written.
    const plain = await c.rpc('<get-configuration database="committed"><configuration><system><domain-name/></system></configuration></get-configuration>');
    expect(plain).to.not.include('<domain-name>');
  });

  it('groups="groups" marks each inherited element with junos:group; the text form comments it', async () => {
    const x = await c.rpc('<get-configuration database="committed" inherit="inherit" groups="groups"><configuration><system/><interfaces/></configuration></get-configuration>');
    expect(x).to.include('<host-name junos:group="re0">edge-re0</host-name>');
    expect(x).to.include('<domain-name junos:group="global">lab.example.net</domain-name>');
    expect(x).to.match(/<name>ge-0\/0\/0<\/name>\s*<description>uplink<\/description>\s*<mtu junos:group="global">9192<\/mtu>/);
    // The configuration's own statements have no junos:group.
    expect(x).to.match(/<login>\s*<user>\s*<name>lab<\/name>/);
    const text = inner(await c.rpc('<get-configuration database="committed" inherit="inherit" groups="groups" format="text"><configuration><interfaces/></configuration></get-configuration>'), 'configuration-text');
    expect(text).to.equal(
      ['', 'interfaces {', '    ge-0/0/0 {', '        description uplink;', '        ##', "        ## '9192' was inherited from group 'global'", '        ##', '        mtu 9192;', '    }', '}', ''].join('\n'),
    );
  });

  it('the device acts on what groups set: the host name of re0 in get-software-information', async () => {
    expect(await c.rpc('<get-software-information/>')).to.include('<host-name>edge-re0</host-name>');
  });

  it('the CLI: show configuration | display inheritance, and no-comments', async function () {
    requireClient(this, 'sshpass and OpenSSH', haveBinaries('sshpass', 'ssh'));
    const port = t.port;
    const shown = await exec(port, 'show configuration system services | display inheritance');
    expect(shown).to.include(['ssh;', '##', "## 'netconf' was inherited from group 'global'", '##', 'netconf {', '    ##', "    ## 'ssh' was inherited from group 'global'", '    ##', '    ssh;', '}'].join('\n'));
    const bare = await exec(port, 'show configuration system services | display inheritance no-comments');
    expect(bare).to.include(['ssh;', 'netconf {', '    ssh;', '}'].join('\n')).and.not.include('##');
    expect(await exec(port, 'show configuration system services')).to.not.include('netconf');
    // The backup RE takes its host name from group re1.
    expect(await exec(port, 'show version | match Hostname')).to.equal('Hostname: edge-re0\n');
    expect(await exec(t.backupPort!, 'show version | match Hostname')).to.equal('Hostname: edge-re1\n');
  });
});
