/**
 * The data directory of `startEmulator({ dataDir })`: one snapshot file, written atomically (temp file,
 * fsync, rename, then fsync of the directory), so a crash leaves either the old or the new file whole.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeSnapshot, encodeSnapshot, type InstanceSnapshot } from '../domain/snapshot.js';

export const SNAPSHOT_FILE = 'emulator.json';

export interface SnapshotFile {
  path: string;
  /** The saved state, or undefined for a new data directory. Throws a `SnapshotError` for a torn or foreign file. */
  read(): InstanceSnapshot | undefined;
  /** Writes the state if it differs from the last write. */
  write(snapshot: InstanceSnapshot): void;
}

export function openSnapshotFile(dataDir: string): SnapshotFile {
  const dir = resolve(dataDir);
  const path = join(dir, SNAPSHOT_FILE);
  let lastWritten = '';
  return {
    path,
    read() {
      if (!existsSync(path)) return undefined;
      const text = readFileSync(path, 'utf8');
      const snapshot = decodeSnapshot(text, path);
      lastWritten = text;
      return snapshot;
    },
    write(snapshot) {
      const text = encodeSnapshot(snapshot);
      if (text === lastWritten) return;
      mkdirSync(dir, { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
      // The rename itself is durable only once the directory entry is flushed (not possible on Windows).
      try {
        const dirFd = openSync(dir, 'r');
        fsyncSync(dirFd);
        closeSync(dirFd);
      } catch {
        // Best effort.
      }
      lastWritten = text;
    },
  };
}
