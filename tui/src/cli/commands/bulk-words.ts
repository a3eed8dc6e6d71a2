import type { CapacityShortfall, RowIssue } from '@casella/sdk';
import { type Lang, say } from './messages.ts';

/** `line 4, column quota: must be bytes or a size like 2GB (quota)`, framed in the user's language. */
export function describeIssueIn(lang: Lang, issue: RowIssue): string {
  const params = { line: issue.line, column: issue.column ?? '', message: issue.message, rule: issue.rule };
  return say(lang, issue.column === undefined ? 'import.issueRow' : 'import.issue', params);
}

/** `example.com: 50 Professional mailboxes needed, 3 free (7 used of 10).` in the user's language. */
export function describeShortfallIn(lang: Lang, s: CapacityShortfall): string {
  const params = {
    domain: s.domain,
    type: s.type ?? '',
    needed: s.needed,
    free: s.free,
    used: s.used,
    max: s.max === null ? say(lang, 'word.unlimited') : s.max,
  };
  return say(lang, s.type === undefined ? 'import.shortfallTotal' : 'import.shortfall', params);
}
