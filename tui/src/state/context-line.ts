/** Columns a string takes: wide (CJK, emoji) code points count two, combining marks none. */
export function columnsOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(ch)) continue;
    n += isWide(c) ? 2 : 1;
  }
  return n;
}

// East Asian Wide/Fullwidth ranges and emoji: enough for addresses and host names, which are what is shown.
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Separator between the parts of the context line. */
export const CONTEXT_SEPARATOR = ' · ';

/**
 * The context line's text in `width` columns: `server · profile · admin`. Parts are dropped from the
 * least useful (the profile, then the admin) and replaced by `…` when the whole does not fit; the server
 * stays, cut at its end with `…` when even it alone is too wide.
 */
export function fitContext(
  parts: { readonly server: string; readonly profile: string; readonly admin: string },
  width: number,
): string {
  const candidates = [
    [parts.server, parts.profile, parts.admin],
    [parts.server, parts.admin, '…'],
    [parts.server, '…'],
  ];
  for (const c of candidates) {
    const text = c.filter((p) => p !== '').join(CONTEXT_SEPARATOR);
    if (columnsOf(text) <= width) return text;
  }
  return cutEnd(parts.server, width);
}

/** `text` cut to `width` columns, the last one an ellipsis when anything was cut. */
export function cutEnd(text: string, width: number): string {
  if (columnsOf(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  for (const ch of text) {
    if (columnsOf(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
