/** The first word of a person's name ("Ana" for "Ana Lima"); the name itself when it has one word. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * Whose ratings a reader looks at, for a heading or a caption: "Your" for the PM themselves, else the PM's
 * first name ("Ana’s"), or "The PM’s" when their name is not known.
 */
export function whose(isOwn: boolean, pmName: string | null | undefined): string {
  if (isOwn) return 'Your';
  const first = firstName(pmName ?? '');
  return first ? `${first}’s` : 'The PM’s';
}
