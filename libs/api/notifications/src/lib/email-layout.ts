/** One layout for every email: an HTML and a plain-text body from the same parts, user text escaped. */
export interface EmailContent {
  subject: string;
  heading: string;
  /** Paragraphs of plain text; never HTML. */
  paragraphs: string[];
  /** Label/value rows shown as a small table. */
  facts?: Array<[string, string]>;
  action?: { label: string; url: string };
  /** Sections (e.g. the digest's lists): a title and lines of plain text. */
  sections?: Array<{ title: string; lines: string[] }>;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderEmail(content: EmailContent): { subject: string; text: string; html: string } {
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.facts ?? []).map(([k, v]) => `${k}: ${v}`),
    ...(content.facts?.length ? [''] : []),
    ...(content.sections ?? []).flatMap((s) => [s.title, ...s.lines.map((l) => `  - ${l}`), '']),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    '— Stint, sales rotations for product managers',
  ].join('\n');

  const facts = content.facts?.length
    ? `<table style="border-collapse:collapse;margin:12px 0">${content.facts
        .map(
          ([k, v]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</td><td style="padding:2px 0">${escapeHtml(v)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const sections = (content.sections ?? [])
    .map(
      (s) =>
        `<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(s.title)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    )
    .join('');
  const action = content.action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(content.action.url)}" style="background:#005cbb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:Roboto,Arial,sans-serif;color:#1a1c1e;max-width:600px;margin:0 auto;padding:16px">
<h2 style="font-size:20px;margin:0 0 12px">${escapeHtml(content.heading)}</h2>
${content.paragraphs.map((p) => `<p style="margin:0 0 10px;line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${facts}${sections}${action}
<p style="color:#777;font-size:12px;margin-top:24px">Stint — sales rotations for product managers</p>
</body></html>`;
  return { subject: content.subject, text, html };
}
