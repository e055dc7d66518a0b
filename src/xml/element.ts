/**
 * The parsed form of one XML element, as every layer above the parser sees it.
 * Names are split so handlers can match by local name whether the client sent
 * `<get>` or `<nc:get>`.
 */
export interface XmlElement {
  /** Local name, without any prefix. */
  readonly name: string;
  /** Prefix as written by the client (`nc` in `<nc:rpc>`), or '' when unqualified. */
  readonly prefix: string;
  /**
   * Attributes by their qualified name as written (`message-id`, `xmlns:nc`),
   * values unescaped, in document order. The parser builds it without a
   * prototype, so a name the client chose (`toString`, `__proto__`) finds
   * only what the client sent.
   */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  readonly text: string;
}

/** An element built in code (an RPC the CLI turns a command into, a subtree filter), unprefixed. */
export function element(name: string, children: XmlElement[] = [], text = '', attrs: Record<string, string> = {}): XmlElement {
  return { name, prefix: '', attrs, children, text };
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Attributes that are not namespace declarations, by local name. */
export function plainAttributes(el: XmlElement): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [qname, value] of Object.entries(el.attrs)) {
    if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
    const colon = qname.indexOf(':');
    out.push([colon >= 0 ? qname.slice(colon + 1) : qname, value]);
  }
  return out;
}
