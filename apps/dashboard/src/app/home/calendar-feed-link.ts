/** The `webcal://` form of a feed's address, which hands it to the system's calendar app to subscribe. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://');
}
