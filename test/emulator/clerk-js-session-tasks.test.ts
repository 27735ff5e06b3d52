// @vitest-environment happy-dom
// Compatibility check for session tasks: the published ClerkJS build, against the emulator on an instance
// that requires organizations, sees the pending session and its task as FAPI sends them, builds its task
// URL, and resolves the task by creating and selecting an organization.
// ClerkJS is installed apart, in compare/ (`npm run compare:install`): skipped without it, except on CI.
import { expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { compareMissingMessage, comparePackageFile, compareRequired } from '../helpers/compare.js';
import { decodePart } from './helpers.js';

const clerkJsModule = comparePackageFile('@clerk/clerk-js', 'dist/clerk.mjs');
if (!clerkJsModule) {
  if (compareRequired) throw new Error(`CI: ${compareMissingMessage('@clerk/clerk-js')}`);
  console.warn(`skipped: ${compareMissingMessage('@clerk/clerk-js')}`);
}

it.skipIf(!clerkJsModule)('@clerk/clerk-js 6.40.0: a pending session with the choose-organization task, resolved by selecting a new organization', async () => {
  const running = await startEmulator({
    instanceType: 'production',
    settings: { forceOrganizationSelection: true },
    seed: { users: [{ emailAddress: 'ada@example.com', password: 'password123', firstName: 'Ada' }] },
  });
  try {
    (window as any).happyDOM.setURL(`${running.url}/app`);
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    const { Clerk } = await import(/* @vite-ignore */ clerkJsModule!);
    const clerk = new Clerk(running.publishableKey, { proxyUrl: running.proxyUrl } as any);
    await clerk.load({ standardBrowser: false, telemetry: false } as any);
    expect(clerk.environment.organizationSettings.forceOrganizationSelection).toBe(true);

    const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'password123' });
    expect(signIn.status).toBe('complete');
    await clerk.setActive({ session: signIn.createdSessionId });
    expect(clerk.session.status).toBe('pending');
    expect(clerk.session.currentTask).toEqual({ key: 'choose-organization' });
    expect(clerk.isSignedIn).toBe(false);
    expect(clerk.user?.firstName).toBe('Ada');
    // The sign-in page's tasks step with the redirect parameters in the hash, as microclerk's buildTasksUrl builds it.
    const [hashPath, hashQuery] = new URL(clerk.buildTasksUrl()).hash.split('?');
    expect(hashPath).toBe('#/tasks/choose-organization');
    expect(new URLSearchParams(hashQuery).get('redirect_url')).toBe(`${running.url}/app`);
    expect(decodePart((await clerk.session.getToken())!, 1).sts).toBe('pending');

    const org = await clerk.createOrganization({ name: 'Acme' });
    await clerk.setActive({ organization: org.id });
    expect(clerk.session.status).toBe('active');
    expect(clerk.session.currentTask).toBeUndefined();
    expect(clerk.isSignedIn).toBe(true);
    expect(clerk.organization?.id).toBe(org.id);
    expect(decodePart((await clerk.session.getToken({ skipCache: true }))!, 1)).toMatchObject({ sts: 'active', o: { id: org.id } });
  } finally {
    await running.close();
  }
});
