/** Test/playground controls under `<prefix>/__emulator/…` (not part of FAPI). */
import type { EmulatorCore } from '../core.js';
import { faultRuleFromJson } from '../faults.js';
import type { EmulatorSettingsInput } from '../settings.js';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? JSON.parse(text) : {};
}

/** Handles `/__emulator/<action>`; `action` is the part after `/__emulator`. */
export async function handleAdmin(core: EmulatorCore, method: string, action: string, request: Request): Promise<Response> {
  try {
    if (action === '/outbox' && method === 'GET') return json(core.outbox.list());
    if (action === '/outbox' && method === 'DELETE') {
      core.outbox.clear();
      return json({ ok: true });
    }
    if (action === '/reset' && method === 'POST') {
      core.reset();
      return json({ ok: true });
    }
    if (action === '/settings' && method === 'GET') return json(core.settings);
    if (action === '/settings' && method === 'POST') {
      core.updateSettings((await readJson(request)) as EmulatorSettingsInput);
      return json(core.settings);
    }
    if (action === '/faults' && method === 'POST') {
      core.faults.add(faultRuleFromJson(await readJson(request)));
      return json({ ok: true });
    }
    if (action === '/faults' && method === 'DELETE') {
      core.faults.clear();
      return json({ ok: true });
    }
    if (action === '/requests' && method === 'GET') return json(core.requests);
    if (action === '/waitlist' && method === 'GET') {
      return json([...core.store.waitlist.values()].map((e) => ({ id: e.id, emailAddress: e.emailAddress, createdAt: e.createdAt })));
    }
    if (action === '/users' && method === 'POST') {
      const user = core.createSeedUser((await readJson(request)) as Parameters<EmulatorCore['createSeedUser']>[0]);
      return json({ id: user.id });
    }
    if (action === '/info' && method === 'GET') {
      return json({ publishableKey: core.publishableKey, frontendApiHost: core.frontendApiHost, instanceType: core.instanceType });
    }
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
  return json({ error: `no admin route ${method} ${action}` }, 404);
}
