import type { Screen, ScreenKind, ScreenOf } from '../state/screen.ts';

/** What every screen view receives: its state and the room it may use. */
export interface ViewProps<S extends Screen> {
  /** The screen's state, from the reducer. */
  readonly screen: S;
  /** Lines available to the view's body. */
  readonly height: number;
  /** Rows of a list window (the reducer pages by the same number). */
  readonly listRows: number;
  /** Columns of the terminal. */
  readonly width: number;
}

/** View props for a screen kind. */
export type ViewPropsOf<K extends ScreenKind> = ViewProps<ScreenOf<K>>;
