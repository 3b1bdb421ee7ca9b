import { createServer, Server, Socket } from 'node:net';

/*
 * How the SQL an endpoint runs is observed, the honest approach that works on this server:
 * - pg_stat_statements is installed but not loaded (shared_preload_libraries is
 *   empty, and loading it needs a server restart), so it cannot count anything.
 * - pg_stat_database counts transactions, not statements, server-wide and with
 *   a flush delay, so it cannot attribute statements to one request.
 * - So the API under test reaches PostgreSQL through this small recording proxy,
 *   which reads the frontend protocol: every simple Query ('Q') and every
 *   Parse ('P') of an unnamed statement is one statement the app sent
 *   (node-postgres parses each parameterised statement unnamed, once per
 *   execution), and its Bind ('B') carries the parameters; a named statement
 *   (NamedStatement, prepared once per connection) is parsed once and then only
 *   bound, so each Bind of a name is one execution, its SQL the text that name
 *   was parsed with on that connection. The count per request is therefore
 *   exact, and the very SQL the endpoint ran, with its parameters, is what a
 *   spec can hand to EXPLAIN (FORMAT JSON): no hand-written "equivalent" queries.
 */

export interface Statement {
  sql: string;
  params: Array<string | Buffer | null>;
  /** Run as a named (prepared) statement: after a few runs PostgreSQL may keep one generic plan for it. */
  named?: boolean;
}

/**
 * A TCP proxy in front of PostgreSQL that records what the client sends:
 * the SQL of every Query and Parse message and the parameters of each Bind.
 */
export class RecordingPgProxy {
  readonly statements: Statement[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      let buffer: Buffer = Buffer.alloc(0);
      let started = false;
      let lastUnnamed: Statement | null = null;
      const prepared = new Map<string, string>();
      const parse = (): void => {
        for (;;) {
          if (!started) {
            if (buffer.length < 8) return;
            const length = buffer.readInt32BE(0);
            if (buffer.length < length) return;
            const code = buffer.readInt32BE(4);
            buffer = buffer.subarray(length);
            if (code !== 80877103 && code !== 80877104) started = true; // not SSLRequest/GSSENCRequest
            continue;
          }
          if (buffer.length < 5) return;
          const type = String.fromCharCode(buffer[0] as number);
          const length = buffer.readInt32BE(1);
          if (buffer.length < 1 + length) return;
          const body = buffer.subarray(5, 1 + length);
          buffer = buffer.subarray(1 + length);
          if (type === 'Q') {
            this.statements.push({ sql: cstring(body, 0).value, params: [] });
          } else if (type === 'P') {
            const name = cstring(body, 0);
            const sql = cstring(body, name.next).value;
            if (name.value === '') {
              lastUnnamed = { sql, params: [] };
              this.statements.push(lastUnnamed);
            } else {
              prepared.set(name.value, sql);
            }
          } else if (type === 'B') {
            const portal = cstring(body, 0);
            const name = cstring(body, portal.next);
            let at = name.next;
            const formatCount = body.readInt16BE(at);
            const formats: number[] = [];
            at += 2;
            for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
            const paramCount = body.readInt16BE(at);
            at += 2;
            const params: Array<string | Buffer | null> = [];
            for (let i = 0; i < paramCount; i++) {
              const size = body.readInt32BE(at);
              at += 4;
              if (size < 0) {
                params.push(null);
                continue;
              }
              const raw = body.subarray(at, at + size);
              at += size;
              const format = formats.length === 1 ? formats[0] : (formats[i] ?? 0);
              params.push(format === 1 ? Buffer.from(raw) : raw.toString('utf8'));
            }
            if (name.value === '' && lastUnnamed) lastUnnamed.params = params;
            else if (name.value !== '')
              this.statements.push({ sql: prepared.get(name.value) ?? '', params, named: true });
          }
        }
      };
      this.sockets.add(client).add(upstream);
      // Forwarded from our own listener (a pipe set up later would miss the startup message).
      client.on('data', (chunk: Buffer) => {
        upstream.write(chunk);
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        parse();
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(this.target.port, this.target.host);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server?.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function cstring(buffer: Buffer, from: number): { value: string; next: number } {
  const end = buffer.indexOf(0, from);
  return { value: buffer.toString('utf8', from, end), next: end + 1 };
}
