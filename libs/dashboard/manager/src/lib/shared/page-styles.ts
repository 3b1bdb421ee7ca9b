/**
 * Layout shared by the manager screens: a heading with a lead line, a filter
 * bar that wraps at phone width, and a horizontally scrollable table frame.
 */
export const PAGE_STYLES = `
  :host { display: block; }
  h1 { font: var(--mat-sys-headline-medium); margin: 0 0 4px; }
  h2 { font: var(--mat-sys-title-large); margin: 24px 0 8px; }
  .lead { margin: 0 0 16px; color: var(--mat-sys-on-surface-variant); }
  .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 4px; }
  .filters mat-form-field { width: 200px; }
  .table-frame { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
  .table-frame:focus-visible { outline: 2px solid var(--mat-sys-primary); outline-offset: 2px; }
  table { width: 100%; }
  .muted { color: var(--mat-sys-on-surface-variant); }
  @media (max-width: 799px) { .filters mat-form-field { width: 100%; } }
`;
