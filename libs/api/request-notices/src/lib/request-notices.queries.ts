import type { EntityManager } from 'typeorm';

/** The comment of the request's latest rejection ('' when there is none). */
export async function rejectionComment(m: EntityManager, requestId: string): Promise<string> {
  const rows: Array<{ comment: string }> = await m.query(
    `SELECT comment FROM request_approvals WHERE request_id = $1 AND decision = 'rejected' ORDER BY at DESC LIMIT 1`,
    [requestId],
  );
  return rows[0]?.comment ?? '';
}
