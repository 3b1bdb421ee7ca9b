// The SMTP sinks of `npm run bench:reminders`: each keeps every message's Message-ID, recipients and receive time.
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SINK } from './config.mjs';

export async function freePort() {
  const probe = createServer();
  const port = await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(probe.address().port)));
  await new Promise((resolve) => probe.close(() => resolve()));
  return port;
}

function record(received, raw, to) {
  const headerEnd = raw.indexOf('\r\n\r\n');
  const header = (headerEnd === -1 ? raw : raw.slice(0, headerEnd)).replace(/\r\n[ \t]+/g, ' ');
  const messageId = /^Message-ID:\s*<([^>]+)>/im.exec(header)?.[1] ?? null;
  received.push({ at: Date.now(), messageId, to });
}

/** A bare SMTP responder (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), greeting at once. */
async function startRawSink(port = 0, received = []) {
  let connections = 0;
  const sockets = new Set();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    let data = [];
    let to = [];
    socket.write('220 bench-sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          data.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          record(received, data.join(''), to);
          data = [];
          to = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n');
        else if (verb === 'HELO') socket.write('250 bench-sink\r\n');
        else if (verb === 'RCPT') {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          socket.write('250 OK\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 Bye\r\n');
          return;
        } else socket.write('250 OK\r\n'); // MAIL, RSET, NOOP
      }
    });
  });
  const bound = await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address().port)));
  return {
    port: bound,
    received,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The SMTP sink (smtp-server): keeps each message's Message-ID, recipients and receive time; no parsing beyond the header. */
export async function startSink(port = 0, received = []) {
  if (SINK === 'raw') return startRawSink(port, received);
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS per connection: the sink must not be what is measured.
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        record(
          received,
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        );
        callback();
      });
    },
  });
  const bound = await new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(server.server.address().port)),
  );
  return {
    port: bound,
    received,
    connections: () => connections,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
