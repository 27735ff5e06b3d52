/**
 * The emulator's state as one JSON document, for `startEmulator({ dataDir })`: every store table, the
 * settings, the outbox and the signing key (so tokens issued before a restart still verify). The file
 * form carries a format name, a version and a SHA-256 of the state, so a torn or edited file is refused.
 */
import { createHash } from 'node:crypto';
import type { OutboxMessage } from './outbox.js';
import type { EmulatorSettings } from './settings.js';
import type { Store } from './store.js';

export const SNAPSHOT_FORMAT = 'microclerk-emulator-snapshot';
export const SNAPSHOT_VERSION = 1;

export interface InstanceSnapshot {
  instanceId: string;
  signingKey: { kid: string; privateKeyPem: string };
  settings: EmulatorSettings;
  /** Store table name → its rows as `[id, record]` pairs. */
  tables: Record<string, Array<[string, unknown]>>;
  outbox: OutboxMessage[];
}

/** A snapshot file that cannot be used: the message says which file and what to do. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

function storeTables(store: Store): Array<[string, Map<string, unknown>]> {
  return Object.entries(store).filter((entry): entry is [string, Map<string, unknown>] => entry[1] instanceof Map);
}

export function tablesOf(store: Store): InstanceSnapshot['tables'] {
  return Object.fromEntries(storeTables(store).map(([name, map]) => [name, [...map.entries()]]));
}

/** Replaces the store's rows with the snapshot's; tables the snapshot lacks (added since) start empty. */
export function loadTables(store: Store, tables: InstanceSnapshot['tables']): void {
  for (const [name, map] of storeTables(store)) {
    map.clear();
    for (const [id, record] of tables[name] ?? []) map.set(id, record);
  }
}

const digest = (stateJson: string) => createHash('sha256').update(stateJson).digest('hex');

export function encodeSnapshot(snapshot: InstanceSnapshot): string {
  const state = JSON.stringify(snapshot);
  // The state is embedded as a string so the checksum covers exactly the bytes that are parsed back.
  return `${JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, sha256: digest(state), state }, null, 0)}\n`;
}

/** Parses a snapshot file's text; throws a `SnapshotError` naming `source` for anything incomplete or foreign. */
export function decodeSnapshot(text: string, source: string): InstanceSnapshot {
  const refuse = (why: string) =>
    new SnapshotError(`${source}: ${why}. The emulator will not start from it; move the file away (or delete it) to start with an empty instance.`);
  let envelope: { format?: unknown; version?: unknown; sha256?: unknown; state?: unknown };
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    throw refuse(`is not complete JSON (${error instanceof Error ? error.message : String(error)}), so it was cut short or edited by hand`);
  }
  if (!envelope || typeof envelope !== 'object' || envelope.format !== SNAPSHOT_FORMAT) throw refuse(`is not a ${SNAPSHOT_FORMAT} file`);
  if (envelope.version !== SNAPSHOT_VERSION) throw refuse(`has snapshot version ${String(envelope.version)}; this emulator reads version ${SNAPSHOT_VERSION}`);
  if (typeof envelope.state !== 'string' || envelope.sha256 !== digest(envelope.state)) throw refuse('fails its SHA-256 check, so it is torn or was changed');
  const state = JSON.parse(envelope.state) as InstanceSnapshot;
  if (!state.signingKey?.privateKeyPem || !state.tables || !state.settings) throw refuse('lacks the signing key, tables or settings');
  return state;
}
