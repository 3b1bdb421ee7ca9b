import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ProgrammePolicy } from '@stint/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PolicyApi {
  private readonly http = inject(HttpClient);

  get(): Observable<ProgrammePolicy> {
    return this.http.get<ProgrammePolicy>('/api/policy');
  }

  update(changes: Partial<ProgrammePolicy>): Observable<ProgrammePolicy> {
    return this.http.put<ProgrammePolicy>('/api/policy', changes);
  }
}
