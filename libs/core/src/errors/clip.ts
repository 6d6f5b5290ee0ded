/**
 * `text` cut to at most `max` characters (an ellipsis and the dropped length mark the cut), for
 * anything that may carry client input into a message or a log line.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
