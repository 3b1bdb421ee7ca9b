import { Route } from '@angular/router';

/** Screens of this feature area; the app mounts them lazily. */
export const PM_ROUTES: Route[] = [];
