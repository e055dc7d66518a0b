/**
 * Where Junos shows statements in another order than the generated schema's
 * children order (docs/statement-order.md): each move puts the child `name`
 * of every statement named `parent` right after its child `after` (null:
 * first, right after list keys), applied one after another in table order
 * to the schema's children order. A move whose statements a schema lacks
 * does nothing there.
 *
 * Only the top level needs moves: scripts/gen-config-schema.py appends the
 * top-level statements module by module in module-name order, so the
 * schema's top level is alphabetical, while every capture shows Junos's own
 * order. Below the top level the schema of a release matched every capture
 * of that release (docs/statement-order.md lists what was checked).
 *
 * Evidence (device output; line numbers in the stored file):
 * - [vmx18] vMX 18.2R1.9 `show` in configuration mode, code index 28402055031 (first capture in the file)
 * - [srx18] vSRX 18.4R1-S1.3, ibm-cloud-docs/vsrx@db0fc965089e vsrx-default-config.md (lines 45-370 standalone, 371- HA)
 * - [srx18x] vSRX 18.4R1-S3.1 get-configuration reply, ansible-collections/junipernetworks.junos@7fd982c74a92
 *   tests/integration/targets/junos_security_policies/tests/netconf/fixtures/parsed.xml (a trimmed reply)
 * - [srx17] vSRX 17.3R2.10 get-config reply, scrapli/scrapli_netconf@2d11344741e5 tests/test_data/expected/juniper_junos_1_0/get_config
 * - [ex12] EX2200 12.3R7.7 `show configuration`, h00die/MSF-Testing-Scripts@fc1e874cce79 juniper_ex2200.config
 * - [qfx] QFX10002 factory configuration (release not shown), code index 49202195968
 * - [vjs23] vJunos-switch 23.2R1.14 `show configuration`, code index 71517883284
 * - [olive] Olive/vMX (`em` interfaces, release not shown) PE2 and PE5 configurations, code index 14342004980
 * - [srx12] Firefly (vSRX) 12.2, brunorijsman/firefly-configurations@509445af1898 features/rip/rip-1.conf
 */

export interface DisplayMove {
  readonly parent: string;
  readonly name: string;
  readonly after: string | null;
}

/**
 * The top-level order, as a chain: each statement right after the one
 * before it. Where the captures say nothing about two neighbours, the
 * comment says so; the chain then only keeps what was captured.
 */
const TOP_LEVEL: readonly Omit<DisplayMove, 'parent'>[] = [
  // version, groups: [vmx18] lines 3-4; [srx18] vsrx-default-config.md:372-373.
  { name: 'groups', after: 'version' },
  // groups, apply-groups: [vmx18] line 34; [srx18] vsrx-default-config.md:385.
  { name: 'apply-groups', after: 'groups' },
  // apply-groups, system: [vmx18] line 35; [srx18] vsrx-default-config.md:386.
  { name: 'system', after: 'apply-groups' },
  // system, chassis: [vmx18] line 76; [srx18] vsrx-default-config.md:107; [ex12] juniper_ex2200.config:70.
  { name: 'chassis', after: 'system' },
  // services before security: [srx18x] parsed.xml:5 and :44. No capture has both chassis and services.
  { name: 'services', after: 'chassis' },
  // chassis, security: [srx18] vsrx-default-config.md:114; services, security: [srx18x] parsed.xml:44.
  { name: 'security', after: 'services' },
  // security, interfaces: [srx18] vsrx-default-config.md:240; [srx17] get_config:79 and :150; [srx18x] parsed.xml:215.
  { name: 'interfaces', after: 'security' },
  // interfaces, snmp, routing-options: [ex12] juniper_ex2200.config:78, :375, :403.
  { name: 'snmp', after: 'interfaces' },
  // interfaces < forwarding-options < protocols < vlans: [qfx]. Its place relative to snmp and firewall is not captured.
  { name: 'forwarding-options', after: 'snmp' },
  // interfaces, firewall, routing-options: [srx18] vsrx-default-config.md:240, :300, :343 (SRX; no MX capture with firewall).
  { name: 'firewall', after: 'forwarding-options' },
  // firewall, routing-options: [srx18] vsrx-default-config.md:343; interfaces, routing-options: [vmx18] line 99.
  { name: 'routing-options', after: 'firewall' },
  // routing-options, protocols: [vmx18] line 106; [olive] (PE2 and PE5).
  { name: 'protocols', after: 'routing-options' },
  // protocols, policy-options: [vmx18] line 126; [olive].
  { name: 'policy-options', after: 'protocols' },
  // policy-options, routing-instances: [olive] (PE2); [srx12] rip-1.conf:169, :194 (12.2, after security there).
  // [vjs23] shows routing-instances before protocols instead (docs/statement-order.md: not explained).
  { name: 'routing-instances', after: 'policy-options' },
  // interfaces < class-of-service < access: [srx18x] parsed.xml:215, :267, :283. Relative to the routing statements: not captured.
  { name: 'class-of-service', after: 'routing-instances' },
  // class-of-service, access: [srx18x] parsed.xml:283; protocols, access: [ex12] juniper_ex2200.config:420.
  { name: 'access', after: 'class-of-service' },
  // access < vlans: [ex12] juniper_ex2200.config:430; protocols < vlans: [qfx].
  { name: 'vlans', after: 'access' },
];

export const DISPLAY_MOVES: readonly DisplayMove[] = [
  ...TOP_LEVEL.map((m) => ({ parent: 'configuration', ...m })),
  // A group holds top-level statements, shown in the same order: [vmx18] lines 5-17 (system, interfaces in groups re0).
  // A group has no `groups`: apply-groups already follows version there; `when` stays where the schema has it.
  ...TOP_LEVEL.filter((m) => m.name !== 'groups' && m.after !== 'groups').map((m) => ({ parent: 'groups', ...m })),
];
