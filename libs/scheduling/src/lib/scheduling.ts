export function scheduling(): string {
  return 'scheduling';
}
