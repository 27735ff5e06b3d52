// @vitest-environment happy-dom
// Compatibility check: the published ClerkJS build drives the emulator over real HTTP.
// ClerkJS is installed apart, in compare/ (`npm run compare:install`): skipped without it, except on CI.
import { expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { compareMissingMessage, comparePackageFile, compareRequired } from '../helpers/compare.js';
import { decodePart, verifyWithJwks } from './helpers.js';

const clerkJsModule = comparePackageFile('@clerk/clerk-js', 'dist/clerk.mjs');
if (!clerkJsModule) {
  if (compareRequired) throw new Error(`CI: ${compareMissingMessage('@clerk/clerk-js')}`);
  console.warn(`skipped: ${compareMissingMessage('@clerk/clerk-js')}`);
}

it.skipIf(!clerkJsModule)('@clerk/clerk-js 6.40.0 loads, signs in, updates the user and switches organization', async () => {
  const running = await startEmulator({
    instanceType: 'production',
    seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' }] },
  });
  try {
    // Same origin as the emulator, so the HttpOnly __client cookie is first-party (as in the playground).
    (window as any).happyDOM.setURL(`${running.url}/app`);
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    const { Clerk } = await import(/* @vite-ignore */ clerkJsModule!);
    const clerk = new Clerk(running.publishableKey, { proxyUrl: running.proxyUrl } as any);
    await clerk.load({ standardBrowser: false, telemetry: false } as any);
    expect(clerk.loaded).toBe(true);
    expect(running.emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/environment', 'GET /v1/client']);

    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'password123' });
    expect(signIn.status).toBe('complete');
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.user?.firstName).toBe('Ada');
    const token = await clerk.session!.getToken();
    expect(verifyWithJwks(token!, running.emulator.jwks())).toBe(true);

    await clerk.user!.update({ lastName: 'Lovelace' });
    expect(clerk.user!.lastName).toBe('Lovelace');

    const org = await clerk.createOrganization({ name: 'Acme' });
    await clerk.setActive({ organization: org.id });
    expect(clerk.organization?.id).toBe(org.id);
    const orgToken = await clerk.session!.getToken({ skipCache: true });
    expect(decodePart(orgToken!, 1).o).toMatchObject({ id: org.id, slg: 'acme', rol: 'admin' });

    const error = await clerk.client!.signIn.create({ identifier: 'nobody@example.com' }).catch((e: any) => e);
    expect(error.status).toBe(422);
    expect(error.errors[0].code).toBe('form_identifier_not_found');
    expect(error.errors[0].meta.paramName).toBe('identifier');
  } finally {
    await running.close();
  }
});
