import type { EntityManager } from 'typeorm';

/** A check-in still waiting for its moment (not completed or cancelled, its placement live), with its rotation. */
export interface OpenCheckIn {
  id: string;
  kind: string;
  scheduled_at: Date;
  placement_id: string;
  pm_id: string;
  team_id: string;
}

/** The check-in if it is still open at the instant the job was made for; null when it moved on. */
export async function openCheckIn(
  m: EntityManager,
  checkInId: string,
  scheduledAt: string,
): Promise<OpenCheckIn | null> {
  const rows: OpenCheckIn[] = await m.query(
    `SELECT c.id, c.kind, c.scheduled_at, c.placement_id, p.pm_id, p.team_id
       FROM check_ins c JOIN placements p ON p.id = c.placement_id
      WHERE c.id = $1 AND c.scheduled_at = $2 AND c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL`,
    [checkInId, scheduledAt],
  );
  return rows[0] ?? null;
}
