import { expect, type APIRequestContext } from '@playwright/test';

/* Helpers of the identity spec: CSV files as the browser uploads them, and the calendar feed as a calendar app reads it. */

/** A file for `setInputFiles`: a header row and data rows, joined as a spreadsheet saves them. */
export function csvFile(
  name: string,
  header: string,
  rows: string[][],
): { name: string; mimeType: string; buffer: Buffer } {
  const text = [header, ...rows.map((cells) => cells.join(','))].join('\r\n') + '\r\n';
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/** Reads a feed as a calendar app does (the token in the URL is all it needs); returns its text, '' for a 404. */
export async function readFeed(request: APIRequestContext, url: string, status: 200 | 404): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(status);
  if (status !== 200) return '';
  expect(response.headers()['content-type']).toMatch(/^text\/calendar\b/);
  return response.text();
}
