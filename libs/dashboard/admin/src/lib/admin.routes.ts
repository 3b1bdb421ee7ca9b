import { Route } from '@angular/router';

/** Screens of this feature area; the app mounts them lazily. */
export const ADMIN_ROUTES: Route[] = [];
