/** `text` as a literal inside a regular expression (an address, a domain). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
