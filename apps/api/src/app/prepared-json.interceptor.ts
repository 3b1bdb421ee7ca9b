import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PreparedJson } from '@stint/api-core';
import { map, Observable } from 'rxjs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { acceptedEncoding, COMPRESSION } from './static-assets';

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
        if (!encoding || body.text.length < COMPRESSION.threshold) return body.text;
        reply.header('vary', 'accept-encoding');
        reply.header('content-encoding', encoding);
        return body.encoded(encoding, (plain) =>
          encoding === 'br' ? brotliCompressSync(plain, COMPRESSION.brotliOptions) : gzipSync(plain),
        );
      }),
    );
  }
}
