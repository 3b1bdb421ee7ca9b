import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { acceptedEncoding, compress, COMPRESSION } from './compression';

/**
 * An answer already written as JSON text, for a large answer served many times from the figures cache: the
 * timeline of 2,000 placements or the capacity of 200 teams took longer to serialise on each request than to
 * find. Its compressed forms are made once, when first asked for. `T` is the shape the text holds, for the
 * reader and the OpenAPI decorators. A route that answers one names PreparedJsonInterceptor (not every route:
 * a global interceptor costs each request an observable chain, a sixth of a health check's time).
 */
export class PreparedJson<T = unknown> {
  /** Never set: it carries `T` for the type checker. */
  declare readonly shape?: T;
  private readonly variants = new Map<string, Buffer>();

  /** `kept`: held for later requests, so its compressed forms are worth keeping; otherwise the plugin compresses it. */
  constructor(
    readonly text: string,
    readonly kept = true,
  ) {}

  static of<T>(value: T): PreparedJson<T> {
    return new PreparedJson<T>(JSON.stringify(value));
  }

  /** One request's answer: the fields of `fresh`, then those of a kept object answer (neither names the other's). */
  static joined<T>(fresh: object, kept: PreparedJson<unknown>): PreparedJson<T> {
    const head = JSON.stringify(fresh).slice(1, -1);
    const tail = kept.text.slice(1, -1);
    return new PreparedJson<T>(`{${head}${head && tail ? ',' : ''}${tail}}`, false);
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

interface JsonRequest {
  headers: Record<string, string | string[] | undefined>;
}

interface JsonReply {
  header(name: string, value: string): unknown;
}

/**
 * Sends a PreparedJson as `application/json`, in the encoding the client accepts, from the bytes kept with it:
 * the compression plugin leaves a response that already names its encoding alone.
 */
@Injectable()
export class PreparedJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (!(body instanceof PreparedJson)) return body;
        const http = context.switchToHttp();
        const reply = http.getResponse<JsonReply>();
        reply.header('content-type', 'application/json; charset=utf-8');
        const encoding = acceptedEncoding(http.getRequest<JsonRequest>().headers['accept-encoding']);
        if (!body.kept) return body.text;
        // Kept: its bytes too, plain or compressed, so a repeat costs no encoding at all.
        if (!encoding || body.text.length < COMPRESSION.threshold) return body.encoded('identity', (plain) => plain);
        reply.header('vary', 'accept-encoding');
        reply.header('content-encoding', encoding);
        return body.encoded(encoding, (plain) => compress(plain, encoding));
      }),
    );
  }
}
