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
}

/** A windowed table with a header; the selected row is marked `>` and shown in inverse. */
export function Table<R>({ columns, rows, cursor, top, height, rowKey }: TableProps<R>) {
  const window = rows.slice(top, top + height);
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={theme.muted}>{UNSELECTED} </Text>
        {columns.map((c) => (
          <Box key={c.header} width={c.width} paddingRight={1}>
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
              <Box key={c.header} width={c.width} paddingRight={1}>
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
