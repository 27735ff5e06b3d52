/**
 * Organization invitation tickets: the opaque token an invitation link carries (`__clerk_ticket`).
 * A sign-up or sign-in with `strategy=ticket` proves the invited address and accepts the invitation.
 */
import type { EmulatorCore } from './core.js';
import { fapiError } from './errors.js';
import { newId } from './ids.js';
import type { InvitationRecord, UserRecord } from './records.js';

/** The pending invitation a ticket belongs to; unknown, revoked, used and expired tickets are refused. */
export function invitationForTicket(core: EmulatorCore, ticket: string | undefined): InvitationRecord {
  core.store.expireInvitations(core.now());
  const invitation = ticket ? [...core.store.invitations.values()].find((i) => i.ticket === ticket) : undefined;
  if (invitation?.status === 'expired') {
    throw fapiError(400, 'ticket_expired', 'Ticket expired', 'This invitation link has expired. Ask an admin of the organization for a new one.', {
      param_name: 'ticket',
    });
  }
  if (!invitation || invitation.status !== 'pending' || !core.store.organizations.has(invitation.organizationId)) {
    throw fapiError(400, 'ticket_invalid', 'Ticket invalid', 'This invitation link is invalid or has already been used.', { param_name: 'ticket' });
  }
  return invitation;
}

/** Makes the user a member with the invitation's role (once) and marks the invitation accepted. */
export function acceptInvitationForUser(core: EmulatorCore, invitation: InvitationRecord, user: UserRecord): void {
  const { store } = core;
  const now = core.now();
  if (!store.organizationMembers(invitation.organizationId).some((m) => m.userId === user.id)) {
    const id = newId('orgmem');
    store.memberships.set(id, { id, organizationId: invitation.organizationId, userId: user.id, role: invitation.role, createdAt: now, updatedAt: now });
  }
  invitation.status = 'accepted';
  invitation.updatedAt = now;
  user.updatedAt = now;
}
