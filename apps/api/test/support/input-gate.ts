import type { RotationRequest, Team } from '@stint/contracts';
import { connect } from 'node:net';
import { Actor, Fixtures, futureMonday } from './fixtures';
import { CallResult, startTestApp, TestApp } from './test-app';

/* Shared by the input-gate-*.integration-spec.ts files. */

export function expectError(result: CallResult, status: number, code: string, field?: string): void {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
  if (field)
    expect((result.body as { details: { fields: Record<string, string> } }).details.fields).toHaveProperty([field]);
}

/** A raw HTTP exchange, for what fetch refuses to send (oversized or malformed headers). */
export function raw(port: number, head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    socket.on('end', () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0),
        body: data.slice(data.indexOf('\r\n\r\n') + 4),
      }),
    );
    socket.on('error', reject);
  });
}

export interface InputGateApp {
  t: TestApp;
  f: Fixtures;
  lineManager: Actor;
  host: Actor;
  pm: Actor;
  team: Team;
  request: RotationRequest;
}

/** The API, with a PM (and their line manager) holding a pending request for a team of another manager's. */
export async function startInputGate(): Promise<InputGateApp> {
  const t = await startTestApp();
  const f = await Fixtures.create(t.url);
  const lineManager = await f.manager();
  const host = await f.manager();
  const pm = await f.pm(lineManager);
  const team = await f.team(host, { capacity: 2 });
  const request = await f.request(pm, team.id, futureMonday(20), 1);
  return { t, f, lineManager, host, pm, team, request };
}
