import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { AuthenticatedUser, TransactionRunner } from '@stint/api-core';
import type { ImportReport } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { readCsv } from './csv';
import { importFailed, importReport } from './rows';
import { readUserRows, USER_COLUMNS, UserRow } from './user-rows';
import { allUsers, insertUsers, lockUsersForImport, teamsManagedByUser, updateUsers } from './users-import.queries';
import { planUsers, UsersPlan } from './users-plan';

/**
 * POST /api/import/users: creates and updates users from a CSV file, all in
 * one transaction or not at all. A dry run reads and judges exactly the same,
 * and writes nothing.
 */
@Injectable()
export class UsersImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async run(caller: AuthenticatedUser, csv: string, dryRun: boolean): Promise<ImportReport> {
    const { rows, errors, refused } = await readUserRows(readCsv(csv, USER_COLUMNS));
    const plan = (m: EntityManager) => this.plan(m, rows, refused);
    if (dryRun) {
      const judged = await plan(this.db.manager);
      return importReport(true, judged, errors);
    }
    return this.tx.run(async (m) => {
      await lockUsersForImport(m);
      const judged = await plan(m);
      const report = importReport(false, judged, errors);
      if (report.errors.length) throw importFailed(report);
      await insertUsers(m, judged.creates);
      await updateUsers(m, judged.updates);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'import.users',
        entityType: 'import',
        entityId: randomUUID(),
        after: { rows: rows.length, created: report.created, updated: report.updated, unchanged: report.unchanged },
      });
      return report;
    });
  }

  private async plan(m: EntityManager, rows: UserRow[], refused: Map<string, number>): Promise<UsersPlan> {
    const [existing, teamsManaged] = [await allUsers(m), await teamsManagedByUser(m)];
    return planUsers({ rows, refused, existing, teamsManaged, newId: randomUUID });
  }
}
