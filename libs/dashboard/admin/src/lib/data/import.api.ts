import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportReport } from '@stint/contracts';
import { Observable } from 'rxjs';
import type { ImportKind } from '../import/import-rules';

/** The bulk imports: a CSV file's text as the request body. */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  /**
   * Checks (`dryRun`) or imports a file of users or teams. A real import with any error writes nothing and
   * answers 422 VALIDATION_FAILED with the report in the error's `details`.
   */
  run(kind: ImportKind, csv: string, dryRun: boolean): Observable<ImportReport> {
    return this.http.post<ImportReport>(`/api/import/${kind}`, csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      params: dryRun ? { dryRun: 'true' } : {},
    });
  }
}
