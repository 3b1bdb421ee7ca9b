import { Signal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { SlotSuggestion } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { catchError, debounceTime, distinctUntilChanged, map, Observable, of, startWith, switchMap, tap } from 'rxjs';
import { buildSlotParams, SlotParams, SlotSearch, slotParamsKey, slotSearchProblem } from './slot-query';

/** What the slot finder shows: why it cannot search yet, that it is searching, the free slots, or the failure. */
export type SlotState =
  | { status: 'idle'; reason: string }
  | { status: 'loading' }
  | { status: 'ready'; items: SlotSuggestion[] }
  | { status: 'error'; message: string };

/** The plan's search form, as far as the finder reads it. */
export interface SlotSearchForm {
  readonly valueChanges: Observable<unknown>;
  getRawValue(): SlotSearch & { pmId: string };
}

/**
 * Live slot suggestions for the search form: waits until typing pauses, skips a search that would answer the same,
 * and drops the answer of a search superseded by a newer one. A planner (manager or admin) must pick the PM first.
 * Call in an injection context; it stops with the component.
 */
export function injectSlotSuggestions(
  search: SlotSearchForm,
  planner: boolean,
  fetch: (params: SlotParams) => Observable<SlotSuggestion[]>,
): Signal<SlotState> {
  const slots = signal<SlotState>({ status: 'loading' });
  search.valueChanges
    .pipe(
      startWith(null),
      debounceTime(300),
      map(() => {
        const raw = search.getRawValue();
        const input = { ...raw, pmId: planner ? raw.pmId : null };
        if (planner && !raw.pmId) return { params: null, reason: 'Choose the PM you are planning for.' };
        return { params: buildSlotParams(input), reason: slotSearchProblem(input) ?? '' };
      }),
      distinctUntilChanged((a, b) => slotParamsKey(a.params) === slotParamsKey(b.params) && a.reason === b.reason),
      tap(({ params, reason }) => slots.set(params ? { status: 'loading' } : { status: 'idle', reason })),
      switchMap(({ params }) =>
        params
          ? fetch(params).pipe(
              map((items): SlotState => ({ status: 'ready', items })),
              catchError((error: unknown) => of<SlotState>({ status: 'error', message: describeError(error).message })),
            )
          : of(null),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((state) => {
      if (state) slots.set(state);
    });
  return slots.asReadonly();
}
