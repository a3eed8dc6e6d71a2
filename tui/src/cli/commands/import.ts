import type { CommandSpec } from './spec.ts';

/** `casella import FILE`: waits for the SDK's bulk engine (see docs/cli.md). */
export const importCommands: readonly CommandSpec[] = [];
