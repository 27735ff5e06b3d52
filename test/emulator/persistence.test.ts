// startEmulator({ dataDir }): state survives a restart; a torn snapshot file is refused, never half-loaded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { caller, devBrowser, signInWithPassword, verifyWithJwks } from './helpers.js';

const dirs: string[] = [];
const running: RunningEmulator[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'microclerk-data-'));
  dirs.push(dir);
  return dir;
};
const start = async (dataDir?: string) => {
  const emulator = await startEmulator({ dataDir });
  running.push(emulator);
  return emulator;
};

const stop = async (emulator: RunningEmulator) => {
  running.splice(running.indexOf(emulator), 1);
  await emulator.close();
};

afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('emulator persistence (dataDir)', () => {
  it('keeps users, organizations, settings, sessions and the signing key across a restart', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    expect(first.dataFile).toBe(join(dataDir, 'emulator.json'));
    const userId = first.emulator.addUser({ emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' });
    first.emulator.updateSettings({ applicationName: 'Persisted app', singleSession: true });
    const fapi = await devBrowser(first.emulator);
    const sessionId = await signInWithPassword(fapi, 'ada@example.com', 'password123');
    const token = (await fapi('POST', `/client/sessions/${sessionId}/tokens`)).json.jwt as string;
    expect(verifyWithJwks(token, first.emulator.jwks())).toBe(true);
    const org = await fapi('POST', '/organizations', { name: 'Acme' });
    expect(org.status).toBe(200);
    await stop(first);

    const second = await start(dataDir);
    // Same key: a token issued before the restart verifies against the new process's JWKS.
    expect(second.emulator.jwks()).toEqual(first.emulator.jwks());
    expect(verifyWithJwks(token, second.emulator.jwks())).toBe(true);
    expect(second.publishableKey).toBe(first.publishableKey);
    expect(second.emulator.settings).toMatchObject({ applicationName: 'Persisted app', singleSession: true });
    // The old browser is still signed in…
    const sameBrowser = caller(second.emulator, { token: fapi.token });
    const client = await sameBrowser('GET', '/client');
    expect(client.json.response.sessions.map((s: any) => s.id)).toEqual([sessionId]);
    expect(client.json.response.sessions[0].user.organization_memberships[0].organization.name).toBe('Acme');
    // …and the user can sign in again from a new one.
    const newBrowser = await devBrowser(second.emulator);
    const newSession = await signInWithPassword(newBrowser, 'ada@example.com', 'password123');
    const newToken = (await newBrowser('POST', `/client/sessions/${newSession}/tokens`)).json.jwt as string;
    expect(JSON.parse(Buffer.from(newToken.split('.')[1]!, 'base64url').toString()).sub).toBe(userId);
  });

  it('writes the snapshot after each request, without being closed first', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await fetch(`${first.proxyUrl}/__emulator/users`, { method: 'POST', body: JSON.stringify({ emailAddress: 'grace@example.com', password: 'password123' }) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(readFileSync(join(dataDir, 'emulator.json'), 'utf8')).toContain('grace@example.com');
  });

  it('refuses a torn or altered snapshot with a message naming the file', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    first.emulator.addUser({ emailAddress: 'ada@example.com', password: 'password123' });
    await stop(first);
    const file = join(dataDir, 'emulator.json');
    const whole = readFileSync(file, 'utf8');

    writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
    await expect(start(dataDir)).rejects.toThrow(/emulator\.json: is not complete JSON .*cut short/);

    // Valid JSON whose state was changed without its checksum.
    writeFileSync(file, whole.replace('ada@example.com', 'eve@example.com'));
    await expect(start(dataDir)).rejects.toThrow(/fails its SHA-256 check/);

    writeFileSync(file, JSON.stringify({ format: 'something-else' }));
    await expect(start(dataDir)).rejects.toThrow(/is not a microclerk-emulator-snapshot file/);

    // The refused file is left as it was, for the developer to look at.
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify({ format: 'something-else' }));
    writeFileSync(file, whole);
    const again = await start(dataDir);
    expect([...again.emulator.outbox.list()]).toEqual([]);
    expect(await (await fetch(`${again.proxyUrl}/__emulator/users`)).json()).toMatchObject([{ emailAddresses: ['ada@example.com'] }]);
  });

  it('stays in memory without dataDir', async () => {
    const first = await start();
    expect(first.dataFile).toBeUndefined();
    first.emulator.addUser({ emailAddress: 'ada@example.com', password: 'password123' });
    await stop(first);
    const second = await start();
    expect(await (await fetch(`${second.proxyUrl}/__emulator/users`)).json()).toEqual([]);
  });
});
