import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** True at phone width, where tables drop their secondary columns (same breakpoint as the shell). */
export function injectHandset(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 799px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
