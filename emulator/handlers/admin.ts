/** Test/playground controls under `<prefix>/__emulator/…` (not part of FAPI). */
import type { InstanceType, SeedUser } from '../domain/core.js';
import type { OutboxView } from '../domain/outbox.js';
import type { EmulatorSettings, EmulatorSettingsInput } from '../domain/settings.js';
import { faultRuleFromJson, type FaultRule } from '../http/faults.js';
import type { RequestLogEntry } from '../http/pipeline.js';

/** What the admin routes drive: the part of the public `Emulator` facade they expose over HTTP. */
export interface AdminControls {
  publishableKey: string;
  frontendApiHost: string;
  instanceType: InstanceType;
  readonly settings: EmulatorSettings;
  updateSettings(partial: EmulatorSettingsInput): void;
  outbox: OutboxView;
  faults: { add(rule: FaultRule): void; clear(): void };
  reset(): void;
  addUser(user: SeedUser): string;
  waitlist(): Array<{ id: string; emailAddress: string; createdAt: number }>;
  requests: RequestLogEntry[];
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text ? JSON.parse(text) : {};
}

/** Handles `/__emulator/<action>`; `action` is the part after `/__emulator`. */
export async function handleAdmin(controls: AdminControls, method: string, action: string, request: Request): Promise<Response> {
  try {
    if (action === '/outbox' && method === 'GET') return json(controls.outbox.list());
    if (action === '/outbox' && method === 'DELETE') {
      controls.outbox.clear();
      return json({ ok: true });
    }
    if (action === '/reset' && method === 'POST') {
      controls.reset();
      return json({ ok: true });
    }
    if (action === '/settings' && method === 'GET') return json(controls.settings);
    if (action === '/settings' && method === 'POST') {
      controls.updateSettings((await readJson(request)) as EmulatorSettingsInput);
      return json(controls.settings);
    }
    if (action === '/faults' && method === 'POST') {
      controls.faults.add(faultRuleFromJson(await readJson(request)));
      return json({ ok: true });
    }
    if (action === '/faults' && method === 'DELETE') {
      controls.faults.clear();
      return json({ ok: true });
    }
    if (action === '/requests' && method === 'GET') return json(controls.requests);
    if (action === '/waitlist' && method === 'GET') return json(controls.waitlist());
    if (action === '/users' && method === 'POST') {
      return json({ id: controls.addUser((await readJson(request)) as SeedUser) });
    }
    if (action === '/info' && method === 'GET') {
      return json({ publishableKey: controls.publishableKey, frontendApiHost: controls.frontendApiHost, instanceType: controls.instanceType });
    }
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
  return json({ error: `no admin route ${method} ${action}` }, 404);
}
