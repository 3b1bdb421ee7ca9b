import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a random local port that keeps what it receives,
 * parsed. `refuseNext(n)` makes it answer the next n messages with a 451,
 * as a struggling mail server would.
 */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private refusals = 0;
  private refuseUntil = 0;
  private rejectPattern: RegExp | null = null;
  /** While set, every SMTP command (and the greeting) is answered this many ms late. */
  slowMs = 0;
  refused = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect(_session, callback) {
        setTimeout(() => callback(), sink?.slowMs ?? 0);
      },
      onMailFrom(_address, _session, callback) {
        setTimeout(() => callback(), sink?.slowMs ?? 0);
      },
      onRcptTo(address, _session, callback) {
        setTimeout(() => {
          if (sink?.rejectPattern?.test(address.address)) {
            callback(
              Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
                responseCode: 550,
              }),
            );
            return;
          }
          callback();
        }, sink?.slowMs ?? 0);
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (sink && (sink.refusals > 0 || Date.now() < sink.refuseUntil)) {
            if (sink.refusals > 0) sink.refusals--;
            sink.refused++;
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              sink?.messages.push(mail);
              setTimeout(() => callback(), sink?.slowMs ?? 0);
            })
            .catch((e: Error) => callback(e));
        });
      },
    });
    // A client killed mid-session (kill -9 of a worker) resets its connection: that is the test's point, not a failure.
    server.on('error', () => undefined);
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
        resolve(address.port);
      }),
    );
    sink = new SmtpSink(server, port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuseNext(count: number): void {
    this.refusals = count;
  }

  /** Answers 451 to every message for a while, as a mail server in trouble would. */
  refuseFor(ms: number): void {
    this.refuseUntil = Date.now() + ms;
  }

  /** Answers 550 (permanent) to recipients matching the pattern, as a server that knows no such user would; null stops. */
  rejectRecipients(pattern: RegExp | null): void {
    this.rejectPattern = pattern;
  }

  to(email: string): ParsedMail[] {
    return this.messages.filter((m) => addresses(m).includes(email.toLowerCase()));
  }

  async waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline)
        throw new Error(
          `SMTP sink: condition not met within ${timeoutMs} ms; got ${this.messages.length} messages: ${this.messages.map((m) => m.subject).join(' | ')}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function addresses(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

/**
 * The distinct calendar invites of a message (unfolded). The first invite also
 * travels as the message's own text/calendar part, which parsers list again.
 */
export function invites(mail: ParsedMail): string[] {
  const all = mail.attachments
    .filter((a) => a.contentType.startsWith('text/calendar'))
    .map((a) => a.content.toString('utf8').replace(/\r\n[ \t]/g, ''));
  return [...new Set(all)];
}
