/** Lines of the app frame around a screen's body: breadcrumb, gap, message, and a footer of up to two lines (the app is rows - 1 tall: Ink 6 repaints at full height). */
const FRAME_LINES = 5;

/** Lines a screen's view may use in a terminal of `rows` lines. */
export function bodyHeight(rows: number): number {
  return Math.max(6, rows - 1 - FRAME_LINES);
}

/** Lines a list view keeps above its rows: title, filter or hint, spinner, table header. */
const LIST_CHROME = 4;

/** Rows of a list window; the reducer pages by this and the views render exactly this many. */
export function listPage(rows: number): number {
  return Math.max(2, bodyHeight(rows) - LIST_CHROME);
}
