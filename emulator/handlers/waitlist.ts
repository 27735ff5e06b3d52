/** `POST /v1/waitlist`: join the waitlist; answered bare (`{ object: 'waitlist', id, … }`), as ClerkJS reads it. */
import { formError, paramMissing } from '../domain/errors.js';
import { isEmail } from '../domain/identifiers.js';
import { newId } from '../domain/ids.js';
import type { WaitlistEntryRecord } from '../domain/records.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';

export function waitlistEntryJson(entry: WaitlistEntryRecord): Record<string, unknown> {
  return { object: 'waitlist', id: entry.id, created_at: entry.createdAt, updated_at: entry.updatedAt };
}

function joinWaitlist(ctx: RequestContext): Response {
  const { core } = ctx;
  const email = ctx.body.text('email_address');
  if (!email) throw paramMissing('email_address');
  if (!isEmail(email)) throw formError('form_param_format_invalid', 'email_address', 'email_address must be a valid email address.');
  const wanted = email.toLowerCase();
  if ([...core.store.waitlist.values()].some((e) => e.emailAddress.toLowerCase() === wanted)) {
    throw formError('form_identifier_exists', 'email_address', 'This email address is already on the waitlist.');
  }
  const now = core.now();
  const entry: WaitlistEntryRecord = { id: newId('wle'), emailAddress: email, createdAt: now, updatedAt: now };
  core.store.waitlist.set(entry.id, entry);
  return ctx.json(waitlistEntryJson(entry));
}

export const waitlistRoutes: Route[] = [route('POST', '/waitlist', joinWaitlist)];
