import { closeSync, openSync, rmSync, writeSync } from 'node:fs';

/**
 * Writes a secret to a new file readable only by its owner (mode 0600). An existing file is never
 * overwritten: it may hold an earlier password nobody has read yet.
 * @throws the `EEXIST` error of `open` when the file exists.
 */
export function writeSecretFile(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Removes a secret file whose password was never set (the operation failed). */
export function removeSecretFile(path: string): void {
  rmSync(path, { force: true });
}
