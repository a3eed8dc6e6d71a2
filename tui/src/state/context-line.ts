import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

/** Columns a string takes as the terminal draws it: wide (CJK, emoji) characters count two, combining marks none. */
export function columnsOf(text: string): number {
  return stringWidth(text);
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
  // cli-truncate can end one cell over when a wide character falls on the cut: ask for less until it fits.
  for (let room = width; room > 0; room--) {
    const out = cliTruncate(text, room, { position: 'end' });
    if (columnsOf(out) <= width) return out;
  }
  return '…';
}
