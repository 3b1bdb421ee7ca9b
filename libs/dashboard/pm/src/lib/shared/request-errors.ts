import type { ApiErrorBody, ErrorCode, SlotSuggestion } from '@stint/contracts';

/** The fields of the request form an API error can point at. */
export const REQUEST_FIELDS = ['pmId', 'teamId', 'startDate', 'durationWeeks', 'goals', 'motivation'] as const;
export type RequestField = (typeof REQUEST_FIELDS)[number];

/** Which field each booking rule is about: the duration, the dates, or the team. */
export const RULE_FIELD: Partial<Record<ErrorCode, RequestField>> = {
  DURATION_OUT_OF_POLICY: 'durationWeeks',
  START_IN_PAST: 'startDate',
  BLACKOUT: 'startDate',
  PM_OVERLAP: 'startDate',
  CAPACITY_FULL: 'startDate',
  TEAM_INACTIVE: 'teamId',
};

export interface RequestErrors {
  /** A sentence per field, shown under that field. */
  fields: Partial<Record<RequestField, string>>;
  /** Whatever belongs to no field (shown above the submit button). */
  general: string | null;
  /** With CAPACITY_FULL: the next free slots the API offers instead. */
  suggestions: SlotSuggestion[];
}

function isField(name: string): name is RequestField {
  return (REQUEST_FIELDS as readonly string[]).includes(name);
}

function add(into: Partial<Record<RequestField, string>>, field: RequestField, message: string): void {
  const previous = into[field];
  if (previous === undefined) into[field] = message;
  else if (!previous.includes(message)) into[field] = `${previous} ${message}`;
}

/** A friendlier name for the field in a validation message (`startDate must be…` → `Start date must be…`). */
const FIELD_WORDS: Record<RequestField, string> = {
  pmId: 'PM',
  teamId: 'Team',
  startDate: 'Start date',
  durationWeeks: 'Duration',
  goals: 'Goals',
  motivation: 'Motivation',
};

function humanise(field: RequestField, message: string): string {
  const sentence = message.startsWith(field) ? `${FIELD_WORDS[field]}${message.slice(field.length)}` : message;
  const capitalised = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function isViolation(v: unknown): v is { code: ErrorCode; message: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { code?: unknown }).code === 'string' &&
    typeof (v as { message?: unknown }).message === 'string'
  );
}

/**
 * Spreads an API error over the request form: every broken booking rule
 * (`details.violations`, or the error itself) next to the field it concerns,
 * every `details.fields` entry of a VALIDATION_FAILED next to its field,
 * and the rest as one general sentence.
 */
export function requestErrorsFrom(body: ApiErrorBody | null, fallbackMessage: string): RequestErrors {
  const result: RequestErrors = { fields: {}, general: null, suggestions: [] };
  const general: string[] = [];
  if (!body) return { ...result, general: fallbackMessage };
  const details = body.details ?? {};

  if (body.code === 'VALIDATION_FAILED') {
    const fields = details['fields'];
    if (fields && typeof fields === 'object') {
      for (const [path, message] of Object.entries(fields as Record<string, unknown>)) {
        if (typeof message !== 'string') continue;
        const root = path.split('.')[0] ?? path;
        if (isField(root)) add(result.fields, root, humanise(root, message));
        else general.push(message);
      }
    }
    if (!Object.keys(result.fields).length && !general.length) general.push(body.message);
  } else if (RULE_FIELD[body.code]) {
    const listed = Array.isArray(details['violations']) ? details['violations'].filter(isViolation) : [];
    const violations = listed.length ? listed : [{ code: body.code, message: body.message }];
    for (const v of violations) {
      const field = RULE_FIELD[v.code];
      if (field) add(result.fields, field, v.message);
      else general.push(v.message);
    }
    if (Array.isArray(details['suggestions'])) result.suggestions = details['suggestions'] as SlotSuggestion[];
  } else if (body.code === 'NOT_FOUND' && /team/i.test(body.message)) {
    add(result.fields, 'teamId', body.message);
  } else {
    general.push(body.message);
  }

  return { ...result, general: general.length ? general.join(' ') : null };
}
