/** The head of a check's output: at most `maxLines` lines and `maxChars` characters. */
export interface OutputPreview {
  head: string;
  truncated: boolean;
  lines: number;
}

export function outputPreview(text: string, maxLines = 6, maxChars = 480): OutputPreview {
  const all = text.replace(/\s+$/, "").split(/\r?\n/);
  let head = all.slice(0, maxLines).join("\n");
  if (head.length > maxChars) head = head.slice(0, maxChars);
  return { head, truncated: head.length < text.replace(/\s+$/, "").replace(/\r\n/g, "\n").length, lines: all.length };
}
