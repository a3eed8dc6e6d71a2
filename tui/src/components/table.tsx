import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { paint, SELECTED, theme, UNSELECTED } from '../theme.ts';

/** One column of a {@link Table}. */
export interface Column<R> {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: R) => ReactNode;
}

/** Props of {@link Table}. */
export interface TableProps<R> {
  /** Header, width and cell text of each column. */
  readonly columns: readonly Column<R>[];
  /** The rows; only the window from `top` is rendered. */
  readonly rows: readonly R[];
  /** Index of the selected row in `rows`. */
  readonly cursor: number;
  /** First row shown; only `height` rows from here are rendered, so long lists stay fast. */
  readonly top: number;
  /** Rows of the window. */
  readonly height: number;
  /** A stable React key of a row. */
  readonly rowKey: (row: R) => string;
  /**
   * Cells the table may take. Columns that do not fit are dropped from the right, whole, so that
   * two columns never run into each other; the first column always stays, cut to the room.
   * @default no limit
   */
  readonly width?: number;
}

/** Cells of the row marker (`> ` or two blanks) in front of every row. */
const MARKER = 2;

/** The columns that fit in `width` cells, the first one narrowed when even it alone is too wide. */
export function columnsThatFit<R>(columns: readonly Column<R>[], width: number | undefined): Column<R>[] {
  if (width === undefined) return [...columns];
  const out: Column<R>[] = [];
  let used = MARKER;
  for (const c of columns) {
    // A column squeezed to nothing by its caller's arithmetic is dropped, not drawn over its neighbour.
    if (c.width < 2) continue;
    if (used + c.width > width) break;
    out.push(c);
    used += c.width;
  }
  const first = columns[0];
  if (out.length === 0 && first) out.push({ ...first, width: Math.max(1, width - MARKER) });
  return out;
}

/** A windowed table with a header; the selected row is marked `>` and shown in inverse. */
export function Table<R>({ columns: all, rows, cursor, top, height, rowKey, width }: TableProps<R>) {
  const columns = columnsThatFit(all, width);
  const window = rows.slice(top, top + height);
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.muted}>{UNSELECTED} </Text>
        {columns.map((c) => (
          <Box key={c.header} width={c.width} flexShrink={0} paddingRight={1}>
            <Text color={theme.muted} bold wrap="truncate">
              {c.header}
            </Text>
          </Box>
        ))}
      </Box>
      {window.map((row, i) => {
        const selected = top + i === cursor;
        return (
          <Box key={rowKey(row)}>
            <Text {...paint(selected ? theme.accent : undefined)}>{selected ? SELECTED : UNSELECTED} </Text>
            {columns.map((c) => (
              <Box key={c.header} width={c.width} flexShrink={0} paddingRight={1}>
                <Text inverse={selected} wrap="truncate">
                  {c.cell(row)}
                </Text>
              </Box>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
