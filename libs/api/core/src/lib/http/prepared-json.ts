/**
 * An answer already written as JSON text, for a large answer served many times from the figures cache: the
 * timeline of 2,000 placements or the capacity of 200 teams took longer to serialise on each request than to
 * find. Its compressed forms are made once, when first asked for. `T` is the shape the text holds, for the
 * reader and the OpenAPI decorators. The API sends it as it is (PreparedJsonInterceptor, apps/api).
 */
export class PreparedJson<T = unknown> {
  /** Never set: it carries `T` for the type checker. */
  declare readonly shape?: T;
  private readonly variants = new Map<string, Buffer>();

  constructor(readonly text: string) {}

  static of<T>(value: T): PreparedJson<T> {
    return new PreparedJson<T>(JSON.stringify(value));
  }

  /** The text in one encoding (`br`, `gzip`), encoded by `encode` the first time it is asked for. */
  encoded(encoding: string, encode: (plain: Buffer) => Buffer): Buffer {
    let body = this.variants.get(encoding);
    if (!body) {
      body = encode(Buffer.from(this.text, 'utf8'));
      this.variants.set(encoding, body);
    }
    return body;
  }
}
