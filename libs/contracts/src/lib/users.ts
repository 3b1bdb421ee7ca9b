export const USER_ROLES = ['pm', 'manager', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  managerId: string | null;
  timezone: string;
  /**
   * A BCP 47 language tag such as en-GB, or null (the default). The API always sends it; optional here only
   * until the dashboard's test fixtures of User carry it.
   */
  locale?: string | null;
  active: boolean;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

/** One refused row of a bulk import: `line` is the 1-based line of the file (the header is line 1). */
export interface ImportRowError {
  line: number;
  field: string;
  message: string;
}

/** What a bulk import of users or teams did (or, with `dryRun`, would do). */
export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
}

/** The address of the caller's personal calendar feed (the token in it is shown only once). */
export interface CalendarFeedLink {
  url: string;
}
