/**
 * Old Junos (12.3, 15.1) reads the NETCONF stream in 4096-byte blocks and
 * misses a `]]>]]>` that straddles two blocks (ncclient PR #190, go-netconf
 * PR #32): the message runs on into the next one. This filter reproduces it
 * by removing such a delimiter from the bytes the decoder sees, when the
 * fault plan says the quirk fires.
 */
const DELIM = Buffer.from(']]>]]>', 'latin1');
const BLOCK = 4096;

export class EomSplitFilter {
  /** Bytes of the client stream seen before `held`. */
  private offset = 0;
  /** A tail that may be the start of a delimiter, kept until more bytes come. */
  private held: Buffer = Buffer.alloc(0);
  private readonly active: () => boolean;
  private readonly fires: (offset: number) => boolean;

  /** `active` says whether the quirk could fire at all; `fires` decides for one straddling delimiter. */
  constructor(active: () => boolean, fires: (offset: number) => boolean) {
    this.active = active;
    this.fires = fires;
  }

  filter(data: Buffer): Buffer {
    if (this.held.length === 0 && !this.active()) {
      this.offset += data.length;
      return data;
    }
    const buf = this.held.length > 0 ? Buffer.concat([this.held, data]) : data;
    const base = this.offset;
    const out: Buffer[] = [];
    let from = 0;
    for (let i = buf.indexOf(DELIM); i >= 0; i = buf.indexOf(DELIM, i + DELIM.length)) {
      const at = base + i;
      if (Math.floor(at / BLOCK) !== Math.floor((at + DELIM.length - 1) / BLOCK) && this.fires(at)) {
        out.push(buf.subarray(from, i));
        from = i + DELIM.length;
      }
    }
    // Keep back a tail that could begin a delimiter completed by the next read.
    let keep = 0;
    for (let k = Math.min(DELIM.length - 1, buf.length - from); k > 0; k--) {
      if (buf.subarray(buf.length - k).equals(DELIM.subarray(0, k))) {
        keep = k;
        break;
      }
    }
    out.push(buf.subarray(from, buf.length - keep));
    this.held = Buffer.from(buf.subarray(buf.length - keep));
    this.offset = base + buf.length - keep;
    return out.length === 1 ? out[0]! : Buffer.concat(out);
  }
}
