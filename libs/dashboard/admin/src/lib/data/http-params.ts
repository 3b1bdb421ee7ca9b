import { HttpParams } from '@angular/common/http';

/** Query parameters without the empty ones (the API rejects `?role=`). */
export function queryParams(values: Record<string, string | number | boolean | null | undefined>): HttpParams {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    clean[key] = String(value);
  }
  return new HttpParams({ fromObject: clean });
}
